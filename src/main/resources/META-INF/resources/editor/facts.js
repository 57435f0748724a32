// Fact pages: the list by status and language, the form (front matter and Markdown), a live preview per age band
// rendered by the server's own renderer, errors next to their fields before anything is submitted, and versions.
import { $, el, say, list, badge, when, showErrors, clearErrors, statusLabel } from '/editor/dom.js';
import { showPreview as renderPreview, STAND_IN_SOURCE } from '/editor/preview.js';

const BANDS = ['13-15', '16-17', '18-25'];
const BASE = '/api/v1/editor/facts';
const state = { ctx: null, current: null, band: null, timer: null, previewSeq: 0, initialised: false, archiveArmed: false };
const inputs = () => ({
  slug: $('f-slug'), lang: $('f-lang'), title: $('f-title'), summary: $('f-summary'), kind: $('f-kind'),
  substances: $('f-substances'), topics: $('f-topics'), expiresAt: $('f-expires'), reviewer: $('f-reviewer'),
  lastReviewed: $('f-reviewed'), body: $('f-body')
});

export function init(ctx) {
  state.ctx = ctx;
  if (state.initialised) return;
  state.initialised = true;
  ['filter-status', 'filter-lang', 'filter-due'].forEach((id) => $(id).addEventListener('change', () => refresh(ctx)));
  $('filter-sort').addEventListener('change', () => render());
  $('insert-snippet').addEventListener('click', insertSnippet);
  $('filter-text').addEventListener('input', () => render());
  $('fact-filter').addEventListener('submit', (event) => event.preventDefault());
  $('new-fact').addEventListener('click', () => openNew());
  $('add-source').addEventListener('click', () => { addSource({ title: '', url: '' }).querySelector('input').focus(); schedulePreview(); });
  $('f-kind').addEventListener('change', () => $('expiry-field').classList.toggle('hidden', $('f-kind').value !== 'warning'));
  $('fact-form').addEventListener('input', schedulePreview);
  $('fact-form').addEventListener('change', schedulePreview);
  $('fact-form').addEventListener('submit', (event) => { event.preventDefault(); save().catch(() => {}); });
  $('submit-fact').addEventListener('click', () => submit());
  $('archive-fact').addEventListener('click', () => archive());
  $('close-fact').addEventListener('click', () => { $('fact-editor').classList.add('hidden'); state.current = null; $('new-fact').focus(); });
}

let rows = [];
let due = new Set();

export function refresh(ctx) {
  const params = new URLSearchParams();
  if ($('filter-status').value) params.set('status', $('filter-status').value);
  if ($('filter-lang').value) params.set('lang', $('filter-lang').value);
  const wantDue = $('filter-due').checked;
  return Promise.all([
    ctx.api(BASE + (params.toString() ? '?' + params : '')),
    wantDue ? ctx.api(BASE + '/review-due') : Promise.resolve(null)
  ]).then(([items, dueItems]) => {
    rows = items;
    due = dueItems ? new Set(dueItems.map((v) => v.slug + '.' + v.lang)) : null;
    render();
  }).catch((e) => say('facts-status', 'Listen kunne ikke hentes: ' + e.message));
}

function render() {
  const query = $('filter-text').value.trim().toLowerCase();
  const shown = rows.filter((r) => (!due || (r.status === 'published' && due.has(r.slug + '.' + r.lang)))
    && (!query || r.title.toLowerCase().includes(query) || r.slug.includes(query)));
  const sort = $('filter-sort').value;
  const byReview = (r) => (r.reviewed ? r.lastReviewed : '');
  if (sort === 'reviewed') shown.sort((a, b) => byReview(a).localeCompare(byReview(b)) || a.slug.localeCompare(b.slug));
  if (sort === 'title') shown.sort((a, b) => a.title.localeCompare(b.title, 'nb'));
  const body = $('fact-list');
  body.replaceChildren(...shown.map((r) => el('tr', {},
    el('td', { text: r.title }),
    el('td', { text: r.slug }),
    el('td', { text: r.lang }),
    el('td', {}, badge(r.status)),
    el('td', { text: String(r.version) }),
    el('td', { text: r.reviewed ? r.lastReviewed + ' (' + r.reviewer + ')' : 'Ikke gjennomgått' }),
    el('td', { text: r.author }),
    el('td', {}, el('button', { type: 'button', class: 'secondary', text: 'Åpne',
      'aria-label': 'Åpne ' + r.title + ' (' + r.lang + ', ' + statusLabel(r.status).toLowerCase() + ')',
      onclick: () => open(r.slug, r.lang) })))));
  say('facts-status', shown.length + ' versjoner vist');
}

