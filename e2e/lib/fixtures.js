// Articles the browser tests add through the upload API (so the seeds' counts stay as they are):
// one wire story printed by three outlets, each copy changed as outlets change wire copy, and a
// one-page PDF. All written for these tests.

const PARAGRAPHS = [
  'Storm damage will keep the northern quay at Skerrish closed for at least three weeks, the harbour board said on Monday, after waves tore away a section of the sea wall during the weekend.',
  'The board said 12 fishing boats had been moved to the southern basin and that engineers were still measuring how far the water had undermined the road behind the wall.',
  'Fighters described as Daesh sympathisers had used the quay to land supplies last year, according to a police report, but the board said the closure had nothing to do with security.',
  '"We will rebuild the wall before the winter season," the harbour master said, adding that the repair would cost more than the board had set aside for the whole year.',
  'Traders at the fish market said the closure would cut their landings by half, and several asked the board to open the old ferry slip to smaller boats while the work goes on.',
  'Engineers who inspected the wall on Sunday found that the storm had washed out the rubble core behind two of the oldest stone sections, which were built more than a century ago and never rebuilt.',
  'A temporary barrier of concrete blocks has been placed along the edge of the road, and the coastguard has asked walkers to keep away from the wall until the engineers have finished their survey.',
  'The board will meet again on Thursday to decide how the repair is paid for, and it expects to publish the engineers\' report by the end of the month.',
];

/** The wire copy, one with five edits and a local paragraph, and one cut after paragraph 4 of 8. */
export const STORY = {
  keyword: 'Skerrish',
  wire: {outlet: 'Harbour Wire', date: '2026-03-02T09:00:00Z', title: 'Northern quay at Skerrish to close for weeks', paragraphs: PARAGRAPHS},
  times: {outlet: 'Island Times', date: '2026-03-02T15:00:00Z', title: 'Storm shuts Skerrish quay',
    paragraphs: [
      PARAGRAPHS[0].replace('harbour board', 'harbor board'),
      PARAGRAPHS[1].replace('12', '15'),
      PARAGRAPHS[2].replace('Daesh', 'IS'),
      PARAGRAPHS[3].replace('We will rebuild', 'We shall rebuild').replace('adding that', 'and added that'),
      ...PARAGRAPHS.slice(4),
      'Ferries to the islands will leave from the south pier until the quay opens again.',
    ]},
  gazette: {outlet: 'Harbour Gazette', date: '2026-03-03T07:00:00Z', title: 'Quay closed after storm',
    paragraphs: PARAGRAPHS.slice(0, 4)},
};

/** A news page with its outlet and publication time in its meta tags. */
export function page({outlet, date, title, paragraphs}) {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${title}</title>
<meta property="og:site_name" content="${outlet}">
<meta property="article:published_time" content="${date}">
</head><body><article><h1>${title}</h1>
${paragraphs.map((p) => `<p>${p}</p>`).join('\n')}
</article></body></html>`;
}

/** A one-page PDF whose page reads text (Helvetica, one line), with a correct cross-reference table. */
export function pdf(text) {
  const stream = `BT /F1 18 Tf 72 720 Td (${text.replace(/[()\\]/g, '\\$&')}) Tj ET`;
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>',
    `<< /Length ${stream.length} >>\nstream\n${stream}\nendstream`,
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>',
  ];
  let out = '%PDF-1.4\n';
  const offsets = [];
  objects.forEach((o, i) => {
    offsets.push(out.length);
    out += `${i + 1} 0 obj\n${o}\nendobj\n`;
  });
  const xref = out.length;
  out += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`
    + offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('')
    + `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(out, 'latin1');
}

/** Uploads one file through POST /api/documents with key; returns the article ids. */
export async function upload(base, key, name, type, bytes) {
  const form = new FormData();
  form.append('file', new Blob([bytes], {type}), name);
  const res = await fetch(`${base}/api/documents`, {method: 'POST', body: form, headers: {'X-Dateline-Key': key}});
  const body = await res.json();
  if (res.status !== 201 && res.status !== 200) throw new Error(`upload ${name}: HTTP ${res.status}: ${JSON.stringify(body)}`);
  return body.ids;
}
