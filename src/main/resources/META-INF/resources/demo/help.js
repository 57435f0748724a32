// The help finder: a municipality picker over every municipality (type-ahead on official, Sami and Norwegian
// names), age, open now, anonymous only and "for someone else"; each service says what happens when you contact it,
// whether it is open now and when it opens next, with tappable tel:, sms: and https: links.
import { $, text, el, api, plainApi, ageBand, bandAge } from '/demo/core.js';
import { t, has, formatDateTime, formatTime } from '/demo/i18n.js';

const names = new Map(); // every name (lower case, without accents) and code -> the official name
let municipalities = [];

const fold = (value) => value.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase().trim();

/** Loads the municipality list once and fills the type-ahead: each name the municipality is known by. */
export function loadMunicipalities() {
  if (municipalities.length) return Promise.resolve(municipalities);
  return plainApi('/api/v1/municipalities').then((list) => {
    municipalities = list;
    const options = [];
    list.forEach((m) => {
      const all = [m.name, ...(m.otherNames || [])];
      names.set(m.code, m.name);
      all.forEach((name) => {
        names.set(fold(name), m.name);
        const option = document.createElement('option');
        option.value = name;
        option.label = all.filter((other) => other !== name).concat([m.county]).join(' · ');
        options.push(option);
      });
    });
    $('municipality-list').replaceChildren(...options);
    return list;
  });
}

/** The official name for what was typed (any of its names, any case, with or without accents), or null. */
export function municipalityFor(typed) {
  const key = fold(typed);
  return names.get(key) || names.get(typed.trim()) || null;
}

function link(href, label, describedBy) {
  const a = el('a', null, label);
  a.href = href;
  if (describedBy) a.setAttribute('aria-describedby', describedBy);
  return a;
}

/** A channel as a tappable link where it has one (phone, SMS, https web or chat, e-mail); otherwise plain text. */
export function channelElement(channel, nameId) {
  const value = channel.value || '';
  const label = has('channel_' + channel.type) ? t('channel_' + channel.type, { value }) : value;
  const digits = value.replace(/[^0-9+]/g, '');
  if (channel.type === 'phone' && digits) return link('tel:' + digits, label, nameId);
  if (channel.type === 'sms' && digits) return link('sms:' + digits, label, nameId);
  if ((channel.type === 'web' || channel.type === 'chat') && /^https:\/\//.test(value)) return link(value, label, nameId);
  if (channel.type === 'email' && /^[^@\s]+@[^@\s]+$/.test(value)) return link('mailto:' + value, label, nameId);
  return el('span', null, label);
}

export function serviceItem(s, index) {
  const li = el('li');
  const nameId = 'service-' + index + '-name';
  const name = el('strong', null, s.name);
  name.id = nameId;
  const a = s.availability || {};
  const state = el('span', a.openNow === true ? 'state-open' : a.openNow === false ? 'state-closed' : '',
    a.openNow === true ? t('stateOpen') : a.openNow === false ? t('stateClosed') : t('stateUnknown'));
  const when = [];
  if (a.openNow === true && a.closesAt) when.push(t('closesAt', { time: formatTime(a.closesAt) }));
  if (a.openNow !== true && a.nextOpens) when.push(t('opensAt', { when: formatDateTime(a.nextOpens) }));
  const status = el('span', null, '');
  status.append(state, document.createTextNode(when.length ? ' · ' + when.join(' · ') : ''));
  const facts = [t('anonymous_' + s.anonymous)];
  if (s.track && s.track !== 'voluntary-help') facts.push(t('track_' + s.track));
  li.append(name, status, el('span', null, facts.join(' · ')));
  if (s.acceptsContactAboutOthers || s.forRelatives) li.append(el('span', null, t('aboutOthers')));
  li.append(el('span', null, t('whatHappens', { text: s.whatHappens })));
  const contact = el('div', 'contact');
  (s.channels || []).forEach((c) => contact.append(channelElement(c, nameId)));
  li.append(contact);
  return li;
}

function search() {
  // The list may still be on its way: wait for it (without it, the server checks the name).
  loadMunicipalities().catch(() => null).then(searchNow);
}

function searchNow() {
  const typed = $('municipality').value;
  const official = typed.trim() ? (names.size ? municipalityFor(typed) : typed.trim()) : null;
  if (typed.trim() && !official) {
    text($('municipality-error'), t('unknownMunicipality', { name: typed.trim() }));
    $('municipality').setAttribute('aria-invalid', 'true');
    $('municipality').focus();
    return;
  }
  text($('municipality-error'), '');
  $('municipality').removeAttribute('aria-invalid');
  const forOther = $('for-other').checked;
  const params = new URLSearchParams({ size: forOther ? '100' : '20' });
  if (official) params.set('municipality', official);
  const age = parseInt($('help-age').value, 10);
  params.set('age', String(Number.isFinite(age) ? age : bandAge(ageBand())));
  if ($('open-now').checked) params.set('openNow', 'true');
  if ($('anonymous-only').checked) params.set('anonymousOnly', 'true');
  api('/api/v1/services?' + params).then((page) => {
    // "For someone else": the services that take contact about a friend or family member.
    const items = (page.items || []).filter((s) => !forOther || s.acceptsContactAboutOthers || s.forRelatives);
    text($('help-status'), t('servicesFound', { n: forOther ? items.length : page.total }));
    $('help-results').replaceChildren(...items.map(serviceItem));
  }).catch((e) => { $('help-results').replaceChildren(); text($('help-status'), e.message); });
}

$('help-form').addEventListener('submit', (event) => { event.preventDefault(); search(); });
$('municipality').addEventListener('input', () => { text($('municipality-error'), ''); $('municipality').removeAttribute('aria-invalid'); });
