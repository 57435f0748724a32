// Answered anonymous questions an editor may turn into a draft Q&A page (then the four-eyes review). What is shown
// is what was stored: personal data was replaced by placeholders such as [telefonnummer] before storage.
import { $, el, say } from '/editor/dom.js';

const state = { ctx: null };
/** Placeholders the privacy guard put where personal data was, e.g. [telefonnummer]. */
const PLACEHOLDER = /\[[a-zæøå -]+\]/g;

export function init(ctx) { state.ctx = ctx; }

/** The stored text with each placeholder marked, so the editor sees what was removed. */
function redacted(text) {
  const parts = [];
  let last = 0;
  (text || '').replace(PLACEHOLDER, (match, at) => {
    parts.push(text.slice(last, at), el('mark', { title: 'fjernet før lagring', text: match }));
    last = at + match.length;
    return match;
  });
  parts.push((text || '').slice(last));
  return parts;
}

export function refresh(ctx) {
  return ctx.api('/api/v1/editor/questions').then((items) => {
    $('questions').replaceChildren(...(items.length ? items.map(render) : [el('li', { text: 'Ingen besvarte spørsmål.' })]));
  }).catch((e) => say('questions-status', 'Spørsmålene kunne ikke hentes: ' + e.message));
}

function render(q) {
  const slugId = 'q-slug-' + q.id;
  const titleId = 'q-title-' + q.id;
  return el('li', {},
    el('p', {}, el('strong', { text: 'Spørsmål: ' }), redacted(q.question)),
    el('p', {}, el('strong', { text: 'Svar: ' }), redacted(q.answer)),
    new RegExp(PLACEHOLDER.source).test(q.question + ' ' + (q.answer || ''))
      ? el('p', { class: 'meta', text: 'Personopplysninger ble fjernet før lagring (merket).' }) : null,
    el('div', { class: 'row write' },
      el('label', { for: slugId, class: 'inline', text: 'Adresse' }), el('input', { id: slugId, value: 'sporsmal-' + q.id.slice(0, 8).toLowerCase() }),
      el('label', { for: titleId, class: 'inline', text: 'Tittel' }), el('input', { id: titleId, class: 'grow' }),
      el('button', { type: 'button', text: 'Lag utkast til spørsmål og svar', onclick: () => publish(q, $(slugId).value.trim(), $(titleId).value.trim()) })));
}

function publish(q, slug, title) {
  if (!title) { say('questions-status', 'Gi siden en tittel først.'); return; }
  state.ctx.api('/api/v1/editor/questions/' + encodeURIComponent(q.id) + '/publish', { method: 'POST', body: { slug, title } })
    .then((draft) => {
      say('questions-status', 'Utkastet «' + draft.content.title + '» er laget (' + draft.slug + '). Åpner det i Faktasider: send det til gjennomgang derfra.');
      state.ctx.show('facts');
      return state.ctx.openFact(draft.slug, draft.lang);
    })
    .catch((e) => say('questions-status', 'Ikke laget: ' + e.message));
}
