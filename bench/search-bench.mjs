// Browser search benchmark for kbbench (make bench-search).
//
//   node bench/search-bench.mjs --queries bench/queries.txt \
//     [--kbsite <built kbsite folder>] [--pagefind <Hugo public with pagefind/>] \
//     [--out result.json]
//
// Serves each site on 127.0.0.1 with a small static server that logs every
// response's size (raw, and gzip -6 as a server would send it, or raw when
// that is smaller), opens headless Debian Chromium (playwright-core), and
// types each query one keystroke at a time on a fresh page (new context:
// empty cache). For every keystroke it measures, inside the page, the time
// from calling the engine to results ready (top 10 with title, URL and
// excerpt: kbsite's engine.search(), Pagefind's search() + data() of the
// top 10), and, from the server log, the bytes that keystroke fetched
// (BENCH_PATHS=1 in the environment adds the files to --out's keystrokes),
// and, from the page's resource timings, its round trips: the longest chain
// of requests each started after the previous one had ended, which is what
// a keystroke waits for on a network with a real round-trip time.
// The first keystroke's bytes include everything the page fetched after
// the harness HTML: the engine script (and Pagefind's WebAssembly).
import fs from 'node:fs';
import path from 'node:path';
import { serve, kbsiteHarness, pagefindHarness, launchChromium } from './browser.mjs';

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

async function benchSite(browser, site, root) {
  root = path.resolve(root);
  const harness = site === 'kbsite' ? kbsiteHarness(root) : pagefindHarness();
  const srv = await serve(root, harness);
  const first = { raw: [], gz: [] }, next = { raw: [], gz: [] }, whole = { raw: [], gz: [] };
  const lat = [], latFirst = [], latNext = [], trips = [], files = [];
  const firstKinds = {}, wholeKinds = {};
  let keystrokes = 0, empty = 0, notFound = 0;
  const perQuery = [];
  try {
    for (const query of queries) {
      const ctx = await browser.newContext();
      const page = await ctx.newPage();
      page.setDefaultTimeout(60000);
      await page.goto(srv.url + '/__bench/harness.html');
      await page.waitForFunction(() => typeof window.bench === 'function');
      let mark = srv.log.length;
      const qk = {};
      let qRaw = 0, qGz = 0, last = null;
      const keys = [];
      for (let i = 1; i <= query.length; i++) {
        const text = query.slice(0, i);
        const r = await page.evaluate((t) => window.bench(t), text);
        const timed = await page.evaluate((t0) => {
          const es = performance.getEntriesByType('resource').filter((e) => e.startTime >= t0 && !e.name.includes('/__bench/'));
          performance.clearResourceTimings();
          return es.map((e) => [e.startTime, e.responseEnd]);
        }, r.t0);
        const rt = rounds(timed);
        trips.push(rt);
        const got = srv.log.slice(mark).filter((e) => !e.path.startsWith('/__bench/'));
        mark = srv.log.length;
        let raw = 0, gz = 0;
        for (const e of got) {
          raw += e.raw; gz += e.gz;
          if (e.status === 404) notFound++;
          const k = kind(site, e.path);
          qk[k] = (qk[k] || 0) + e.gz;
          if (i === 1) firstKinds[k] = (firstKinds[k] || 0) + e.gz;
        }
        qRaw += raw; qGz += gz;
        files.push(got.length);
        keys.push({ text, ms: Math.round(r.ms * 10) / 10, gz, files: got.length, rounds: rt, paths: process.env.BENCH_PATHS ? got.map((e) => e.path) : undefined });
        keystrokes++;
        lat.push(r.ms);
        if (i === 1) { first.raw.push(raw); first.gz.push(gz); latFirst.push(r.ms); }
        else { next.raw.push(raw); next.gz.push(gz); latNext.push(r.ms); }
        last = r;
      }
      whole.raw.push(qRaw); whole.gz.push(qGz);
      for (const [k, v] of Object.entries(qk)) (wholeKinds[k] = wholeKinds[k] || []).push(v);
      if (!last.n) empty++;
      perQuery.push({ query, results: last.total, bytesGz: qGz, top: last.top[0] || '', keys });
      await ctx.close();
    }
  } finally {
    srv.close();
  }
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

const browser = await launchChromium();
const out = {};
try {
  if (args.kbsite) out.kbsite = await benchSite(browser, 'kbsite', args.kbsite);
  if (args.pagefind) out.pagefind = await benchSite(browser, 'pagefind', args.pagefind);
} finally {
  await browser.close();
}
const text = JSON.stringify(out, null, 1);
if (args.out) fs.writeFileSync(args.out, text); else console.log(text);
