// Browser search benchmark for kbbench (make bench-search).
//
//   node bench/search-bench.mjs --queries bench/queries.txt \
//     [--kbsite <built kbsite folder>] [--pagefind <Hugo public with pagefind/>] \
//     [--out result.json]
//
// Serves each site on 127.0.0.1 with a small static server that logs every
// response's size (raw, and gzip -6 as a server would send it, or raw when
// that is smaller), starts headless Debian Chromium with no driver attached
// (launchPlain: a DevTools session adds a cost to every request that a
// reader's browser does not pay), and types each query one keystroke at a
// time on a page of its own (a new engine; the server forbids caching, so
// the page starts with an empty cache). For every keystroke it measures,
// inside the page, the time from calling the engine to results ready (top
// 10 with title, URL and excerpt: kbsite's engine.search(), Pagefind's
// search() + data() of the top 10), and, from the server log between the
// page's marks, the bytes that keystroke fetched (BENCH_PATHS=1 in the
// environment adds the files to --out's keystrokes), and, from the page's
// resource timings, its round trips: the longest chain of requests each
// started after the previous one had ended, which is what a keystroke waits
// for on a network with a real round-trip time.
// The first keystroke's bytes include everything the page fetched after
// the harness page and its scripts (Pagefind's WebAssembly, for one).
import fs from 'node:fs';
import path from 'node:path';
import { serve, kbsiteHarness, pagefindHarness, launchPlain } from './browser.mjs';

const args = {};
for (let i = 2; i < process.argv.length; i += 2) args[process.argv[i].replace(/^--/, '')] = process.argv[i + 1];
if (!args.queries) { console.error('search-bench: --queries is required'); process.exit(2); }
const queries = fs.readFileSync(args.queries, 'utf8').split('\n').map((l) => l.trim()).filter((l) => l && !l.startsWith('#'));

function kind(site, p) {
  if (site === 'kbsite') {
    if (p.startsWith('/assets/')) return 'engine';
    if (p.endsWith('/manifest.js') || /\/m[0-9]+-[^/]*\.js$/.test(p)) return 'manifest';
    if (/\/s[0-9a-z]+-[^/]*\.js$/.test(p)) return 'shards';
    if (/\/t[0-9]+-[0-9]+-[^/]*\.js$/.test(p)) return 'tails';
    if (p.includes('/r/')) return 'records';
    if (/\/p[0-9a-z]+-[^/]*\.js$/.test(p)) return 'products';
    return 'other';
  }
  if (p.endsWith('.js')) return 'engine';
  if (p.includes('wasm')) return 'wasm';
  if (p.endsWith('.pf_meta') || p.endsWith('.json')) return 'manifest';
  if (p.endsWith('.pf_index')) return 'shards';
  if (p.endsWith('.pf_fragment')) return 'records';
  return 'other';
}

const q = (xs, p) => {
  if (!xs.length) return 0;
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.max(0, Math.ceil(p * s.length) - 1))];
};
// rounds is the longest chain of requests (start, end pairs) in which each
// starts after the one before it ended.
function rounds(es) {
  es = [...es].sort((a, b) => a[0] - b[0]);
  const depth = [];
  let most = 0;
  es.forEach((e, i) => {
    let d = 1;
    for (let j = 0; j < i; j++) if (es[j][1] <= e[0]) d = Math.max(d, depth[j] + 1);
    depth.push(d);
    most = Math.max(most, d);
  });
  return most;
}
const med = (xs) => {
  if (!xs.length) return 0;
  const s = [...xs].sort((a, b) => a - b), m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};

// driver is the script a plain browser's query page runs after the
// harness: it types query i one keystroke at a time, timing each in the
// page, marks the server log after each (GET /__bench/mark), posts the
// keystrokes, then opens the next query's page (a new page: a new engine,
// and no cache, as the server forbids it).
function driver(query, i, next) {
  return `<script>
(async function () {
  var sleep = function (ms) { return new Promise(function (r) { setTimeout(r, ms); }); };
  while (typeof window.bench !== 'function') await sleep(5);
  var q = ${JSON.stringify(query)}, keys = [];
  performance.clearResourceTimings();
  await fetch('/__bench/mark?q=${i}&k=0');
  for (var j = 1; j <= q.length; j++) {
    await sleep(20);
    var r = await window.bench(q.slice(0, j));
    r.timed = performance.getEntriesByType('resource').filter(function (e) { return e.startTime >= r.t0 && e.name.indexOf('/__bench/') < 0; })
      .map(function (e) { return [e.startTime, e.responseEnd]; });
    performance.clearResourceTimings();
    keys.push(r);
    await fetch('/__bench/mark?q=${i}&k=' + j);
  }
  await fetch('/__bench/result', { method: 'POST', body: JSON.stringify({ i: ${i}, keys: keys }) });
  location.href = ${JSON.stringify(next)};
})().catch(function (e) { fetch('/__bench/error', { method: 'POST', body: String(e && e.stack || e) }); });
</script>`;
}

