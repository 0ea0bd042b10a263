// The console's only way to the API: same-origin fetch with the session cookie, JSON in and out, the CSRF header on
// every write, and problem+json turned into one shape the screens show as it is.
//
// Every path a screen calls is written there as a literal string starting with /api/ (a template literal for ids), because a
// test checks each of them against the gateway's merged OpenAPI document.

/** A refused or failed request: the problem+json body, flattened ({status, title, detail, code, errors, ...rest}). */
export class Problem extends Error {
  constructor(status, body) {
    const detail = body && (body.detail || body.title);
    super(detail || `The server answered ${status}.`);
    Object.assign(this, body || {});
    this.status = status;
    this.title = (body && body.title) || '';
    this.detail = (body && body.detail) || '';
    this.code = (body && body.code) || null;
    this.errors = (body && Array.isArray(body.errors)) ? body.errors : [];
  }
}

function cookie(name) {
  const match = document.cookie.split('; ').find(part => part.startsWith(name + '='));
  return match ? decodeURIComponent(match.slice(name.length + 1)) : null;
}

export function csrfHeaders() {
  const token = cookie('XSRF-TOKEN');
  return token ? { 'X-XSRF-TOKEN': token } : {};
}

/** The path with its query: empty, null and undefined values are left out, arrays repeat the parameter. */
export function withQuery(path, query) {
  if (!query) return path;
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value === undefined || value === null || value === '') continue;
    for (const one of Array.isArray(value) ? value : [value]) params.append(key, String(one));
  }
  const text = params.toString();
  return text ? `${path}?${text}` : path;
}

/**
 * Calls the API. options: {method, query, body (sent as JSON unless it is a Blob/File/string with contentType),
 * contentType, headers, response: true to get {body, headers, status}}. Resolves to the parsed body (null for no body);
 * rejects with a Problem.
 */
export async function api(path, options = {}) {
  const method = (options.method || 'GET').toUpperCase();
  const headers = { Accept: 'application/json, application/problem+json', ...(options.headers || {}) };
  let body;
  if (options.body !== undefined) {
    if (options.body instanceof Blob || typeof options.body === 'string') {
      body = options.body;
      headers['Content-Type'] = options.contentType || options.body.type || 'text/plain';
    } else {
      body = JSON.stringify(options.body);
      headers['Content-Type'] = 'application/json';
    }
  }
  if (method !== 'GET' && method !== 'HEAD') Object.assign(headers, csrfHeaders());
  let response;
  try {
    response = await fetch(withQuery(path, options.query), { method, headers, body, credentials: 'same-origin', redirect: 'manual' });
  } catch (e) {
    throw new Problem(0, { title: 'The server could not be reached.', detail: 'Check the connection and try again.' });
  }
  // No session (or it ran out): the gateway sends a page load to sign-in; an API call just gets 401 or a redirect.
  if (response.status === 401 || response.type === 'opaqueredirect') {
    signInAgain();
    throw new Problem(401, { title: 'Your session has ended.', detail: 'Signing you in again…' });
  }
  const text = await response.text();
  let parsed = null;
  if (text) {
    try { parsed = JSON.parse(text); } catch (e) { parsed = { detail: text.slice(0, 300) }; }
  }
  if (!response.ok) {
    if (response.status === 403 && !parsed) parsed = { title: 'You may not do this.' };
    if (response.status === 503 && !(parsed && parsed.title)) parsed = { ...(parsed || {}), title: 'The service is busy or away; try again in a moment.' };
    throw new Problem(response.status, parsed);
  }
  if (options.response) return { body: parsed, headers: response.headers, status: response.status };
  return parsed;
}

function signInAgain() {
  // One reload per minute at most, so that a sign-in that keeps failing does not loop.
  const last = Number(sessionStorage.getItem('chairside.reloadedAt') || 0);
  if (Date.now() - last > 60_000) {
    sessionStorage.setItem('chairside.reloadedAt', String(Date.now()));
    location.reload();
  }
}

export const get = (path, query) => api(path, { query });
export const post = (path, body, query) => api(path, { method: 'POST', body, query });
export const put = (path, body, query) => api(path, { method: 'PUT', body, query });
export const patch = (path, body, query) => api(path, { method: 'PATCH', body, query });
export const del = (path, query) => api(path, { method: 'DELETE', query });

/**
 * Signs out: the gateway ends its session (POST /logout with the CSRF header) and answers where the sign-out goes on,
 * the identity provider's end of the session, which then sends the browser back here to sign in again.
 */
export async function signOut() {
  let next = '/';
  try {
    const response = await fetch('/logout', {
      method: 'POST', headers: { Accept: 'application/json', ...csrfHeaders() }, credentials: 'same-origin', redirect: 'manual',
    });
    if (response.ok) next = (await response.json()).location || next;
  } catch (e) {
    // The gateway not reached or its answer unreadable: the console's address shows whether a session is left.
  }
  location.assign(next);
}
