// The youth chat: queue position and wait, typing and read receipts, the privacy prompt, "I'm not safe now", the
// consent dialog, feedback and the continuation code, and a clear screen when the chat is closed. A phone drops its
// network often: the socket reconnects with back-off and resumes from the last logged seq it saw (each frame once),
// and messages written while offline wait in page memory and go out once the chat is resumed.
import { openChatSocket, SAFEGUARDING_LOGGED } from '/shared/chat-socket.js';
import { $, text, el, session, api, ageBand } from '/demo/core.js';
import { t, serverText, formatDateTime } from '/demo/i18n.js';
import { channelElement } from '/demo/help.js';

const state = { socket: null, conversationId: null, pending: null, ended: false, urgent: false, consents: [],
  answered: new Set(), unconfirmed: new Map(), feedbackSent: false };
let messageNumber = 0;
let current = null; // the consent request on screen

export function chatState() { return state; }

/** What the chat tab says before a chat: open or not, and how many wait. */
export function loadChatStatus() {
  return api('/api/v1/chat/status').then((s) => {
    text($('chat-open-status'), s.open ? t('chatOpenStatus', { n: s.waiting }) : t('closedTitle') + '.'
      + (s.nextOpens ? ' ' + t('closedNext', { when: formatDateTime(s.nextOpens) }) : ''));
  }).catch(() => text($('chat-open-status'), ''));
}

function send(frame) {
  return state.socket ? state.socket.send(frame) : false;
}

function minutes(seconds) { return Math.max(1, Math.round(seconds / 60)); }