/** The shared block goes on a line of its own, where the cursor is; the preview shows it in place. */
function insertSnippet() {
  const body = $('f-body');
  const line = '<!-- include: ' + $('f-snippet').value + ' -->';
  const at = body.selectionStart ?? body.value.length;
  const before = body.value.slice(0, at);
  const after = body.value.slice(at);
  const text = (before && !before.endsWith('\n') ? '\n\n' : '') + line + '\n' + (after && !after.startsWith('\n') ? '\n' : '');
  body.value = before + text + after;
  body.focus();
  body.selectionStart = body.selectionEnd = before.length + text.length;
  schedulePreview();
}

function addSource(source) {
  const index = $('f-sources').children.length + 1;
  const title = el('input', { id: 'f-source-title-' + index, value: source.title || '', class: 'source-title' });
  const url = el('input', { id: 'f-source-url-' + index, value: source.url || '', type: 'url', class: 'source-url', placeholder: 'https://' });
  const item = el('li', {},
    el('label', { for: title.id, text: 'Kilde ' + index + ': tittel' }), title,
    el('label', { for: url.id, text: 'Kilde ' + index + ': adresse' }), url,
    el('button', { type: 'button', class: 'secondary write', text: 'Fjern kilde ' + index,
      onclick: () => { item.remove(); schedulePreview(); } }));
  $('f-sources').append(item);
  return item;
}

function fill(content, slug, lang, isNew) {
  const f = inputs();
  f.slug.value = slug || '';
  f.lang.value = lang || 'nb';
  f.slug.disabled = !isNew;
  f.lang.disabled = !isNew;
  f.title.value = content.title || '';
  f.summary.value = content.summary || '';
  f.kind.value = content.kind || 'topic';
  f.substances.value = (content.substances || []).join(', ');
  f.topics.value = (content.topics || []).join(', ');
  BANDS.forEach((band) => { $('f-band-' + band).checked = (content.audience || []).includes(band); });
  f.expiresAt.value = content.expiresAt ? toLocalInput(content.expiresAt) : '';
  f.reviewer.value = content.reviewer || '';
  f.lastReviewed.value = content.lastReviewed || '';
  f.body.value = content.body || '';
  $('f-sources').replaceChildren();
  (content.sources || []).forEach(addSource);
  $('expiry-field').classList.toggle('hidden', f.kind.value !== 'warning');
}

function toLocalInput(instant) {
  const d = new Date(instant);
  const pad = (n) => String(n).padStart(2, '0');
  return d.getFullYear() + '-' + pad(d.getMonth() + 1) + '-' + pad(d.getDate()) + 'T' + pad(d.getHours()) + ':' + pad(d.getMinutes());
}

/** The form as the API's FactContent. */
function read() {
  const f = inputs();
  const sources = [...$('f-sources').children].map((li) => ({
    title: li.querySelector('.source-title').value.trim(), url: li.querySelector('.source-url').value.trim()
  })).filter((s) => s.title || s.url);
  return {
    title: f.title.value.trim(),
    summary: f.summary.value.trim(),
    kind: f.kind.value,
    substances: list(f.substances.value),
    topics: list(f.topics.value),
    audience: BANDS.filter((band) => $('f-band-' + band).checked),
    sources,
    lastReviewed: f.lastReviewed.value || null,
    reviewer: f.reviewer.value.trim() || null,
    expiresAt: f.kind.value === 'warning' && f.expiresAt.value ? new Date(f.expiresAt.value).toISOString() : null,
    body: f.body.value
  };
}

