// Counsellor console: log in, go on duty, take chats from the queue, chat, send cards and canned responses,
// transfer, end with the anonymous wrap-up form; supervisors also see live numbers.
import { createApi, tokenClaims } from '/shared/api.js';
import { openChatSocket } from '/shared/chat-socket.js';
import { chatMetaLabel, queueItemLabel } from '/console/labels.js';

const $ = (id) => document.getElementById(id);
const state = { token: null, roles: [], socket: null, chats: new Map(), current: null };
const api = createApi(() => state.token);

function send(frame) {
  if (state.socket) state.socket.send(frame);
}

function text(element, value) { element.textContent = value; return element; }

$('login-form').addEventListener('submit', (event) => {
  event.preventDefault();
  api('/api/v1/staff/login', { method: 'POST', body: { username: $('username').value, password: $('password').value } })
    .then((issued) => {
      state.token = issued.token;
      state.roles = tokenClaims(issued.token).groups || [];
      $('login').classList.add('hidden');
      $('view-chat').classList.remove('hidden');
      if (state.roles.includes('supervisor') || state.roles.includes('admin')) $('tab-supervisor').classList.remove('hidden');
      connect();
      loadCanned();
      loadTopics();
    })
    .catch((e) => text($('login-status'), 'Innlogging feilet: ' + e.message));
});

function connect() {
  state.socket = openChatSocket({
    path: '/ws/counsellor',
    token: () => state.token,
    onFrame: handle,
    onStatus: (status) => { if (status !== 'open') text($('connection'), 'Frakoblet – kobler til igjen …'); }
  });
}

function handle(frame) {
  switch (frame.type) {
    case 'ready':
      text($('connection'), 'Tilkoblet');
      send({ type: 'availability', available: $('available').checked, capacity: Number($('capacity').value) });
      (frame.conversations || []).forEach((c) => {
        chat(c.conversationId);
        state.socket.resume(c.conversationId);
      });
      break;
    case 'queue': renderQueue(frame.items); break;
    case 'availability': text($('connection'), frame.available ? 'Tilgjengelig (' + frame.active + '/' + frame.capacity + ')' : 'Ikke tilgjengelig'); break;
    case 'claimed': chat(frame.conversationId, frame); select(frame.conversationId); break;
    case 'message': case 'card': case 'assigned': case 'transferred': case 'ended': case 'read':
      record(frame); break;
    case 'typing': if (frame.conversationId === state.current) { text($('typing'), 'Ungdommen skriver …'); setTimeout(() => text($('typing'), ''), 3000); } break;
    case 'reconnecting': note(frame.conversationId, 'Ungdommen har mistet forbindelsen – venter …'); break;
    case 'youth-back': note(frame.conversationId, 'Ungdommen er tilbake.'); break;
    case 'released': state.chats.delete(frame.conversationId); state.socket.forget(frame.conversationId); renderTabs(); if (state.current === frame.conversationId) select(null); break;
    case 'wrap-up-saved': text($('chat-status'), 'Skjemaet er lagret.'); $('wrap-up').classList.add('hidden'); break;
    case 'error': text($('chat-status'), 'Feil: ' + frame.message); break;
    default: break;
  }
}

function chat(id, claimed) {
  if (!state.chats.has(id)) state.chats.set(id, { id, items: [], topic: claimed && claimed.topic, ageBand: claimed && claimed.ageBand, ended: false });
  renderTabs();
  return state.chats.get(id);
}

