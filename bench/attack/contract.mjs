// Contract and fuzz requests made by other people's tools from Dateline's own /api/openapi.json:
// @apideck/portman turns the document into a Postman collection (each operation with contract
// tests, and fuzzing variations: required fields left out, numbers under their minimum and over
// their maximum, strings under and over their length), newman sends it. This script prepares the
// document and portman's settings, then judges newman's report:
//   node contract.mjs prepare BASE_URL OUT_DIR     writes openapi.json and portman-config.json
//   node contract.mjs judge NEWMAN_REPORT           prints findings; exit 1 when there is one
// A finding: no answer, a 5xx, a fuzzed request answered below 400, an answer of 2xx that breaks
// its own schema, content type or JSON, or a body that shows the server (a path under /tmp, /work,
// /home or /root, a stack frame, an exception's class name).
import { readFileSync, writeFileSync } from 'node:fs';

const [mode, a, b] = process.argv.slice(2);

/** Portman cannot follow a schema that refers to itself: such a reference becomes any object. */
function cutSelfReferences(doc) {
  for (const [name, schema] of Object.entries(doc.components?.schemas ?? {})) {
    const self = `#/components/schemas/${name}`;
    const walk = (node) => {
      if (node && typeof node === 'object') {
        for (const [k, v] of Object.entries(node)) {
          if (v && typeof v === 'object' && v.$ref === self) node[k] = { type: 'object' };
          else walk(v);
        }
      }
    };
    walk(schema);
  }
  return doc;
}

if (mode === 'prepare') {
  const res = await fetch(`${a}/api/openapi.json`);
  const doc = cutSelfReferences(await res.json());
  writeFileSync(`${b}/openapi.json`, JSON.stringify(doc));
  const fuzz = [
    { requiredFields: { enabled: true } },
    { minimumNumberFields: { enabled: true } },
    { maximumNumberFields: { enabled: true } },
    { minLengthFields: { enabled: true } },
    { maxLengthFields: { enabled: true } },
  ];
  const contract = ['statusSuccess', 'contentType', 'jsonBody', 'schemaValidation'].map((t) => ({
    openApiOperation: '*::/*',
    [t]: { enabled: true },
  }));
  const config = {
    version: 1.0,
    tests: {
      contractTests: contract,
      variationTests: [
        {
          openApiOperation: '*::/*',
          openApiResponse: '4*',
          variations: [
            {
              name: 'fuzz',
              fuzzing: [{ requestQueryParams: fuzz, requestBody: fuzz }],
              tests: { contractTests: [{ contentType: { enabled: true } }, { jsonBody: { enabled: true } }] },
            },
          ],
        },
      ],
    },
    globals: { stripResponseExamples: true },
  };
  writeFileSync(`${b}/portman-config.json`, JSON.stringify(config, null, 1));
} else if (mode === 'judge') {
  const run = JSON.parse(readFileSync(a, 'utf8')).run;
  const leak = /"\/(tmp|work|home|root)\/|\tat [a-z]|\b[a-z]+\.[a-z.]+(Exception|Error)\b/;
  const codes = {};
  const findings = [];
  for (const e of run.executions) {
    const r = e.response ?? {};
    const code = r.code;
    codes[code ?? 'none'] = (codes[code ?? 'none'] ?? 0) + 1;
    const body = Buffer.from(r.stream?.data ?? []).toString('utf8');
    const url = e.request.url;
    const what = `${e.request.method} /${(url.path ?? []).join('/')}?${(url.query ?? [])
      .filter((q) => !q.disabled)
      .map((q) => `${q.key}=${q.value}`)
      .join('&')}`.slice(0, 200);
    const fuzzed = e.item.name.includes('[fuzz');
    const failed = (e.assertions ?? []).filter((x) => x.error).map((x) => x.assertion);
    if (code === undefined) findings.push(`no answer: ${what}`);
    else if (code >= 500) findings.push(`${code}: ${what}: ${body.slice(0, 200)}`);
    else if (fuzzed && code < 400) findings.push(`fuzzed request answered ${code}: ${what}`);
    else if (code < 300 && failed.some((f) => !/Status code/.test(f)))
      findings.push(`${code} breaks its contract (${failed.join('; ')}): ${what}`);
    else if (code >= 400 && fuzzed && failed.some((f) => /JSON Body|application\/json/.test(f)))
      findings.push(`${code} without a JSON error: ${what}: ${body.slice(0, 120)}`);
    if (leak.test(body)) findings.push(`the server shows itself (${code}): ${what}: ${body.slice(0, 200)}`);
  }
  console.log(`contract: ${run.executions.length} requests, answers by status ${JSON.stringify(codes)}`);
  for (const f of findings) console.log(`FINDING contract: ${f}`);
  process.exit(findings.length ? 1 : 0);
}