/** What can be told without the server; the server adds the content rules (amounts, numbers, bands, snippets). */
function localErrors(slug, content) {
  const errors = [];
  if (!/^[a-z0-9][a-z0-9-]{0,59}$/.test(slug)) errors.push({ field: 'slug', message: 'Adressen kan bare ha små bokstaver, tall og bindestrek.' });
  if (!content.title) errors.push({ field: 'title', message: 'Tittelen må fylles ut.' });
  if (!content.summary) errors.push({ field: 'summary', message: 'Sammendraget må fylles ut.' });
  if (!content.audience.length) errors.push({ field: 'audience', message: 'Velg minst én aldersgruppe.' });
  if (!content.sources.length) errors.push({ field: 'sources', message: 'Siden må ha minst én kilde med tittel og https:-adresse.' });
  content.sources.forEach((s, i) => {
    if (!s.title) errors.push({ field: 'sources', message: 'Kilde ' + (i + 1) + ' mangler tittel.' });
    if (!/^https:\/\/\S+$/.test(s.url)) errors.push({ field: 'sources', message: 'Kilde ' + (i + 1) + ' må ha en https:-adresse.' });
  });
  if (content.kind === 'warning' && !content.expiresAt) errors.push({ field: 'expiresAt', message: 'En advarsel må ha utløpstidspunkt.' });
  if (!content.body.trim()) errors.push({ field: 'body', message: 'Teksten må fylles ut.' });
  return errors;
}

/** The input to mark aria-invalid for each field name the errors use. */
function fieldInputs() {
  return Object.assign({}, inputs(), { audience: $('f-band-13-15'), sources: $('f-sources').querySelector('input') });
}

function validate(slug, content, serverErrors) {
  const form = $('fact-form');
  clearErrors(form);
  const errors = localErrors(slug, content).concat(serverErrors || []);
  const seen = new Set();
  const unique = errors.filter((e) => { const key = e.field + '|' + e.message; if (seen.has(key)) return false; seen.add(key); return true; });
  showErrors(unique, 'err-', 'form-errors', fieldInputs());
  return unique;
}

function schedulePreview() {
  clearTimeout(state.timer);
  state.timer = setTimeout(preview, 350);
}

function slugAndLang() {
  return { slug: $('f-slug').value.trim(), lang: $('f-lang').value };
}

/** Asks the server for every band as readers will get it; its 400 lists the rules a draft breaks. */
function preview() {
  if (!state.current) return Promise.resolve();
  const { slug, lang } = slugAndLang();
  const content = read();
  if (!state.ctx.canWrite) {
    validate(slug, content, []);
    say('preview-status', 'Forhåndsvisningen er for redaktører.');
    return Promise.resolve();
  }
  const seq = ++state.previewSeq;
  const path = BASE + '/' + encodeURIComponent(/^[a-z0-9][a-z0-9-]{0,59}$/.test(slug) ? slug : 'ny-side') + '/' + lang + '/preview';
  // Stand-ins for what the form itself reports as missing, so the server still checks the content rules (amounts,
  // numbers, bands, snippets) while the editor is writing; nothing of them is shown.
  const checked = Object.assign({}, content, {
    title: content.title || '(uten tittel)',
    summary: content.summary || '(uten sammendrag)',
    sources: content.sources.length ? content.sources : [{ title: '(kilde)', url: STAND_IN_SOURCE }]
  });
  return state.ctx.api(path, { method: 'POST', body: checked }).then((result) => {
    if (seq !== state.previewSeq) return;
    validate(slug, content, []);
    showPreview(content, result);
  }).catch((e) => {
    if (seq !== state.previewSeq) return;
    validate(slug, content, e.errors || []);
    say('preview-status', e.status === 400 ? 'Forhåndsvisningen oppdateres når feilene er rettet.' : 'Forhåndsvisningen virket ikke: ' + e.message);
  });
}

const PREVIEW = { tabs: 'preview-bands', article: 'preview', status: 'preview-status', prefix: 'preview-tab-' };
const showPreview = (content, result) => renderPreview(PREVIEW, state, content, result);

function openNew() {
  state.current = { slug: null, lang: null, working: null, published: null, isNew: true };
  fill({ kind: 'topic', audience: [], sources: [] }, '', 'nb', true);
  addSource({ title: '', url: '' });
  say('editor-title', 'Ny side');
  say('editor-state', 'Ny side: lagres som utkast; en annen redaktør må godkjenne den før den publiseres.');
  $('history').replaceChildren();
  $('preview').replaceChildren();
  $('preview-bands').replaceChildren();
  say('preview-status', '');
  say('fact-status', '');
  clearErrors($('fact-form'));
  buttons();
  $('fact-editor').classList.remove('hidden');
  $('f-slug').focus();
}

