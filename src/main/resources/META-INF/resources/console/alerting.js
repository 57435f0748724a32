// Sound and desktop notifications for the console. Nothing plays or pops up until the counsellor turns them on with a
// button (browsers only allow sound after a user gesture, and notifications need their permission); after that a short
// Web Audio beep and, when allowed, a Notification. Notifications never carry anything a young person wrote.

let audio = null;
let enabled = false;

/** Turns sound on and asks for notifications; resolves to 'granted', 'denied', 'default' or 'unsupported'. */
export function enableAlerting() {
  enabled = true;
  const AudioContextClass = window.AudioContext || window.webkitAudioContext;
  if (AudioContextClass && !audio) {
    try { audio = new AudioContextClass(); } catch (e) { audio = null; }
  }
  if (audio && audio.state === 'suspended') audio.resume().catch(() => {});
  if (!('Notification' in window)) return Promise.resolve('unsupported');
  if (Notification.permission !== 'default') return Promise.resolve(Notification.permission);
  return Notification.requestPermission().catch(() => 'denied');
}

/** Whether the counsellor turned alerting on. */
export function alertingEnabled() { return enabled; }

/** A short beep (two for urgent), only after enableAlerting(). */
export function beep(urgent) {
  if (!enabled || !audio) return;
  const count = urgent ? 2 : 1;
  for (let i = 0; i < count; i += 1) {
    const start = audio.currentTime + i * 0.3;
    const oscillator = audio.createOscillator();
    const gain = audio.createGain();
    oscillator.type = 'sine';
    oscillator.frequency.value = urgent ? 880 : 660;
    gain.gain.setValueAtTime(0.0001, start);
    gain.gain.exponentialRampToValueAtTime(0.3, start + 0.02);
    gain.gain.exponentialRampToValueAtTime(0.0001, start + 0.22);
    oscillator.connect(gain).connect(audio.destination);
    oscillator.start(start);
    oscillator.stop(start + 0.25);
  }
}

/** A desktop notification, only when turned on and allowed; `tag` replaces an earlier one about the same thing. */
export function notify(title, body, tag) {
  if (!enabled || !('Notification' in window) || Notification.permission !== 'granted') return;
  try {
    const n = new Notification(title, { body, tag, requireInteraction: false });
    n.addEventListener('click', () => { window.focus(); n.close(); });
  } catch (e) { /* some browsers allow notifications only from a service worker */ }
}
