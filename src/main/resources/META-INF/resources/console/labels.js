// Texts the console shows for queue items and chats. The server sends an absent topic or age band as JSON null.

const minutes = (seconds) => Math.round((seconds || 0) / 60);

/** One waiting chat, e.g. "cannabis · 16-17 · venter 3 min · ba om deg". */
export function queueItemLabel(item) {
  return (item.topic || 'uten tema') + ' · ' + (item.ageBand || 'alder ukjent') + ' · venter ' + minutes(item.waitingSeconds)
    + ' min' + (item.requestedYou ? ' · ba om deg' : '');
}

/** The line above a chat's messages. */
export function chatMetaLabel(chat) {
  return 'Tema: ' + (chat.topic || 'uten tema') + ' · Alder: ' + (chat.ageBand || 'ukjent');
}

/** Who wrote a message, as the console shows it. */
export function senderLabel(from) {
  return { youth: 'ung', counsellor: 'veileder', supervisor: 'erfaren veileder' }[from] || from;
}

/** A time of day as HH:MM (24 h). */
export function timeLabel(date) {
  const pad = (n) => String(n).padStart(2, '0');
  return pad(date.getHours()) + ':' + pad(date.getMinutes());
}

export const RISK_LEVELS = { none: 'Ingen', concern: 'Bekymring', acute: 'Akutt' };
export const RISK_CATEGORIES = {
  'suicide-self-harm': 'Selvmord eller selvskading',
  'overdose-intoxication': 'Overdose eller ruspåvirket',
  'violence-abuse': 'Vold eller overgrep',
  other: 'Annet'
};
export const CONSENT_WHAT = { location: 'posisjon', phone: 'telefonnummer', 'name-and-place': 'navn og sted' };
export const CONSENT_PURPOSE = { ambulance: 'ambulanse (113)', police: 'politi', 'child-welfare-emergency': 'barnevernsvakt' };

/** A risk flag, e.g. "Akutt – Overdose eller ruspåvirket", or "" when there is none. */
export function riskLabel(level, category) {
  if (!level || level === 'none') return '';
  return (RISK_LEVELS[level] || level) + (category ? ' – ' + (RISK_CATEGORIES[category] || category) : '');
}

/** An alert for staff, e.g. "Akutt: en ung sier de ikke er trygge (venter)". Never any text from the chat. */
export function alertLabel(alert) {
  const who = alert.counsellor ? ' (veileder: ' + alert.counsellor + ')' : ' (venter i køen)';
  const what = {
    urgent: 'Akutt: en ung sier «Jeg er ikke trygg nå»',
    'acute-flag': 'Akutt risiko flagget',
    'help-requested': 'En veileder trenger hjelp'
  }[alert.kind] || alert.kind;
  return what + (alert.category ? ' – ' + (RISK_CATEGORIES[alert.category] || alert.category) : '') + who;
}

/** Whole minutes, at least the given seconds' worth, as "3 min". */
export function minutesLabel(seconds) {
  return minutes(seconds) + ' min';
}
