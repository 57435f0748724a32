// The demo youth client: facts by age band, the help finder, an anonymous chat with "I'm not safe now" and consent
// before anything personal is shared, "delete everything now" and a quick exit. The session token lives only in this page's memory: nothing is written to storage or cookies.
import { createApi } from '/shared/api.js';
import { openChatSocket, SAFEGUARDING_LOGGED } from '/shared/chat-socket.js';

const $ = (id) => document.getElementById(id);
const state = { token: null, socket: null, conversationId: null, pending: null, ended: false, consents: [], answered: new Set() };
const text = (element, value) => { element.textContent = value; return element; };

function session() {
  if (state.token) return Promise.resolve(state.token);
  return createApi(null)('/api/v1/sessions', { method: 'POST' }).then((s) => (state.token = s.token));
}

const api = createApi(session);

const ageBand = () => $('age').value;

['facts', 'help', 'chat'].forEach((name) => $('tab-' + name).addEventListener('click', () => {
  ['facts', 'help', 'chat'].forEach((other) => {
    $(other).classList.toggle('hidden', other !== name);
    $('tab-' + other).setAttribute('aria-current', other === name ? 'page' : 'false');
  });
}));

$('fact-search').addEventListener('submit', (event) => {
  event.preventDefault();
  api('/api/v1/facts/search?ageBand=' + ageBand() + '&q=' + encodeURIComponent($('fact-q').value)).then((r) => {
    const list = $('fact-results');
    list.replaceChildren();
    if (!r.items || !r.items.length) list.append(text(document.createElement('li'), 'Fant ingenting. Prøv et annet ord.'));
    (r.items || []).forEach((hit) => {
      const li = document.createElement('li');
      const b = text(document.createElement('button'), hit.title);
      b.type = 'button';
      b.className = 'secondary';
      b.addEventListener('click', () => openFact(hit.slug));
      li.append(b);
      list.append(li);
    });
  });
});

function openFact(slug) {
  api('/api/v1/facts/' + encodeURIComponent(slug) + '?ageBand=' + ageBand()).then((page) => {
    const article = $('fact-page');
    article.replaceChildren();
    const h = text(document.createElement('h3'), page.title);
    const body = document.createElement('div');
    // The server renders Markdown with raw HTML escaped, only https: links and no images.
    body.innerHTML = page.html;
    const sources = document.createElement('p');
    sources.className = 'meta';
    const review = page.reviewed ? ' Sist gjennomgått ' + page.lastReviewed + '.' : '';
    text(sources, 'Kilder: ' + page.sources.map((s) => s.title).join('; ') + '.' + review);
    if (page.reviewed) {
      article.append(h, body, sources);
      return;
    }
    const draft = text(document.createElement('p'), 'Utkast – ikke kvalitetssikret');
    draft.className = 'draft';
    draft.setAttribute('role', 'note');
    article.append(h, draft, body, sources);
  }).catch((e) => text($('fact-page'), 'Siden kunne ikke vises: ' + e.message));
}

$('help-form').addEventListener('submit', (event) => {
  event.preventDefault();
  const params = new URLSearchParams({ municipality: $('municipality').value, size: '20' });
  if ($('open-now').checked) params.set('openNow', 'true');
  if ($('anonymous-only').checked) params.set('anonymousOnly', 'true');
  const age = { '13-15': 14, '16-17': 16, '18-25': 20 }[ageBand()];
  params.set('age', String(age));
  api('/api/v1/services?' + params).then((page) => {
    const list = $('help-results');
    list.replaceChildren();
    text($('help-status'), page.total + ' tilbud');
    (page.items || []).forEach((s) => {
      const li = document.createElement('li');
      const open = s.availability.openNow === true ? 'Åpent nå' : s.availability.openNow === false ? 'Stengt nå' : 'Åpningstid ukjent';
      li.append(text(document.createElement('strong'), s.name), document.createElement('br'),
        text(document.createElement('span'), open + ' · ' + (s.anonymous === 'yes' ? 'anonymt' : 'ikke anonymt')),
        document.createElement('br'), text(document.createElement('span'), s.whatHappens));
      list.append(li);
    });
  }).catch((e) => { $('help-results').replaceChildren(); text($('help-status'), e.message); });
});

