// What run.sh hands the tests: where Dateline runs, the other origin, the keys, where shots go.
import {mkdirSync} from 'node:fs';
import {join} from 'node:path';

function need(name) {
  const v = process.env[name];
  if (!v) throw new Error(`${name} is not set: run the browser tests through e2e/run.sh`);
  return v;
}

export const BASE = need('DATELINE_URL');
export const OTHER_PORT = Number(need('OTHER_ORIGIN_PORT'));
export const WRITE_KEY = need('E2E_WRITE_KEY');
export const READ_KEY = need('E2E_READ_KEY');
export const SHOTS = process.env.SCREENSHOT_DIR || '';

/** Saves a screenshot under SCREENSHOT_DIR (docs/ with run.sh --screenshots), else nowhere. */
export async function shot(pageOrLocator, name, options = {}) {
  if (!SHOTS) return;
  mkdirSync(SHOTS, {recursive: true});
  await pageOrLocator.screenshot({path: join(SHOTS, name), ...options});
}

/** RFC 4180 records of a CSV text (quoted cells may hold commas, quotes and line breaks). */
export function parseCsv(text) {
  const rows = [];
  let row = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') { cell += '"'; i++; } else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') { row.push(cell); cell = ''; } else if (c === '\r' && text[i + 1] === '\n') {
      row.push(cell); rows.push(row); row = []; cell = ''; i++;
    } else cell += c;
  }
  if (cell !== '' || row.length) { row.push(cell); rows.push(row); }
  return rows;
}

/**
 * The records of a CSV file Dateline sent, which must start with the UTF-8 byte-order mark (EF BB
 * BF) so that Excel and LibreOffice open it as UTF-8; decoded strictly, as a spreadsheet would.
 */
export function csvRows(bytes) {
  const head = [...bytes.subarray(0, 3)].map((b) => b.toString(16).toUpperCase()).join(' ');
  if (head !== 'EF BB BF') throw new Error(`the CSV does not start with a UTF-8 byte-order mark: ${head}`);
  return parseCsv(new TextDecoder('utf-8', {fatal: true, ignoreBOM: true}).decode(bytes.subarray(3)));
}

/**
 * The API's answer to a search, for comparing what the page shows against it. A 503 "busy" (a
 * search past its time limit, as the first ones on a just-started, loaded server can be) is asked
 * again after its Retry-After, as the page does, a few times.
 */
export async function api(path) {
  for (let attempt = 1; ; attempt++) {
    const res = await fetch(BASE + path);
    if (res.status === 503 && attempt < 4) {
      await new Promise((resolve) => setTimeout(resolve, 1000 * Number(res.headers.get('Retry-After') || 2)));
      continue;
    }
    if (!res.ok) throw new Error(`${path}: HTTP ${res.status}: ${await res.text()}`);
    return res.json();
  }
}
