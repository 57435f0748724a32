// Small DOM helpers for the editors' workspace: build elements without innerHTML, show field errors next to fields.

export const $ = (id) => document.getElementById(id);

/** An element with attributes (class, text, on*, aria-*, anything else as attribute) and children. */
export function el(tag, attrs = {}, ...children) {
  const node = document.createElement(tag);
  Object.entries(attrs).forEach(([key, value]) => {
    if (value === undefined || value === null || value === false) return;
    if (key === 'class') node.className = value;
    else if (key === 'text') node.textContent = value;
    else if (key.startsWith('on')) node.addEventListener(key.slice(2), value);
    else if (key in node && typeof value !== 'string') node[key] = value;
    else node.setAttribute(key, value === true ? '' : value);
  });
  children.flat().forEach((child) => {
    if (child === null || child === undefined || child === false) return;
    node.append(child instanceof Node ? child : document.createTextNode(String(child)));
  });
  return node;
}

export function say(id, message) { $(id).textContent = message || ''; }

/** A list of strings from a comma-separated field. */
export const list = (value) => value.split(',').map((s) => s.trim()).filter(Boolean);

const STATUS = { draft: 'Utkast', 'in-review': 'Til gjennomgang', published: 'Publisert', archived: 'Arkivert' };
export const statusLabel = (status) => STATUS[status] || status;

export function badge(status) { return el('span', { class: 'badge ' + status, text: statusLabel(status) }); }

const TIME = new Intl.DateTimeFormat('nb-NO', { dateStyle: 'short', timeStyle: 'short', timeZone: 'Europe/Oslo' });
export const when = (instant) => (instant ? TIME.format(new Date(instant)) : '');

/**
 * Shows field errors ({field, message}) next to their fields: each field name's top-level part (sources for
 * sources[0].url) picks the element `${prefix}${part}`; what has no place goes to the form's general error line.
 */
export function showErrors(errors, prefix, generalId, inputs = {}) {
  const general = [];
  errors.forEach((error) => {
    const top = error.field.split(/[.[]/)[0];
    const target = document.getElementById(prefix + error.field) || document.getElementById(prefix + top);
    if (target) {
      target.textContent = (target.textContent ? target.textContent + ' ' : '') + message(error);
      const input = inputs[top] || inputs[error.field];
      if (input) input.setAttribute('aria-invalid', 'true');
    } else {
      general.push((error.field ? error.field + ': ' : '') + message(error));
    }
  });
  if (generalId) say(generalId, general.join(' '));
}

export function clearErrors(form) {
  form.querySelectorAll('.field-error').forEach((p) => { p.textContent = ''; });
  form.querySelectorAll('[aria-invalid]').forEach((input) => input.removeAttribute('aria-invalid'));
}

/** Norwegian wording for the server's English rule messages editors meet most often. */
export function message(error) {
  const text = error.message || '';
  const rules = [
    [/must not be (empty|blank|null)/, 'må fylles ut'],
    [/must be an https address/, 'må være en https:-adresse'],
    [/size must be between 1 and/, 'må ha minst én'],
    [/never give amounts to minors/, 'oppgir en mengde i tekst for mindreårige (' + (text.match(/"([^"]+)"/) || ['', ''])[1] + '); gi aldri mengder til under 18'],
    [/is not in content\/taxonomy\/phone-numbers.yaml/, 'telefonnummeret ' + (text.match(/'([^']+)'/) || ['', ''])[1] + ' er ikke i listen over kjente numre; bruk bare kjente numre, skrevet som i listen'],
    [/read the same/, 'aldersgruppene ' + (text.match(/bands (\S+) and (\S+)/) || ['', '', '']).slice(1, 3).join(' og ') + ' får lik tekst; skriv egen tekst der de skiller seg, eller velg færre aldersgrupper'],
    [/a warning page needs an expiry time/, 'en advarsel må ha utløpstidspunkt'],
    [/includes the emergency block/, 'en stoffside må ha akuttblokken på egen linje: <!-- include: akutt --> (eller giftinfo)'],
    [/names both its reviewer and the date/, 'fagperson og dato fylles ut sammen (eller ingen av dem)'],
    [/only https:, tel:, sms: and mailto: links are accepted/, 'bare https:-, tel:-, sms:- og mailto:-lenker er lov']
  ];
  const hit = rules.find(([pattern]) => pattern.test(text));
  return hit ? hit[1] : text;
}
