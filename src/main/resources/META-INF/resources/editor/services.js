// Service entries: search, a structured form (organization, ages, municipalities from the full list, channels with
// link checks, weekly hours and dated exceptions, anonymity and duties, what happens, source), changes sent to the
// four-eyes review, "verified with the service today", the verification-due list and users' reports of wrong
// information, closed with a note.
import { $, el, say, list, when, showErrors, clearErrors } from '/editor/dom.js';

const DAYS = [['MO', 'man'], ['TU', 'tir'], ['WE', 'ons'], ['TH', 'tor'], ['FR', 'fre'], ['SA', 'lør'], ['SU', 'søn']];
/** Fields of a ServiceView that are not part of the document editors write. */
const VIEW_ONLY = ['status', 'availability', 'distanceKm', 'distanceApproximate', 'oldSource'];
const state = { ctx: null, doc: null, isNew: false, municipalities: [], names: new Set(), initialised: false, rows: 0 };

export function init(ctx) {
  state.ctx = ctx;
  if (state.initialised) return;
  state.initialised = true;
  $('service-search').addEventListener('submit', (event) => { event.preventDefault(); search(); });
  $('new-service').addEventListener('click', () => edit(null));
  $('add-municipality').addEventListener('click', addMunicipalityFromInput);
  $('s-municipality-add').addEventListener('keydown', (event) => {
    if (event.key === 'Enter') { event.preventDefault(); addMunicipalityFromInput(); }
  });
  $('add-channel').addEventListener('click', () => addChannel({ type: 'phone', value: '' }).querySelector('input').focus());
  $('add-schedule').addEventListener('click', () => addSchedule({ byday: [], opensAt: '', closesAt: '' }).querySelector('input').focus());
  $('add-location').addEventListener('click', () => addLocation({}).querySelector('input').focus());
  $('add-exception').addEventListener('click', () => addException({ date: '' }).querySelector('input').focus());
  $('service-form').addEventListener('submit', (event) => { event.preventDefault(); propose(); });
  $('verify-service').addEventListener('click', verify);
  $('close-service').addEventListener('click', () => { $('service-editor').classList.add('hidden'); $('service-q').focus(); });
  $('s-channels').addEventListener('input', checkChannels);
  ctx.api('/api/v1/municipalities').then((items) => {
    state.municipalities = items;
    state.names = new Set(items.map((m) => m.name));
    $('municipality-names').replaceChildren(...items.map((m) => el('option', { value: m.name, label: m.name + ' (' + m.county + ')' })));
  }).catch(() => {});
}

export function refresh(ctx) {
  return Promise.all([loadDue(ctx), loadReports(ctx)]);
}

function search() {
  const q = $('service-q').value.trim();
  return state.ctx.api('/api/v1/services?size=20' + (q ? '&q=' + encodeURIComponent(q) : '')).then((page) => {
    $('service-results').replaceChildren(...(page.items.length ? page.items.map((s) => el('li', {},
      el('strong', { text: s.name }), ' – ' + s.organization.name + (s.lastVerified ? ', verifisert ' + s.lastVerified : ', ikke verifisert') + ' ',
      el('button', { type: 'button', class: 'secondary', text: 'Åpne', 'aria-label': 'Åpne ' + s.name, onclick: () => edit(s.id) })))
      : [el('li', { text: 'Ingen treff.' })]));
  }).catch((e) => $('service-results').replaceChildren(el('li', { text: 'Søket virket ikke: ' + e.message })));
}

function loadDue(ctx) {
  return ctx.api('/api/v1/editor/services/verification-due').then((items) => {
    $('verification-due').replaceChildren(...(items.length ? items.slice(0, 50).map((s) => el('li', {},
      el('strong', { text: s.name }), ' – ' + s.organization + ' – ' + (s.lastVerified ? 'sist verifisert ' + s.lastVerified + ' av ' + (s.verifiedBy || 'ukjent') : 'aldri verifisert') + ' ',
      el('button', { type: 'button', class: 'secondary', text: 'Åpne', 'aria-label': 'Åpne ' + s.name, onclick: () => edit(s.id) })))
      : [el('li', { text: 'Alle tjenester er verifisert innenfor intervallet.' })]));
  }).catch((e) => $('verification-due').replaceChildren(el('li', { text: 'Listen kunne ikke hentes: ' + e.message })));
}

