// API helpers shared by the console, the demo and the editors' workspace: JSON requests with the bearer token,
// RFC 9457 problem+json answers turned into an ApiError (with errors[].field), and the claims of a JWT.

/** An answer that was not 2xx: the problem's detail as message, its status and its errors[] (field, message). */
export class ApiError extends Error {
  constructor(status, problem) {
    super((problem && (problem.detail || problem.title)) || ('HTTP ' + status));
    this.name = 'ApiError';
    this.status = status;
    this.problem = problem || null;
    this.errors = problem && Array.isArray(problem.errors) ? problem.errors : [];
  }
}

async function read(response) {
  if (response.status === 204) {
    if (!response.ok) throw new ApiError(response.status, null);
    return null;
  }
  const type = response.headers.get('Content-Type') || '';
  let body = null;
  if (/json/.test(type)) {
    body = await response.json().catch(() => null);
  } else {
    body = await response.text().catch(() => null);
  }
  if (!response.ok) throw new ApiError(response.status, body && typeof body === 'object' ? body : null);
  return body;
}

/**
 * A request function bound to a token source (a function returning the token, a promise of it, or null for none).
 * `options.body` may be an object (sent as JSON) or a string; the answer's JSON (or text) is returned.
 */
export function createApi(tokenSource) {
  return function api(path, options = {}) {
    return Promise.resolve(typeof tokenSource === 'function' ? tokenSource() : tokenSource).then((token) => {
      const headers = Object.assign({ Accept: 'application/json' }, options.headers || {});
      if (token) headers.Authorization = 'Bearer ' + token;
      let body = options.body;
      if (body !== undefined && body !== null && typeof body !== 'string') body = JSON.stringify(body);
      if (body !== undefined && body !== null) headers['Content-Type'] = 'application/json';
      return fetch(path, Object.assign({}, options, { headers, body }));
    }).then(read);
  };
}

/** Bytes of a base64url text (JWT parts have neither padding nor the + and / of plain base64). */
export function base64UrlBytes(value) {
  const plain = value.replace(/-/g, '+').replace(/_/g, '/');
  const padded = plain + '='.repeat((4 - (plain.length % 4)) % 4);
  return Uint8Array.from(atob(padded), (c) => c.charCodeAt(0));
}

/** The (unverified) claims of a JWT, decoded as UTF-8: only for showing roles, never for deciding access. */
export function tokenClaims(token) {
  return JSON.parse(new TextDecoder('utf-8').decode(base64UrlBytes(token.split('.')[1])));
}
