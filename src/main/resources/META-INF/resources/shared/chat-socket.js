// The chat socket shared by the console and the demo: connect, authenticate with a first frame (browsers cannot set
// headers on a WebSocket handshake, and a token in the URL could end up in logs), JSON frames in and out, and
// reconnecting with the last logged seq of each conversation so a resume replays each frame exactly once.

/** Frames the server logs with the conversation's next seq; only these are replayed on resume. */
const LOGGED = new Set(['message', 'card', 'read', 'assigned', 'transferred', 'ended']);

/**
 * The safeguarding frames the server logs too (some for staff only). Pass them as `alsoLogged` so a resume or a
 * supervisor's replay shows each of them once.
 */
export const SAFEGUARDING_LOGGED = Object.freeze(['flagged', 'whisper', 'notice', 'consent-request', 'consent-answer',
  'personal-data']);

/**
 * Opens a chat socket. Options:
 * - path: '/ws/youth' or '/ws/counsellor'
 * - token: the token, or a function returning it (or a promise of it)
 * - onFrame(frame): every frame, except logged frames already seen
 * - onReady(frame, reconnected): the `ready` frame, told whether this is a reconnect (resume there)
 * - onStatus(status): 'open', 'reconnecting' or 'closed' (not after close())
 * - reconnect: reconnect after a drop (default true), with a growing pause from retryMs up to 30 s (at once when
 *   the browser says it is online again)
 * - alsoLogged: more logged frame types to deduplicate by seq, e.g. SAFEGUARDING_LOGGED (default none)
 */
export function openChatSocket(options) {
  const retryMs = options.retryMs || 2000;
  const reconnect = options.reconnect !== false;
  const logged = new Set([...LOGGED, ...(options.alsoLogged || [])]);
  const lastSeqs = new Map();
  let socket = null;
  let stopped = false;
  let attempts = 0;
  let connections = 0;
  let timer = null;

  function status(value) { if (options.onStatus) options.onStatus(value); }

  function receive(frame) {
    const id = frame.conversationId;
    if (id && logged.has(frame.type) && typeof frame.seq === 'number') {
      if (frame.seq <= (lastSeqs.get(id) || 0)) return;
      lastSeqs.set(id, frame.seq);
    }
    if (frame.type === 'ready' && options.onReady) options.onReady(frame, connections > 1);
    if (options.onFrame) options.onFrame(frame);
  }

  function connect() {
    timer = null;
    Promise.resolve(typeof options.token === 'function' ? options.token() : options.token).then((token) => {
      if (stopped) return;
      const scheme = location.protocol === 'https:' ? 'wss://' : 'ws://';
      const current = new WebSocket(scheme + location.host + options.path);
      socket = current;
      current.onopen = () => {
        attempts = 0;
        connections += 1;
        current.send(JSON.stringify({ type: 'auth', token }));
        status('open');
      };
      current.onmessage = (event) => {
        let frame;
        try { frame = JSON.parse(event.data); } catch (e) { return; }
        receive(frame);
      };
      current.onclose = () => {
        if (socket === current) socket = null;
        if (stopped) return;
        if (!reconnect) { status('closed'); return; }
        status('reconnecting');
        // Back-off with a little jitter, so many phones coming back at once do not all knock at the same moment.
        const pause = Math.min(retryMs * 2 ** attempts, 30000);
        timer = setTimeout(connect, pause - Math.floor(Math.random() * pause * 0.2));
        attempts += 1;
      };
    }).catch(() => { if (!stopped) status('closed'); });
  }

  // When the phone says it is back on a network, try at once rather than at the end of the back-off.
  function online() {
    if (stopped || !timer) return;
    clearTimeout(timer);
    attempts = 0;
    connect();
  }
  window.addEventListener('online', online);

  connect();
  return {
    /** Sends a frame when the socket is open; returns whether it was sent. */
    send(frame) {
      if (!socket || socket.readyState !== WebSocket.OPEN) return false;
      socket.send(JSON.stringify(frame));
      return true;
    },
    /** The seq of the last logged frame seen in a conversation (0 when none). */
    lastSeq(conversationId) { return lastSeqs.get(conversationId) || 0; },
    /** Asks for everything logged after the last seq seen in a conversation. */
    resume(conversationId) {
      return this.send({ type: 'resume', conversationId, lastSeq: this.lastSeq(conversationId) });
    },
    /** Forgets a conversation's seq (it was released; claiming it again replays its history). */
    forget(conversationId) { lastSeqs.delete(conversationId); },
    /** Closes for good: no reconnect. */
    close() {
      stopped = true;
      window.removeEventListener('online', online);
      if (timer) clearTimeout(timer);
      if (socket) socket.close();
      socket = null;
    }
  };
}
