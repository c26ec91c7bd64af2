/* kbsite search results page, search.html?q=...&product=slug&type=slug:
   every match, filters by product and by article type with the number of
   matches of each, and the query and filters in the address, which back
   and forward restore. Only search.html loads it, after search-ui.js,
   whose building blocks (window.KBSearchUI) it uses. */
(function () {
  'use strict';
  var doc = document, U = window.KBSearchUI;
  var page = doc.getElementById('search-page');
  if (!page || !U) return;
  var el = U.el, msg = U.msg, count = U.count, highlight = U.highlight, corrected = U.corrected;
  var pageURL = U.pageURL, filterQuery = U.filterQuery, langRoot = U.langRoot;
  // lists returns the manifest's products and article types as {name, slug}.
  function lists() {
    var of = function (l) {
      return (l || []).filter(function (p) { return p.length === 3; })
        .map(function (p) { return { name: String(p[0]), slug: String(p[1]) }; });
    };
    return U.manifest().then(function (M) { return { products: of(M.p), types: of(M.y) }; });
  }
  var pform = page.querySelector('form'), pq = page.querySelector('input[name="q"]');
  // The filters: a select per list of the manifest ('p' products, 'y' types).
  var sels = { product: page.querySelector('select[name="product"]'), type: page.querySelector('select[name="type"]') };
  var summary = doc.getElementById('search-summary'), results = doc.getElementById('search-results');
  var extra = doc.getElementById('search-extra');
  if (!pform || !pq || !sels.product || !sels.type || !summary || !results || !extra) return;
  var baseTitle = doc.title, sep = baseTitle.indexOf(' | ');
  var siteTitle = sep >= 0 ? baseTitle.slice(sep + 3) : baseTitle;
  var full = U.runner(), LIMIT = 100;
  var exactQ = null; // the query searched as typed, without correction (exact=1)
  page.querySelectorAll('.search-nojs').forEach(function (n) { n.hidden = true; });
  page.querySelectorAll('[data-needs-js]').forEach(function (n) { n.hidden = false; });

  function params() {
    var s = new URLSearchParams(location.search);
    return { q: s.get('q') || '', product: s.get('product') || '', type: s.get('type') || '', exact: s.get('exact') === '1' };
  }
  function filters() { return { product: sels.product.value, type: sels.type.value }; }
  function setURL(q, f, push) {
    var u = 'search.html' + (q || f.product || f.type ? '?q=' + encodeURIComponent(q) : '') + filterQuery(f) +
      (exactQ === q ? '&exact=1' : '') + location.hash;
    try { history[push ? 'pushState' : 'replaceState'](null, '', u); } catch (err) { /* some file:// setups */ }
  }
  // option returns the option of value v in sel, adding it (named v until
  // the manifest names it) when missing.
  function optionOf(sel, v) {
    for (var i = 0; i < sel.options.length; i++) if (sel.options[i].value === v) return sel.options[i];
    var o = el('option', '', v);
    o.value = v;
    o.dataset.name = v;
    sel.appendChild(o);
    return o;
  }
  function nameOf(sel, v) { var o = optionOf(sel, v); return o.dataset.name || o.textContent; }
  // showCounts labels each filter value with its number of matches, and
  // disables those with none (but the chosen one, so it can be changed).
  function showCounts(facets) {
    [['product', 'products'], ['type', 'types']].forEach(function (k) {
      var sel = sels[k[0]];
      ((facets && facets[k[1]]) || []).forEach(function (f) {
        var o = optionOf(sel, f.slug);
        o.dataset.name = f.name;
        o.textContent = f.name + ' (' + f.count + ')';
        o.disabled = f.count === 0 && o.value !== sel.value;
      });
    });
  }
  function clearCounts() {
    [sels.product, sels.type].forEach(function (sel) {
      Array.prototype.forEach.call(sel.options, function (o) {
        if (o.dataset.name) o.textContent = o.dataset.name;
        o.disabled = false;
      });
    });
  }
  // withoutLink is a link that searches q again without one filter.
  function withoutLink(q, f, drop, key, fallback) {
    var g = { product: f.product, type: f.type };
    g[drop] = '';
    var p = el('p', 'search-alt');
    var a = p.appendChild(el('a', '', msg(key, fallback)));
    a.href = pageURL(q, g);
    return p;
  }
  function showPage(q, f, resp) {
    results.textContent = '';
    extra.textContent = '';
    doc.title = (q.trim() ? msg('js_results_for', 'Search results for “{q}”', { q: q }) : baseTitle) + (siteTitle !== baseTitle ? ' | ' + siteTitle : '');
    var names = (f.product ? [nameOf(sels.product, f.product)] : []).concat(f.type ? [nameOf(sels.type, f.type)] : []);
    var where = names.length ? ' (' + names.join(', ') + ')' : '';
    if (!q.trim()) {
      clearCounts();
      summary.textContent = msg('js_type_words', 'Type words to search for') + where + '.';
      results.hidden = true;
      return;
    }
    showCounts(resp.facets);
    var fix = U.correctedNote(q, resp, f, function () { exactQ = q; go(true); });
    var shownQ = fix ? corrected(q, resp.corrected) : q;
    if (!resp.total) summary.textContent = msg('js_no_match', 'No articles match “{q}”', { q: q }) + where + '.';
    else summary.textContent = count('js_matches', resp.total, '1 article matches', '{n} articles match') + ' “' + shownQ + '”' + where +
      (resp.total > resp.results.length ? '; ' + msg('js_first_shown', 'the first {n} are shown', { n: resp.results.length }) + '.' : '.');
    if (fix) extra.appendChild(fix);
    var dym = U.didYouMean(q, resp, f);
    if (dym) extra.appendChild(dym);
    if (!resp.total && f.product) extra.appendChild(withoutLink(q, f, 'product', 'js_search_all', 'Search all products instead'));
    if (!resp.total && f.type) extra.appendChild(withoutLink(q, f, 'type', 'js_search_all_types', 'Search all article types instead'));
    if (!resp.total) {
      var tip = el('p', 'search-tips muted', msg('js_check_spelling', 'Check the spelling, use fewer words, or browse the') + ' ');
      var az = el('a', '', msg('js_az_index', 'A–Z index'));
      az.href = langRoot + 'az.html';
      tip.appendChild(az);
      tip.appendChild(doc.createTextNode('.'));
      extra.appendChild(tip);
    }
    resp.results.forEach(function (r) {
      var li = el('li', 'search-result');
      var h = li.appendChild(el('h2', 'search-result-title'));
      var a = h.appendChild(el('a'));
      a.href = U.hrefOf(r);
      highlight(a, r.title, r.matched);
      if (r.heading) highlight(li.appendChild(el('p', 'search-result-section')), r.heading, r.matched);
      li.appendChild(el('p', 'search-result-meta', U.metaText(r, 6)));
      if (r.excerpt) highlight(li.appendChild(el('p', 'search-result-excerpt')), r.excerpt, r.matched);
      results.appendChild(li);
    });
    results.hidden = !resp.results.length;
  }
  function go(push) {
    var q = pq.value, f = filters();
    setURL(q, f, push);
    page.setAttribute('aria-busy', 'true');
    full(q, { limit: LIMIT, product: f.product, type: f.type, exact: exactQ === q, facets: true, complete: true }, function (resp) {
      page.removeAttribute('aria-busy');
      showPage(q, f, resp);
      page.dataset.q = q;
      page.dataset.product = f.product;
      page.dataset.type = f.type;
    }, function () {
      page.removeAttribute('aria-busy');
      results.hidden = true;
      summary.textContent = msg('js_unavailable', 'Search is not available right now.');
    });
  }
  // fromURL shows the search the address holds (on load, back and forward).
  function fromURL() {
    var p = params();
    pq.value = p.q;
    exactQ = p.exact ? p.q : null;
    ['product', 'type'].forEach(function (k) {
      if (p[k]) optionOf(sels[k], p[k]); // not listed (yet): keep it selectable
      sels[k].value = p[k];
    });
    go(false);
  }
  pq.addEventListener('input', function () { go(false); });
  sels.product.addEventListener('change', function () { go(true); });
  sels.type.addEventListener('change', function () { go(true); });
  pform.addEventListener('submit', function (e) { e.preventDefault(); go(true); });
  window.addEventListener('popstate', fromURL);
  lists().then(function (ls) {
    [['product', ls.products], ['type', ls.types]].forEach(function (k) {
      var sel = sels[k[0]];
      k[1].forEach(function (p) {
        var o = optionOf(sel, p.slug);
        o.dataset.name = p.name;
        if (!/ \(\d+\)$/.test(o.textContent)) o.textContent = p.name;
      });
    });
    // The type filter shows only on sites with article types, and the
    // product filter only on sites with products.
    if (ls.types.length || sels.type.value) sels.type.closest('.search-field').hidden = false;
    if (!ls.products.length && !sels.product.value) sels.product.closest('.search-field').hidden = true;
    if (sels.product.value || sels.type.value) go(false); // to name the filters in the summary
  }, function () {});
  fromURL();
  if (!pq.value) pq.focus();
})();
