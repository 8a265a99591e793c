// Attacks a running Dateline server from outside, with tools the project did not write:
// openapi-fuzzer-core (requests derived from /api/openapi.json), fast-check (property attacks on
// queries, ids, tags, JSON bodies) and hand-made hostile requests (raw sockets for slow and
// malformed HTTP). Every answer is judged the same way:
//   - an answer within DEADLINE_MS (nothing a single request can hang);
//   - an error is JSON {error, message} with a message, never an empty or HTML 5xx;
//   - no 500 at all (a 503 "busy" or "overloaded" is allowed: it tells the client to retry);
//   - nothing of the server in any body: absolute paths, stack frames, Java class names.
// Usage: node attack.mjs BASE WRITE_KEY [--quick]. Prints one line per finding and a summary as
// JSON on the last line; exits 1 when anything was found.
import fc from 'fast-check';
import { createRequire } from 'node:module';
import net from 'node:net';
import { readFileSync } from 'node:fs';

const require = createRequire(import.meta.url);
const fuzzer = require('openapi-fuzzer-core');

const BASE = process.argv[2] ?? 'http://localhost:7601';
const KEY = process.argv[3] ?? '';
const QUICK = process.argv.includes('--quick');
const DEADLINE_MS = Number(process.env.ATTACK_DEADLINE_MS ?? 20000);
// The server's process id (bench/attack.sh passes it): each request's server CPU is read from
// /proc, and a read request (not a batch, export or write) that costs more than CPU_MS is a finding,
// whatever the wall clock says on a busy machine (nothing a single request can hang).
const SERVER_PID = process.env.ATTACK_SERVER_PID;
const CPU_MS = Number(process.env.ATTACK_CPU_MS ?? 2000);
const RUNS = QUICK ? 40 : 200;
const url = new URL(BASE);

