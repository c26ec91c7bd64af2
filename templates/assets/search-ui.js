/* kbsite search UI: the header box with results as you type (a WAI-ARIA 1.2
   combobox with a listbox popup), on every page, with its strings from
   the page language's search-text script loaded before it. It lends its building
   blocks to search-page.js (window.KBSearchUI), the results page. It loads
   search-engine.js (KBSearch), named by the header form's data-engine, on
   first use. The form also carries data-root (the relative prefix to the
   site root) and data-lang (the page language); index data only ever
   becomes text nodes and <mark> elements, never markup. */
(function () {
  'use strict';
  var doc = document, KB = window.KBSearch;
  var form = doc.querySelector('form.search-form[data-root]');
  if (!form) return;
  var input = form.querySelector('input[name="q"]');
  if (!input) return;
  var root = form.getAttribute('data-root') || '';
  // The page's language folder: its search.html and az.html live there.
  var langRoot = form.getAttribute('data-lang-root') || root;
  var lang = langKey(form.getAttribute('data-lang'));
  var DROP = 8; // results in the dropdown
  var engine = null, files = {}, manifest = null;

  // langKey matches Go search.langKey: "en-US" -> "en", odd values -> "en".
  function langKey(l) {
    l = String(l || '').trim().toLowerCase().split(/[-_]/)[0];
    return /^[a-z]+$/.test(l) ? l : 'en';
  }
  // One engine per page, created on first use so that pages nobody
  // searches from load neither the engine script nor index files. Loads
  // are shared by file name, so the product list reads the manifest the
  // engine loads.
  function getEngine() {
    if (!engine) {
      var ready = loadKB().then(function () { return KB.scriptLoader(root); });
      var load = function (f) { return files[f] || (files[f] = ready.then(function (base) { return base(f); })); };
      var e = ready.then(function () { return KB.create({ lang: lang, load: load }); });
      engine = { search: function (q, o) { return e.then(function (x) { return x.search(q, o); }); } };
      manifest = function () { return load(lang + '/manifest.js'); };
    }
    return engine;
  }
  // loadKB resolves once search-engine.js (the form's data-engine) is in.
  function loadKB() {
    return KB ? Promise.resolve() : new Promise(function (resolve, reject) {
      var s = el('script');
      s.src = form.getAttribute('data-engine');
      s.onload = function () { (KB = window.KBSearch) ? resolve() : reject(); };
      s.onerror = reject;
      doc.head.appendChild(s);
    });
  }
  // Cached, stale-proof search: a runner's run(q, opts, done, fail) calls
  // back only for its latest call; run(null) just drops what is pending.
  var memo = new Map();
  function cachedSearch(q, o) {
    var key = [o.product || '', o.type || '', o.limit, o.exact ? 'x' : '', o.facets ? 'f' : '', q].join('\u0000');
    if (!memo.has(key)) {
      if (memo.size > 50) memo.delete(memo.keys().next().value);
      var p = getEngine().search(q, o);
      p.catch(function () { memo.delete(key); });
      memo.set(key, p);
    }
    return memo.get(key);
  }
  function runner() {
    var seq = 0;
    return function (q, o, done, fail) {
      var my = ++seq;
      if (q === null) return;
      cachedSearch(q, o).then(function (r) { if (my === seq) done(r); },
        function (e) { if (my === seq) fail(e); });
    };
  }

  // --- building blocks -------------------------------------------------
  function el(tag, cls, text) {
    var e = doc.createElement(tag);
    if (cls) e.className = cls;
    if (text != null) e.textContent = text;
    return e;
  }
  // Appends text to parent with the words in matched (folded forms, as the
  // engine reports them) wrapped in <mark>.
  function highlight(parent, text, matched) {
    text = String(text || '');
    var set = new Set(matched || []), at = 0, last = -1;
    KB.tokens(text).forEach(function (t) {
      // CJK words come back as several bigrams over the same span.
      if (t.s < at || !set.has(t.w) || t.s === last) return;
      if (t.s > at) parent.appendChild(doc.createTextNode(text.slice(at, t.s)));
      parent.appendChild(el('mark', '', text.slice(t.s, t.e)));
      at = t.e;
      last = t.s;
    });
    if (at < text.length) parent.appendChild(doc.createTextNode(text.slice(at)));
    return parent;
  }
  // href of a result: site-relative paths only, never another scheme.
  function hrefOf(r) {
    var u = String(r.url || '');
    if (/^[a-z][a-z0-9+.-]*:|^[/\\]/i.test(u)) return '#';
    return root + u + (r.section ? '#' + encodeURIComponent(r.section).replace(/%2F/gi, '/') : '');
  }
  // filterQuery is the address part of filters f ({product, type}).
  function filterQuery(f) {
    return (f && f.product ? '&product=' + encodeURIComponent(f.product) : '') + (f && f.type ? '&type=' + encodeURIComponent(f.type) : '');
  }
  function pageURL(q, f) {
    return langRoot + 'search.html?q=' + encodeURIComponent(q) + filterQuery(f);
  }
  // corrected replaces the misspelt words of q by the engine's suggestions.
  function corrected(q, sugg) {
    var map = {}, out = '', at = 0;
    sugg.forEach(function (s) { map[s.word] = s.suggestion; });
    KB.tokens(q).forEach(function (t) {
      if (t.s < at || !Object.prototype.hasOwnProperty.call(map, t.w)) return;
      out += q.slice(at, t.s) + map[t.w];
      at = t.e;
    });
    return out + q.slice(at);
  }
  // UI strings in the page's language come from its search-text script
  // (window.KBSearchText), or from data-i18n on the form in an older
  // theme; English is the fallback.
  var texts = window.KBSearchText;
  if (!texts || typeof texts !== 'object') {
    try { texts = JSON.parse(form.getAttribute('data-i18n') || '{}'); } catch (err) { texts = {}; }
  }
  function msg(key, fallback, vars) {
    var s = Object.prototype.hasOwnProperty.call(texts, key) ? texts[key] : fallback;
    for (var k in vars || {}) s = s.split('{' + k + '}').join(vars[k]);
    return s;
  }
  function count(key, n, one, many) { return msg(key + (n === 1 ? '_one' : '_other'), n === 1 ? one : many, { n: n }); }
  // "Did you mean <a>q'</a>?" when nothing matched, else null.
  function didYouMean(q, resp, f, onPick) {
    if (resp.total || !resp.suggestions || !resp.suggestions.length) return null;
    var fixed = corrected(q, resp.suggestions);
    if (!fixed || fixed === q) return null;
    var p = el('p', 'search-suggest', msg('js_did_you_mean', 'Did you mean') + ' ');
    var a = el('a', '', fixed);
    a.href = pageURL(fixed, f);
    if (onPick) a.addEventListener('click', function (e) { e.preventDefault(); onPick(fixed); });
    p.appendChild(a);
    p.appendChild(doc.createTextNode('?'));
    return p;
  }
  // fill appends template to parent, its {name} placeholders replaced by
  // the nodes given (text stays text).
  function fill(parent, template, nodes) {
    template.split(/(\{[a-z]+\})/).forEach(function (part) {
      var m = /^\{([a-z]+)\}$/.exec(part);
      parent.appendChild(m && nodes[m[1]] ? nodes[m[1]] : doc.createTextNode(part));
    });
  }
  // "Showing results for <em>q'</em> (no results for <em>q</em>)" and a
  // link that searches q as typed, when the engine corrected a word; else
  // null. onOriginal, if given, runs instead of following the link.
  function correctedNote(q, resp, f, onOriginal) {
    if (!resp.total || !resp.corrected || !resp.corrected.length) return null;
    var fixed = corrected(q, resp.corrected);
    if (!fixed || fixed === q) return null;
    var p = el('p', 'search-corrected');
    fill(p, msg('js_showing_for', 'Showing results for {fixed} (no results for {q})'), { fixed: el('em', '', fixed), q: el('em', '', q) });
    p.appendChild(doc.createTextNode(' '));
    var a = el('a', '', msg('js_search_instead', 'Search for “{q}” instead', { q: q }));
    a.href = pageURL(q, f) + '&exact=1';
    if (onOriginal) a.addEventListener('click', function (e) { e.preventDefault(); onOriginal(); });
    p.appendChild(a);
    return p;
  }
  function metaText(r, maxProducts) {
    var ps = (r.products || []).slice(0, maxProducts), more = (r.products || []).length - ps.length;
    return (r.derived ? [] : [r.id]).concat(r.type ? [r.type] : [], ps.length ? [ps.join(', ') + (more > 0 ? ' +' + more : '')] : []).join(' · ');
  }
  function typing(t) {
    return t && (t.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(t.tagName));
  }

  // --- the header combobox ---------------------------------------------
  var popup = el('div', 'search-popup'), list = el('div', 'search-listbox'), empty = el('div', 'search-empty');
  var note = el('div', 'search-note');
  var status = el('div', 'visually-hidden');
  popup.id = 'search-popup';
  popup.hidden = true;
  list.id = 'search-listbox';
  list.setAttribute('role', 'listbox');
  list.setAttribute('aria-label', msg('js_matching', 'Matching articles'));
  empty.hidden = note.hidden = true;
  status.setAttribute('role', 'status');
  status.setAttribute('aria-live', 'polite');
  popup.appendChild(note);
  popup.appendChild(list);
  popup.appendChild(empty);
  form.appendChild(popup);
  form.appendChild(status);
  // ARIA in HTML allows the combobox role on a text box, not on type=search
  // (the Nu HTML Checker rejects it); the form keeps role=search.
  input.type = 'text';
  input.setAttribute('role', 'combobox');
  input.setAttribute('aria-autocomplete', 'list');
  input.setAttribute('aria-expanded', 'false');
  input.setAttribute('aria-controls', list.id);
  var hint = el('kbd', 'search-key', '/');
  hint.setAttribute('aria-hidden', 'true');
  hint.title = msg('js_press_slash', 'Press / to search');
  form.appendChild(hint);
  form.classList.add('search-ready');

  var options = [], active = -1, shown = '', drop = runner();
  function setActive(i) {
    if (active >= 0 && options[active]) options[active].setAttribute('aria-selected', 'false');
    active = i;
    if (i >= 0 && options[i]) {
      options[i].setAttribute('aria-selected', 'true');
      input.setAttribute('aria-activedescendant', options[i].id);
      options[i].scrollIntoView({ block: 'nearest' });
    } else {
      input.removeAttribute('aria-activedescendant');
    }
  }
  function open(on) {
    popup.hidden = !on || (list.hidden && empty.hidden);
    input.setAttribute('aria-expanded', String(!popup.hidden && !list.hidden));
    if (popup.hidden) setActive(-1);
  }
  function option(href, i) {
    var a = el('a', 'search-option');
    a.id = 'search-opt-' + i;
    a.href = href;
    a.tabIndex = -1;
    a.setAttribute('role', 'option');
    a.setAttribute('aria-selected', 'false');
    return a;
  }
  function render(q, resp) {
    setActive(-1);
    list.textContent = '';
    empty.textContent = '';
    note.textContent = '';
    options = [];
    shown = popup.dataset.q = q;
    resp.results.forEach(function (r, i) {
      var a = option(hrefOf(r), i);
      highlight(a.appendChild(el('span', 'search-option-title')), r.title, r.matched);
      if (r.heading) highlight(a.appendChild(el('span', 'search-option-section')), r.heading, r.matched);
      a.appendChild(el('span', 'search-option-meta', metaText(r, 2)));
      if (r.excerpt) highlight(a.appendChild(el('span', 'search-option-excerpt')), r.excerpt, r.matched);
      options.push(list.appendChild(a));
    });
    if (resp.results.length) {
      var all = option(pageURL(q), options.length);
      all.classList.add('search-option-all');
      // A partial total (common words searched over their top postings) is not shown.
      all.textContent = resp.total > resp.results.length && !resp.partial
        ? msg('js_see_all', 'See all {n} results', { n: resp.total })
        : msg('js_results_for', 'Search results for “{q}”', { q: q });
      options.push(list.appendChild(all));
    } else {
      empty.appendChild(el('p', 'search-none', msg('js_no_match', 'No articles match “{q}”', { q: q }) + '.'));
      var dym = didYouMean(q, resp, null, function (fixed) {
        input.value = fixed;
        input.focus();
        update();
      });
      if (dym) empty.appendChild(dym);
    }
    var fix = correctedNote(q, resp, null);
    if (fix) note.appendChild(fix);
    note.hidden = !fix;
    list.hidden = !resp.results.length;
    empty.hidden = !!resp.results.length;
    open(doc.activeElement === input || form.contains(doc.activeElement));
    status.textContent = resp.results.length ? count('js_results', resp.total, '1 result', '{n} results') : msg('js_no_results', 'No results');
  }
  function update() {
    var q = input.value;
    setActive(-1); // a selection among older results must not survive typing
    if (!q.trim()) {
      drop(null);
      shown = '';
      list.hidden = empty.hidden = note.hidden = true;
      open(false);
      status.textContent = '';
      return;
    }
    drop(q, { limit: DROP }, function (resp) { render(q, resp); }, function () {
      setActive(-1);
      list.hidden = true;
      empty.hidden = false;
      empty.textContent = '';
      empty.appendChild(el('p', 'search-none', msg('js_unavailable', 'Search is not available right now.')));
      open(true);
    });
  }
  input.addEventListener('input', update);
  input.addEventListener('focus', function () {
    getEngine();
    manifest().catch(function () {});
    if (input.value.trim() && shown === input.value) open(true);
    else if (input.value.trim()) update();
  });
  input.addEventListener('keydown', function (e) {
    if (e.isComposing || e.altKey || e.ctrlKey || e.metaKey) return;
    var n = options.length;
    if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      e.preventDefault();
      if (popup.hidden) {
        if (input.value.trim()) { if (shown === input.value) open(true); else update(); }
        return;
      }
      if (!n) return;
      var down = e.key === 'ArrowDown';
      setActive(active < 0 ? (down ? 0 : n - 1) : (active + (down ? 1 : n - 1)) % n);
    } else if (e.key === 'Enter') {
      if (!popup.hidden && active >= 0 && options[active]) {
        e.preventDefault();
        location.assign(options[active].href);
      }
      // Otherwise the form goes to search.html?q=...
    } else if (e.key === 'Escape') {
      // Chromium would also clear a type=search box on the first Esc.
      e.preventDefault();
      if (!popup.hidden) open(false);
      else if (input.value) { input.value = ''; update(); }
    }
  });
  // Clicks in the popup must not blur the box first.
  popup.addEventListener('mousedown', function (e) {
    if (!e.target.closest || !e.target.closest('.search-suggest a, .search-corrected a')) e.preventDefault();
  });
  form.addEventListener('focusout', function (e) {
    if (!e.relatedTarget || !form.contains(e.relatedTarget)) open(false);
  });
  doc.addEventListener('click', function (e) { if (!form.contains(e.target)) open(false); });
  doc.addEventListener('keydown', function (e) {
    if (e.key !== '/' || e.ctrlKey || e.metaKey || e.altKey || e.defaultPrevented || typing(e.target)) return;
    e.preventDefault();
    input.focus();
    input.select();
  });

  window.KBSearchUI = {
    manifest: function () { getEngine(); return manifest(); }, runner: runner, el: el,
    highlight: highlight, hrefOf: hrefOf, pageURL: pageURL, filterQuery: filterQuery, corrected: corrected,
    msg: msg, count: count, didYouMean: didYouMean, correctedNote: correctedNote, metaText: metaText, langRoot: langRoot
  };
})();