// A phone drops its network often: the socket reconnects and resumes the chat from the last frame it saw.
function startChat(urgent) {
  $('start-chat').disabled = true;
  if (state.socket) state.socket.close();
  Object.assign(state, { conversationId: null, ended: false, urgent });
  state.socket = openChatSocket({
    path: '/ws/youth',
    token: session,
    alsoLogged: SAFEGUARDING_LOGGED,
    onFrame: handle,
    onReady: (frame, reconnected) => {
      if (reconnected && state.conversationId) {
        state.socket.resume(state.conversationId);
      } else {
        const open = { type: 'open', ageBand: ageBand() };
        if (urgent) open.urgent = true;
        send(open);
      }
    },
    onStatus: (status) => {
      if (status === 'reconnecting' && state.conversationId) text($('chat-status'), 'Forbindelsen ble brutt – kobler til igjen …');
      if (status === 'closed') $('start-chat').disabled = false;
    }
  });
}
$('start-chat').addEventListener('click', () => startChat(false));

// "I'm not safe now": during a chat (waiting or with a counsellor) it moves the chat to the urgent lane; otherwise it
// opens an urgent one. Either way the server answers at once with the safety card.
$('unsafe').addEventListener('click', () => {
  if (state.conversationId && !state.ended && state.socket) {
    state.urgent = true;
    send({ type: 'unsafe', conversationId: state.conversationId });
  } else {
    startChat(true);
  }
  text($('chat-status'), 'Vi har sagt fra at du ikke er trygg. Du kommer først i køen.');
});

function send(frame) {
  if (state.socket) state.socket.send(frame);
}

function add(cls, value, who) {
  const li = document.createElement('li');
  if (who) {
    const label = text(document.createElement('span'), who + ':');
    label.className = 'who';
    li.append(label);
  }
  li.append(document.createTextNode(value));
  if (cls) li.className = cls;
  $('chat-messages').append(li);
  $('chat-messages').scrollTop = $('chat-messages').scrollHeight;
}

function handle(frame) {
  switch (frame.type) {
    case 'resumed': text($('chat-status'), 'Tilkoblet igjen.'); break;
    case 'queued':
      state.conversationId = frame.conversationId;
      text($('chat-status'), 'Du er nummer ' + frame.position + ' i køen' + (frame.estimatedWaitSeconds == null
        ? '. Ingen veiledere er ledige akkurat nå.' : ', cirka ' + Math.max(1, Math.round(frame.estimatedWaitSeconds / 60)) + ' min.'));
      break;
    case 'closed':
      text($('chat-status'), frame.message + ' Akutt: ring ' + frame.emergency.map((e) => e.number).join(' eller ') + '.');
      $('start-chat').disabled = false;
      if (state.urgent) showSafety({ message: frame.message, numbers: frame.emergency, estimatedWaitSeconds: null });
      break;
    case 'safety': showSafety(frame); break;
    case 'notice': add('notice', frame.message); break;
    case 'consent-request': if (!state.answered.has(frame.requestId)) askConsent(frame); break;
    case 'consent-answer':
      state.answered.add(frame.requestId);
      state.consents = state.consents.filter((r) => r.requestId !== frame.requestId);
      if (current && current.requestId === frame.requestId) closeConsent();
      add('system', frame.shared ? 'Du delte det du ble spurt om. Bare veilederne i denne samtalen ser det, og det slettes når samtalen er over.'
        : 'Du sa nei. Samtalen fortsetter som før.');
      break;
    case 'assigned':
      text($('chat-status'), 'En veileder er her.');
      $('chat-form').classList.remove('hidden');
      $('end-chat').classList.remove('hidden');
      break;
    case 'message':
      add(frame.from === 'youth' ? 'mine' : frame.from === 'supervisor' ? 'supervisor' : '', frame.text,
        { youth: 'Du', counsellor: 'Veileder', supervisor: 'Erfaren veileder' }[frame.from]);
      if (frame.from === 'counsellor') send({ type: 'read', conversationId: state.conversationId, upToSeq: frame.seq });
      break;
    case 'card': add('system', frame.kind === 'service' ? 'Tips: ' + frame.service.name : 'Les: ' + frame.fact.title); break;
    case 'typing': text($('chat-typing'), 'Veilederen skriver …'); setTimeout(() => text($('chat-typing'), ''), 3000); break;
    case 'transferred': add('system', frame.message); break;
    case 'pii-warning':
      $('pii').classList.remove('hidden');
      text($('pii-redacted'), frame.redacted);
      break;
    case 'ended':
      state.ended = true;
      $('start-chat').disabled = false;
      closeConsent();
      add('system', 'Samtalen er avsluttet.');
      $('chat-form').classList.add('hidden');
      $('end-chat').classList.add('hidden');
      break;
    case 'error': text($('chat-status'), frame.message); break;
    default: break;
  }
}

