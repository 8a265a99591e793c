// Calls to Dateline's JSON API. Errors come back as {error, message}; the message says what to change
// (a query that cannot be read also says where, position, and how to fix it, suggestion).
import {keyHeaders} from './keys.js';

export class ApiError extends Error {
  constructor(status, code, message, body = {}) {
    super(message);
    this.status = status;
    this.code = code;
    this.position = Number.isInteger(body.position) ? body.position : -1;
    this.suggestion = typeof body.suggestion === 'string' ? body.suggestion : null;
  }
}

/** GET path?params as JSON, abortable; throws ApiError with the server's message. */
export async function getJson(path, params, signal) {
  return sendJson('GET', params && params.toString() ? `${path}?${params}` : path, undefined, signal);
}

/** method url with an optional JSON body, the user's key attached; throws ApiError. */
export async function sendJson(method, url, json, signal) {
  let res;
  try {
    res = await fetch(url, {method, signal,
      headers: keyHeaders(json === undefined ? {Accept: 'application/json'}
        : {Accept: 'application/json', 'Content-Type': 'application/json'}),
      body: json === undefined ? undefined : JSON.stringify(json)});
  } catch (e) {
    if (e.name === 'AbortError') throw e;
    throw new ApiError(0, 'network', 'Dateline cannot be reached: is the server running?');
  }
  const body = await res.json().catch(() => null);
  if (!res.ok) {
    throw new ApiError(res.status, body?.error || 'error', body?.message || `HTTP ${res.status}`, body || {});
  }
  return body;
}
