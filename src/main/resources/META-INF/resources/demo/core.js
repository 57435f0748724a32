// What every screen of the youth client shares: the anonymous session (its token in page memory only, never in
// storage or cookies), API requests in the chosen language, and small DOM helpers.
import { createApi } from '/shared/api.js';
import { language } from '/demo/i18n.js';

export const $ = (id) => document.getElementById(id);

export function text(element, value) { element.textContent = value; return element; }

/** A new element with a class and text. */
export function el(tag, className, value) {
  const e = document.createElement(tag);
  if (className) e.className = className;
  if (value !== undefined && value !== null) e.textContent = value;
  return e;
}

const memory = { token: null };

export function session() {
  if (memory.token) return Promise.resolve(memory.token);
  return createApi(null)('/api/v1/sessions', { method: 'POST' }).then((s) => (memory.token = s.token));
}

export function currentToken() { return memory.token; }

export function dropToken() { memory.token = null; }

const withToken = createApi(session);

/** A request with the session token and the chosen language as Accept-Language. */
export function api(path, options = {}) {
  const headers = Object.assign({ 'Accept-Language': language() }, options.headers || {});
  return withToken(path, Object.assign({}, options, { headers }));
}

/** A request without a token (questions may be asked and picked up without a session). */
const anonymous = createApi(null);
export function plainApi(path, options = {}) {
  const headers = Object.assign({ 'Accept-Language': language() }, options.headers || {});
  return anonymous(path, Object.assign({}, options, { headers }));
}

export const ageBand = () => $('age').value;

/** A typical age inside the chosen band, for the help finder's eligibility filter. */
export const bandAge = (band) => ({ '13-15': 14, '16-17': 16, '18-25': 20 }[band]);