/** The emergency card: each number a tappable tel: link, and the urgent lane's honest wait. */
function showSafety(frame) {
  text($('safety-message'), frame.message);
  const list = $('safety-numbers');
  list.replaceChildren();
  frame.numbers.forEach((n) => {
    const link = document.createElement('a');
    link.href = 'tel:' + n.number.replace(/[^0-9+]/g, '');
    const number = text(document.createElement('span'), n.number);
    number.className = 'number';
    link.append(number, document.createTextNode(n.name));
    const li = document.createElement('li');
    li.append(link);
    list.append(li);
  });
  const wait = frame.estimatedWaitSeconds;
  text($('safety-wait'), wait == null
    ? (state.ended || !state.conversationId ? '' : 'Ingen veiledere er ledige akkurat nå. Ring et av numrene over hvis du trenger hjelp med en gang.')
    : 'Du er først i køen. Ventetid: cirka ' + Math.max(1, Math.round(wait / 60)) + ' min.');
  $('safety').classList.remove('hidden');
}

// Consent before anything personal is shared: one request at a time, in a modal dialog that says who sees it and
// what for. A position is read once (getCurrentPosition, never watchPosition) and only after "yes".
let current = null;
const CONSENT_FIELDS = {
  phone: { label: 'Telefonnummeret ditt', type: 'tel', autocomplete: 'tel' },
  'name-and-place': { label: 'Navnet ditt og hvor du er', type: 'text', autocomplete: 'off' }
};

function askConsent(request) {
  if (current) {
    if (current.requestId !== request.requestId && !state.consents.some((r) => r.requestId === request.requestId)) state.consents.push(request);
    return;
  }
  current = request;
  text($('consent-message'), request.message);
  text($('consent-status'), '');
  const field = CONSENT_FIELDS[request.what];
  $('consent-field').classList.toggle('hidden', !field);
  $('consent-text').value = '';
  if (field) {
    text($('consent-text-label'), field.label);
    $('consent-text').type = field.type;
    $('consent-text').autocomplete = field.autocomplete;
  }
  text($('consent-yes'), request.what === 'location' ? 'Ja, del posisjonen min' : 'Ja, del');
  $('consent-yes').disabled = false;
  if (!$('consent').open) $('consent').showModal();
  (field ? $('consent-text') : $('consent-yes')).focus();
}

function closeConsent() {
  current = null;
  if ($('consent').open) $('consent').close();
  const next = state.consents.shift();
  if (next) askConsent(next);
}

function answer(share, extra) {
  if (!current) return;
  send(Object.assign({ type: 'consent-answer', conversationId: state.conversationId, requestId: current.requestId, share }, extra || {}));
  state.answered.add(current.requestId);
  closeConsent();
}

