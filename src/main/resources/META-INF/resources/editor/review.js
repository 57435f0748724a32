// The review queue: fact-page versions and catalogue changes waiting for a second editor, each with a diff against
// what is published now (front matter or fields side by side, the text line by line; phone numbers and links
// flagged), approve or send back with a comment. The author cannot approve: the API refuses, and the page says why.
import { $, el, say, when, statusLabel } from '/editor/dom.js';
import { lineDiff } from '/editor/diff.js';
import { showPreview } from '/editor/preview.js';

const PREVIEW = { tabs: 'review-preview-bands', article: 'review-preview', status: null, prefix: 'review-tab-' };
const KINDS = { substance: 'Stoff', topic: 'Tema', warning: 'Advarsel', qa: 'Spørsmål og svar' };

const state = { ctx: null, item: null, initialised: false, band: null };

export function init(ctx) {
  state.ctx = ctx;
  if (state.initialised) return;
  state.initialised = true;
  $('approve').addEventListener('click', approve);
  $('reject').addEventListener('click', reject);
}

export function refresh(ctx) {
  return Promise.all([
    ctx.api('/api/v1/editor/facts?status=in-review'),
    ctx.api('/api/v1/editor/service-changes')
  ]).then(([pages, changes]) => {
    $('review-facts').replaceChildren(...(pages.length ? pages.map((p) => el('li', {},
      el('strong', { text: p.title }), ' (' + p.slug + ', ' + p.lang + ', versjon ' + p.version + ') – skrevet av ' + p.author
        + ', sendt ' + when(p.submittedAt) + ' ',
      el('button', { type: 'button', class: 'secondary', text: 'Se gjennom',
        'aria-label': 'Se gjennom ' + p.title + ' (' + p.lang + ')', onclick: () => openFact(p.slug, p.lang) })))
      : [el('li', { text: 'Ingen faktasider venter.' })]));
    $('review-services').replaceChildren(...(changes.length ? changes.map((c) => el('li', {},
      el('strong', { text: c.serviceId }), ' – ' + kindLabel(c.kind) + ' (' + c.fields.join(', ') + ') – av ' + c.author
        + ', ' + when(c.createdAt) + ' ',
      el('button', { type: 'button', class: 'secondary', text: 'Se gjennom',
        'aria-label': 'Se gjennom endringen av ' + c.serviceId, onclick: () => openChange(c.id) })))
      : [el('li', { text: 'Ingen tjenesteendringer venter.' })]));
  }).catch((e) => say('review-status', 'Køen kunne ikke hentes: ' + e.message));
}

const kindLabel = (kind) => ({ create: 'ny tjeneste', replace: 'endring', retire: 'fjerning' }[kind] || kind);

function showOwn(author) {
  const own = author === state.ctx.me;
  $('review-own').classList.toggle('hidden', !own);
  say('review-own', own ? 'Du skrev denne endringen. En annen redaktør må godkjenne den (fire øyne).' : '');
}

function row(field, before, after, flag) {
  const changed = before !== after;
  return el('tr', { class: [changed ? 'changed' : '', flag ? 'highlight' : ''].join(' ').trim() || null },
    el('th', { scope: 'row' }, field, changed ? el('span', { class: 'visually-hidden', text: ' (endret)' }) : null,
      flag ? el('span', { class: 'flag', text: ' ' + flag }) : null),
    el('td', {}, changed && before ? el('del', { text: before }) : (before || '–')),
    el('td', {}, changed && after ? el('ins', { text: after }) : (after || '–')));
}

const joined = (values) => (values || []).join(', ');
const sources = (values) => (values || []).map((s) => s.title + ' – ' + s.url).join('\n');

