// Counsellor console: log in, go on duty, take chats from the queue (urgent first), chat, send cards and canned
// responses, flag risk, call for help, ask consent before personal data is shared, transfer, end with the anonymous
// wrap-up form; supervisors also see live chats (no text) and can read along, whisper, join and take over.
import { createApi, tokenClaims } from '/shared/api.js';
import { openChatSocket, SAFEGUARDING_LOGGED } from '/shared/chat-socket.js';
import {
  chatMetaLabel, queueItemLabel, senderLabel, timeLabel, riskLabel, alertLabel, minutesLabel, CONSENT_WHAT,
  CONSENT_PURPOSE
} from '/console/labels.js';
import { enableAlerting, beep, notify } from '/console/alerting.js';

const $ = (id) => document.getElementById(id);
const state = {
  token: null, username: null, roles: [], socket: null, chats: new Map(), current: null,
  queue: [], queueTotal: 0, queueAt: 0, seenQueue: new Set(), notified: new Set(), urgent: new Set(), alerts: [],
  pendingMonitor: new Set(), pendingJoin: new Set(), pendingTakeOver: new Set(), whisperTo: null, released: new Set()
};
const api = createApi(() => state.token);

function send(frame) {
  if (state.socket) state.socket.send(frame);
}

function text(element, value) { element.textContent = value; return element; }
function el(tag, cls, value) {
  const e = document.createElement(tag);
  if (cls) e.className = cls;
  if (value !== undefined) e.textContent = value;
  return e;
}
const isSupervisor = () => state.roles.includes('supervisor');
/** Error codes said in Norwegian; others show the server's message. */
const ERRORS = {
  forbidden: 'Bare erfarne veiledere (rollen supervisor) kan gjøre dette.',
  'wrong-state': 'Det går ikke nå: samtalen er avsluttet, venter fortsatt, eller du må lese med først.',
  'not-found': 'Fant ikke samtalen (den kan være avsluttet eller ikke din).',
  'no-capacity': 'Du har ikke plass til flere samtaler nå.'
};