const findings = [];
let requests = 0;
const LEAKS = [
  [/(?:^|[^\w])\/(?:tmp|work|home|root|usr|var|opt)\/[\w.-]/, 'absolute path'],
  [/\bat (?:org|java|jdk|io|com|sun)\.[\w.$]+\(/, 'stack frame'],
  [/\b(?:org\.(?:dateline|apache|eclipse)|java\.(?:lang|io|util|nio)|com\.fasterxml|io\.javalin)\.[\w.$]+/, 'class name'],
  [/\b\w+(?:Exception|Error)\b(?!s)/, 'exception name'],
];

function note(kind, req, detail) {
  const key = `${kind} ${req.method ?? 'GET'} ${String(req.path).slice(0, 160)} ${String(req.body ?? '').slice(0, 80)}`;
  if (findings.some((f) => f.key === key)) return;
  findings.push({ key, kind, request: req.label ?? `${req.method ?? 'GET'} ${String(req.path).slice(0, 300)}${req.body ? ` body ${JSON.stringify(String(req.body).slice(0, 120))}` : ''}`, detail: String(detail).slice(0, 400) });
  console.log(`FINDING ${kind}: ${findings.at(-1).request} -> ${findings.at(-1).detail}`);
}

/** The server process's CPU so far in ms (user + system, from /proc), or null without its pid. */
function serverCpuMs() {
  if (!SERVER_PID) return null;
  try {
    const f = readFileSync(`/proc/${SERVER_PID}/stat`, 'utf8').split(') ')[1].split(' ');
    return (Number(f[11]) + Number(f[12])) * 10; // clock ticks of 10 ms
  } catch { return null; }
}

/** Sends one request and judges its answer; returns {status, body, ms, cpuMs}. */
async function hit(req) {
  requests++;
  const cpu0 = serverCpuMs();
  const started = Date.now();
  const headers = { ...(req.headers ?? {}) };
  if (req.write && KEY) headers['X-Dateline-Key'] = KEY;
  let res, body;
  const ctl = new AbortController();
  const timer = setTimeout(() => ctl.abort(), DEADLINE_MS);
  try {
    res = await fetch(BASE + req.path, { method: req.method ?? 'GET', headers, body: req.body, signal: ctl.signal });
    body = await res.text();
  } catch (e) {
    clearTimeout(timer);
    const ms = Date.now() - started;
    if (ms >= DEADLINE_MS - 50) note('hang', req, `no answer in ${DEADLINE_MS} ms`);
    else if (!req.mayDrop) note('dropped', req, e.cause?.code ?? e.message);
    return { status: 0, body: '', ms };
  }
  clearTimeout(timer);
  const ms = Date.now() - started;
  judge(req, res.status, res.headers.get('content-type') ?? '', body, ms);
  const cpuMs = cpu0 === null ? null : serverCpuMs() - cpu0;
  // (a 503 "busy" is a request stopped at its time limit, search_timeout_ms: bounded, whatever its CPU)
  if (cpuMs !== null && cpuMs > CPU_MS && res.status !== 503 && (req.method ?? 'GET') === 'GET' && !/^\/api\/(batch|export)\b/.test(req.path)) {
    note('cpu', req, `${cpuMs} ms of server CPU (${ms} ms wall, status ${res.status})`);
  }
  return { status: res.status, body, ms, cpuMs, headers: res.headers };
}

function judge(req, status, type, body, ms) {
  // batches and exports stream for as long as their work takes (a batch within its own limit)
  if (ms > DEADLINE_MS / 2 && !/^\/api\/(batch|export)\b/.test(req.path)) note('slow', req, `${ms} ms`);
  for (const [re, what] of LEAKS) {
    const m = body.match(re);
    if (m && req.path === '/api/openapi.json' && what === 'exception name') continue; // schema names
    if (m && !(req.allowEcho && req.allowEcho.some((a) => a.includes(m[0])))) note('leak', req, `${what}: ${m[0]} (status ${status})`);
  }
  // (a HEAD answer has no body by HTTP's rules: its status is all there is to judge)
  if (status >= 400 && req.path.startsWith('/api/') && req.method !== 'HEAD') {
    let parsed = null;
    try { parsed = JSON.parse(body); } catch { /* judged below */ }
    if (!parsed || typeof parsed.error !== 'string' || typeof parsed.message !== 'string' || !parsed.message) {
      note('bare error', req, `${status} ${type} ${JSON.stringify(body.slice(0, 200))}`);
    }
  }
  if (status >= 500 && status !== 503) note('5xx', req, `${status} ${body.slice(0, 200)}`);
}

// ---------------------------------------------------------------- fixtures from the live server
async function fixtures() {
  const s = JSON.parse((await hit({ path: '/api/search?q=oil&size=3' })).body);
  const doc = s.hits[0].id;
  const story = s.hits[0].story?.id ?? '0000000000000000';
  const alert = await hit({ method: 'POST', path: '/api/alerts', write: true, headers: { 'content-type': 'application/json' }, body: JSON.stringify({ name: 'attack', q: 'oil' }) });
  const alertId = alert.status === 201 ? JSON.parse(alert.body).id : 'none';
  return { doc, story, alertId };
}

// ---------------------------------------------------------------- 1. openapi-fuzzer-core
function resolve(spec, node) {
  if (node && node.$ref) return resolve(spec, node.$ref.split('/').slice(1).reduce((o, k) => o[k], spec));
  return node;
}

async function openapiFuzz(fx) {
  const spec = JSON.parse((await hit({ path: '/api/openapi.json' })).body);
  // openapi-fuzzer-core reads Swagger-2 style parameters (type on the parameter): lift them.
  const swagger = { basePath: '', paths: {} };
  for (const [route, ops] of Object.entries(spec.paths)) {
    swagger.paths[route] = {};
    for (const [m, op] of Object.entries(ops)) {
      if (!op || typeof op !== 'object' || !op.responses) continue;
      const params = (op.parameters ?? []).map((p) => resolve(spec, p)).map((p) => {
        const schema = resolve(spec, p.schema) ?? {};
        const type = schema.type === 'array' ? 'string' : (Array.isArray(schema.type) ? schema.type[0] : schema.type) ?? 'string';
        return { name: p.name, in: p.in, type, required: p.required, enum: schema.enum, minimum: schema.minimum, maximum: schema.maximum };
      });
      if (op.requestBody) params.push({ name: 'body', in: 'body', schema: { type: 'object', properties: { name: { type: 'string' }, q: { type: 'string' } } } });
      swagger.paths[route][m] = { parameters: params };
    }
  }
  const cases = fuzzer.swagger(swagger);
  const ids = { id: fx.doc, tag: 'attack' };
  let n = 0;
  for (const c of cases) {
    const r = c.request;
    let path = r.path;
    for (const [k, v] of Object.entries({ ...ids, ...(r.pathParams ?? {}) })) {
      path = path.replace(`{${k}}`, encodeURIComponent(String(v)));
    }
    if (path.includes('/alerts/{id}')) path = path.replace('{id}', fx.alertId);
    path = path.replace('{id}', fx.doc).replace('{tag}', 'attack');
    const qs = new URLSearchParams();
    for (const [k, v] of Object.entries(r.queryParams ?? {})) qs.append(k, typeof v === 'object' ? JSON.stringify(v) : String(v));
    const q = qs.toString();
    await hit({ method: r.method.toUpperCase(), path: path + (q ? `?${q}` : ''), write: true, headers: r.body ? { 'content-type': 'application/json' } : {}, body: r.body ? JSON.stringify(r.body) : undefined, label: `openapi-fuzzer-core ${c.name}: ${r.method.toUpperCase()} ${path}${q ? `?${q}` : ''}` });
    n++;
  }
  return n;
}

// ---------------------------------------------------------------- 2. fast-check properties
const pieces = fc.oneof(
  fc.constantFrom('oil', 'OPEC', '"crude oil"', 'oil~2', 'petroleu~', 'o*', '*il', '?i?', '/o.*/', '/(a|aa)+/', '/.{0,1000}/',
    '(', ')', 'AND', 'OR', 'NOT', '-', '+', '"', '~', '^', ':', 'title:', 'outlet:', '[a TO z]', '{* TO *}', '\\', '/', '*', '?', '&&', '||', '!'),
  fc.string({ maxLength: 30 }),
  fc.string({ unit: 'binary', maxLength: 20 }),
  fc.nat({ max: 1e6 }).map((n) => 'a'.repeat(n % 300) + '*'),
  fc.nat({ max: 60 }).map((n) => '('.repeat(n)),
  fc.nat({ max: 5000 }).map((n) => 'x'.repeat(n) + '~2'),
);
const query = fc.array(pieces, { maxLength: 40 }).map((a) => a.join(' '));
const number = fc.oneof(fc.integer(), fc.constantFrom('-1', '0', '1e9', '99999999999999999999', 'NaN', '0x10', ' 5', '', '١٢'));

async function properties(fx) {
  const checks = [
    ['search', fc.record({ q: query, size: number, page: number, facet_size: number, collapse: fc.constantFrom('story', 'none', 'x'), count: fc.constantFrom('stories', 'articles', 'y'), kwic: number, sort: fc.constantFrom('newest', 'oldest', 'relevance', 'zz') }),
      (p) => ({ path: '/api/search?' + new URLSearchParams(p).toString() })],
    ['export', fc.record({ q: query, format: fc.constantFrom('csv', 'jsonl', 'xml'), collapse: fc.constantFrom('story', 'none') }),
      (p) => ({ path: '/api/export?' + new URLSearchParams(p).toString() })],
    ['concordance', fc.record({ q: query, limit: number, order: fc.constantFrom('left', 'right', 'q') }),
      (p) => ({ path: '/api/concordance?' + new URLSearchParams(p).toString() })],
    ['document', fc.record({ id: fc.oneof(fc.constant(fx.doc), fc.string({ maxLength: 300 })), q: query, start: number, end: number }),
      (p) => ({ path: `/api/documents/${encodeURIComponent(p.id) || 'x'}?` + new URLSearchParams({ q: p.q, start: p.start, end: p.end }).toString() })],
    ['story', fc.oneof(fc.string({ maxLength: 100 }), fc.stringMatching(/^[0-9a-f]{16}$/), fc.constant(fx.story)),
      (id) => ({ path: `/api/stories/${encodeURIComponent(id) || 'x'}` })],
    ['original', fc.record({ id: fc.oneof(fc.constant(fx.doc), fc.string({ maxLength: 200 }), fc.constantFrom('..%2F..%2Fetc%2Fpasswd', '%2e%2e', 'x%00')), container: fc.oneof(fc.string({ maxLength: 50 }), fc.constantFrom('1', '-1', '99999')) }),
      (p) => ({ path: `/api/documents/${p.id.includes('%') ? p.id : encodeURIComponent(p.id) || 'x'}/original?container=${encodeURIComponent(p.container)}` })],
    ['tag', fc.string({ unit: 'grapheme', maxLength: 400 }),
      (t) => ({ method: 'PUT', write: true, path: `/api/documents/${fx.doc}/tags/${encodeURIComponent(t) || 'x'}` })],
    ['note', fc.oneof(fc.json(), fc.string({ maxLength: 200 }), fc.record({ text: fc.string({ unit: 'binary', maxLength: 2000 }) }).map((o) => JSON.stringify(o))),
      (b) => ({ method: 'PUT', write: true, path: `/api/documents/${fx.doc}/note`, headers: { 'content-type': 'application/json' }, body: b })],
    ['alert', fc.oneof(fc.json({ maxDepth: 4 }), fc.record({ name: fc.string({ unit: 'binary', maxLength: 300 }), q: query, backfill_days: fc.oneof(fc.integer(), fc.double()), digest: fc.string({ maxLength: 10 }), webhook_url: fc.constantFrom('http://127.0.0.1:1/', 'file:///etc/passwd', 'ftp://x', 'http://[::1]/', 'javascript:alert(1)', 'http://' + 'a'.repeat(3000)), from: fc.string({ maxLength: 12 }) }, { requiredKeys: [] }).map((o) => JSON.stringify(o))),
      (b) => ({ method: 'POST', write: true, path: '/api/alerts', headers: { 'content-type': 'application/json' }, body: b })],
    ['batch', fc.record({ body: fc.array(query, { maxLength: 30 }).map((a) => a.join('\n')), hits: number, proximity: number, csv: fc.boolean() }),
      (p) => ({ method: 'POST', path: `/api/batch?hits=${encodeURIComponent(p.hits)}&proximity=${encodeURIComponent(p.proximity)}`, headers: { 'content-type': p.csv ? 'text/csv' : 'text/plain' }, body: p.body })],
    ['entities', fc.record({ type: fc.constantFrom('person', 'place', 'x'), prefix: fc.string({ maxLength: 300 }), limit: number }),
      (p) => ({ path: '/api/entities?' + new URLSearchParams(p).toString() })],
  ];
  let n = 0;
  for (const [name, arb, make] of checks) {
    await fc.assert(fc.asyncProperty(arb, async (v) => { await hit({ ...make(v), label: undefined }); n++; return true; }), { numRuns: RUNS, seed: 14 }).catch((e) => note('property crashed', { path: name }, e.message));
  }
  return n;
}

// ---------------------------------------------------------------- 3. hand-made hostile requests
async function handmade(fx) {
  const big = (n, s = 'a') => s.repeat(n);
  const cases = [
    { path: '/api/search?q=' + encodeURIComponent('/(a|aa)*b/'.repeat(1)) },
    { path: '/api/search?q=' + encodeURIComponent('/' + '(.*)'.repeat(200) + 'x/') },
    { path: '/api/search?q=' + encodeURIComponent('/[^a]{1,999}[^b]{1,999}/') },
    { path: '/api/search?q=' + encodeURIComponent(big(255, 'a') + '~2') },
    { path: '/api/search?q=' + encodeURIComponent(Array.from({ length: 1500 }, (_, i) => `w${i}`).join(' OR ')) },
    { path: '/api/search?q=' + encodeURIComponent(big(9000, '(') + 'oil') },
    { path: '/api/search?q=' + encodeURIComponent('"' + big(2000, 'oil ') + '"~100') },
    { path: '/api/search?q=*' },
    { path: '/api/search?q=*&size=100000' },
    { path: '/api/search?q=oil&page=2147483647' },
    { path: '/api/search?q=oil&page=100000&size=100' },
    { path: '/api/search?q=oil&cursor=' + encodeURIComponent(Buffer.from(big(5000, '{')).toString('base64')) },
    { path: '/api/search?q=oil&cursor=%ff%fe' },
    { path: '/api/search?q=%ED%A0%80' }, // a lone surrogate in UTF-8
    { path: '/api/search?q=%C0%AF' }, // overlong encoding
    { path: '/api/search?q=%' },
    { path: '/api/search?q=oil%00' },
    { path: '/api/search?q=oil&from=9999999-01-01' },
    { path: '/api/search?q=oil&from=2019-02-30' },
    { path: '/api/search?q=oil&collapse=story&count=stories&size=100&facet_size=100000' },
    { path: '/api/search?q=*&collapse=story&count=stories&page=5000' },
    { path: '/api/search?' + Array.from({ length: 3000 }, (_, i) => `outlet=o${i}`).join('&') },
    { path: '/api/search?' + Array.from({ length: 3000 }, (_, i) => `tag=t${i}`).join('&') },
    { path: '/api/export?format=csv&q=*' },
    { path: '/api/export?format=jsonl&q=*&collapse=story' },
    { path: '/api/concordance?q=*&limit=2147483647' },
    { path: '/api/concordance?q=the&limit=1000000&format=csv' },
    { path: '/api/stories/' + big(10000, 'f') },
    { path: '/api/stories/%2e%2e%2f%2e%2e' },
    { path: `/api/documents/${fx.doc}?start=-5&end=99999999999` },
    { path: `/api/documents/${fx.doc}?q=` + encodeURIComponent('/.*/') },
    { path: `/api/documents/${fx.doc}/original?container=99999999999999999999` },
    { path: '/api/documents/..%2F..%2F..%2Fetc%2Fpasswd/original' },
    { path: '/api/batch/' + big(5000, 'z') },
    { method: 'POST', path: '/api/batch', body: Array.from({ length: 20000 }, () => 'oil').join('\n'), headers: { 'content-type': 'text/plain' } },
    { method: 'POST', path: '/api/batch?hits=100000', body: 'oil\n*\n', headers: { 'content-type': 'text/plain' } },
    { method: 'POST', path: '/api/batch', body: '"unterminated,\n' + big(100000, 'x'), headers: { 'content-type': 'text/csv' } },
    { method: 'POST', path: '/api/batch', body: Buffer.from([0xff, 0xfe, 0, 0x41, 0xc3]), headers: { 'content-type': 'text/plain' } },
    { method: 'POST', path: '/api/batch?format=json', body: big(20000, '(') + 'oil', headers: { 'content-type': 'text/plain' } },
    { method: 'POST', path: '/api/batch', body: Array.from({ length: 2000 }, () => '/.{0,900}x/').join('\n'), headers: { 'content-type': 'text/plain' } },
    { method: 'POST', write: true, path: '/api/alerts', headers: { 'content-type': 'application/json' }, body: big(50000, '[') },
    { method: 'POST', write: true, path: '/api/alerts', headers: { 'content-type': 'application/json' }, body: '{"name":"x","q":"oil","backfill_days":2147483647}' },
    { method: 'POST', write: true, path: '/api/alerts', headers: { 'content-type': 'application/json' }, body: '{"name":"x","q":"oil","backfill_days":-5}' },
    { method: 'POST', write: true, path: '/api/alerts', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ name: big(100000), q: 'oil' }) },
    { method: 'POST', write: true, path: '/api/alerts', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ name: 'x', q: big(20000, 'a* ') }) },
    { method: 'POST', write: true, path: '/api/alerts', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ name: 'x', q: '/(a|aa)+b/' }) },
    { method: 'POST', write: true, path: '/api/alerts', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ name: 'x', q: 'oil', webhook_url: 'http://169.254.169.254/latest/meta-data/' }) },
    { method: 'POST', write: true, path: '/api/alerts', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ name: 'x', q: 'oil', filters: Object.fromEntries(Array.from({ length: 5000 }, (_, i) => [`d${i}`, 'v'])) }) },
    { method: 'POST', write: true, path: '/api/alerts', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ name: 'x', q: 'oil', filters: { outlet: Array.from({ length: 50000 }, (_, i) => `o${i}`) } }) },
    { method: 'POST', write: true, path: '/api/alerts', headers: { 'content-type': 'application/json' }, body: '{"name":"x","q":"oil","name":"y"}' },
    { method: 'POST', write: true, path: '/api/alerts', headers: { 'content-type': 'application/json' }, body: '{"name":"x","q":"oil"} trailing' },
    { method: 'PATCH', write: true, path: `/api/alerts/${fx.alertId}`, headers: { 'content-type': 'application/json' }, body: JSON.stringify({ name: 'ctl\u0001\u0000\uFFFE\uD800' }) },
    { write: true, path: `/api/alerts/${fx.alertId}/feed` },
    { write: true, path: `/api/alerts/${fx.alertId}/events?last_event_id=99999999999999999999999`, headers: { accept: 'text/event-stream' } },
    { write: true, path: `/api/alerts/${big(3000, 'q')}` },
    { method: 'PUT', write: true, path: `/api/documents/${fx.doc}/tags/${encodeURIComponent(big(5000))}` },
    { method: 'PUT', write: true, path: `/api/documents/${fx.doc}/tags/%E2%80%AE%00` },
    { method: 'PUT', write: true, path: `/api/documents/${fx.doc}/note`, headers: { 'content-type': 'application/json' }, body: JSON.stringify({ text: big(2_000_000) }) },
    { method: 'PUT', write: true, path: `/api/documents/${fx.doc}/note`, headers: { 'content-type': 'application/json' }, body: big(40000, '{"a":') },
    { method: 'POST', write: true, path: '/api/tags/attack-bulk?q=*&limit=2147483647' },
    { method: 'POST', write: true, path: '/api/documents', headers: { 'content-type': 'multipart/form-data; boundary=x' }, body: '--x\r\nContent-Disposition: form-data; name="file"; filename="../../../../tmp/evil.txt"\r\n\r\nOil prices rose.\r\n--x--\r\n', allowEcho: ['../../../../tmp/evil.txt'] }, // the client's own name, echoed
    { method: 'POST', write: true, path: '/api/documents', headers: { 'content-type': 'multipart/form-data; boundary=x' }, body: '--x\r\nContent-Disposition: form-data; name="file"\r\n\r\nno filename\r\n--x--\r\n' },
    { method: 'POST', write: true, path: '/api/documents', headers: { 'content-type': 'multipart/form-data; boundary=x' }, body: '--x\r\nContent-Disposition: form-data; name="file"; filename="a.txt"\r\n\r\nunterminated' },
    { method: 'POST', write: true, path: '/api/documents', headers: { 'content-type': 'text/plain' }, body: 'not multipart' },
    { method: 'POST', write: true, path: '/api/documents', headers: { 'content-type': 'multipart/form-data' }, body: 'no boundary' },
    { path: '/api/' + big(20000, 'x'), mayDrop: true },
    { path: '/api/search?q=oil', headers: { 'accept-charset': 'utf-7', accept: 'application/xml' } },
  ];
  for (const c of cases) {
    const r = await hit(c);
    if (process.env.ATTACK_VERBOSE) console.log(r.status, r.ms, (c.method ?? 'GET'), c.path.slice(0, 100), r.body.slice(0, 160).replace(/\n/g, ' '));
  }
  return cases.length;
}