export function open(slug, lang) {
  return state.ctx.api(BASE + '/' + encodeURIComponent(slug) + '/' + lang + '/versions').then((versions) => {
    const working = versions.find((v) => v.status === 'draft' || v.status === 'in-review') || null;
    const published = versions.find((v) => v.status === 'published') || null;
    state.current = { slug, lang, working, published, isNew: false, versions };
    const shown = working || published || versions[0];
    fill(shown.content, slug, lang, false);
    say('editor-title', shown.content.title + ' (' + lang + ')');
    say('editor-state', working
      ? statusLabel(working.status) + ', versjon ' + working.version + ', skrevet av ' + working.author
        + (working.note ? '. Merknad: ' + working.note : '') + (published ? '. Publisert versjon: ' + published.version + '.' : '. Ikke publisert før.')
      : published ? 'Publisert versjon ' + published.version + '. Endringer lagres som et nytt utkast.' : 'Arkivert. Endringer lagres som et nytt utkast.');
    renderHistory(versions);
    say('fact-status', '');
    buttons();
    $('fact-editor').classList.remove('hidden');
    $('editor-title').scrollIntoView();
    return preview();
  }).catch((e) => say('facts-status', 'Siden kunne ikke åpnes: ' + e.message));
}

function buttons() {
  const c = state.current;
  const inReview = c.working && c.working.status === 'in-review';
  $('save-fact').disabled = inReview;
  $('submit-fact').disabled = inReview;
  $('archive-fact').classList.toggle('hidden', !c.published);
  $('archive-fact').textContent = 'Arkiver publisert versjon';
  state.archiveArmed = false;
  if (inReview) say('fact-status', 'Versjonen er til gjennomgang og kan ikke endres før den er godkjent eller sendt tilbake.');
}

function renderHistory(versions) {
  $('history').replaceChildren(...versions.map((v) => el('tr', {},
    el('td', { text: String(v.version) }), el('td', {}, badge(v.status)), el('td', { text: v.author }),
    el('td', { text: when(v.createdAt) }), el('td', { text: when(v.submittedAt) }), el('td', { text: v.submittedBy || '' }),
    el('td', { text: v.approver || '' }),
    el('td', { text: when(v.publishedAt) }), el('td', { text: v.note || '' }))));
}

/** Saves the form as the draft: a new one (new page, or a change to a published page) or the current one. */
function save() {
  const { slug, lang } = slugAndLang();
  const content = read();
  const local = validate(slug, content, []);
  if (local.length) {
    say('fact-status', 'Rett feilene som er merket før du lagrer.');
    return Promise.reject(new Error('invalid'));
  }
  const c = state.current;
  const path = BASE + '/' + encodeURIComponent(slug) + '/' + lang;
  const request = c.working && c.working.status === 'draft'
    ? state.ctx.api(path + '/drafts/current', { method: 'PUT', body: content })
    : state.ctx.api(path + '/drafts', { method: 'POST', body: content });
  return request.then((version) => {
    say('fact-status', 'Utkastet er lagret (versjon ' + version.version + ').');
    return open(slug, lang).then(() => { say('fact-status', 'Utkastet er lagret (versjon ' + version.version + ').'); return version; });
  }).catch((e) => {
    if (e.errors) validate(slug, content, e.errors);
    say('fact-status', 'Ikke lagret: ' + (e.errors && e.errors.length ? 'se feilene ved feltene.' : e.message));
    throw e;
  });
}

function submit() {
  save().then(() => {
    const { slug, lang } = slugAndLang();
    return state.ctx.api(BASE + '/' + encodeURIComponent(slug) + '/' + lang + '/submit', { method: 'POST' })
      .then(() => open(slug, lang))
      .then(() => say('fact-status', 'Sendt til gjennomgang. En annen redaktør må godkjenne den.'));
  }).catch((e) => { if (e.message !== 'invalid' && !e.errors) say('fact-status', 'Ikke sendt: ' + e.message); });
}

function archive() {
  if (!state.archiveArmed) {
    state.archiveArmed = true;
    $('archive-fact').textContent = 'Bekreft: arkiver (siden forsvinner for leserne)';
    return;
  }
  const { slug, lang } = slugAndLang();
  state.ctx.api(BASE + '/' + encodeURIComponent(slug) + '/' + lang + '/archive', { method: 'POST' })
    .then(() => open(slug, lang))
    .then(() => say('fact-status', 'Den publiserte versjonen er arkivert.'))
    .catch((e) => say('fact-status', 'Ikke arkivert: ' + e.message));
}
