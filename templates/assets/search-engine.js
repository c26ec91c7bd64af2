/* kbsite search engine: queries the prebuilt static index under search/<lang>/.
   Same parsing, ranking, filters and counts as the Go engine
   (generator/search/engine, query, fuzzy and facet); keep in step.
   Index files are scripts that call
   (window.KBSearchData=window.KBSearchData||[]).push([name, data]), so they
   load with <script> tags, also from file://. */
(function (root) {
  'use strict';
  var ALPHA = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz-_';
  // DIGIT is ALPHA's index of each ASCII code, -1 for the rest: postings
  // decode a character at a time, and a table beats a string search.
  var DIGIT = new Int8Array(128).fill(-1);
  for (var di = 0; di < ALPHA.length; di++) DIGIT[ALPHA.charCodeAt(di)] = di;
  var WORD = /[\p{L}\p{N}\p{M}]+/gu;
  var ASCII = /^[\x00-\x7f]*$/;
  var WORDCH = /^[\p{L}\p{N}\p{M}]$/u;
  var CJK = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/u;
  var SPACE = /[\t\n\v\f\r \u0085\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]/;
  var SPACES = /[\t\n\v\f\r \u0085\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]+/;
  var GROUPS = ['a:àáâãäåāăą', 'c:çćĉċč', 'd:ďđð', 'e:èéêëēĕėęě', 'g:ĝğġģ', 'h:ĥħ',
    'i:ìíîïĩīĭįı', 'j:ĵ', 'k:ķ', 'l:ĺļľŀł', 'n:ñńņňŉ', 'o:òóôõöøōŏő',
    'r:ŕŗř', 's:śŝşšſ', 't:ţťŧ', 'u:ùúûüũūŭůűų', 'w:ŵ', 'y:ýÿŷ', 'z:źżž',
    'ss:ß', 'ae:æ', 'oe:œ', 'th:þ', 'σ:ς'];
  var FOLD = {};
  GROUPS.forEach(function (g) {
    var i = g.indexOf(':');
    Array.from(g.slice(i + 1)).forEach(function (c) { FOLD[c] = g.slice(0, i); });
  });
  var L = { items: 10, words: 32, phrase: 8, prefixShards: 3, expansions: 50, fuzzy: 10,
    phraseCheck: 50, limit: 100, before: 60, len: 160, query: 500 };
  var F_EXACT = 100, F_TITLE = 50, F_PAIR = 100, F_STEM = 90, F_PREFIX = 60, F_FUZZY1 = 50, F_FUZZY2 = 30, SCALE = 2000, CLS_TITLE = 2, CLS_HEADING = 1;

  function fold(w) {
    if (ASCII.test(w)) return w.toLowerCase(); // no ASCII letter folds further
    var out = '';
    for (var c of w.toLowerCase()) {
      var cp = c.codePointAt(0);
      if (cp >= 0x300 && cp <= 0x36f) continue;
      out += FOLD[c] || c;
    }
    return out;
  }
  function cpLen(s) { var n = 0; for (var c of s) n++; return n; } // eslint-disable-line no-unused-vars
  function splitCJK(w, s, e, out) {
    if (!CJK.test(w)) { out.push({ w: w, s: s, e: e }); return; }
    var rs = Array.from(w);
    for (var i = 0; i < rs.length;) {
      var j = i, c = CJK.test(rs[i]);
      while (j < rs.length && CJK.test(rs[j]) === c) j++;
      if (!c) out.push({ w: rs.slice(i, j).join(''), s: s, e: e });
      else if (j - i === 1) out.push({ w: rs[i], s: s, e: e });
      else for (var k = i; k + 1 < j; k++) out.push({ w: rs[k] + rs[k + 1], s: s, e: e });
      i = j;
    }
  }
  function tokens(text) {
    var out = [], m;
    WORD.lastIndex = 0;
    while ((m = WORD.exec(text))) {
      var w = m[0];
      // Most words are ASCII: no code point count, folding or CJK split.
      if (ASCII.test(w)) { if (w.length <= 64) out.push({ w: w.toLowerCase(), s: m.index, e: m.index + w.length }); continue; }
      if (w.length > 64 && cpLen(w) > 64) continue; // 64 UTF-16 units are at most 64 code points
      splitCJK(fold(w), m.index, m.index + w.length, out);
    }
    return out;
  }
  // words is tokens(text) without the offsets, and cheaper: one match
  // call, and no object per ASCII word.
  function words(text) {
    var ms = String(text).match(WORD), out = [], ts = []; // String: as exec would, for a record's odd value
    if (!ms) return out;
    for (var i = 0; i < ms.length; i++) {
      var w = ms[i];
      if (ASCII.test(w)) { if (w.length <= 64) out.push(w.toLowerCase()); continue; }
      if (w.length > 64 && cpLen(w) > 64) continue;
      ts.length = 0;
      splitCJK(fold(w), 0, 0, ts);
      for (var j = 0; j < ts.length; j++) out.push(ts[j].w);
    }
    return out;
  }
  function decodeNums(s) {
    var out = [], v = 0;
    for (var i = 0; i < s.length; i++) {
      var u = s.charCodeAt(i), c = u < 128 ? DIGIT[u] : -1;
      if (c < 0) return out;
      v = v * 32 + (c & 31);
      if (c < 32) { out.push(v); v = 0; }
    }
    return out;
  }
  function osa(a, b, maxd) {
    var n = a.length, m = b.length, p2 = [], p = [], c = [], i, j;
    for (j = 0; j <= m; j++) { p[j] = j; p2[j] = 0; c[j] = 0; }
    for (i = 1; i <= n; i++) {
      c[0] = i;
      var rowMin = i;
      for (j = 1; j <= m; j++) {
        var v = Math.min(p[j] + 1, c[j - 1] + 1, p[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
        if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) v = Math.min(v, p2[j - 2] + 1);
        c[j] = v;
        if (v < rowMin) rowMin = v;
      }
      if (rowMin > maxd) return maxd + 1;
      var t = p2; p2 = p; p = c; c = t;
    }
    return Math.min(p[m], maxd + 1);
  }
  // idfQ is 1024*log2((n+df)/df) rounded down, as Go's idfQ: every step is
  // an integer below 2^53, so doubles compute it exactly.
  function idfQ(n, df) {
    df = Math.max(df, 1);
    var a = Math.min(Math.max(n, 1), 16777216) + df, b = df, k = 0, p = 1;
    while (b * p * 2 <= a) { k++; p *= 2; }
    var y = Math.floor(a * 16777216 / (b * p)), r = k * 1024;
    for (var i = 9; i >= 0; i--) {
      y = Math.floor(y * y / 16777216);
      if (y >= 33554432) { y = Math.floor(y / 2); r += 1 << i; }
    }
    return r;
  }
  function len16cmp(a, b) { return a.length - b.length || (a < b ? -1 : a > b ? 1 : 0); }
  function strcmp(a, b) { return a < b ? -1 : a > b ? 1 : 0; }
  function sortedNames(m) { return Array.from(m.keys()).sort(strcmp); }
  function lastCp(s) { var a = Array.from(s); return a.length ? a[a.length - 1] : ''; }

  // topK returns the k smallest of xs under cmp, sorted: the ranking only
  // ever shows the first few of thousands of candidates.
  function topK(xs, k, cmp) {
    if (xs.length <= k * 4) return xs.slice().sort(cmp).slice(0, k);
    var top = [];
    for (var i = 0; i < xs.length; i++) {
      var x = xs[i];
      if (top.length === k && cmp(x, top[k - 1]) >= 0) continue;
      var lo = 0, hi = top.length;
      while (lo < hi) { var mid = (lo + hi) >> 1; if (cmp(top[mid], x) <= 0) lo = mid + 1; else hi = mid; }
      top.splice(lo, 0, x);
      if (top.length > k) top.pop();
    }
    return top;
  }

  // compound: the folded technical token of a chunk between white space
  // ("--install", "wsl.exe", "c#"), or '' (Go: compound in text.go).
  var JOIN = '-._#+/\\:@=$~';
  function compound(ch) {
    ch = ch.replace(/^[([{<"'*`]+/, '').replace(/[)\]}>"',.;:!?*`]+$/, '');
    if (!ch || cpLen(ch) > 64) return '';
    var joined = false, word = false;
    for (var c of ch) {
      if (WORDCH.test(c)) word = true;
      else if (JOIN.indexOf(c) >= 0) joined = true;
      else return '';
    }
    return joined && word ? fold(ch) : '';
  }

  // parse: the chunks between white space outside quotes (words, technical
  // token, "-word" after a space) and the quoted phrases (Go: parse).
  function parse(q) {
    var p = { chunks: [], typing: false, phrases: [], negP: [] };
    var parts = q.split('"'), nwords = 0;
    var endsWord = WORDCH.test(lastCp(q));
    for (var i = 0; i < parts.length; i++) {
      var part = parts[i], ws;
      if (i % 2 === 1) {
        ws = words(part).slice(0, L.phrase);
        var prev = parts[i - 1];
        var neg = prev.slice(-1) === '-' && (prev.length === 1 || SPACE.test(lastCp(prev.slice(0, -1))));
        if (nwords + ws.length > L.words || !ws.length) continue;
        nwords += ws.length;
        if (neg) p.negP.push(ws);
        else if (ws.length === 1) p.chunks.push({ words: ws, comp: '', neg: false });
        else p.phrases.push(ws);
        continue;
      }
      var chunks = part.split(SPACES).filter(Boolean);
      for (var ci = 0; ci < chunks.length; ci++) {
        var ch = chunks[ci];
        ws = words(ch).slice(0, Math.max(L.words - nwords, 0));
        if (!ws.length) continue;
        nwords += ws.length;
        var afterSpace = ci > 0 || i === 0 || SPACE.test(Array.from(part)[0] || '');
        var second = Array.from(ch.replace(/^-/, ''))[0] || '';
        var cneg = afterSpace && ch[0] === '-' && WORDCH.test(second);
        p.chunks.push({ words: ws, comp: compound(ch), neg: cneg });
        p.typing = endsWord && i === parts.length - 1 && ci === chunks.length - 1;
      }
    }
    return p;
  }

  function create(opts) {
    var lang = opts.lang || 'en', load = opts.load, cache = {}, loaded = [];
    var man = null, pages = {}, shards = {}, recs = {}, lists = {};
    function get(name) {
      var f = lang + '/' + name;
      if (!cache[f]) {
        loaded.push(f);
        cache[f] = Promise.resolve().then(function () { return load(f); });
      }
      return cache[f];
    }
    function manifest() {
      if (!man) {
        man = get('manifest.js').then(function (M) {
          if (!M || !(M.c > 0) || !(M.g > 0) || !Array.isArray(M.s) || !Array.isArray(M.h) ||
            M.s.length !== Math.ceil(M.c / M.g) || M.h.length !== M.s.length) throw new Error('search: bad manifest');
          return M;
        });
      }
      return man;
    }
    // lastLE: the last index of sorted s whose value <= key (UTF-16 order), or 0.
    function lastLE(s, key) {
      var lo = 0, hi = s.length;
      while (lo < hi) { var mid = (lo + hi) >> 1; if (s[mid] > key) hi = mid; else lo = mid + 1; }
      return Math.max(lo - 1, 0);
    }
    // page j of the manifest: the start keys and hashes of its shards (Go:
    // reader.Files.page); one that cannot be read or is the wrong size is empty.
    function page(M, j) {
      if (!pages[j]) {
        var n = Math.min(M.g, M.c - j * M.g);
        // A small index's manifest carries its pages (q).
        var own = Array.isArray(M.q) && M.q.length === M.h.length ? Promise.resolve(M.q[j]) : get('m' + j + '-' + M.h[j] + '.js');
        pages[j] = own.catch(function () { return {}; }).then(function (d) {
          return d && Array.isArray(d.s) && Array.isArray(d.h) && d.s.length === n && d.h.length === n ? d : { s: [], h: [] };
        });
      }
      return pages[j];
    }
    // route: the shard holding key, found through its manifest page.
    async function route(M, key) {
      var j = lastLE(M.s, key);
      return j * M.g + lastLE((await page(M, j)).s, key);
    }
    async function startOf(M, k) {
      var s = (await page(M, Math.floor(k / M.g))).s[k % M.g];
      return s === undefined ? '' : s;
    }
    function shard(M, k) {
      if (!shards[k]) {
        shards[k] = page(M, Math.floor(k / M.g)).then(function (pg) {
          var h = pg.h[k % M.g];
          return h === undefined ? {} : get('s' + k + '-' + h + '.js');
        }).catch(function () { return {}; }).then(function (d) {
          var s = { W: d.w || [], M: d.m || [], T: d.t || [], P: d.p || [], I: d.i || {}, words: new Map(), terms: new Map(), post: {},
            tails: new Map(), all: {} };
          s.W.forEach(function (w, i) { s.words.set(w, i); });
          s.T.forEach(function (t, i) { s.terms.set(t, i); });
          (Array.isArray(d.x) ? d.x : []).forEach(function (x) {
            if (Array.isArray(x) && x.length === 3 && typeof x[0] === 'number' && typeof x[1] === 'number' && typeof x[2] === 'string') {
              s.tails.set(x[0], { df: x[1], hash: x[2] });
            }
          });
          return s;
        });
      }
      return shards[k];
    }
    function record(M, d) {
      if (!recs[d]) recs[d] = get('r/' + d + '-' + M.r + '.js').catch(function () { return {}; });
      return recs[d];
    }
    function refList(s, i) {
      var v = s.M[i];
      if (v === null || v === undefined) return null;
      return Array.isArray(v) ? v : [v];
    }
    function refNames(s, i) {
      return (refList(s, i) || []).map(function (r) { return typeof r === 'number' ? s.T[r] : r; })
        .filter(function (x) { return typeof x === 'string'; });
    }
    async function refs(M, q, k, i) {
      var s = await shard(M, k), list = refList(s, i), out = [];
      if (!list) return out;
      for (var r of list) {
        if (typeof r === 'number') {
          if (r >= 0 && r < s.T.length) out.push({ k: k, i: r, name: s.T[r] });
        } else if (typeof r === 'string') {
          var k2 = await route(M, r);
          q.touch(k2);
          var s2 = await shard(M, k2), j = s2.terms.get(r);
          if (j !== undefined) out.push({ k: k2, i: j, name: r });
        }
      }
      return out;
    }
    // foreignShards loads the shards of the terms of word x that its own
    // shard names by string, all at once (refs then reads them in turn).
    async function foreignShards(M, x) {
      var s = await shard(M, await route(M, x)), list = refList(s, s.words.get(x)) || [];
      await Promise.all(list.filter(function (r) { return typeof r === 'string'; })
        .map(function (r) { return route(M, r).then(function (k) { return shard(M, k); }); }));
    }
    function decodePairs(str) {
      var nums = decodeNums(typeof str === 'string' ? str : ''), doc = 0;
      nums.length -= nums.length % 2;
      for (var i = 0; i < nums.length; i += 2) { doc += nums[i]; nums[i] = doc; }
      return nums;
    }
    function merge(a, b) {
      var out = [], i = 0, j = 0;
      while (i < a.length || j < b.length) {
        if (j >= b.length || (i < a.length && a[i] <= b[j])) { out.push(a[i], a[i + 1]); i += 2; } else { out.push(b[j], b[j + 1]); j += 2; }
      }
      return out;
    }
    // postings: the (doc, score) pairs of a term the search reads: those its
    // shard holds, or with q.all its tail's too (Go: reader.Files.Postings).
    async function postings(M, q, t) {
      var s = await shard(M, t.k);
      if (!s.post[t.i]) s.post[t.i] = decodePairs(s.P[t.i]);
      var tl = s.tails.get(t.i);
      if (!tl) return s.post[t.i];
      if (!q.all) { q.partial = true; return s.post[t.i]; }
      if (!s.all[t.i]) {
        s.all[t.i] = get('t' + t.k + '-' + t.i + '-' + tl.hash + '.js').catch(function () { return ''; })
          .then(function (str) { return merge(s.post[t.i], decodePairs(str)); });
      }
      return s.all[t.i];
    }
    // df: the docs of a term, its tail's included.
    async function df(M, t) {
      var s = await shard(M, t.k), tl = s.tails.get(t.i);
      if (tl) return tl.df;
      if (!s.post[t.i]) s.post[t.i] = decodePairs(s.P[t.i]);
      return s.post[t.i].length / 2;
    }
    function add(qw, t, f) {
      if (f > (qw.factors.get(t.name) || 0)) { qw.factors.set(t.name, f); qw.refs.set(t.name, t); }
    }
    async function lookup(M, q, w) {
      var qw = { word: w, prefix: false, exact: [], known: false, stop: false, factors: new Map(), refs: new Map(), caps: null, title: null, wide: true, extra: [] };
      var k = await route(M, w), key = w + ' ';
      // The shard of the word's exact title term "w " loads beside its own.
      var title = route(M, key).then(function (k2) { shard(M, k2); return k2; });
      q.touch(k);
      var s = await shard(M, k), i = s.words.get(w);
      if (i !== undefined) {
        qw.known = true;
        qw.exact = await refs(M, q, k, i);
        qw.stop = !qw.exact.length;
        qw.exact.forEach(function (t) { add(qw, t, F_EXACT); });
        // The word's exact title term (Go: lookup).
        var k2 = await title;
        q.touch(k2);
        var j = (await shard(M, k2)).terms.get(key);
        if (j !== undefined && !qw.stop) qw.title = { k: k2, i: j, name: key };
      } else if (s.terms.has(w)) add(qw, { k: k, i: s.terms.get(w), name: w }, F_STEM);
      return qw;
    }
    // fuzzy: words within maxd edits of w in its shard and, with wide, in
    // the shards on either side (Go: fuzzy).
    async function fuzzy(M, q, w, maxd, wide) {
      var k = await route(M, w), a = Array.from(w), out = [];
      async function scan(k2) {
        q.touch(k2);
        var s = await shard(M, k2);
        s.W.forEach(function (x, i) {
          if (s.M[i] === null) return;
          var b = Array.from(x);
          if (Math.abs(a.length - b.length) > maxd) return;
          var d = osa(a, b, maxd);
          if (d <= maxd) out.push({ word: x, d: d, shard: k2 });
        });
      }
      var ks = [k];
      if (wide) for (var k2 of [k - 1, k + 1]) if (k2 >= 0 && k2 < M.c) ks.push(k2);
      ks.forEach(function (k3) { shard(M, k3); });
      for (var k3 of ks) await scan(k3);
      out.sort(function (x, y) { return x.d - y.d || strcmp(x.word, y.word); });
      out = out.slice(0, L.fuzzy);
      await Promise.all(out.map(function (c) { return foreignShards(M, c.word); }));
      for (var c of out) c.refs = await refs(M, q, c.shard, (await shard(M, c.shard)).words.get(c.word));
      return out;
    }
    function onlyFuzzy(qw) {
      var only = qw.factors.size > 0;
      qw.factors.forEach(function (f) { if (f > F_FUZZY1) only = false; });
      return only;
    }
    // prefixShards: the shards that can hold words starting with w, at
    // most L.prefixShards from w's own (Go: expand). Their loads all start
    // together, as soon as the manifest pages are known: one round trip,
    // not one per shard.
    async function prefixShards(M, w) {
      var k0 = await route(M, w), ks = [k0];
      for (var k = k0 + 1; k < M.c && k < k0 + L.prefixShards; k++) {
        if ((await startOf(M, k)).slice(0, w.length) !== w) break;
        ks.push(k);
      }
      ks.forEach(function (k) { shard(M, k); });
      return ks;
    }
    async function expand(M, q, qw, fuzzyOn) {
      var w = qw.word, n = cpLen(w), s, k;
      if (qw.prefix && n >= 2) {
        var cands = [], ks = await prefixShards(M, w), ss = await Promise.all(ks.map(function (k) { return shard(M, k); }));
        ks.forEach(function (k, j) {
          q.touch(k);
          ss[j].W.forEach(function (x, i) {
            if (x !== w && x.slice(0, w.length) === w && ss[j].M[i] !== null) cands.push(x);
          });
        });
        cands.sort(len16cmp);
        cands = cands.slice(0, L.expansions);
        // The shards of the completions' terms held elsewhere load together.
        await Promise.all(cands.map(function (x) { return foreignShards(M, x); }));
        for (var x of cands) {
          k = await route(M, x);
          s = await shard(M, k);
          (await refs(M, q, k, s.words.get(x))).forEach(function (t) { add(qw, t, F_PREFIX); });
          qw.extra.push(x);
        }
        await capPrefix(M, q, qw);
      }
      qw.wide = qw.factors.size === 0;
      if (!qw.known && fuzzyOn) {
        var maxd = n >= 8 ? 2 : n >= 4 ? 1 : 0;
        if (maxd > 0) {
          for (var c of await fuzzy(M, q, w, maxd, qw.wide)) {
            if (!c.refs.length) continue;
            var f = c.d === 2 ? F_FUZZY2 : F_FUZZY1;
            c.refs.forEach(function (t) { add(qw, t, f); });
            qw.extra.push(c.word);
          }
        }
      }
    }
    // capPrefix caps the prefix completions of a word at the prefix's own
    // weight, the idf of the docs having any of its terms (Go: capPrefix).
    async function capPrefix(M, q, qw) {
      var seen = new Uint8Array(M.n), n0 = 0, most = 0;
      for (var n of sortedNames(qw.factors)) {
        most = Math.max(most, await df(M, qw.refs.get(n)));
        var p = await postings(M, q, qw.refs.get(n));
        for (var i = 0; i < p.length; i += 2) if (p[i] < M.n && !seen[p[i]]) { seen[p[i]] = 1; n0++; }
      }
      // The union is at least the largest term's docs, tails not read included.
      var own = idfQ(M.n, Math.max(n0, most));
      qw.caps = new Map();
      qw.factors.forEach(function (f, name) { if (f === F_PREFIX) qw.caps.set(name, own); });
    }
    // resolve: the words to search, whether the last is being typed, the
    // index's technical tokens typed, the words to exclude (Go: resolve).
    async function resolve(M, q, p) {
      var out = { plain: [], typing: false, comps: [], negW: [] }, n = p.chunks.length;
      var pos = [], cq = [], any = p.phrases.length > 0, i, seen = new Set();
      for (i = 0; i < n; i++) {
        var c = p.chunks[i], qw = null;
        if (c.comp) { qw = await lookup(M, q, c.comp); if (!qw.known || qw.stop) qw = null; }
        cq.push(qw);
        pos.push(!c.neg || qw !== null);
        any = any || pos[i];
      }
      for (i = 0; i < n; i++) {
        var ch = p.chunks[i];
        if (pos[i] || !any) {
          out.plain = out.plain.concat(ch.words);
          if (cq[i] && !seen.has(ch.comp)) { seen.add(ch.comp); out.comps.push(cq[i]); }
        } else out.negW = out.negW.concat(ch.words);
      }
      out.typing = p.typing && n > 0 && (pos[n - 1] || !any);
      return out;
    }
    async function suggest(M, q, w, wide) {
      var maxd = cpLen(w) >= 5 ? 2 : 1, best = '', bestD = maxd + 1, bestDF = -1;
      for (var c of await fuzzy(M, q, w, maxd, wide)) {
        var cdf = 0;
        for (var t of c.refs) cdf = Math.max(cdf, await df(M, t));
        if (c.d < bestD || (c.d === bestD && cdf > bestDF)) { best = c.word; bestD = c.d; bestDF = cdf; }
      }
      return best;
    }
    // itemScores returns per doc an item's score (0: no match), field
    // class (a phrase: its words' lowest) and its words' best factors.
    // Scratch memory of score and itemScores: arrays by doc, taken for one
    // search and given back clean (only the docs it touched are cleared),
    // so a keystroke allocates nothing of the corpus' size; searches that
    // run at the same time take different ones.
    var pool = [];
    function takeScratch(N) {
      var w = pool.pop();
      if (w && w.n === N) return w;
      var f = function () { return new Float64Array(N); }, i = function () { return new Int32Array(N); };
      return { n: N, score: f(), cls: i(), quality: i(), docs: [], cnt: i(), best: f(), bestF: i(), bestCls: i(), stamp: i(), tick: 0,
        total: f(), count: i(), titled: i(), headed: i(), dquality: i(), all: [] };
    }
    function giveScratch(w) {
      var j, d;
      for (j = 0; j < w.docs.length; j++) { d = w.docs[j]; w.score[d] = 0; w.cls[d] = 0; w.quality[d] = 0; w.cnt[d] = 0; }
      for (j = 0; j < w.all.length; j++) { d = w.all[j]; w.total[d] = 0; w.count[d] = 0; w.titled[d] = 0; w.headed[d] = 0; w.dquality[d] = 0; }
      w.docs = []; w.all = [];
      pool.push(w);
    }
    async function itemScores(M, q, it, N, m) {
      // Only the docs in the postings are visited: stamp marks those seen
      // for the current word (its best values are reset then), and the
      // previous item's docs are cleared first.
      var cnt = m.cnt, best = m.best, bestF = m.bestF, bestCls = m.bestCls, stamp = m.stamp, d, j;
      for (j = 0; j < m.docs.length; j++) { d = m.docs[j]; m.score[d] = 0; m.cls[d] = 0; m.quality[d] = 0; cnt[d] = 0; }
      m.docs = [];
      for (var wi = 0; wi < it.words.length; wi++) {
        var qw = it.words[wi], seen = [], tick = ++m.tick;
        for (var name of sortedNames(qw.factors)) {
          var f = qw.factors.get(name);
          if (it.phrase && f !== F_EXACT) continue;
          var p = await postings(M, q, qw.refs.get(name));
          var own = qw.caps && qw.caps.get(name), tidf = idfQ(N, await df(M, qw.refs.get(name)));
          var capped = own !== undefined && own !== null && own < tidf;
          for (var i = 0; i + 1 < p.length; i += 2) {
            d = p[i];
            if (d >= N) continue;
            if (stamp[d] !== tick) { stamp[d] = tick; best[d] = 0; bestF[d] = 0; bestCls[d] = 0; seen.push(d); }
            var v = p[i + 1] >> 2;
            if (capped) v = Math.max(1, Math.floor(v * own / tidf));
            if (v * f > best[d]) { best[d] = v * f; bestF[d] = f; }
            if ((p[i + 1] & 3) > bestCls[d]) bestCls[d] = p[i + 1] & 3;
          }
        }
        if (qw.title) {
          var tp = await postings(M, q, qw.title);
          for (var ti = 0; ti + 1 < tp.length; ti += 2) {
            d = tp[ti];
            if (d < N && stamp[d] === tick && best[d] > 0) best[d] += (tp[ti + 1] >> 2) * F_TITLE;
          }
        }
        for (j = 0; j < seen.length; j++) {
          d = seen[j];
          if (!best[d]) continue;
          m.score[d] += best[d];
          m.quality[d] += bestF[d];
          m.cls[d] = wi === 0 || !cnt[d] ? bestCls[d] : Math.min(m.cls[d], bestCls[d]);
          if (!cnt[d]) m.docs.push(d);
          cnt[d]++;
        }
      }
      for (j = 0; j < m.docs.length; j++) if (cnt[m.docs[j]] !== it.words.length) m.score[m.docs[j]] = 0;
      return m;
    }
    // score adds up the items' scores per doc, with the title and heading
    // bonuses, heading pairs and technical tokens (Go: score); docs lists
    // the docs that match any item.
    async function score(M, q, items, comps, N, work) {
      var total = work.total, count = work.count, titled = work.titled, headed = work.headed, quality = work.dquality;
      var docs = work.all, d, i, j;
      for (var it of items) {
        var sc = await itemScores(M, q, it, N, work);
        for (j = 0; j < sc.docs.length; j++) {
          d = sc.docs[j];
          if (sc.score[d] > 0) {
            if (!count[d]) docs.push(d);
            total[d] += sc.score[d]; count[d]++; quality[d] += sc.quality[d];
            if (sc.cls[d] === CLS_TITLE) titled[d]++;
            if (sc.cls[d] >= CLS_HEADING) headed[d]++;
          }
        }
      }
      if (items.length > 1) {
        for (j = 0; j < docs.length; j++) {
          d = docs[j];
          if (titled[d] === items.length) total[d] += Math.floor(total[d] / 2);
          else if (headed[d] === items.length) total[d] += Math.floor(total[d] / 4);
        }
      }
      function bonus(p, f) {
        for (var k = 0; k + 1 < p.length; k += 2) if (p[k] < N && total[p[k]] > 0) total[p[k]] += (p[k + 1] >> 2) * f;
      }
      for (i = 0; i + 1 < items.length; i++) {
        var a = items[i].words, b = items[i + 1].words;
        if (a.length !== 1 || b.length !== 1 || !a[0].exact.length || !b[0].exact.length) continue;
        var key = a[0].exact[0].name + ' ' + b[0].exact[0].name, k = await route(M, key);
        q.touch(k);
        var tj = (await shard(M, k)).terms.get(key);
        if (tj !== undefined) bonus(await postings(M, q, { k: k, i: tj, name: key }), F_PAIR);
      }
      for (var cw of comps) for (var t of cw.exact) bonus(await postings(M, q, t), F_EXACT);
      return { total: total, count: count, titled: titled, quality: quality, docs: docs };
    }
    async function docsAll(M, q, ws) {
      var sets = [];
      for (var w of ws) {
        var qw = await lookup(M, q, w);
        if (qw.stop) continue;
        var set = new Set();
        for (var t of qw.exact) {
          var p = await postings(M, q, t);
          for (var i = 0; i < p.length; i += 2) set.add(p[i]);
        }
        sets.push(set);
      }
      if (!sets.length) return [];
      return Array.from(sets[0]).filter(function (d) { return sets.every(function (s) { return s.has(d); }); });
    }
    // A product (kind 'p') or article type (kind 'y') by name or slug.
    function listIndex(M, kind, name) {
      var key = words(name).join('-'), ls = M[kind] || [];
      if (!key) return -1;
      for (var k = 0; k < ls.length; k++) {
        var pr = ls[k];
        if (pr.length === 3 && (words(pr[0]).join('-') === key || words(pr[1]).join('-') === key)) return k;
      }
      return -1;
    }
    function listDocs(M, kind, k) {
      var f = kind + k + '-' + M[kind][k][2] + '.js';
      if (!lists[f]) {
        lists[f] = get(f).catch(function () { return ''; }).then(function (s) {
          var nums = decodeNums(typeof s === 'string' ? s : ''), d = 0;
          for (var i = 0; i < nums.length; i++) { d += nums[i]; nums[i] = d; }
          return nums;
        });
      }
      return lists[f];
    }
    async function docSet(M, N, kind, name) {
      var set = new Uint8Array(N), k = listIndex(M, kind, String(name));
      if (k >= 0) (await listDocs(M, kind, k)).forEach(function (x) { if (x >= 0 && x < N) set[x] = 1; });
      return set;
    }
    // facets counts the matches of each product that are of the chosen
    // type, and of each type that are of the chosen product (Go facet.Count).
    async function facets(M, match, allowP, allowT) {
      var out = { products: [], types: [] };
      for (var [kind, key, allowed] of [['p', 'products', allowT], ['y', 'types', allowP]]) {
        var ls = M[kind] || [];
        for (var k = 0; k < ls.length; k++) {
          if (ls[k].length !== 3) continue;
          var n = 0;
          (await listDocs(M, kind, k)).forEach(function (x) { if (x >= 0 && x < match.length && match[x] && (!allowed || allowed[x])) n++; });
          out[key].push({ name: ls[k][0], slug: ls[k][1], count: n });
        }
      }
      return out;
    }
    function verify(r, items) {
      var fields = [r.i, r.t, r.m].concat(r.a || [], r.k || [], r.p || []).map(function (s) { return words(s || ''); });
      (r.x || []).forEach(function (s) { if (s.length === 3) { fields.push(words(s[1])); fields.push(words(s[2])); } });
      return items.every(function (it) {
        if (!it.phrase) return true;
        return fields.some(function (f) {
          for (var i = 0; i + it.phrase.length <= f.length; i++) {
            var j = 0;
            while (j < it.phrase.length && f[i + j] === it.phrase[j]) j++;
            if (j === it.phrase.length) return true;
          }
          return false;
        });
      });
    }
    async function highlightSet(M, q, items) {
      var hl = new Set(), exact = new Set();
      items.forEach(function (it) {
        it.words.forEach(function (qw) {
          if (qw.known) hl.add(qw.word);
          qw.extra.forEach(function (x) { hl.add(x); });
          qw.factors.forEach(function (f, name) { exact.add(name); });
        });
      });
      for (var k of q.touched.slice().sort(function (a, b) { return a - b; })) {
        var s = await shard(M, k);
        for (var i = 0; i < s.W.length; i++) {
          if (!hl.has(s.W[i]) && refNames(s, i).some(function (n) { return exact.has(n); })) hl.add(s.W[i]);
        }
      }
      return hl;
    }
    // Records never change once loaded, and the same ones are shown again
    // on every keystroke: split each of their texts once, into words
    // (every text, to pick the section) and tokens (the section shown).
    var wordCache = new WeakMap(), tokCache = new WeakMap();
    function recSplit(cache, split, r, text) {
      var m = cache.get(r);
      if (!m) cache.set(r, (m = new Map()));
      var ts = m.get(text);
      if (!ts) m.set(text, (ts = split(text)));
      return ts;
    }
    function cut(text, hl, ts) {
      var n = text.length, s = -1, i, j;
      for (i = 0; i < ts.length; i++) if (hl.has(ts[i].w)) { s = ts[i].s; break; }
      var start = 0;
      if (s > L.before) {
        start = s - L.before;
        j = start;
        while (j < s && text[j] !== ' ') j++;
        start = j < s ? j + 1 : s;
      }
      var end = start + L.len;
      if (end >= n) end = n;
      else {
        j = end;
        var lo = Math.max(s, start);
        while (j > lo && text[j] !== ' ') j--;
        if (j > lo) end = j;
        else { var c = text.charCodeAt(end - 1); if (c >= 0xd800 && c < 0xdc00) end--; }
      }
      return (start > 0 ? '…' : '') + text.slice(start, end) + (end < n ? '…' : '');
    }
    function excerpt(r, hl) {
      var matched = new Set(), distinct = new Set();
      // scan adds the highlighted words of text to matched and distinct.
      function scan(text) {
        var ws = recSplit(wordCache, words, r, text || '');
        for (var i = 0; i < ws.length; i++) if (hl.has(ws[i])) { matched.add(ws[i]); distinct.add(ws[i]); }
      }
      scan(r.t); scan(r.m);
      var best = -1, bestN = -1, x = r.x || [];
      for (var i = 0; i < x.length; i++) {
        if (x[i].length !== 3) continue;
        distinct.clear();
        scan(x[i][1]); scan(x[i][2]);
        if (distinct.size > bestN) { best = i; bestN = distinct.size; }
      }
      var section = '', heading = '', text = r.m || '';
      if (best >= 0) { section = x[best][0]; heading = section ? x[best][1] : ''; text = x[best][2] || x[best][1]; }
      return { section: section, heading: heading, excerpt: cut(text, hl, recSplit(tokCache, tokens, r, text)), matched: Array.from(matched).sort() };
    }

    async function search(text, o) {
      o = o || {};
      var M = await manifest(), N = M.n, resp = { results: [], suggestions: [], corrected: [], total: 0 }, corrected = [];
      text = String(text == null ? '' : text);
      var cps = 0, cutAt = text.length;
      for (var ci = 0, ch; ci < text.length; ci += ch.length) {
        ch = String.fromCodePoint(text.codePointAt(ci));
        if (cps++ >= L.query) { cutAt = ci; break; }
      }
      text = text.slice(0, cutAt);
      var limit = o.limit > 0 ? Math.min(o.limit, L.limit) : 10;
      var p = parse(text), touched = [];
      var q = { touched: touched, touch: function (k) { if (touched.indexOf(k) < 0) touched.push(k); }, all: !!o.complete, partial: false };
      var rs0 = await resolve(M, q, p);
      var items = [], seen = new Set(), i, w, qw, sg, d;
      for (i = 0; i < rs0.plain.length; i++) {
        w = rs0.plain[i];
        var isPrefix = rs0.typing && i === rs0.plain.length - 1;
        if (seen.has(w) && !isPrefix) continue;
        seen.add(w);
        // The word being typed will be expanded: its shards load while it is looked up.
        if (isPrefix && cpLen(w) >= 2) prefixShards(M, w);
        qw = await lookup(M, q, w);
        qw.prefix = isPrefix;
        if (qw.stop) continue;
        sg = '';
        await expand(M, q, qw, !o.exact);
        if (!qw.known && cpLen(w) >= 3 && (sg = await suggest(M, q, w, qw.wide))) resp.suggestions.push({ word: w, suggestion: sg });
        if (sg && onlyFuzzy(qw)) corrected.push({ word: w, suggestion: sg });
        items.push({ words: [qw], phrase: null });
      }
      for (var ph of p.phrases) {
        var it = { words: [], phrase: ph };
        for (w of ph) {
          qw = await lookup(M, q, w);
          if (qw.stop) continue;
          if (!qw.known && cpLen(w) >= 3 && (sg = await suggest(M, q, w, qw.wide))) resp.suggestions.push({ word: w, suggestion: sg });
          it.words.push(qw);
        }
        if (it.words.length) items.push(it);
      }
      items = items.slice(0, L.items);

      var allowP = o.product ? await docSet(M, N, 'p', o.product) : null;
      var allowT = o.type ? await docSet(M, N, 'y', o.type) : null;
      var excluded = new Uint8Array(N);
      for (w of rs0.negW) (await docsAll(M, q, [w])).forEach(function (x) { excluded[x] = 1; });
      for (ph of p.negP) (await docsAll(M, q, ph)).forEach(function (x) { excluded[x] = 1; });
      var kept = function (x) { return x < N && !excluded[x]; };
      var ok = function (x) { return kept(x) && (!allowP || allowP[x]) && (!allowT || allowT[x]); };

      var work = takeScratch(N), sc = await score(M, q, items, rs0.comps, N, work);
      var total = sc.total, count = sc.count, titled = sc.titled, quality = sc.quality;
      var cands = [], relaxed = false;
      if (items.length) {
        cands = sc.docs.filter(function (x) { return count[x] === items.length && ok(x); });
        if (!cands.length && items.length > 1) {
          relaxed = true;
          cands = sc.docs.filter(function (x) { return count[x] > 0 && ok(x); });
        }
      }
      var cmp = function (a, b) {
        return (relaxed ? count[b] - count[a] : 0) || total[b] - total[a] || titled[b] - titled[a] ||
          quality[b] - quality[a] || a - b;
      };
      // An article ID or alias typed alone goes first.
      var first = [], ids = [];
      var t = text.replace(/^[\t\n\v\f\r \u0085\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]+|[\t\n\v\f\r \u0085\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]+$/g, '');
      if (t && !SPACE.test(t) && t.indexOf('"') < 0 && t[0] !== '-') {
        var key = words(t).join('');
        if (key) {
          var k = await route(M, key);
          q.touch(k);
          ids = ((await shard(M, k)).I[key] || []).filter(kept).sort(function (a, b) { return a - b; });
          first = ids.filter(ok);
        }
      }
      var isFirst = new Set(first), dup = 0;
      if (first.length) cands.forEach(function (x) { if (isFirst.has(x)) dup++; });
      var all = cands.length;
      if (!relaxed && items.some(function (x) { return x.phrase; })) {
        var check = topK(cands, L.phraseCheck, cmp);
        var rs = await Promise.all(check.map(function (x) { return record(M, x); }));
        cands = check.filter(function (x, j) { return verify(rs[j], items); });
        all = cands.length;
        dup = cands.filter(function (x) { return isFirst.has(x); }).length;
      } else {
        cands = topK(cands, limit + first.length, cmp);
      }
      resp.total = all + first.length - dup;
      if (q.partial) resp.partial = true;
      cands = first.concat(cands.filter(function (x) { return !isFirst.has(x); })).slice(0, limit);
      if (cands.length) resp.corrected = corrected;
      // The records load while the highlighted words are worked out.
      var recsWait = Promise.all(cands.map(function (x) { return record(M, x); }));
      var hl = await highlightSet(M, q, items);
      var recsOut = await recsWait;
      resp.results = cands.map(function (x, j) {
        var r = recsOut[j], e = excerpt(r, hl);
        var res = { id: r.i, title: r.t, url: r.u, source: r.s, score: total[x] / SCALE, products: r.p || [] };
        if (r.y) res.type = r.y;
        if (r.d) res.derived = true;
        res.section = e.section; res.heading = e.heading; res.excerpt = e.excerpt; res.matched = e.matched;
        return res;
      });
      if (o.facets) {
        // The matches, ignoring the product and type filters (Go Filter.Matches).
        var match = new Uint8Array(N);
        if (items.length) sc.docs.forEach(function (x) { if (kept(x) && (count[x] === items.length || relaxed && count[x] > 0)) match[x] = 1; });
        ids.forEach(function (x) { match[x] = 1; });
        resp.facets = await facets(M, match, allowP, allowT);
      }
      giveScratch(work);
      return resp;
    }
    return { search: search, loaded: loaded, lang: lang };
  }

  // parseFile returns [name, data] of an index file's text (for node).
  function parseFile(text) {
    var i = text.indexOf('.push('), j = text.lastIndexOf(');');
    return JSON.parse(text.slice(i + 6, j));
  }

  // scriptLoader returns a load function that injects <script> tags for
  // rootUrl + 'search/' + file and resolves when the file registers itself.
  function scriptLoader(rootUrl) {
    var pending = {};
    var prev = root.KBSearchData;
    var reg = root.KBSearchData = {
      push: function () {
        for (var a = 0; a < arguments.length; a++) {
          var e = arguments[a], cb = pending[e[0]];
          if (cb) { delete pending[e[0]]; cb.resolve(e[1]); }
        }
      }
    };
    if (Array.isArray(prev)) reg.push.apply(reg, prev);
    return function (file) {
      return new Promise(function (resolve, reject) {
        var el = document.createElement('script');
        pending[file] = { resolve: function (d) { el.remove(); resolve(d); } };
        el.src = rootUrl + 'search/' + file;
        el.async = true;
        el.onerror = function () { delete pending[file]; el.remove(); reject(new Error('search: cannot load ' + file)); };
        document.head.appendChild(el);
      });
    };
  }

  var KBSearch = { create: create, scriptLoader: scriptLoader, parseFile: parseFile,
    words: words, tokens: tokens, fold: fold, parse: parse, compound: compound };
  if (typeof module === 'object' && module.exports) module.exports = KBSearch;
  else root.KBSearch = KBSearch;
})(typeof self !== 'undefined' ? self : this);