function loadReports(ctx) {
  return ctx.api('/api/v1/editor/service-reports').then((reports) => {
    $('reports').replaceChildren(...(reports.length ? reports.map((r) => {
      const noteId = 'report-note-' + r.id;
      return el('li', {},
        el('p', {}, el('strong', { text: r.serviceName || r.serviceId }), ' – mottatt ' + when(r.createdAt)),
        el('blockquote', { text: r.text }),
        el('label', { for: noteId, text: 'Hva ble gjort (notat)' }),
        el('textarea', { id: noteId, rows: '2', maxlength: '1000', class: 'write' }),
        el('div', { class: 'row spaced' },
          el('button', { type: 'button', class: 'write', text: 'Lukk meldingen', 'aria-label': 'Lukk meldingen om ' + (r.serviceName || r.serviceId),
            onclick: () => closeReport(r, $(noteId).value.trim()) }),
          el('button', { type: 'button', class: 'secondary', text: 'Åpne tjenesten', onclick: () => edit(r.serviceId) })));
    }) : [el('li', { text: 'Ingen åpne meldinger.' })]));
  }).catch((e) => $('reports').replaceChildren(el('li', { text: 'Meldingene kunne ikke hentes: ' + e.message })));
}

function closeReport(report, note) {
  state.ctx.api('/api/v1/editor/service-reports/' + encodeURIComponent(report.id) + '/close', { method: 'POST', body: note ? { note } : {} })
    .then(() => loadReports(state.ctx))
    .then(() => say('reports-status', 'Meldingen om ' + (report.serviceName || report.serviceId) + ' er lukket.'))
    .catch((e) => say('reports-status', 'Ikke lukket: ' + e.message));
}

/* ---------- the form ---------- */

function chip(name) {
  const item = el('li', {}, name, el('button', { type: 'button', class: 'secondary write', text: '×', 'aria-label': 'Fjern ' + name,
    onclick: () => item.remove() }));
  item.dataset.name = name;
  return item;
}

function addMunicipalityFromInput() {
  const input = $('s-municipality-add');
  const value = input.value.trim();
  say('serr-municipalities', '');
  if (!value) return;
  const match = state.municipalities.find((m) => m.name.toLowerCase() === value.toLowerCase()
    || m.code === value || (m.otherNames || []).some((n) => n.toLowerCase() === value.toLowerCase()));
  if (state.municipalities.length && !match) { say('serr-municipalities', '«' + value + '» er ikke en kommune i listen.'); return; }
  const name = match ? match.name : value;
  if (![...$('s-municipalities').children].some((li) => li.dataset.name === name)) $('s-municipalities').append(chip(name));
  input.value = '';
  input.focus();
}

function rowId() { state.rows += 1; return 'r' + state.rows; }

function addChannel(channel) {
  const id = rowId();
  const type = el('select', { id: id + '-type', class: 'channel-type' },
    [['phone', 'Telefon'], ['sms', 'SMS'], ['chat', 'Chat'], ['web', 'Nett'], ['email', 'E-post'], ['drop-in', 'Oppmøte']]
      .map(([value, label]) => el('option', { value, text: label, selected: channel.type === value })));
  const value = el('input', { id: id + '-value', class: 'channel-value', value: channel.value || '', 'aria-describedby': id + '-err' });
  const description = el('input', { id: id + '-desc', class: 'channel-desc', value: channel.description || '' });
  const item = el('li', {},
    el('label', { for: type.id, text: 'Kanal' }), type,
    el('label', { for: value.id, text: 'Nummer eller adresse' }), value,
    el('label', { for: description.id, text: 'Beskrivelse' }), description,
    el('button', { type: 'button', class: 'secondary write', text: 'Fjern', 'aria-label': 'Fjern kanalen', onclick: () => item.remove() }),
    el('p', { id: id + '-err', class: 'field-error channel-error', 'aria-live': 'polite' }));
  type.addEventListener('change', checkChannels);
  $('s-channels').append(item);
  return item;
}

