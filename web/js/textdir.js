// Text direction and language of an article's own text, from the language Dateline stored for it:
// Arabic, Persian, Hebrew, Urdu and the other right-to-left languages are shown right-to-left,
// every other known language left-to-right, and an article of unknown language is left to the
// browser's own guess (dir="auto": the first strong letter decides).

/** ISO 639 codes of the languages written right to left (Arabic and Hebrew scripts, Thaana, N'Ko). */
const RTL = new Set(['ar', 'arc', 'ckb', 'dv', 'fa', 'he', 'iw', 'ji', 'ku', 'nqo', 'ps', 'sd', 'syr', 'ug', 'ur', 'yi']);

/** "rtl", "ltr", or "auto" when the language is not known. */
export function dirOf(language) {
  if (!language) return 'auto';
  return RTL.has(String(language).toLowerCase()) ? 'rtl' : 'ltr';
}

/** The attributes of an element that holds the article's own text: dir, and lang when known. */
export function textAttrs(language) {
  return language ? {dir: dirOf(language), lang: language} : {dir: 'auto'};
}