function record(frame) {
  // The chat socket drops logged frames already seen, so a resume's replay adds nothing twice.
  const c = chat(frame.conversationId);
  if (frame.type === 'message') c.items.push({ cls: frame.from === 'counsellor' ? 'mine' : '', text: frame.text, seq: frame.seq, from: frame.from });
  if (frame.type === 'card') c.items.push({ cls: 'mine', text: 'Kort: ' + (frame.kind === 'service' ? frame.service.name : frame.fact.title) });
  if (frame.type === 'transferred') c.items.push({ cls: 'system', text: 'Overført' });
  if (frame.type === 'ended') { c.ended = true; c.items.push({ cls: 'system', text: 'Samtalen er avsluttet.' }); }
  if (frame.type === 'read' && frame.by === 'youth') c.readUpTo = frame.upToSeq;
  if (c.id === state.current) renderChat();
  if (frame.type === 'message' && frame.from === 'youth' && c.id === state.current) send({ type: 'read', conversationId: c.id, upToSeq: frame.seq });
}

function note(id, message) {
  const c = chat(id);
  c.items.push({ cls: 'system', text: message });
  if (id === state.current) renderChat();
}

function renderQueue(items) {
  const list = $('queue');
  list.replaceChildren();
  if (!items.length) list.append(text(document.createElement('li'), 'Ingen venter.'));
  items.forEach((item) => {
    const li = document.createElement('li');
    li.append(text(document.createElement('span'), queueItemLabel(item) + ' '));
    const claim = text(document.createElement('button'), 'Ta samtalen');
    claim.type = 'button';
    claim.addEventListener('click', () => send({ type: 'claim', conversationId: item.conversationId }));
    li.append(claim);
    list.append(li);
  });
}

function renderTabs() {
  const tabs = $('chat-tabs');
  tabs.replaceChildren();
  [...state.chats.values()].forEach((c, i) => {
    const b = text(document.createElement('button'), 'Samtale ' + (i + 1) + (c.ended ? ' (avsluttet)' : ''));
    b.type = 'button';
    b.setAttribute('role', 'tab');
    b.setAttribute('aria-selected', String(c.id === state.current));
    b.addEventListener('click', () => select(c.id));
    tabs.append(b);
  });
}

function select(id) {
  state.current = id;
  $('chat-pane').classList.toggle('hidden', !id);
  renderTabs();
  if (id) renderChat();
}

function renderChat() {
  const c = state.chats.get(state.current);
  if (!c) return;
  text($('chat-meta'), chatMetaLabel(c));
  const list = $('messages');
  list.replaceChildren();
  c.items.forEach((item) => {
    const li = text(document.createElement('li'), item.text);
    if (item.cls) li.className = item.cls;
    if (item.from === 'counsellor' && c.readUpTo && item.seq <= c.readUpTo) li.append(text(document.createElement('span'), ' ✓ lest'));
    list.append(li);
  });
  list.scrollTop = list.scrollHeight;
  $('wrap-up').classList.toggle('hidden', !c.ended);
}

$('available').addEventListener('change', () => send({ type: 'availability', available: $('available').checked, capacity: Number($('capacity').value) }));
$('capacity').addEventListener('change', () => send({ type: 'availability', available: $('available').checked, capacity: Number($('capacity').value) }));

$('send-form').addEventListener('submit', (event) => {
  event.preventDefault();
  const value = $('message').value.trim();
  if (!value || !state.current) return;
  send({ type: 'message', conversationId: state.current, text: value });
  $('message').value = '';
});
let typingSent = 0;
$('message').addEventListener('input', () => {
  if (state.current && Date.now() - typingSent > 2000) { typingSent = Date.now(); send({ type: 'typing', conversationId: state.current }); }
});

function loadCanned() {
  api('/api/v1/canned?lang=nb').then((items) => items.forEach((c) => {
    const option = text(document.createElement('option'), c.title);
    option.value = c.id;
    $('canned').append(option);
  })).catch(() => {});
}
$('send-canned').addEventListener('click', () => {
  if (state.current && $('canned').value) send({ type: 'canned', conversationId: state.current, cannedId: $('canned').value });
});

