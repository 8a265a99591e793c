/*
 * Dateline search widget: <dateline-search endpoint="https://dateline.example" outlet="..."
 * from="2019-01-01" to="2019-12-31" size="5" key="..." variants collapse="none"></dateline-search>
 *
 * Copies of one story (wire copy many outlets printed) show as one hit with "+N copies in M
 * outlets", as on Dateline's page; collapse="none" lists every copy.
 *
 * A web component with its own shadow DOM, so its styles do not leak into the host page and the
 * page's styles do not leak in (style it from outside through ::part(...) and the CSS custom
 * properties below). It calls Dateline's /api/search across origins (the Dateline server must list
 * the host page's origin in its CORS allow-list) and links every hit back to Dateline.
 * A classic script, not a module, so a plain <script src> works on any page. Written in ASCII only
 * (other characters as \u escapes): a browser decodes a classic script in the host page's charset,
 * and on a page that declares none each middle dot and arrow came out as two or three Latin-1
 * letters (WidgetAsciiTest).
 */
(() => {
  if (customElements.get('dateline-search')) return;

  // The origin this script was loaded from: the default endpoint.
  const SCRIPT_ORIGIN = document.currentScript ? new URL(document.currentScript.src).origin : location.origin;
  const DEBOUNCE_MS = 300;

  const CSS = `
    :host { display: block; font: 15px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif;
      color: var(--dateline-ink, #1b1f24); border: 1px solid var(--dateline-line, #d0d7de);
      border-radius: 8px; padding: 12px; background: var(--dateline-paper, #fff); max-width: 48rem; }
    :host([hidden]) { display: none; }
    form { display: flex; gap: 6px; }
    input { flex: 1; min-width: 0; font: inherit; padding: 6px 8px; border: 1px solid #8c959f; border-radius: 6px; }
    button { font: inherit; background: var(--dateline-accent, #0b5cad); color: #fff; border: 0; border-radius: 6px; padding: 6px 12px; cursor: pointer; }
    input:focus-visible, button:focus-visible, a:focus-visible { outline: 3px solid #ff9f1c; outline-offset: 2px; }
    .status { margin: 8px 0 4px; color: #57606a; font-size: 13px; }
    .status.error { color: #b00020; }
    ol { list-style: none; margin: 0; padding: 0; }
    li { padding: 8px 0; border-top: 1px solid #eaeef2; }
    .title { font-weight: 600; color: var(--dateline-accent, #0b5cad); }
    .meta { color: #57606a; font-size: 13px; }
    .undated { font-style: italic; }
    .kwic { display: grid; grid-template-columns: minmax(0, 1fr) auto minmax(0, 1fr); font-size: 13px; }
    .left { overflow: hidden; white-space: nowrap; direction: rtl; text-align: right; text-overflow: ellipsis; }
    .left bdi { direction: ltr; unicode-bidi: isolate; }
    .right { overflow: hidden; white-space: nowrap; text-overflow: ellipsis; }
    .left.gap { padding-right: .3em; } .right.gap { padding-left: .3em; }
    mark { background: var(--dateline-match, #ffe066); color: inherit; font-weight: 600; padding: 0 2px; border-radius: 2px; }
    .copies { color: #57606a; font-size: 13px; }
    .more { display: inline-block; margin-top: 8px; font-size: 13px; color: var(--dateline-accent, #0b5cad); }
    .visually-hidden { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }
  `;

  function el(tag, attrs, ...children) {
    const e = document.createElement(tag);
    for (const [k, v] of Object.entries(attrs || {})) if (v !== null && v !== undefined) e.setAttribute(k, v);
    for (const c of children) if (c !== null && c !== undefined) e.append(c);
    return e;
  }

  function styles(root) {
    if ('adoptedStyleSheets' in root && typeof CSSStyleSheet === 'function' && 'replaceSync' in CSSStyleSheet.prototype) {
      const sheet = new CSSStyleSheet();
      sheet.replaceSync(CSS);
      root.adoptedStyleSheets = [sheet];
    } else {
      root.append(el('style', {}, CSS));
    }
  }

  class DatelineSearch extends HTMLElement {
    static get observedAttributes() {
      return ['endpoint', 'outlet', 'from', 'to', 'size', 'key', 'variants', 'collapse'];
    }

    constructor() {
      super();
      const root = this.attachShadow({mode: 'open'});
      styles(root);
      const id = `dl-${Math.random().toString(36).slice(2)}`;
      this.input = el('input', {type: 'search', id, part: 'input', autocomplete: 'off',
        placeholder: 'Search the archive'});
      const form = el('form', {role: 'search', part: 'form'},
        el('label', {for: id, class: 'visually-hidden'}, 'Search the archive'), this.input,
        el('button', {type: 'submit', part: 'button'}, 'Search'));
      this.status = el('p', {class: 'status', role: 'status', 'aria-live': 'polite', part: 'status'});
      this.list = el('ol', {part: 'results', 'aria-label': 'Results'});
      this.more = el('a', {class: 'more', part: 'more', target: '_blank', rel: 'noopener'}, 'All results on Dateline \u2192');
      this.more.hidden = true;
      root.append(form, this.status, this.list, this.more);
      form.addEventListener('submit', (e) => {
        e.preventDefault();
        clearTimeout(this.timer);
        this.search();
      });
      this.input.addEventListener('input', () => {
        clearTimeout(this.timer);
        this.timer = setTimeout(() => this.search(), DEBOUNCE_MS);
      });
    }

    connectedCallback() {
      if (this.getAttribute('q')) {
        this.input.value = this.getAttribute('q');
        this.search();
      }
    }

    attributeChangedCallback() {
      if (this.isConnected && this.input.value.trim()) this.search();
    }

    get endpoint() {
      return (this.getAttribute('endpoint') || SCRIPT_ORIGIN).replace(/\/+$/, '');
    }

    /** The search parameters pinned by the attributes, plus the typed query. */
    params(q) {
      const p = new URLSearchParams();
      if (q) p.set('q', q);
      for (const o of (this.getAttribute('outlet') || '').split('|').map((s) => s.trim()).filter(Boolean)) {
        p.append('outlet', o);
      }
      for (const k of ['from', 'to']) if (this.getAttribute(k)) p.set(k, this.getAttribute(k));
      if (this.hasAttribute('variants')) p.set('variants', 'true');
      return p;
    }

    get collapsed() {
      return this.getAttribute('collapse') !== 'none';
    }

    async search() {
      const q = this.input.value.trim();
      this.abort?.abort();
      if (!q) {
        this.list.replaceChildren();
        this.status.textContent = '';
        this.more.hidden = true;
        return;
      }
      this.abort = new AbortController();
      const p = this.params(q);
      p.set('size', String(Math.min(20, Math.max(1, parseInt(this.getAttribute('size') || '5', 10) || 5))));
      p.set('kwic', '2');
      p.set('facet_size', '0');
      if (this.collapsed) p.set('collapse', 'story');
      const headers = {Accept: 'application/json'};
      if (this.getAttribute('key')) headers['X-Dateline-Key'] = this.getAttribute('key');
      this.status.classList.remove('error');
      this.status.textContent = 'Searching\u2026';
      try {
        const res = await fetch(`${this.endpoint}/api/search?${p}`, {headers, signal: this.abort.signal, mode: 'cors'});
        const body = await res.json();
        if (!res.ok) throw new Error(body.message || `HTTP ${res.status}`);
        this.show(q, body);
      } catch (e) {
        if (e.name === 'AbortError') return;
        this.status.classList.add('error');
        this.status.textContent = e instanceof TypeError
          ? 'Dateline cannot be reached from this page (is this site in its CORS allow-list?)'
          : e.message;
        this.list.replaceChildren();
      }
    }

    show(q, body) {
      const articles = body.total_articles ?? body.total;
      const count = (n, one, many) => `${n.toLocaleString('en-GB')} ${n === 1 ? one : many}`;
      this.status.textContent = body.total === 0 ? 'No articles match.'
        : count(articles, 'article', 'articles')
          + (this.collapsed && body.total_articles !== undefined ? ` in ${count(body.total, 'story', 'stories')}` : '');
      const docUrl = (id) => `${this.endpoint}/?${new URLSearchParams({q, doc: id})}`;
      this.list.replaceChildren(...body.hits.map((hit) => {
        const date = hit.date
          ? el('time', {datetime: hit.date}, new Date(hit.date.length === 10 ? hit.date + 'T00:00:00Z' : hit.date)
            .toLocaleDateString('en-GB', {day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC'}))
          : el('span', {class: 'undated'}, 'undated');
        return el('li', {part: 'hit'},
          el('a', {class: 'title', href: docUrl(hit.id), target: '_blank', rel: 'noopener', part: 'title', dir: 'auto'},
            hit.title || '(untitled)'),
          el('div', {class: 'meta'}, `${hit.outlet || 'unknown outlet'} \u00b7 `, date,
            hit.agencies.length ? ` \u00b7 ${hit.agencies.join(', ')}` : null),
          hit.story && hit.story.copies > 1
            ? el('div', {class: 'copies', part: 'copies'}, `+${count(hit.story.copies - 1, 'copy', 'copies')}`
              + (hit.story.outlets ? ` in ${count(hit.story.outlets, 'outlet', 'outlets')}` : '')) : null,
          ...hit.kwic.map((k) => el('div', {class: 'kwic', part: 'kwic', dir: 'auto'},
            el('span', {class: /\s$/.test(k.left) ? 'left gap' : 'left'}, el('bdi', {}, k.left.trim())),
            el('mark', {}, k.match),
            el('span', {class: /^\s/.test(k.right) ? 'right gap' : 'right'}, k.right.trim()))));
      }));
      const all = this.params(q);
      if (!this.collapsed) all.set('collapse', 'none');
      this.more.href = `${this.endpoint}/?${all}`;
      this.more.hidden = body.total === 0;
    }
  }

  customElements.define('dateline-search', DatelineSearch);
})();