function startChat(urgent) {
  $('start-chat').disabled = true;
  if (state.socket) state.socket.close();
  Object.assign(state, { conversationId: null, ended: false, urgent, assigned: false, unconfirmed: new Map(), feedbackSent: false });
  $('closed').classList.add('hidden');
  $('after-chat').classList.add('hidden');
  $('chat-start').classList.add('hidden');
  text($('continuation-code'), '');
  text($('feedback-status'), '');
  state.socket = openChatSocket({
    path: '/ws/youth',
    token: session,
    alsoLogged: SAFEGUARDING_LOGGED,
    onFrame: handle,
    onReady: (frame, reconnected) => {
      if (reconnected && state.conversationId) {
        state.socket.resume(state.conversationId);
      } else if (!state.conversationId) {
        const open = { type: 'open', ageBand: ageBand() };
        if (urgent) open.urgent = true;
        const code = $('continuation').value.trim();
        if (code) open.continuationCode = code;
        send(open);
      }
    },
    onStatus: (status) => {
      if (status === 'reconnecting' && state.conversationId && !state.ended) text($('chat-status'), t('reconnecting'));
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
  text($('chat-status'), t('unsafeSent'));
});

function add(cls, value, who) {
  const li = el('li', cls || null);
  if (who) li.append(el('span', 'who', who + ':'));
  li.append(document.createTextNode(value));
  $('chat-messages').append(li);
  $('chat-messages').scrollTop = $('chat-messages').scrollHeight;
  return li;
}

/** One line for screen readers when someone else writes (the list itself is not live, so nothing is read twice). */
function announce(value) { text($('chat-announce'), value); }

function receipt(li, key) {
  let r = li.querySelector('.receipt');
  if (!r) { r = el('span', 'receipt'); li.append(r); }
  r.dataset.state = key;
  text(r, t(key));
}

function ownMessage(clientMessageId) {
  return $('chat-messages').querySelector('li[data-client-id="' + clientMessageId + '"]');
}

/** A message of mine: shown at once, sent now or, offline, once the chat is resumed. */
function sendMessage(frame, shownText) {
  state.unconfirmed.set(frame.clientMessageId, frame);
  let li = ownMessage(frame.clientMessageId);
  if (!li) {
    li = add('mine', shownText, t('who_youth'));
    li.dataset.clientId = frame.clientMessageId;
  }
  receipt(li, send(frame) ? 'receiptSending' : 'receiptWaiting');
}

/** After a resume: whatever the server has not logged goes out again (the replay has shown what it has). */
function flushUnconfirmed() {
  state.unconfirmed.forEach((frame, id) => {
    const li = ownMessage(id);
    const sent = send(frame);
    if (li) receipt(li, sent ? 'receiptSending' : 'receiptWaiting');
  });
}

function showAssigned() {
  text($('chat-status'), t('assigned'));
  $('chat-form').classList.remove('hidden');
  $('end-chat').classList.remove('hidden');
}

function handle(frame) {
  switch (frame.type) {
    case 'resumed':
      text($('chat-status'), t('reconnected'));
      if (frame.status === 'ended' || frame.status === 'cancelled') { if (!state.ended) chatEnded(); break; }
      if (frame.status === 'active') flushUnconfirmed();
      break;
    case 'queued':
      state.conversationId = frame.conversationId;
      text($('chat-status'), frame.estimatedWaitSeconds == null ? t('queuedNobody', { position: frame.position })
        : t('queued', { position: frame.position, minutes: minutes(frame.estimatedWaitSeconds) }));
      break;
    case 'closed': showClosed(frame); break;
    case 'safety':
      showSafety(Object.assign({}, frame, { message: serverText(frame.message, state.assigned ? 'srv_unsafeInChat' : 'srv_unsafe') }));
      break;
    case 'notice': {
      const said = serverText(frame.message, 'srv_' + frame.kind);
      add('notice', said);
      announce(said);
      break;
    }
    case 'consent-request': if (!state.answered.has(frame.requestId)) askConsent(frame); break;
    case 'consent-answer':
      state.answered.add(frame.requestId);
      state.consents = state.consents.filter((r) => r.requestId !== frame.requestId);
      if (current && current.requestId === frame.requestId) closeConsent();
      add('system', frame.shared ? t('sharedYes') : t('sharedNo'));
      break;
    case 'assigned': state.conversationId = frame.conversationId || state.conversationId; state.assigned = true; showAssigned(); break;
    case 'message': received(frame); break;
    case 'delivered': {
      const li = frame.clientMessageId && ownMessage(frame.clientMessageId);
      if (li && li.querySelector('.receipt').dataset.state !== 'receiptRead') receipt(li, 'receiptDelivered');
      break;
    }
    case 'read':
      if (frame.by === 'counsellor') {
        $('chat-messages').querySelectorAll('li.mine[data-seq]').forEach((li) => {
          if (Number(li.dataset.seq) <= frame.upToSeq) receipt(li, 'receiptRead');
        });
      }
      break;
    case 'card':
      add('system', frame.kind === 'service' ? t('cardService', { name: frame.service.name }) : t('cardFact', { title: frame.fact.title }));
      break;
    case 'typing':
      text($('chat-typing'), t('typing'));
      setTimeout(() => text($('chat-typing'), ''), 3000);
      break;
    case 'transferred': {
      const said = serverText(frame.message, 'srv_transferred_' + frame.to);
      add('system', said);
      announce(said);
      break;
    }
    case 'pii-warning': {
      const held = frame.clientMessageId && state.unconfirmed.get(frame.clientMessageId);
      if (held) state.pending = held;
      if (frame.clientMessageId) {
        state.unconfirmed.delete(frame.clientMessageId);
        const li = ownMessage(frame.clientMessageId);
        if (li) li.remove();
      }
      $('pii').classList.remove('hidden');
      text($('pii-redacted'), frame.redacted);
      $('pii-redact').focus();
      break;
    }
    case 'ended': chatEnded(); break;
    case 'feedback-received': text($('feedback-status'), t('feedbackThanks')); break;
    case 'continuation-code':
      text($('continuation-code'), t('continuationCode', { code: frame.code, days: frame.validDays }));
      $('continuation-get').disabled = true;
      break;
    case 'error': text($('chat-status'), frame.message); break;
    default: break;
  }
}

function received(frame) {
  if (frame.from === 'youth') {
    const li = frame.clientMessageId ? ownMessage(frame.clientMessageId) : null;
    if (frame.clientMessageId) state.unconfirmed.delete(frame.clientMessageId);
    const shown = li || add('mine', frame.text, t('who_youth'));
    if (li) {
      // The server's text is what the counsellor sees (redacted if so chosen), in the server's order: a message
      // written offline goes after what the counsellor wrote meanwhile.
      li.replaceChildren(el('span', 'who', t('who_youth') + ':'), document.createTextNode(frame.text));
      $('chat-messages').append(li);
    }
    if (frame.clientMessageId) shown.dataset.clientId = frame.clientMessageId;
    shown.dataset.seq = frame.seq;
    receipt(shown, 'receiptSent');
    return;
  }
  const who = t(frame.from === 'supervisor' ? 'who_supervisor' : 'who_counsellor');
  add(frame.from === 'supervisor' ? 'supervisor' : '', frame.text, who);
  announce(t('newMessage', { who, text: frame.text }));
  text($('chat-typing'), '');
  if (frame.from === 'counsellor' && !document.hidden) send({ type: 'read', conversationId: state.conversationId, upToSeq: frame.seq });
}

function chatEnded() {
  state.ended = true;
  $('chat-start').classList.remove('hidden');
  $('start-chat').disabled = false;
  closeConsent();
  add('system', t('ended'));
  announce(t('ended'));
  $('chat-form').classList.add('hidden');
  $('end-chat').classList.add('hidden');
  $('pii').classList.add('hidden');
  state.unconfirmed = new Map();
  $('after-chat').classList.remove('hidden');
  $('continuation-get').disabled = false;
  $('feedback-scores').querySelectorAll('button').forEach((b) => { b.disabled = false; });
}

/** The chat is closed: when it opens, the emergency numbers, services open now, and the question mode. */
function showClosed(frame) {
  $('start-chat').disabled = false;
  $('chat-start').classList.remove('hidden');
  text($('chat-status'), '');
  text($('closed-next'), frame.nextOpens ? t('closedNext', { when: formatDateTime(frame.nextOpens) }) : '');
  $('closed-numbers').replaceChildren(...frame.emergency.map(numberItem));
  $('closed-services').replaceChildren(...frame.openServices.map(closedService));
  $('closed').classList.remove('hidden');
  $('closed').focus();
  if (state.socket) { state.socket.close(); state.socket = null; }
  if (state.urgent) showSafety({ message: serverText(frame.message, 'srv_closed'), numbers: frame.emergency, estimatedWaitSeconds: null });
}

/** A service open now, from the closed frame: its name and tappable channels. */
function closedService(service, index) {
  const li = el('li');
  const name = el('strong', null, service.name);
  name.id = 'closed-service-' + index;
  const contact = el('div', 'contact');
  (service.channels || []).forEach((c) => contact.append(channelElement(c, name.id)));
  li.append(name, contact);
  return li;
}

function numberItem(n) {
  const link = document.createElement('a');
  link.href = 'tel:' + n.number.replace(/[^0-9+]/g, '');
  link.append(el('span', 'number', n.number), document.createTextNode(n.name));
  const li = el('li');
  li.append(link);
  return li;
}

/** The emergency card: each number a tappable tel: link, and the urgent lane's honest wait. */
function showSafety(frame) {
  text($('safety-message'), frame.message);
  $('safety-numbers').replaceChildren(...frame.numbers.map(numberItem));
  const wait = frame.estimatedWaitSeconds;
  text($('safety-wait'), wait == null
    ? (state.ended || !state.conversationId ? '' : t('safetyNobody'))
    : t('safetyFirst', { minutes: minutes(wait) }));
  $('safety').classList.remove('hidden');
}

// Consent before anything personal is shared: one request at a time, in a modal dialog that says who sees it and
// what for. A position is read once (getCurrentPosition, never watchPosition) and only after "yes".
const CONSENT_FIELDS = {
  phone: { label: 'consentPhone', type: 'tel', autocomplete: 'tel' },
  'name-and-place': { label: 'consentNamePlace', type: 'text', autocomplete: 'off' }
};

function askConsent(request) {
  if (current) {
    if (current.requestId !== request.requestId && !state.consents.some((r) => r.requestId === request.requestId)) state.consents.push(request);
    return;
  }
  current = request;
  text($('consent-message'), serverText(request.message, 'srv_consent',
    { what: t('srv_what_' + request.what), purpose: t('srv_purpose_' + request.purpose) }));
  text($('consent-status'), '');
  const field = CONSENT_FIELDS[request.what];
  $('consent-field').classList.toggle('hidden', !field);
  $('consent-text').value = '';
  if (field) {
    text($('consent-text-label'), t(field.label));
    $('consent-text').type = field.type;
    $('consent-text').autocomplete = field.autocomplete;
  }
  text($('consent-yes'), request.what === 'location' ? t('consentYesLocation') : t('consentYes'));
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
    text($('consent-status'), t('noGeolocation'));
    return;
  }
  $('consent-yes').disabled = true;
  text($('consent-status'), t('locating'));
  navigator.geolocation.getCurrentPosition((position) => {
    const c = position.coords;
    answer(true, { position: { latitude: c.latitude, longitude: c.longitude, accuracyMeters: Math.min(Math.max(0, c.accuracy), 100000) } });
  }, () => {
    $('consent-yes').disabled = false;
    text($('consent-status'), t('geolocationFailed'));
  }, { enableHighAccuracy: true, timeout: 20000, maximumAge: 0 });
}

$('consent-yes').addEventListener('click', () => {
  if (!current) return;
  if (current.what === 'location') { shareLocation(); return; }
  const value = $('consent-text').value.trim();
  if (!value) {
    text($('consent-status'), t('consentEmpty'));
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

$('chat-form').addEventListener('submit', (event) => {
  event.preventDefault();
  const value = $('chat-input').value.trim();
  if (!value || !state.conversationId) return;
  const frame = { type: 'message', conversationId: state.conversationId, clientMessageId: 'm' + (++messageNumber), text: value };
  state.pending = frame;
  sendMessage(frame, value);
  $('chat-input').value = '';
});
// One typing signal per two seconds at most, like the console: the server limits them.
let typingSent = 0;
$('chat-input').addEventListener('input', () => {
  if (state.conversationId && Date.now() - typingSent > 2000) { typingSent = Date.now(); send({ type: 'typing', conversationId: state.conversationId }); }
});
function piiChoice(choice, shown) {
  $('pii').classList.add('hidden');
  if (!state.pending) return;
  sendMessage(Object.assign({}, state.pending, { pii: choice }), shown);
  $('chat-input').focus();
}
$('pii-redact').addEventListener('click', () => piiChoice('redact', $('pii-redacted').textContent));
$('pii-anyway').addEventListener('click', () => piiChoice('send-anyway', state.pending ? state.pending.text : ''));
$('pii-edit').addEventListener('click', () => {
  if (state.pending) $('chat-input').value = state.pending.text;
  $('pii').classList.add('hidden');
  $('chat-input').focus();
});
$('end-chat').addEventListener('click', () => send({ type: 'end', conversationId: state.conversationId }));

// After the end: "did this help?" (1–5, once) and a continuation code for the same counsellor next time.
for (let score = 1; score <= 5; score += 1) {
  const b = el('button', 'secondary', String(score));
  b.type = 'button';
  b.dataset.score = String(score);
  b.addEventListener('click', () => {
    if (state.feedbackSent || !state.conversationId) return;
    state.feedbackSent = send({ type: 'feedback', conversationId: state.conversationId, score });
    if (state.feedbackSent) $('feedback-scores').querySelectorAll('button').forEach((other) => { other.disabled = true; });
  });
  $('feedback-scores').append(b);
}
export function labelScores() {
  $('feedback-scores').querySelectorAll('button').forEach((b) => b.setAttribute('aria-label', t('feedbackScore', { n: b.dataset.score })));
}
labelScores();
$('continuation-get').addEventListener('click', () => {
  if (state.conversationId) send({ type: 'continuation-request', conversationId: state.conversationId });
});

$('closed-ask').addEventListener('click', () => document.dispatchEvent(new CustomEvent('fristed:tab', { detail: 'ask' })));

/** Closes the socket and forgets the chat (delete everything, quick exit). */
export function forgetChat() {
  if (state.socket) state.socket.close();
  Object.assign(state, { socket: null, conversationId: null, pending: null, ended: false, consents: [], answered: new Set(), unconfirmed: new Map() });
  current = null;
  if ($('consent').open) $('consent').close();
  $('safety').classList.add('hidden');
  $('closed').classList.add('hidden');
  $('after-chat').classList.add('hidden');
  $('chat-start').classList.remove('hidden');
  $('start-chat').disabled = false;
}