$('do-card-search').addEventListener('click', () => {
  const q = encodeURIComponent($('card-search').value);
  const list = $('card-results');
  list.replaceChildren();
  const add = (label, frame) => {
    const li = text(document.createElement('li'), label + ' ');
    const b = text(document.createElement('button'), 'Send kort');
    b.type = 'button';
    b.className = 'secondary';
    b.addEventListener('click', () => send(Object.assign({ conversationId: state.current }, frame)));
    li.append(b);
    list.append(li);
  };
  api('/api/v1/services?size=5&q=' + q).then((page) => page.items.forEach((s) => add('Tjeneste: ' + s.name, { type: 'service-card', serviceId: s.id }))).catch(() => {});
  api('/api/v1/facts/search?limit=5&q=' + q).then((r) => r.items.forEach((f) => add('Fakta: ' + f.title, { type: 'fact-card', slug: f.slug }))).catch(() => {});
});

$('transfer').addEventListener('click', () => { if (state.current && $('transfer-to').value) send({ type: 'transfer', conversationId: state.current, to: $('transfer-to').value.trim() }); });
$('to-queue').addEventListener('click', () => { if (state.current) send({ type: 'transfer', conversationId: state.current }); });
$('end').addEventListener('click', () => { if (state.current) send({ type: 'end', conversationId: state.current }); });
$('block').addEventListener('click', () => { if (state.current && confirm('Blokkere denne økten?')) send({ type: 'block', conversationId: state.current }); });

function loadTopics() {
  api('/api/v1/topics').then((topics) => topics.forEach((t) => {
    const id = 'topic-' + t.id;
    const box = document.createElement('input');
    box.type = 'checkbox'; box.id = id; box.value = t.id;
    const label = text(document.createElement('label'), t.label.nb);
    label.htmlFor = id; label.className = 'inline plain';
    $('wrap-topics').append(box, label);
  })).catch(() => {});
}
$('wrap-up').addEventListener('submit', (event) => {
  event.preventDefault();
  const topics = [...document.querySelectorAll('#wrap-topics input:checked')].map((b) => b.value);
  const services = $('wrap-services').value.split(',').map((s) => s.trim()).filter(Boolean);
  send({ type: 'wrap-up', conversationId: state.current, topics, outcome: $('wrap-outcome').value, referredServices: services });
});

// The overview polls on one interval while it is shown. It used to re-arm a timeout on every refresh and start a new
// chain on every tab click, so switching away and back within five seconds left two chains polling.
let liveTimer = null;

function showView(supervisor) {
  const wasSupervisor = !$('view-supervisor').classList.contains('hidden');
  $('view-chat').classList.toggle('hidden', supervisor);
  $('view-supervisor').classList.toggle('hidden', !supervisor);
  $('tab-chat').setAttribute('aria-current', supervisor ? 'false' : 'page');
  $('tab-supervisor').setAttribute('aria-current', supervisor ? 'page' : 'false');
  if (supervisor && !wasSupervisor) {
    refreshLive();
    liveTimer = setInterval(refreshLive, 5000);
  } else if (!supervisor) {
    clearInterval(liveTimer);
    liveTimer = null;
  }
}
$('tab-chat').addEventListener('click', () => state.token && showView(false));
$('tab-supervisor').addEventListener('click', () => state.token && showView(true));

function refreshLive() {
  api('/api/v1/chat/live').then((live) => {
    const dl = $('live');
    dl.replaceChildren();
    [['Venter', live.waiting], ['Lengste ventetid (min)', Math.round(live.longestWaitSeconds / 60)], ['Aktive samtaler', live.activeChats], ['Chatten er åpen', live.open ? 'ja' : 'nei']]
      .forEach(([k, v]) => dl.append(text(document.createElement('dt'), k), text(document.createElement('dd'), String(v))));
    const body = $('live-counsellors');
    body.replaceChildren();
    live.counsellors.forEach((c) => {
      const tr = document.createElement('tr');
      [c.username, c.connected ? 'ja' : 'nei', c.available ? 'ja' : 'nei', String(c.activeChats)].forEach((v) => tr.append(text(document.createElement('td'), v)));
      body.append(tr);
    });
  }).catch(() => {});
}