function openFact(slug, lang) {
  return state.ctx.api('/api/v1/editor/facts/' + encodeURIComponent(slug) + '/' + lang + '/versions').then((versions) => {
    const candidate = versions.find((v) => v.status === 'in-review');
    if (!candidate) { say('review-status', 'Versjonen er ikke lenger til gjennomgang.'); return refresh(state.ctx); }
    const published = versions.find((v) => v.status === 'published');
    const a = published ? published.content : {};
    const b = candidate.content;
    state.item = { type: 'fact', slug, lang, candidate };
    say('review-title', b.title + ' (' + lang + ')');
    say('review-meta', 'Versjon ' + candidate.version + ' skrevet av ' + candidate.author + ', sendt til gjennomgang '
      + when(candidate.submittedAt) + (candidate.submittedBy ? ' av ' + candidate.submittedBy : '')
      + (published ? '. Sammenlignet med publisert versjon ' + published.version + '.' : '. Ny side: ingenting er publisert før.'));
    showOwn(candidate.author);
    $('review-fields').replaceChildren(
      row('Tittel', a.title || '', b.title),
      row('Sammendrag', a.summary || '', b.summary),
      row('Type', KINDS[a.kind] || '', KINDS[b.kind] || b.kind),
      row('Stoffer', joined(a.substances), joined(b.substances)),
      row('Temaer', joined(a.topics), joined(b.topics)),
      row('Aldersgrupper', joined(a.audience), joined(b.audience)),
      row('Kilder', sources(a.sources), sources(b.sources)),
      row('Utløper', a.expiresAt || '', b.expiresAt || ''),
      row('Fagperson', a.reviewer || '', b.reviewer || ''),
      row('Faglig gjennomgått', a.lastReviewed || '', b.lastReviewed || ''));
    $('review-body-wrap').classList.remove('hidden');
    $('review-body').replaceChildren(...lineDiff(a.body || '', b.body).map((line) => el('li', { class: line.op, text: line.text || ' ' })));
    $('review-preview-wrap').classList.remove('hidden');
    $('review-preview').replaceChildren();
    $('review-preview-bands').replaceChildren();
    openDetail();
    // The version as readers will get it, every band (the preview is for editors; supervisors see the diff).
    if (state.ctx.canWrite) {
      state.ctx.api('/api/v1/editor/facts/' + encodeURIComponent(slug) + '/' + lang + '/preview', { method: 'POST', body: b })
        .then((result) => showPreview(PREVIEW, state, b, result))
        .catch((e) => $('review-preview').replaceChildren(el('p', { text: 'Forhåndsvisningen virket ikke: ' + e.message })));
    }
  }).catch((e) => say('review-status', 'Kunne ikke åpnes: ' + e.message));
}

const FLAGS = { phone: '☎ telefonnummer – sjekk mot kilden', url: '🔗 lenke – sjekk at den virker' };

function openChange(id) {
  return state.ctx.api('/api/v1/editor/service-changes/' + encodeURIComponent(id)).then((change) => {
    state.item = { type: 'service', id: change.id, change };
    say('review-title', (change.document && change.document.name) || change.serviceId);
    say('review-meta', kindLabel(change.kind) + ' av ' + change.author + ', ' + when(change.createdAt) + ' – ' + statusLabel(change.status));
    showOwn(change.author);
    const diff = change.diff || [];
    $('review-fields').replaceChildren(...diff.map((d) => row(d.field, d.before === null ? '' : d.before,
      d.after === null ? '' : d.after, d.highlight ? FLAGS[d.highlight] : null)));
    $('review-body-wrap').classList.add('hidden');
    $('review-preview-wrap').classList.add('hidden');
    openDetail();
  }).catch((e) => say('review-status', 'Kunne ikke åpnes: ' + e.message));
}

function openDetail() {
  $('approve').disabled = false;
  $('reject').disabled = false;
  $('review-note').value = '';
  say('review-status', '');
  $('review-detail').classList.remove('hidden');
  $('review-title').setAttribute('tabindex', '-1');
  $('review-title').focus();
}

function refusal(e) {
  if (e.problem && /four-eyes/.test(e.problem.type || '')) {
    return 'Ikke godkjent: du kan ikke godkjenne din egen endring. En annen redaktør må gjøre det.';
  }
  return 'Ikke godkjent: ' + e.message;
}

function decided(message) {
  state.item = null;
  $('approve').disabled = true;
  $('reject').disabled = true;
  say('review-status', message);
  return refresh(state.ctx);
}

function approve() {
  const item = state.item;
  if (!item) return;
  const path = item.type === 'fact'
    ? '/api/v1/editor/facts/' + encodeURIComponent(item.slug) + '/' + item.lang + '/approve'
    : '/api/v1/editor/service-changes/' + encodeURIComponent(item.id) + '/approve';
  state.ctx.api(path, { method: 'POST' })
    .then(() => decided(item.type === 'fact' ? 'Godkjent og publisert.' : 'Godkjent: endringen er i katalogen nå.'))
    .catch((e) => say('review-status', refusal(e)));
}

function reject() {
  const item = state.item;
  if (!item) return;
  const note = $('review-note').value.trim();
  const path = item.type === 'fact'
    ? '/api/v1/editor/facts/' + encodeURIComponent(item.slug) + '/' + item.lang + '/reject'
    : '/api/v1/editor/service-changes/' + encodeURIComponent(item.id) + '/reject';
  state.ctx.api(path, { method: 'POST', body: note ? { note } : {} })
    .then(() => decided('Sendt tilbake' + (note ? ' med kommentar.' : '.')))
    .catch((e) => say('review-status', 'Ikke sendt tilbake: ' + e.message));
}