// ---------------------------------------------------------------- 4. raw sockets
function raw(payload, { writeSlowMs = 0, holdMs = 0 } = {}) {
  return new Promise((resolve) => {
    const s = net.connect(Number(url.port || 80), url.hostname);
    let out = '';
    const done = () => { clearTimeout(t); s.destroy(); resolve(out); };
    const t = setTimeout(done, DEADLINE_MS + holdMs);
    s.on('data', (d) => { out += d; });
    s.on('end', done);
    s.on('error', done);
    s.on('connect', async () => {
      if (!writeSlowMs) { s.write(payload); return; }
      for (const ch of payload) {
        if (s.destroyed) return;
        s.write(ch);
        await new Promise((r) => setTimeout(r, writeSlowMs));
      }
    });
  });
}

async function sockets(fx) {
  const started = Date.now();
  // A header block that never ends: the server must close the connection, not hold it forever.
  const slow = raw('GET /api/health HTTP/1.1\r\nHost: x\r\nX-A: ' + 'a'.repeat(1000), { writeSlowMs: 0, holdMs: 0 });
  const bad = await raw('GET /api/search?q=oil HTTP/1.1\r\nHost: x\r\nContent-Length: -1\r\n\r\n');
  const status = (bad.match(/^HTTP\/1\.1 (\d+)/) ?? [])[1];
  const bodyAt = bad.indexOf('\r\n\r\n');
  if (status && Number(status) >= 400 && bodyAt >= 0 && !bad.slice(bodyAt + 4).includes('"error"')) note('bare error', { path: 'raw: Content-Length: -1' }, bad.slice(0, 300));
  const smuggle = await raw('POST /api/batch HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\nContent-Length: 4\r\n\r\nzz\r\n');
  const s2 = (smuggle.match(/^HTTP\/1\.1 (\d+)/) ?? [])[1];
  if (s2 && Number(s2) >= 500) note('5xx', { path: 'raw: chunked + content-length' }, smuggle.slice(0, 300));
  // Many event streams at once: the rest of the server must still answer.
  const streams = [];
  if (fx.alertId !== 'none') {
    for (let i = 0; i < (QUICK ? 50 : 300); i++) {
      streams.push(raw(`GET /api/alerts/${fx.alertId}/events HTTP/1.1\r\nHost: x\r\nAccept: text/event-stream\r\nX-Dateline-Key: ${KEY}\r\n\r\n`, { holdMs: 0 }));
    }
    await new Promise((r) => setTimeout(r, 1500));
    const t0 = Date.now();
    const h = await hit({ path: '/api/search?q=oil', label: `GET /api/search while ${streams.length} event streams are open` });
    if (h.status !== 200) note('starved', { path: `/api/search with ${streams.length} SSE streams open` }, `status ${h.status} after ${Date.now() - t0} ms`);
  }
  // An upload that trickles: one byte every 200 ms for a while, while others search.
  const trickle = raw(`POST /api/documents HTTP/1.1\r\nHost: x\r\nX-Dateline-Key: ${KEY}\r\nContent-Type: multipart/form-data; boundary=x\r\nContent-Length: 100000\r\n\r\n--x\r\nContent-Disposition: form-data; name="file"; filename="a.txt"\r\n\r\n` + 'a'.repeat(QUICK ? 10 : 40), { writeSlowMs: 200 });
  const h2 = await hit({ path: '/api/search?q=oil', label: 'GET /api/search during a trickled upload' });
  if (h2.status !== 200) note('starved', { path: 'search during trickled upload' }, `status ${h2.status}`);
  await Promise.all([slow, trickle, ...streams]);
  return Date.now() - started;
}