$('login-form').addEventListener('submit', (event) => {
  event.preventDefault();
  api('/api/v1/staff/login', { method: 'POST', body: { username: $('username').value, password: $('password').value } })
    .then((issued) => {
      state.token = issued.token;
      const claims = tokenClaims(issued.token);
      state.roles = claims.groups || [];
      state.username = claims.upn || claims.preferred_username || claims.sub || $('username').value;
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
    alsoLogged: SAFEGUARDING_LOGGED,
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
      // Chats a supervisor reads along in are not the counsellor's own: after a reconnect, resume them too.
      state.chats.forEach((c) => {
        if (c.role !== 'own' && !c.ended) state.socket.resume(c.id);
      });
      break;
    case 'queue': queueChanged(frame.items, frame.total); break;
    case 'availability': text($('connection'), frame.available ? 'Tilgjengelig (' + frame.active + '/' + frame.capacity + ')' : 'Ikke tilgjengelig'); break;
    case 'claimed': state.released.delete(frame.conversationId); chat(frame.conversationId, frame); select(frame.conversationId); break;
    case 'message': case 'card': case 'assigned': case 'transferred': case 'ended': case 'read':
    case 'flagged': case 'whisper': case 'notice': case 'consent-request': case 'consent-answer': case 'personal-data':
      record(frame); break;
    case 'alert': alerted(frame); break;
    case 'monitoring': monitoring(frame); break;
    // Reading along again after a reload: the server already counts us as reading, so we resume instead.
    case 'resumed': if (state.pendingMonitor.has(frame.conversationId)) monitoring(frame); break;
    case 'typing': if (frame.conversationId === state.current) { text($('typing'), 'Ungdommen skriver …'); setTimeout(() => text($('typing'), ''), 3000); } break;
    case 'reconnecting': note(frame.conversationId, 'Ungdommen har mistet forbindelsen – venter …'); break;
    case 'youth-back': note(frame.conversationId, 'Ungdommen er tilbake.'); break;
    case 'released':
      // A take-over's notice may come after this: frames about a chat that is no longer ours are not shown.
      state.released.add(frame.conversationId);
      state.chats.delete(frame.conversationId);
      state.socket.forget(frame.conversationId);
      renderTabs();
      if (state.current === frame.conversationId) select(null);
      renderAlerts();
      text($('chat-status'), 'En samtale er ikke lenger din (overført eller tatt over av en erfaren veileder).');
      break;
    case 'wrap-up-saved': text($('chat-status'), 'Skjemaet er lagret.'); $('wrap-up').classList.add('hidden'); break;
    case 'error': {
      const message = 'Feil: ' + (ERRORS[frame.code] || frame.message);
      text($('chat-status'), message);
      text($('supervise-status'), message);
      break;
    }
    default: break;
  }
}

/** A chat as this console holds it; role is 'own' (assigned to me), 'monitor' (reading along) or 'joined'. */
function chat(id, claimed) {
  if (!state.chats.has(id)) {
    const reading = state.pendingMonitor.has(id);
    state.chats.set(id, {
      id, items: [], topic: claimed && claimed.topic, ageBand: claimed && claimed.ageBand, ended: false,
      role: reading ? 'monitor' : 'own', replaying: reading, unread: 0, urgent: state.urgent.has(id),
      riskLevel: 'none', riskCategory: null, counsellor: null
    });
    renderAlerts();
  }
  const c = state.chats.get(id);
  if (claimed) {
    c.role = 'own';
    c.topic = claimed.topic;
    c.ageBand = claimed.ageBand;
  }
  renderTabs();
  return c;
}

function item(kind, fields) {
  return Object.assign({ kind, at: new Date() }, fields);
}

function record(frame) {
  // The chat socket drops logged frames already seen, so a resume's replay adds nothing twice.
  if (state.released.has(frame.conversationId)) return;
  const c = chat(frame.conversationId);
  let unread = false;
  switch (frame.type) {
    case 'message':
      c.items.push(item('message', { from: frame.from, text: frame.text, seq: frame.seq }));
      unread = frame.from === 'youth';
      break;
    case 'card': c.items.push(item('message', { from: 'counsellor', text: 'Kort: ' + (frame.kind === 'service' ? frame.service.name : frame.fact.title) })); break;
    case 'assigned': c.counsellor = frame.counsellor; break;
    case 'transferred': c.items.push(item('system', { text: 'Overført' })); break;
    case 'ended': c.ended = true; c.items.push(item('system', { text: 'Samtalen er avsluttet' + (frame.reason === 'left-suddenly' ? ': den unge gikk brått (rask utgang).' : '.') })); break;
    case 'read': if (frame.by === 'youth') c.readUpTo = frame.upToSeq; break;
    case 'flagged':
      c.riskLevel = frame.level;
      c.riskCategory = frame.category;
      c.items.push(item('system', { text: frame.level === 'none' ? 'Risiko: ingen.' : 'Risiko satt: ' + riskLabel(frame.level, frame.category) + '.' }));
      break;
    case 'whisper':
      c.items.push(item('whisper', { from: frame.from, text: frame.text }));
      unread = true;
      break;
    case 'notice':
      c.items.push(item('notice', { text: frame.message }));
      roleChange(c, frame);
      break;
    case 'consent-request':
      c.items.push(item('system', { text: 'Spurte om samtykke til å dele ' + (CONSENT_WHAT[frame.what] || frame.what) + ' for '
        + (CONSENT_PURPOSE[frame.purpose] || frame.purpose) + '. Den unge ser: «' + frame.message + '»' }));
      break;
    case 'consent-answer':
      c.items.push(item('system', { text: frame.shared ? 'Den unge sa ja til å dele.' : 'Den unge sa nei til å dele.' }));
      unread = true;
      break;
    case 'personal-data':
      c.items.push(item('personal', { what: frame.what, text: frame.text, position: frame.position }));
      unread = true;
      break;
    default: break;
  }
  if (unread && !c.replaying && (c.id !== state.current || $('view-chat').classList.contains('hidden'))) {
    c.unread += 1;
    renderTabs();
  }
  if (c.id === state.current) renderChat();
  if (frame.type === 'message' && frame.from === 'youth' && c.id === state.current && c.role === 'own') send({ type: 'read', conversationId: c.id, upToSeq: frame.seq });
}

/** A supervisor's join or take-over, as the notice after it tells (replayed notices are old news). */
function roleChange(c, frame) {
  if (c.replaying) return;
  let mine = false;
  if (frame.kind === 'joined' && state.pendingJoin.delete(c.id)) { c.role = 'joined'; mine = true; }
  if (frame.kind === 'took-over' && state.pendingTakeOver.delete(c.id)) { c.role = 'own'; c.counsellor = state.username; mine = true; }
  if (!mine) { renderTabs(); return; }
  // Joined or took over from the overview: open the chat, ready to write.
  showView(false);
  select(c.id);
  text($('chat-status'), c.role === 'joined' ? 'Du er med i samtalen. Den unge har fått beskjed.' : 'Du har tatt over samtalen. Den unge har fått beskjed.');
  $('message').focus();
}

function monitoring(frame) {
  const id = frame.conversationId;
  state.pendingMonitor.delete(id);
  state.released.delete(id);
  const c = chat(id);
  if (c.role === 'own' && frame.counsellor !== state.username) c.role = 'monitor';
  c.replaying = false;
  if (frame.counsellor) c.counsellor = frame.counsellor;
  text($('supervise-status'), 'Du leser med i samtalen. Den finnes under «Chat».');
  if (state.whisperTo === id) {
    state.whisperTo = null;
    showView(false);
    select(id);
    $('whisper-text').focus();
  } else {
    renderTabs();
    if (id === state.current) renderChat();
  }
}

function note(id, message) {
  const c = chat(id);
  c.items.push(item('system', { text: message }));
  if (id === state.current) renderChat();
}

// ---- Sound and notifications ---------------------------------------------------------------------------------

$('enable-alerting').addEventListener('click', () => {
  enableAlerting().then((permission) => {
    text($('alerting-status'), permission === 'granted' ? 'Lyd og skrivebordsvarsler er på.'
      : 'Lyd er på. Skrivebordsvarsler er ikke tillatt i nettleseren.');
    beep(false);
  });
});

/** Sound and a notification once per thing (a chat starting to wait, a chat turning urgent). */
function signal(key, urgent, title, body) {
  if (key) {
    if (state.notified.has(key)) return;
    state.notified.add(key);
  }
  beep(urgent);
  notify(title, body, key || undefined);
}

// ---- Queue ---------------------------------------------------------------------------------------------------

function queueChanged(items, total) {
  // Urgent first; the server sends them so, and a stable sort keeps arrival order within each lane.
  state.queue = items.map((i, n) => Object.assign({ n }, i)).sort((a, b) => (b.urgent - a.urgent) || (a.n - b.n));
  state.queueAt = Date.now();
  state.queueTotal = total;
  state.queue.forEach((i) => {
    if (i.urgent) {
      state.urgent.add(i.conversationId);
      signal(i.conversationId + ':urgent', true, 'Akutt: en ung er ikke trygg', 'En ung sier «Jeg er ikke trygg nå» og venter først i køen.');
    } else if (!state.seenQueue.has(i.conversationId)) {
      signal(i.conversationId + ':waiting', false, 'En ung venter i køen', 'En ny samtale venter.');
    }
    state.seenQueue.add(i.conversationId);
  });
  renderQueue();
}

function waitedNow(i) {
  return i.waitingSeconds + Math.floor((Date.now() - state.queueAt) / 1000);
}

function renderQueue() {
  const list = $('queue');
  list.replaceChildren();
  if (!state.queue.length) list.append(text(document.createElement('li'), 'Ingen venter.'));
  state.queue.forEach((i, n) => {
    const li = document.createElement('li');
    if (i.urgent) {
      li.className = 'urgent';
      li.append(el('span', 'badge urgent', 'Akutt'));
    }
    const label = el('span', 'queue-label', queueItemLabel(Object.assign({}, i, { waitingSeconds: waitedNow(i) })) + ' ');
    label.id = 'queue-item-' + n;
    label.dataset.index = String(n);
    li.append(label);
    const claim = text(document.createElement('button'), 'Ta samtalen');
    claim.type = 'button';
    claim.setAttribute('aria-describedby', label.id);
    claim.addEventListener('click', () => {
      if (i.urgent) state.urgent.add(i.conversationId);
      send({ type: 'claim', conversationId: i.conversationId });
    });
    li.append(claim);
    list.append(li);
  });
  const more = state.queueTotal - state.queue.length;
  if (more > 0) list.append(text(document.createElement('li'), `og ${more} til venter`));
}

// The waiting times keep counting between queue frames; only the labels change, so focus stays where it is.
setInterval(() => {
  document.querySelectorAll('#queue .queue-label').forEach((label) => {
    const i = state.queue[Number(label.dataset.index)];
    if (i) text(label, queueItemLabel(Object.assign({}, i, { waitingSeconds: waitedNow(i) })) + ' ');
  });
}, 15000);

// ---- Alerts --------------------------------------------------------------------------------------------------

function alerted(frame) {
  const id = frame.conversationId;
  const label = alertLabel(frame);
  if (frame.kind === 'urgent') {
    state.urgent.add(id);
    if (state.chats.has(id)) state.chats.get(id).urgent = true;
    signal(id + ':urgent', true, 'Akutt: en ung er ikke trygg', label);
  } else {
    signal(null, true, 'Fristed: varsel', label);
  }
  state.alerts.unshift({ at: new Date(), label, id });
  state.alerts.length = Math.min(state.alerts.length, 30);
  text($('alert-text'), label + ' (' + timeLabel(new Date()) + ')');
  $('alert-banner').classList.remove('hidden');
  renderAlerts();
  renderTabs();
  if (!$('view-supervisor').classList.contains('hidden')) refreshLive();
}

$('alert-dismiss').addEventListener('click', () => $('alert-banner').classList.add('hidden'));

function renderAlerts() {
  ['alerts', 'sup-alerts'].forEach((listId) => {
    const list = $(listId);
    list.replaceChildren();
    if (!state.alerts.length) list.append(el('li', null, 'Ingen varsler.'));
    state.alerts.forEach((a) => {
      const li = el('li', null);
      li.append(el('span', 'when', timeLabel(a.at)), document.createTextNode(' ' + a.label + ' '));
      if (state.chats.has(a.id)) {
        const b = el('button', 'secondary', 'Vis samtale');
        b.type = 'button';
        b.addEventListener('click', () => { showView(false); select(a.id); });
        li.append(b);
      } else if (isSupervisor()) {
        const b = el('button', 'secondary', 'Les med');
        b.type = 'button';
        b.addEventListener('click', () => monitor(a.id));
        li.append(b);
      }
      list.append(li);
    });
  });
}

// ---- Chat tabs and the chosen chat ---------------------------------------------------------------------------

function tabLabel(c, n) {
  return 'Samtale ' + n + (c.role === 'monitor' ? ' – leser med' : c.role === 'joined' ? ' – med i samtalen' : '')
    + (c.ended ? ' (avsluttet)' : '');
}

function renderTabs() {
  const tabs = $('chat-tabs');
  const focused = tabs.contains(document.activeElement) ? document.activeElement.dataset.id : null;
  tabs.replaceChildren();
  [...state.chats.values()].forEach((c, i) => {
    const b = el('button', null, tabLabel(c, i + 1));
    b.type = 'button';
    b.dataset.id = c.id;
    b.setAttribute('role', 'tab');
    b.setAttribute('aria-controls', 'chat-pane');
    b.setAttribute('aria-selected', String(c.id === state.current));
    b.tabIndex = c.id === state.current || (!state.current && i === 0) ? 0 : -1;
    if (c.urgent || state.urgent.has(c.id)) b.append(' ', el('span', 'badge urgent', 'Akutt'));
    if (c.riskLevel && c.riskLevel !== 'none') b.append(' ', el('span', 'badge ' + c.riskLevel, riskLabel(c.riskLevel, null)));
    if (c.unread) b.append(' ', el('span', 'badge unread', c.unread + (c.unread === 1 ? ' ulest' : ' uleste')));
    b.addEventListener('click', () => select(c.id));
    tabs.append(b);
    if (focused === c.id) b.focus();
  });
}

// Arrow keys move between chat tabs (Home and End to the first and last), as in any tab list.
$('chat-tabs').addEventListener('keydown', (event) => {
  const tabs = [...$('chat-tabs').querySelectorAll('[role="tab"]')];
  const at = tabs.indexOf(document.activeElement);
  if (at < 0) return;
  const to = { ArrowRight: at + 1, ArrowLeft: at - 1, Home: 0, End: tabs.length - 1 }[event.key];
  if (to === undefined) return;
  event.preventDefault();
  const target = tabs[(to + tabs.length) % tabs.length];
  select(target.dataset.id);
  const again = $('chat-tabs').querySelector('[data-id="' + target.dataset.id + '"]');
  if (again) again.focus();
});

function select(id) {
  state.current = id;
  $('chat-pane').classList.toggle('hidden', !id);
  if (id && state.chats.has(id)) state.chats.get(id).unread = 0;
  renderTabs();
  if (id) renderChat();
}

function renderItem(c, i) {
  const li = document.createElement('li');
  if (i.kind === 'message') {
    li.className = i.from === 'youth' ? '' : i.from === 'supervisor' ? 'supervisor' : 'mine';
    li.append(el('span', 'who', senderLabel(i.from) + ':'), document.createTextNode(i.text), el('span', 'when', timeLabel(i.at)));
    if (i.from === 'counsellor' && c.readUpTo && i.seq <= c.readUpTo) li.append(text(document.createElement('span'), ' ✓ lest'));
  } else if (i.kind === 'whisper') {
    li.className = 'whisper';
    li.append(el('span', 'who', 'Hvisket fra ' + i.from + ' (bare for ansatte):'), document.createTextNode(i.text), el('span', 'when', timeLabel(i.at)));
  } else if (i.kind === 'personal') {
    li.className = 'personal';
    li.append(el('strong', 'personal-label', 'Personopplysning – lagres ikke'));
    const what = CONSENT_WHAT[i.what] || i.what;
    const value = i.position
      ? 'breddegrad ' + i.position.latitude.toFixed(5) + ', lengdegrad ' + i.position.longitude.toFixed(5)
        + (i.position.accuracyMeters == null ? '' : ', nøyaktighet ± ' + Math.round(i.position.accuracyMeters) + ' m')
      : i.text;
    li.append(document.createTextNode(what.charAt(0).toUpperCase() + what.slice(1) + ': ' + value), el('span', 'when', timeLabel(i.at)));
  } else {
    li.className = i.kind === 'notice' ? 'notice' : 'system';
    li.append(document.createTextNode(i.text), el('span', 'when', timeLabel(i.at)));
  }
  return li;
}

function renderChat() {
  const c = state.chats.get(state.current);
  if (!c) return;
  text($('chat-meta'), chatMetaLabel(c) + (c.counsellor ? ' · Veileder: ' + c.counsellor : '')
    + (c.role === 'monitor' ? ' · Du leser med' : c.role === 'joined' ? ' · Du er med i samtalen' : ''));
  const risk = riskLabel(c.riskLevel, c.riskCategory);
  text($('chat-risk'), (c.urgent || state.urgent.has(c.id) ? 'Akutt: den unge sa «Jeg er ikke trygg nå». ' : '') + (risk ? 'Risiko: ' + risk : ''));
  $('chat-risk').classList.toggle('hidden', !$('chat-risk').textContent);
  $('chat-risk').classList.toggle('acute', c.riskLevel === 'acute' || c.urgent || state.urgent.has(c.id));
  const list = $('messages');
  list.replaceChildren(...c.items.map((i) => renderItem(c, i)));
  list.scrollTop = list.scrollHeight;
  const own = c.role === 'own';
  const speaking = own || c.role === 'joined';
  $('send-form').classList.toggle('hidden', !speaking || c.ended);
  $('safeguarding').classList.toggle('hidden', !speaking || c.ended);
  $('risk-row').classList.toggle('hidden', !own);
  $('need-help').classList.toggle('hidden', !own);
  ['canned-row', 'card-row', 'card-results', 'transfer-row'].forEach((id) => $(id).classList.toggle('hidden', !own || c.ended));
  $('whisper-form').classList.toggle('hidden', own || c.ended);
  $('supervise-tools').classList.toggle('hidden', own || c.ended);
  $('chat-join').classList.toggle('hidden', c.role !== 'monitor');
  $('wrap-up').classList.toggle('hidden', !(own && c.ended));
  if (c.riskLevel) $('risk-level').value = c.riskLevel;
  if (c.riskCategory) $('risk-category').value = c.riskCategory;
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

// ---- Safeguarding in a chat ----------------------------------------------------------------------------------

$('set-risk').addEventListener('click', () => {
  if (!state.current) return;
  const level = $('risk-level').value;
  const category = $('risk-category').value;
  if (level !== 'none' && !category) {
    text($('chat-status'), 'Velg en kategori for bekymring eller akutt risiko.');
    $('risk-category').focus();
    return;
  }
  const frame = { type: 'flag', conversationId: state.current, level };
  if (level !== 'none') frame.category = category;
  send(frame);
  text($('chat-status'), level === 'acute' ? 'Akutt risiko er satt. Erfarne veiledere er varslet.' : 'Risiko er satt.');
});
$('need-help').addEventListener('click', () => {
  if (!state.current) return;
  send({ type: 'help', conversationId: state.current });
  text($('chat-status'), 'Erfarne veiledere er varslet om at du trenger hjelp.');
});
$('ask-consent').addEventListener('click', () => {
  if (!state.current) return;
  send({ type: 'consent-request', conversationId: state.current, what: $('consent-what').value, purpose: $('consent-purpose').value });
  text($('chat-status'), 'Spørsmålet om samtykke er sendt. Den unge svarer ja eller nei.');
});

$('whisper-form').addEventListener('submit', (event) => {
  event.preventDefault();
  const value = $('whisper-text').value.trim();
  if (!value || !state.current) return;
  send({ type: 'whisper', conversationId: state.current, text: value });
  $('whisper-text').value = '';
});
$('chat-join').addEventListener('click', () => { if (state.current) join(state.current); });
$('chat-take-over').addEventListener('click', () => { if (state.current) takeOver(state.current); });

function monitor(id, alreadyReading) {
  state.released.delete(id);
  const c = state.chats.get(id);
  if (c && c.role !== 'own') { showView(false); select(id); return; }
  state.pendingMonitor.add(id);
  if (alreadyReading) state.socket.resume(id);
  else send({ type: 'monitor', conversationId: id });
}
function whisperTo(id, alreadyReading) {
  const c = state.chats.get(id);
  if (c && c.role !== 'own') {
    showView(false);
    select(id);
    $('whisper-text').focus();
    return;
  }
  state.whisperTo = id;
  monitor(id, alreadyReading);
}
function join(id) {
  if (!state.chats.has(id)) state.pendingMonitor.add(id);
  state.pendingJoin.add(id);
  send({ type: 'join', conversationId: id });
}
function takeOver(id) {
  if (!confirm('Ta over samtalen? Veilederen blir koblet fra, og den unge får beskjed.')) return;
  if (!state.chats.has(id)) state.pendingMonitor.add(id);
  state.pendingTakeOver.add(id);
  send({ type: 'take-over', conversationId: id });
}

// ---- Canned responses, cards, transfer, end, wrap-up -----------------------------------------------------------

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

// ---- Supervisor overview ---------------------------------------------------------------------------------------

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

function liveButton(label, key, describedBy, onClick) {
  const b = el('button', 'secondary', label);
  b.type = 'button';
  b.dataset.key = key;
  b.setAttribute('aria-describedby', describedBy);
  b.addEventListener('click', onClick);
  return b;
}

function renderLiveChats(chats) {
  const body = $('live-chats');
  // Every poll redraws the rows; the button that had focus gets it back so keyboard users are not thrown out.
  const focusedKey = body.contains(document.activeElement) ? document.activeElement.dataset.key : null;
  body.replaceChildren();
  if (!chats.length) {
    const tr = document.createElement('tr');
    const td = el('td', null, 'Ingen samtaler akkurat nå.');
    td.colSpan = 8;
    tr.append(td);
    body.append(tr);
  }
  chats.forEach((c, n) => {
    const tr = document.createElement('tr');
    if (c.urgent) tr.className = 'urgent';
    const head = el('th', null);
    head.scope = 'row';
    head.id = 'live-chat-' + n;
    if (c.urgent) head.append(el('span', 'badge urgent', 'Akutt'));
    head.append(document.createTextNode('Samtale ' + c.conversationId.slice(0, 6)));
    tr.append(head);
    const risk = el('td', null);
    if (c.riskLevel && c.riskLevel !== 'none') risk.append(el('span', 'badge ' + c.riskLevel, riskLabel(c.riskLevel, c.riskCategory)));
    else risk.textContent = '–';
    tr.append(el('td', null, c.status === 'waiting' ? 'Venter' : 'Pågår'), risk, el('td', null, c.counsellor || '–'),
      el('td', null, minutesLabel(c.waitingSeconds)), el('td', null, c.status === 'active' ? minutesLabel(c.chatSeconds) : '–'),
      el('td', null, (c.monitors || []).join(', ') || '–'));
    const actions = el('td', null);
    const row = el('div', 'row');
    const mine = c.counsellor === state.username;
    const reading = (c.monitors || []).includes(state.username);
    const id = c.conversationId;
    if (!isSupervisor()) {
      row.append(el('span', 'meta', 'Bare for erfarne veiledere'));
    } else if (!mine) {
      row.append(liveButton(reading ? 'Vis samtalen' : 'Les med', id + ':monitor', head.id, () => monitor(id, reading)));
    }
    if (c.status === 'active' && !mine && isSupervisor()) {
      row.append(liveButton('Hvisk til veileder', id + ':whisper', head.id, () => whisperTo(id, reading)),
        liveButton('Bli med', id + ':join', head.id, () => join(id)),
        liveButton('Ta over', id + ':take-over', head.id, () => takeOver(id)));
    }
    actions.append(row);
    tr.append(actions);
    body.append(tr);
  });
  if (focusedKey) {
    const again = body.querySelector('[data-key="' + focusedKey + '"]');
    if (again) again.focus();
  }
}

function refreshLive() {
  api('/api/v1/chat/live').then((live) => {
    const dl = $('live');
    dl.replaceChildren();
    [['Venter', live.waiting], ['Lengste ventetid (min)', Math.round(live.longestWaitSeconds / 60)], ['Aktive samtaler', live.activeChats], ['Chatten er åpen', live.open ? 'ja' : 'nei']]
      .forEach(([k, v]) => dl.append(text(document.createElement('dt'), k), text(document.createElement('dd'), String(v))));
    // Urgent chats first, then acute risk, otherwise in the server's order.
    const rank = (c) => (c.urgent ? 2 : 0) + (c.riskLevel === 'acute' ? 1 : 0);
    renderLiveChats((live.chats || []).map((c, n) => Object.assign({ n }, c)).sort((a, b) => (rank(b) - rank(a)) || (a.n - b.n)));
    renderAlerts();
    const body = $('live-counsellors');
    body.replaceChildren();
    live.counsellors.forEach((c) => {
      const tr = document.createElement('tr');
      [c.username, c.connected ? 'ja' : 'nei', c.available ? 'ja' : 'nei', String(c.activeChats)].forEach((v) => tr.append(text(document.createElement('td'), v)));
      body.append(tr);
    });
  }).catch(() => {});
}

renderAlerts();