/** The link checks the catalogue makes, said before anything is sent: tel:/sms:/https:/mailto: only. */
function channelProblem(type, value) {
  if (!value) return 'Fyll ut nummer eller adresse.';
  const scheme = (value.match(/^([a-z][a-z0-9+.-]*):/i) || [])[1];
  if (type === 'phone' || type === 'sms') {
    if (scheme && scheme.toLowerCase() !== (type === 'phone' ? 'tel' : 'sms')) return 'Bruk et telefonnummer eller en ' + (type === 'phone' ? 'tel:' : 'sms:') + '-lenke.';
    const digits = value.replace(/^(tel|sms):/i, '');
    if (!/^\+?[0-9][0-9 ]{2,15}$/.test(digits)) return 'Et telefonnummer har bare sifre og mellomrom (f.eks. 116 111 eller 22 22 22 22).';
    return null;
  }
  if (type === 'web' || type === 'chat') return /^https:\/\/\S+$/.test(value) ? null : 'Nett og chat må være en https:-adresse.';
  if (type === 'email') return /^(mailto:)?[^\s@]+@[^\s@]+\.[^\s@]+$/.test(value) ? null : 'Skriv en e-postadresse.';
  if (scheme && !['https', 'tel', 'sms', 'mailto'].includes(scheme.toLowerCase())) return 'Bare https:-, tel:-, sms:- og mailto:-lenker er lov.';
  return null;
}

function checkChannels() {
  let problems = 0;
  [...$('s-channels').children].forEach((li) => {
    const problem = channelProblem(li.querySelector('.channel-type').value, li.querySelector('.channel-value').value.trim());
    li.querySelector('.channel-error').textContent = problem || '';
    li.querySelector('.channel-value').toggleAttribute('aria-invalid', Boolean(problem));
    if (problem) problems += 1;
  });
  return problems;
}

function addSchedule(rule) {
  const id = rowId();
  const days = el('fieldset', { class: 'inner' }, el('legend', { text: 'Dager' }),
    DAYS.map(([code, label]) => {
      const box = el('input', { type: 'checkbox', id: id + '-' + code, value: code, class: 'day', checked: (rule.byday || []).includes(code) });
      return el('span', {}, box, el('label', { for: box.id, class: 'inline plain', text: label }));
    }));
  const opens = el('input', { type: 'time', id: id + '-opens', class: 'opens', value: (rule.opensAt || '').slice(0, 5) });
  const closes = el('input', { type: 'time', id: id + '-closes', class: 'closes', value: (rule.closesAt || '').slice(0, 5) });
  const holidays = el('input', { type: 'checkbox', id: id + '-holidays', class: 'holidays', checked: Boolean(rule.openOnHolidays) });
  const note = el('span', { class: 'meta overnight', 'aria-live': 'polite' });
  const update = () => {
    const o = opens.value; const c = closes.value;
    note.textContent = o && c ? (o === '00:00' && c === '00:00' ? 'hele døgnet' : c <= o ? 'stenger neste dag (over midnatt)' : '') : '';
  };
  opens.addEventListener('input', update);
  closes.addEventListener('input', update);
  const item = el('li', {}, days,
    el('label', { for: opens.id, text: 'Åpner' }), opens,
    el('label', { for: closes.id, text: 'Stenger' }), closes, note,
    holidays, el('label', { for: holidays.id, text: 'Åpent på helligdager' }),
    el('button', { type: 'button', class: 'secondary write', text: 'Fjern', 'aria-label': 'Fjern ukeregelen', onclick: () => item.remove() }));
  item.dataset.extra = JSON.stringify({ validFrom: rule.validFrom, validTo: rule.validTo, description: rule.description });
  update();
  $('s-schedules').append(item);
  return item;
}

