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
