// The write key the user typed (for uploads, tags, stars and notes), kept in this page's memory
// only: never in the URL or in storage, gone when the page is left. Every key field on the page
// shows and sets the same key.

let key = '';
const fields = new Set();

/** The key typed so far ('' for none). */
export function writeKey() {
  return key;
}

/** Headers carrying the key, when there is one. */
export function keyHeaders(extra = {}) {
  return key ? {...extra, 'X-Dateline-Key': key} : extra;
}

/** Ties a password input to the shared key: typing in one sets it for all. */
export function bindKeyField(input) {
  fields.add(input);
  input.value = key;
  input.addEventListener('input', () => {
    key = input.value.trim();
    for (const f of fields) if (f !== input && f.isConnected) f.value = input.value;
  });
}

/**
 * A change the server refused for want of a key (401: none, or one it does not know) or of the
 * key's right (403: a read key), said to the person at the page: no header names, no server
 * settings. sent: whether a key went with the request.
 */
export function keyRefusal(status, sent) {
  if (status === 403) return 'That key may read but not change anything here: ask whoever runs this Dateline for a write key.';
  return sent
    ? 'This Dateline does not know that write key: check it with whoever runs this Dateline.'
    : 'This needs a write key: ask whoever runs this Dateline for one and type it in the Write key box.';
}
