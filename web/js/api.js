// Calls to Dateline's JSON API. Errors come back as {error, message}; the message says what to change.

export class ApiError extends Error {
  constructor(status, code, message) {
    super(message);
    this.status = status;
    this.code = code;
  }
}

/** GET path?params as JSON, abortable; throws ApiError with the server's message. */
export async function getJson(path, params, signal) {
  const url = params && params.toString() ? `${path}?${params}` : path;
  let res;
  try {
    res = await fetch(url, {signal, headers: {Accept: 'application/json'}});
  } catch (e) {
    if (e.name === 'AbortError') throw e;
    throw new ApiError(0, 'network', 'Dateline cannot be reached: is the server running?');
  }
  const body = await res.json().catch(() => null);
  if (!res.ok) {
    throw new ApiError(res.status, body?.error || 'error', body?.message || `HTTP ${res.status}`);
  }
  return body;
}