function shareLocation() {
  if (!navigator.geolocation) {
    text($('consent-status'), 'Denne nettleseren kan ikke finne posisjonen din. Svar nei og skriv hvor du er i chatten, eller ring 113.');
    return;
  }
  $('consent-yes').disabled = true;
  text($('consent-status'), 'Finner posisjonen din …');
  navigator.geolocation.getCurrentPosition((position) => {
    const c = position.coords;
    answer(true, { position: { latitude: c.latitude, longitude: c.longitude, accuracyMeters: Math.min(Math.max(0, c.accuracy), 100000) } });
  }, () => {
    $('consent-yes').disabled = false;
    text($('consent-status'), 'Vi fikk ikke lest posisjonen din. Du kan prøve igjen, svare nei og skrive hvor du er i chatten, eller ringe 113.');
  }, { enableHighAccuracy: true, timeout: 20000, maximumAge: 0 });
}

$('consent-yes').addEventListener('click', () => {
  if (!current) return;
  if (current.what === 'location') { shareLocation(); return; }
  const value = $('consent-text').value.trim();
  if (!value) {
    text($('consent-status'), 'Skriv det du vil dele, eller svar nei.');
    $('consent-text').focus();
    return;
  }
  answer(true, { text: value });
});
$('consent-no').addEventListener('click', () => answer(false));
// The page behind a modal dialog cannot be reached, so the dialog has its own quick exit.
$('consent-quick-exit').addEventListener('click', () => $('quick-exit').click());
// Escape is a no, said out loud, rather than a request left hanging.
$('consent').addEventListener('cancel', (event) => { event.preventDefault(); answer(false); });
$('consent-form').addEventListener('submit', (event) => { event.preventDefault(); $('consent-yes').click(); });

let messageNumber = 0;
$('chat-form').addEventListener('submit', (event) => {
  event.preventDefault();
  const value = $('chat-input').value.trim();
  if (!value) return;
  state.pending = { type: 'message', conversationId: state.conversationId, clientMessageId: 'm' + (++messageNumber), text: value };
  send(state.pending);
  $('chat-input').value = '';
});
// One typing signal per two seconds at most, like the console: the server limits them.
let typingSent = 0;
$('chat-input').addEventListener('input', () => {
  if (state.conversationId && Date.now() - typingSent > 2000) { typingSent = Date.now(); send({ type: 'typing', conversationId: state.conversationId }); }
});
$('pii-redact').addEventListener('click', () => { send(Object.assign({}, state.pending, { pii: 'redact' })); $('pii').classList.add('hidden'); });
$('pii-anyway').addEventListener('click', () => { send(Object.assign({}, state.pending, { pii: 'send-anyway' })); $('pii').classList.add('hidden'); });
$('pii-edit').addEventListener('click', () => { $('chat-input').value = state.pending.text; $('pii').classList.add('hidden'); });
$('end-chat').addEventListener('click', () => send({ type: 'end', conversationId: state.conversationId }));

function forget() {
  if (state.socket) state.socket.close();
  Object.assign(state, { token: null, socket: null, conversationId: null, pending: null, ended: false, consents: [], answered: new Set() });
  current = null;
  if ($('consent').open) $('consent').close();
  $('safety').classList.add('hidden');
  try { sessionStorage.clear(); localStorage.clear(); } catch (e) { /* storage may be disabled */ }
}

$('delete-all').addEventListener('click', () => {
  const done = () => { forget(); document.querySelectorAll('ul, article').forEach((e) => e.replaceChildren()); text($('privacy-status'), 'Alt er slettet.'); $('start-chat').disabled = false; };
  if (!state.token) { done(); return; }
  fetch('/api/v1/sessions/me', { method: 'DELETE', headers: { 'Authorization': 'Bearer ' + state.token } }).finally(done);
});

// Quick exit: delete the session, then replace this page so Back does not return to it.
$('quick-exit').addEventListener('click', () => {
  const token = state.token;
  const target = $('quick-exit').dataset.target;
  forget();
  document.body.replaceChildren();
  if (token) fetch('/api/v1/sessions/me', { method: 'DELETE', headers: { 'Authorization': 'Bearer ' + token }, keepalive: true }).catch(() => {});
  location.replace(target);
});