function addLocation(location) {
  const id = rowId();
  const field = (key, label, attrs = {}) => {
    const input = el('input', Object.assign({ id: id + '-' + key, class: 'loc-' + key, value: location[key] == null ? '' : String(location[key]) }, attrs));
    return [el('label', { for: input.id, text: label }), input];
  };
  const item = el('li', {},
    field('id', 'Id'), field('name', 'Navn'), field('address', 'Adresse'), field('postalCode', 'Postnummer', { class: 'loc-postalCode narrow' }),
    field('municipality', 'Kommune', { list: 'municipality-names' }),
    field('latitude', 'Breddegrad', { type: 'number', step: 'any', min: '-90', max: '90' }),
    field('longitude', 'Lengdegrad', { type: 'number', step: 'any', min: '-180', max: '180' }),
    el('button', { type: 'button', class: 'secondary write', text: 'Fjern', 'aria-label': 'Fjern stedet', onclick: () => item.remove() }));
  $('s-locations').append(item);
  return item;
}

function addException(exception) {
  const id = rowId();
  const date = el('input', { type: 'date', id: id + '-date', class: 'ex-date', value: exception.date || '' });
  const opens = el('input', { type: 'time', id: id + '-opens', class: 'ex-opens', value: (exception.opensAt || '').slice(0, 5) });
  const closes = el('input', { type: 'time', id: id + '-closes', class: 'ex-closes', value: (exception.closesAt || '').slice(0, 5) });
  const description = el('input', { id: id + '-desc', class: 'ex-desc', value: exception.description || '' });
  const item = el('li', {},
    el('label', { for: date.id, text: 'Dato' }), date,
    el('label', { for: opens.id, text: 'Åpner (tomt = stengt)' }), opens,
    el('label', { for: closes.id, text: 'Stenger' }), closes,
    el('label', { for: description.id, text: 'Hvorfor' }), description,
    el('button', { type: 'button', class: 'secondary write', text: 'Fjern', 'aria-label': 'Fjern unntaket', onclick: () => item.remove() }));
  $('s-exceptions').append(item);
  return item;
}

function fill(doc) {
  $('s-org-id').value = doc.organization ? doc.organization.id : '';
  $('s-org-name').value = doc.organization ? doc.organization.name : '';
  $('s-org-website').value = (doc.organization && doc.organization.website) || '';
  $('s-org-email').value = (doc.organization && doc.organization.email) || '';
  $('s-org-description').value = (doc.organization && doc.organization.description) || '';
  $('s-alternate-name').value = doc.alternateName || '';
  $('s-id').value = doc.id || '';
  $('s-id').disabled = !state.isNew;
  $('s-name').value = doc.name || '';
  $('s-description').value = doc.description || '';
  $('s-topics').value = (doc.topics || []).join(', ');
  $('s-min-age').value = doc.eligibility && doc.eligibility.minAge != null ? doc.eligibility.minAge : '';
  $('s-max-age').value = doc.eligibility && doc.eligibility.maxAge != null ? doc.eligibility.maxAge : '';
  $('s-national').checked = Boolean(doc.national);
  $('s-municipalities').replaceChildren(...(doc.municipalities || []).map(chip));
  $('s-channels').replaceChildren();
  (doc.channels || []).forEach(addChannel);
  $('s-schedules').replaceChildren();
  (doc.schedules || []).forEach(addSchedule);
  $('s-locations').replaceChildren();
  (doc.locations || []).forEach(addLocation);
  $('s-districts').value = (doc.districts || []).join(', ');
  $('s-coverage').value = doc.coverage || 'listed';
  $('s-local-access').value = doc.localAccess || '';
  $('s-languages').value = (doc.languages || []).join(', ');
  $('s-exceptions').replaceChildren();
  (doc.exceptions || []).forEach(addException);
  $('s-anonymous').value = doc.anonymous || 'unknown';
  $('s-track').value = doc.track || 'voluntary-help';
  $('s-duty').value = doc.dutyToInformBarnevern == null ? '' : String(doc.dutyToInformBarnevern);
  document.querySelectorAll('#service-form select.tri').forEach((select) => {
    const value = doc[select.dataset.field];
    select.value = value == null ? '' : String(value);
  });
  $('s-cost').value = doc.cost || '';
  $('s-url').value = doc.url || '';
  $('s-hours-description').value = doc.hoursDescription || '';
  $('s-end-date').value = doc.endDate || '';
  $('s-what-happens').value = doc.whatHappens || '';
  $('s-source').value = doc.source || '';
  $('s-source-date').value = doc.sourceDate || '';
}

