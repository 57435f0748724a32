// Anonymous questions: ask (the privacy guard's removals shown), the pickup code shown once with copy and a plain
// warning, and picking the answer up later with the code (sent in the body, never in a URL).
import { $, text, api, plainApi, ageBand } from '/demo/core.js';
import { t, formatDate } from '/demo/i18n.js';

/** Forgets the code on the page: it is shown once, then only the young person has it. */
export function hideCode() {
  text($('ask-code'), '');
  text($('ask-copy-status'), '');
  $('ask-receipt').classList.add('hidden');
}

function showReceipt(asked) {
  const removed = asked.removed || [];
  text($('ask-removed'), removed.length
    ? t('askRemoved', { list: [...new Set(removed)].map((kind) => t('pii_' + kind)).join(', ') })
    : t('askNothingRemoved'));
  text($('ask-stored'), asked.storedText);
  text($('ask-code'), asked.pickupCode);
  text($('ask-delete-after'), t('deleteAfter', { date: formatDate(asked.deleteAfter) }));
  text($('ask-copy-status'), '');
  $('ask-receipt').classList.remove('hidden');
  $('ask-receipt').focus();
}

$('ask-form').addEventListener('submit', (event) => {
  event.preventDefault();
  const question = $('ask-text').value.trim();
  if (!question) {
    text($('ask-status'), t('askEmpty'));
    $('ask-text').focus();
    return;
  }
  const body = { text: question, ageBand: ageBand() };
  if ($('ask-topic').value) body.topic = $('ask-topic').value;
  text($('ask-status'), '');
  api('/api/v1/questions', { method: 'POST', body }).then((asked) => {
    $('ask-text').value = '';
    text($('ask-status'), t('askSent'));
    showReceipt(asked);
  }).catch((e) => text($('ask-status'), t('failed', { message: e.message })));
});

$('ask-copy').addEventListener('click', () => {
  const code = $('ask-code').textContent;
  const copied = navigator.clipboard && navigator.clipboard.writeText ? navigator.clipboard.writeText(code) : Promise.reject(new Error('no clipboard'));
  copied.then(() => text($('ask-copy-status'), t('copied')), () => {
    // Without the clipboard, select the code so the phone's own copy menu can take it.
    const range = document.createRange();
    range.selectNodeContents($('ask-code'));
    const selection = window.getSelection();
    selection.removeAllRanges();
    selection.addRange(range);
    text($('ask-copy-status'), t('copyFailed'));
  });
});

$('ask-done').addEventListener('click', () => {
  hideCode();
  $('pickup-code').focus();
});

/** Codes are typed on phones: any case, spaces or no dashes are fine. */
export function normaliseCode(value) {
  const plain = value.toUpperCase().replace(/[^A-Z0-9]/g, '');
  return plain.length === 20 ? plain.match(/.{5}/g).join('-') : value.trim().toUpperCase();
}

$('pickup-form').addEventListener('submit', (event) => {
  event.preventDefault();
  const code = normaliseCode($('pickup-code').value);
  $('pickup-result').classList.add('hidden');
  if (!code) { $('pickup-code').focus(); return; }
  text($('pickup-status'), '');
  plainApi('/api/v1/questions/pickup', { method: 'POST', body: { pickupCode: code } }).then((found) => {
    text($('pickup-question'), found.question);
    if (found.status === 'answered') {
      text($('pickup-answer'), found.answer);
      text($('pickup-answered-at'), found.answeredAt ? t('answeredAt', { date: formatDate(found.answeredAt) }) + ' ' + t('deleteAfter', { date: formatDate(found.deleteAfter) }) : '');
      text($('pickup-status'), '');
    } else {
      text($('pickup-answer'), t('pickupWaiting'));
      text($('pickup-answered-at'), t('deleteAfter', { date: formatDate(found.deleteAfter) }));
      text($('pickup-status'), t('pickupWaiting'));
    }
    $('pickup-result').classList.remove('hidden');
  }).catch((e) => {
    text($('pickup-status'), e.status === 404 || e.status === 400 ? t('pickupNotFound') : e.status === 429 ? t('pickupLimited') : t('failed', { message: e.message }));
  });
});
