// Canned responses: the list, an edit form, new ones, and retiring one (counsellors stop seeing it).
import { $, el, say, list, showErrors, clearErrors } from '/editor/dom.js';

const state = { ctx: null, current: null, initialised: false };

export function init(ctx) {
  state.ctx = ctx;
  if (state.initialised) return;
  state.initialised = true;
  $('new-canned').addEventListener('click', () => open(null));
  $('canned-form').addEventListener('submit', (event) => { event.preventDefault(); save(); });
  $('retire-canned').addEventListener('click', retire);
  $('close-canned').addEventListener('click', () => { $('canned-editor').classList.add('hidden'); $('new-canned').focus(); });
}

export function refresh(ctx) {
  return ctx.api('/api/v1/canned').then((items) => {
    $('canned-list').replaceChildren(...(items.length ? items.map((c) => el('li', {},
      el('strong', { text: c.title }), ' (' + c.lang + ') – ' + c.text.slice(0, 120) + (c.text.length > 120 ? '…' : '') + ' ',
      el('button', { type: 'button', class: 'secondary', text: 'Åpne', 'aria-label': 'Åpne ferdigsvaret ' + c.title,
        onclick: () => open(c) }))) : [el('li', { text: 'Ingen ferdigsvar.' })]));
  }).catch((e) => $('canned-list').replaceChildren(el('li', { text: 'Kunne ikke hentes: ' + e.message })));
}

function open(item) {
  state.current = item;
  clearErrors($('canned-form'));
  say('canned-status', '');
  $('c-id').value = item ? item.id : '';
  $('c-id').disabled = Boolean(item);
  $('c-lang').value = item ? item.lang : 'nb';
  $('c-title').value = item ? item.title : '';
  $('c-text').value = item ? item.text : '';
  $('c-topics').value = item ? (item.topics || []).join(', ') : '';
  $('retire-canned').classList.toggle('hidden', !item);
  say('canned-editor-title', item ? item.title : 'Nytt ferdigsvar');
  $('canned-editor').classList.remove('hidden');
  (item ? $('c-title') : $('c-id')).focus();
}

function save() {
  clearErrors($('canned-form'));
  const doc = { id: $('c-id').value.trim(), lang: $('c-lang').value, title: $('c-title').value.trim(), text: $('c-text').value.trim(), topics: list($('c-topics').value) };
  const local = [];
  if (!/^[a-z0-9][a-z0-9-]{1,79}$/.test(doc.id)) local.push({ field: 'id', message: 'Id: små bokstaver, tall og bindestrek.' });
  if (!doc.title) local.push({ field: 'title', message: 'Tittelen må fylles ut.' });
  if (!doc.text) local.push({ field: 'text', message: 'Teksten må fylles ut.' });
  if (local.length) { showErrors(local, 'cerr-', 'canned-status', {}); return; }
  const request = state.current
    ? state.ctx.api('/api/v1/canned/' + encodeURIComponent(doc.id), { method: 'PUT', body: doc })
    : state.ctx.api('/api/v1/canned', { method: 'POST', body: doc });
  request.then((saved) => { state.current = saved; $('c-id').disabled = true; $('retire-canned').classList.remove('hidden'); say('canned-status', 'Lagret.'); return refresh(state.ctx); })
    .catch((e) => { showErrors(e.errors || [], 'cerr-', null, {}); say('canned-status', 'Ikke lagret: ' + e.message); });
}

function retire() {
  if (!state.current) return;
  state.ctx.api('/api/v1/canned/' + encodeURIComponent(state.current.id), { method: 'DELETE' })
    .then(() => { say('canned-status', 'Trukket tilbake: veilederne ser det ikke lenger.'); state.current = null; $('retire-canned').classList.add('hidden'); return refresh(state.ctx); })
    .catch((e) => say('canned-status', 'Ikke trukket tilbake: ' + e.message));
}