// typeAll types every query in a plain Chromium (launchPlain), one page per
// query, and returns per query its keystrokes: the page's result and timed
// requests, and the server log entries between that keystroke's marks.
async function typeAll(site, root) {
  const harness = site === 'kbsite' ? kbsiteHarness(root) : pagefindHarness();
  const results = [];
  let finish, fail;
  const over = new Promise((resolve, reject) => { finish = resolve; fail = reject; });
  const body = (req) => new Promise((resolve) => { let b = ''; req.on('data', (c) => { b += c; }); req.on('end', () => resolve(b)); });
  const srv = await serve(root, (u, req, res) => {
    const page = u.pathname.match(/^\/__bench\/q\/([0-9]+)$/);
    if (page && +page[1] < queries.length) {
      const i = +page[1], next = i + 1 < queries.length ? `/__bench/q/${i + 1}` : '/__bench/done';
      res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8', 'Cache-Control': 'no-store' });
      // (An empty icon: the browser would otherwise ask for /favicon.ico.)
      res.end(harness.replace('<head>', '<head><link rel="icon" href="data:,">').replace('</body>', driver(queries[i], i, next) + '</body>'));
    } else if (u.pathname === '/__bench/mark') res.writeHead(204, { 'Cache-Control': 'no-store' }).end();
    else if (u.pathname === '/__bench/result') body(req).then((b) => { results.push(JSON.parse(b)); res.writeHead(204).end(); });
    else if (u.pathname === '/__bench/error') body(req).then((b) => { res.writeHead(204).end(); fail(new Error(`${site}: ${b}`)); });
    else if (u.pathname === '/__bench/done') { res.writeHead(200, { 'Content-Type': 'text/html' }).end('done'); finish(); }
    else return false;
    return true;
  }, { noStore: true });
  const browser = launchPlain(srv.url + '/__bench/q/0');
  const timer = setTimeout(() => fail(new Error(`${site}: timed out`)), 20 * 60 * 1000);
  try {
    await over;
  } finally {
    clearTimeout(timer);
    browser.kill();
    await browser.done;
    srv.close();
  }
  // Split the log by the marks: keystroke k of query i fetched what the
  // server sent between marks k-1 and k.
  const got = new Map();
  let cur = [];
  for (const e of srv.log) {
    const m = e.path.match(/^\/__bench\/mark\?q=([0-9]+)&k=([0-9]+)$/);
    if (m) got.set(`${m[1]}/${+m[2] + 1}`, (cur = []));
    else if (!e.path.startsWith('/__bench/')) cur.push(e);
  }
  results.sort((a, b) => a.i - b.i);
  return results.map((r) => r.keys.map((k, j) => ({ ...k, got: got.get(`${r.i}/${j + 1}`) || [] })));
}

async function benchSite(site, root) {
  root = path.resolve(root);
  const typed = await typeAll(site, root);
  if (typed.length !== queries.length) throw new Error(`${site}: ${typed.length} of ${queries.length} queries typed`);
  const first = { raw: [], gz: [] }, next = { raw: [], gz: [] }, whole = { raw: [], gz: [] };
  const lat = [], latFirst = [], latNext = [], trips = [], files = [];
  const firstKinds = {}, wholeKinds = {};
  let keystrokes = 0, empty = 0, notFound = 0;
  const perQuery = [];
  typed.forEach((ks, qi) => {
    const query = queries[qi];
    const qk = {};
    let qRaw = 0, qGz = 0, last = null;
    const keys = [];
    ks.forEach((r, j) => {
      const i = j + 1, text = query.slice(0, i);
      const rt = rounds(r.timed);
      trips.push(rt);
      let raw = 0, gz = 0;
      for (const e of r.got) {
        raw += e.raw; gz += e.gz;
        if (e.status === 404) notFound++;
        const k = kind(site, e.path);
        qk[k] = (qk[k] || 0) + e.gz;
        if (i === 1) firstKinds[k] = (firstKinds[k] || 0) + e.gz;
      }
      qRaw += raw; qGz += gz;
      files.push(r.got.length);
      keys.push({ text, ms: Math.round(r.ms * 10) / 10, gz, files: r.got.length, rounds: rt, paths: process.env.BENCH_PATHS ? r.got.map((e) => e.path) : undefined });
      keystrokes++;
      lat.push(r.ms);
      if (i === 1) { first.raw.push(raw); first.gz.push(gz); latFirst.push(r.ms); }
      else { next.raw.push(raw); next.gz.push(gz); latNext.push(r.ms); }
      last = r;
    });
    whole.raw.push(qRaw); whole.gz.push(qGz);
    for (const [k, v] of Object.entries(qk)) (wholeKinds[k] = wholeKinds[k] || []).push(v);
    if (!last.n) empty++;
    perQuery.push({ query, results: last.total, bytesGz: qGz, top: last.top[0] || '', keys });
  });
  const kindMed = {};
  for (const [k, v] of Object.entries(wholeKinds)) {
    while (v.length < queries.length) v.push(0);
    kindMed[k] = med(v);
  }
  for (const k of Object.keys(firstKinds)) firstKinds[k] = Math.round(firstKinds[k] / queries.length);
  return {
    queries: queries.length, keystrokes, emptyQueries: empty, notFound,
    firstRawMedian: med(first.raw), firstGzMedian: med(first.gz), firstGzMax: Math.max(...first.gz),
    nextRawMedian: med(next.raw), nextGzMedian: med(next.gz), nextGzP95: q(next.gz, 0.95), nextGzMax: Math.max(...next.gz),
    wholeRawMedian: med(whole.raw), wholeGzMedian: med(whole.gz), wholeGzMax: Math.max(...whole.gz),
    latMedian: med(lat), latP95: q(lat, 0.95),
    roundsMedian: med(trips), roundsP95: q(trips, 0.95), roundsMax: Math.max(...trips), filesP95: q(files, 0.95), latFirstMedian: med(latFirst), latNextMedian: med(latNext), latNextP95: q(latNext, 0.95),
    firstKindsGzMean: firstKinds, wholeKindsGzMedian: kindMed, perQuery,
  };
}

const out = {};
if (args.kbsite) out.kbsite = await benchSite('kbsite', args.kbsite);
if (args.pagefind) out.pagefind = await benchSite('pagefind', args.pagefind);
const text = JSON.stringify(out, null, 1);
if (args.out) fs.writeFileSync(args.out, text); else console.log(text);