const orNull = (value) => (value === '' || value === undefined ? null : value);

/** The form over the document as loaded: fields the form does not show (locations, languages…) stay as they were. */
function read() {
  const doc = JSON.parse(JSON.stringify(state.doc || {}));
  doc.organization = Object.assign({}, doc.organization, {
    id: $('s-org-id').value.trim(), name: $('s-org-name').value.trim(), website: orNull($('s-org-website').value.trim()),
    email: orNull($('s-org-email').value.trim()), description: orNull($('s-org-description').value.trim())
  });
  doc.alternateName = orNull($('s-alternate-name').value.trim());
  doc.id = $('s-id').value.trim();
  doc.name = $('s-name').value.trim();
  doc.description = $('s-description').value.trim();
  doc.topics = list($('s-topics').value);
  const min = $('s-min-age').value; const max = $('s-max-age').value;
  doc.eligibility = Object.assign({}, doc.eligibility, { minAge: min === '' ? null : Number(min), maxAge: max === '' ? null : Number(max) });
  doc.national = $('s-national').checked;
  doc.municipalities = [...$('s-municipalities').children].map((li) => li.dataset.name);
  doc.locations = [...$('s-locations').children].map((li) => {
    const location = {};
    ['id', 'name', 'address', 'postalCode', 'municipality'].forEach((key) => {
      const value = li.querySelector('.loc-' + key).value.trim();
      if (value) location[key] = value;
    });
    ['latitude', 'longitude'].forEach((key) => {
      const value = li.querySelector('.loc-' + key).value;
      if (value !== '') location[key] = Number(value);
    });
    return location;
  });
  doc.districts = list($('s-districts').value);
  doc.coverage = $('s-coverage').value;
  doc.localAccess = orNull($('s-local-access').value.trim());
  doc.languages = list($('s-languages').value);
  doc.channels = [...$('s-channels').children].map((li) => {
    const channel = { type: li.querySelector('.channel-type').value, value: li.querySelector('.channel-value').value.trim() };
    const description = li.querySelector('.channel-desc').value.trim();
    if (description) channel.description = description;
    return channel;
  });
  doc.schedules = [...$('s-schedules').children].map((li) => {
    const extra = JSON.parse(li.dataset.extra || '{}');
    const rule = { byday: [...li.querySelectorAll('.day:checked')].map((b) => b.value), opensAt: li.querySelector('.opens').value, closesAt: li.querySelector('.closes').value };
    if (li.querySelector('.holidays').checked) rule.openOnHolidays = true;
    Object.entries(extra).forEach(([k, v]) => { if (v) rule[k] = v; });
    return rule;
  });
  doc.exceptions = [...$('s-exceptions').children].map((li) => {
    const exception = { date: li.querySelector('.ex-date').value };
    const o = li.querySelector('.ex-opens').value; const c = li.querySelector('.ex-closes').value; const d = li.querySelector('.ex-desc').value.trim();
    if (o) exception.opensAt = o;
    if (c) exception.closesAt = c;
    if (d) exception.description = d;
    return exception;
  });
  doc.anonymous = $('s-anonymous').value;
  doc.track = $('s-track').value;
  doc.dutyToInformBarnevern = $('s-duty').value === '' ? null : $('s-duty').value === 'true';
  document.querySelectorAll('#service-form select.tri').forEach((select) => {
    doc[select.dataset.field] = select.value === '' ? null : select.value === 'true';
  });
  doc.cost = orNull($('s-cost').value.trim());
  doc.url = orNull($('s-url').value.trim());
  doc.hoursDescription = orNull($('s-hours-description').value.trim());
  doc.endDate = orNull($('s-end-date').value);
  doc.whatHappens = $('s-what-happens').value.trim();
  doc.source = orNull($('s-source').value.trim());
  doc.sourceDate = orNull($('s-source-date').value);
  // Absent rather than null: the document's JSON has no nulls.
  Object.keys(doc).forEach((k) => { if (doc[k] === null) delete doc[k]; });
  Object.keys(doc.organization).forEach((k) => { if (doc.organization[k] === null) delete doc.organization[k]; });
  Object.keys(doc.eligibility).forEach((k) => { if (doc.eligibility[k] === null || doc.eligibility[k] === undefined) delete doc.eligibility[k]; });
  if (!Object.keys(doc.eligibility).length) delete doc.eligibility;
  return doc;
}