// ---------------------------------------------------------------- 5. hostile files, uploaded
async function files(dir) {
  const fs = await import('node:fs');
  const path = await import('node:path');
  let n = 0;
  for (const name of fs.readdirSync(dir).sort()) {
    const file = path.join(dir, name);
    if (!fs.statSync(file).isFile() || /\.(md|tsv)$/.test(name)) continue;
    const form = new FormData();
    form.append('file', new Blob([fs.readFileSync(file)]), name);
    const r = await hit({ method: 'POST', write: true, path: '/api/documents', body: form, label: `POST /api/documents file=${name}`, allowEcho: [name] });
    if (r.status !== 200 && r.status !== 201 && r.status !== 422 && r.status !== 413) note('upload', { path: `/api/documents ${name}` }, `${r.status} ${r.body.slice(0, 200)}`);
    n++;
  }
  return n;
}

// ---------------------------------------------------------------- 6. beyond (session 19)
// What the sections above do not send: many filter values and dimensions on a frequent word, the
// deepest pages, long, nested and repeated phrases, proximity with a huge slop, wildcards and fuzzy
// terms with filters, reversed and absurd dates, concordances whose hits give no line, every query
// parameter of /api/openapi.json with values of the wrong type, HEAD and OPTIONS on every route.
async function beyond(fx) {
  const q = encodeURIComponent;
  const dims = ['outlet', 'person', 'organization', 'place', 'agency', 'language', 'type'];
  const common = ['the', 'of', 'and', 'to', 'in', 'said', 'a'];
  const phrase = (words, n) => '"' + Array.from({ length: n }, (_, i) => words[i % words.length]).join(' ') + '"';
  const paths = [
    '/api/search?q=said&' + Array.from({ length: 1000 }, (_, i) => `place=p${i}`).join('&'),
    '/api/search?q=said&place=usa&' + Array.from({ length: 1000 }, (_, i) => `outlet=o${i}`).join('&'),
    '/api/search?q=the&' + dims.flatMap((d) => Array.from({ length: 140 }, (_, i) => `${d}=v${i}`)).join('&'),
    '/api/search?q=the&outlet=Reuters&person=reagan&organization=opec&place=usa&agency=Reuters&language=en&type=article',
    '/api/search?q=said&place=usa&place=uk&place=japan&person=reagan&organization=opec&facet_size=1000',
    '/api/search?q=said&place=' + q('x'.repeat(100000)),
    '/api/search?q=said&place=%00%EF%BF%BF',
    '/api/search?q=said&place=usa&page=1000&size=100',
    '/api/search?q=the&page=1000&size=100&sort=newest',
    '/api/search?q=the&page=1001&size=100',
    '/api/search?q=the&offset=99999999',
    '/api/search?q=*&collapse=story&page=1000&size=100',
    '/api/search?q=the&collapse=story&count=stories&page=1000&size=100&place=usa',
    '/api/search?q=' + q(phrase(common, 980)),
    '/api/search?q=' + q(phrase(common, 980)) + '&place=usa',
    '/api/search?q=' + q(phrase(['said'], 900)),
    '/api/search?q=' + q(phrase(['said'], 8) + '~1000'),
    '/api/search?q=' + q(phrase(['the'], 10) + '~100000'),
    '/api/search?q=' + q(phrase(['the', 'of'], 8) + '~2147483647'),
    '/api/search?q=' + q('"oil prices"~2147483647'),
    '/api/search?q=' + q(phrase(['the', 'of', 'and', 'to', 'in', 'a', 'said', 'for'], 8) + '~1000000') + '&place=usa&organization=opec',
    '/api/search?q=' + q('('.repeat(30) + '"oil prices" OR "crude oil"' + ')'.repeat(30)),
    '/api/search?q=' + q(Array.from({ length: 90 }, (_, i) => { const w = common[i % 7]; return `("${w} ${w}"~5 OR "${w} the"~10)`; }).join(' AND ')),
    '/api/search?q=' + q('title:' + phrase(['the'], 500)),
    '/api/search?q=' + q('*e* AND s*') + '&place=usa&organization=opec',
    '/api/search?q=' + q('?????~2 OR th*') + '&place=usa',
    '/api/search?q=' + q('said~2 the~2 of~2 and~2 to~2 in~2 for~2') + '&place=usa&person=reagan',
    '/api/search?q=' + q('"th* of*"~1000') + '&place=usa',
    '/api/search?q=' + q('/.*a.*b.*c.*/') + '&place=usa',
    '/api/search?q=oil&from=2020-01-01&to=1980-01-01',
    '/api/search?q=oil&from=-999999999-01-01&to=%2B999999999-12-31',
    '/api/search?q=oil&from=0000-01-01&to=9999-12-31&place=usa',
    '/api/search?q=oil&from=1987-13-45',
    '/api/search?q=oil&from=99999',
    '/api/search?q=oil&to=0001-01-01',
    '/api/search?q=oil&from=%2B10000-01-01',
    '/api/export?format=csv&q=' + q(phrase(['the'], 5) + '~100000') + '&place=usa',
    '/api/export?format=jsonl&q=the&' + Array.from({ length: 1000 }, (_, i) => `place=p${i}`).join('&'),
    '/api/export?format=csv&q=the&from=2020-01-01&to=1980-01-01',
    '/api/concordance?q=',
    '/api/concordance?q=&limit=&order=right',
    '/api/concordance?q=title:oil',
    '/api/concordance?q=' + q(phrase(['the'], 4) + '~1000') + '&limit=100000',
    '/api/concordance?q=' + q('"said the"~99999'),
  ];
  let n = 0;
  for (const path of paths) {
    const r = await hit({ path });
    if (process.env.ATTACK_VERBOSE) console.log(r.status, r.ms, r.cpuMs, path.slice(0, 100), r.body.slice(0, 120).replace(/\n/g, ' '));
    n++;
  }
  // every query parameter of every GET route, with values of the wrong type
  const spec = JSON.parse((await hit({ path: '/api/openapi.json' })).body);
  const wrong = ['', 'x', '-1', '1e309', '[]', '{"a":1}', 'true', '%00', 'a'.repeat(5000)];
  for (const [route, ops] of Object.entries(spec.paths)) {
    const path = route.replace(/\{id\}/g, route.includes('/alerts/') ? fx.alertId : fx.doc).replace(/\{[^}]+\}/g, 'attack');
    for (const [m, op] of Object.entries(ops)) {
      if (!op || typeof op !== 'object' || !op.responses) continue;
      if (m === 'get') {
        for (const p of (op.parameters ?? []).map((x) => resolve(spec, x)).filter((x) => x.in === 'query')) {
          for (const v of wrong) {
            await hit({ path: `${path}?${q(p.name)}=${q(v)}${p.name === 'q' ? '' : '&q=oil'}`, write: true });
            n++;
          }
        }
      }
    }
    for (const method of ['HEAD', 'OPTIONS']) {
      await hit({ method, path });
      n++;
    }
  }
  return n;
}

// ---------------------------------------------------------------- main
const fx = await fixtures();
const counts = {};
const only = process.env.ATTACK_ONLY; // one of openapi, handmade, properties, sockets, beyond, files
if (!only || only === 'openapi') counts.openapi = await openapiFuzz(fx);
if (!only || only === 'handmade') counts.handmade = await handmade(fx);
if (!only || only === 'properties') counts.properties = await properties(fx);
if (!only || only === 'sockets') counts.sockets_ms = await sockets(fx);
if (!only || only === 'beyond') counts.beyond = await beyond(fx);
if (process.env.ATTACK_FILES && (!only || only === 'files')) counts.files = await files(process.env.ATTACK_FILES);
const health = await hit({ path: '/api/health' });
if (health.status !== 200) note('down', { path: '/api/health after the attack' }, health.status);
console.log(JSON.stringify({ requests, findings: findings.length, counts, kinds: [...new Set(findings.map((f) => f.kind))] }));
process.exit(findings.length ? 1 : 0);