export function edit(id) {
  say('service-status', '');
  clearErrors($('service-form'));
  state.isNew = !id;
  const loading = id ? state.ctx.api('/api/v1/services/' + encodeURIComponent(id)) : Promise.resolve({ channels: [], topics: [] });
  return loading.then((view) => {
    const doc = Object.assign({}, view);
    VIEW_ONLY.forEach((k) => delete doc[k]);
    state.doc = doc;
    fill(doc);
    say('service-editor-title', id ? doc.name : 'Ny tjeneste');
    $('verify-service').classList.toggle('hidden', !id);
    $('service-editor').classList.remove('hidden');
    $('service-editor-title').setAttribute('tabindex', '-1');
    $('service-editor-title').focus();
  }).catch((e) => say('service-status', 'Kunne ikke åpnes: ' + e.message));
}

function propose() {
  const form = $('service-form');
  clearErrors(form);
  const problems = checkChannels();
  const doc = read();
  const local = [];
  if (!doc.channels.length) local.push({ field: 'channels', message: 'Tjenesten må ha minst én kontaktkanal.' });
  if (problems) local.push({ field: 'channels', message: 'Rett kontaktkanalene som er merket.' });
  if (!doc.whatHappens) local.push({ field: 'whatHappens', message: 'Skriv hva som skjer når man tar kontakt.' });
  if (doc.url && !/^https:\/\/\S+$/.test(doc.url)) local.push({ field: 'url', message: 'Nettsiden må være en https:-adresse.' });
  if (doc.organization.website && !/^https:\/\/\S+$/.test(doc.organization.website)) {
    local.push({ field: 'organization.website', message: 'Nettstedet må være en https:-adresse.' });
  }
  if (!doc.national && !doc.municipalities.length && !(doc.locations || []).length && doc.coverage !== 'every-municipality') {
    local.push({ field: 'municipalities', message: 'Velg kommuner, eller kryss av for landsdekkende.' });
  }
  if (local.length) {
    showErrors(local, 'serr-', 'service-errors', {});
    say('service-status', 'Rett feilene som er merket før du sender.');
    return;
  }
  const request = state.isNew
    ? state.ctx.api('/api/v1/services', { method: 'POST', body: doc })
    : state.ctx.api('/api/v1/services/' + encodeURIComponent(doc.id), { method: 'PUT', body: doc });
  request.then((change) => {
    say('service-status', 'Endringen er sendt til gjennomgang (' + change.fields.join(', ') + '). Den blir synlig når en annen redaktør har godkjent den.');
  }).catch((e) => {
    showErrors(e.errors || [], 'serr-', 'service-errors', {});
    say('service-status', 'Ikke sendt: ' + (e.errors && e.errors.length ? 'se feilene ved feltene.' : e.message));
  });
}

function verify() {
  const id = $('s-id').value.trim();
  state.ctx.api('/api/v1/editor/services/' + encodeURIComponent(id) + '/verified', { method: 'POST' })
    .then((entry) => {
      say('service-status', 'Verifisert med tjenesten i dag (' + entry.service.lastVerified + ') av ' + entry.verifiedBy + '.');
      return loadDue(state.ctx);
    })
    .catch((e) => say('service-status', 'Ikke verifisert: ' + e.message));
}
