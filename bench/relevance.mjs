// Search relevance on real corpora (make relevance): kbsite against Pagefind.
//
//   node bench/relevance.mjs --kbsite bin/kbsite --pagefind <pagefind binary> \
//     [--corpora ../shared/corpus] [--queries bench] [--out bench/out/relevance] \
//     [--build-flags "-warn-links"] [--write BENCHMARKS.md] [--verbose 1]
//
// For every corpus C with a query set bench/queries-C.tsv it builds
// corpora/C with kbsite, copies the built article pages with
// data-pagefind-body on their <article> (so Pagefind indexes the article,
// not the header, navigation or footer) and indexes the copy with Pagefind.
// Both sites are served on 127.0.0.1 and queried in headless Chromium, each
// with its own engine, top 10 results. A result is judged by the source
// file of its article (kbsite's search records map Pagefind's URLs back to
// sources), so the judgements do not depend on output URLs.
//
// A query set line is: kind <TAB> query <TAB> relevant source files,
// space separated ('#' starts a comment). Per kind and overall it reports
// MRR@10 (1/rank of the first relevant result in the top 10, else 0), R@1
// and R@5 (relevant files in the top k over min(k, relevant files)).
import fs from 'node:fs';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import { serve, kbsiteHarness, pagefindHarness, launchChromium } from './browser.mjs';

const args = { corpora: '../shared/corpus', queries: 'bench', out: 'bench/out/relevance', 'build-flags': '' };
for (let i = 2; i < process.argv.length; i += 2) args[process.argv[i].replace(/^--/, '')] = process.argv[i + 1];
if (!args.kbsite || !args.pagefind) { console.error('relevance: --kbsite and --pagefind are required'); process.exit(2); }

// readQueries parses a query set; a bad line is an error with its location.
function readQueries(file) {
  const out = [];
  fs.readFileSync(file, 'utf8').split('\n').forEach((line, i) => {
    if (!line.trim() || line.startsWith('#')) return;
    const f = line.split('\t');
    if (f.length !== 3 || !f[0] || !f[1] || !f[2].trim()) throw new Error(`${file}:${i + 1}: want kind<TAB>query<TAB>files`);
    out.push({ kind: f[0], q: f[1], rel: f[2].trim().split(/\s+/), line: i + 1 });
  });
  return out;
}

function walk(dir, f) {
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) walk(p, f); else f(p);
  }
}

// sources maps each article's URL to its source file, from kbsite's records.
function sources(site) {
  const m = new Map();
  walk(path.join(site, 'search'), (p) => {
    if (!/\/r\/[^/]+\.js$/.test(p)) return;
    const t = fs.readFileSync(p, 'utf8');
    const [, r] = JSON.parse(t.slice(t.indexOf('.push(') + 6, t.lastIndexOf(');')));
    m.set('/' + r.u, r.s);
  });
  return m;
}

// pagefindCopy copies the article pages of site with the article marked as
// Pagefind's body, and indexes the copy.
function pagefindCopy(site, dir) {
  fs.rmSync(dir, { recursive: true, force: true });
  let n = 0;
  walk(site, (p) => {
    if (!p.endsWith('.html')) return;
    const html = fs.readFileSync(p, 'utf8');
    if (!html.includes('<article class="kb-article"')) return;
    const to = path.join(dir, path.relative(site, p));
    fs.mkdirSync(path.dirname(to), { recursive: true });
    fs.writeFileSync(to, html.replace('<article class="kb-article"', '<article data-pagefind-body class="kb-article"'));
    n++;
  });
  execFileSync(args.pagefind, ['--site', dir], { stdio: ['ignore', 'ignore', 'inherit'] });
  return n;
}

async function run(browser, root, harness, qs) {
  const srv = await serve(path.resolve(root), harness);
  const ctx = await browser.newContext();
  try {
    const page = await ctx.newPage();
    page.setDefaultTimeout(60000);
    await page.goto(srv.url + '/__bench/harness.html');
    await page.waitForFunction(() => typeof window.bench === 'function');
    const out = [];
    for (const q of qs) out.push((await page.evaluate((t) => window.bench(t), q.q)).hits);
    return out;
  } finally {
    await ctx.close();
    srv.close();
  }
}

function judge(q, hits) {
  const rel = new Set(q.rel);
  const rank = hits.slice(0, 10).findIndex((h) => rel.has(h));
  const at = (k) => hits.slice(0, k).filter((h) => rel.has(h)).length / Math.min(k, rel.size);
  return { rr: rank < 0 ? 0 : 1 / (rank + 1), r1: at(1), r5: at(5) };
}

function summarise(qs, scores) {
  const by = new Map([['all', []]]);
  qs.forEach((q, i) => {
    if (!by.has(q.kind)) by.set(q.kind, []);
    by.get(q.kind).push(scores[i]);
    by.get('all').push(scores[i]);
  });
  const mean = (xs, k) => xs.reduce((a, x) => a + x[k], 0) / xs.length;
  const out = {};
  for (const [k, xs] of by) out[k] = { n: xs.length, mrr: mean(xs, 'rr'), r1: mean(xs, 'r1'), r5: mean(xs, 'r5') };
  return out;
}

const f2 = (x) => x.toFixed(2);

function table(name, docs, kb, pf) {
  const kinds = Object.keys(kb).filter((k) => k !== 'all').sort().concat('all');
  let t = `#### ${name} (${docs} articles)\n\n| kind | queries | kbsite MRR@10 | R@1 | R@5 | Pagefind MRR@10 | R@1 | R@5 |\n|---|---|---|---|---|---|---|---|\n`;
  for (const k of kinds) {
    const a = kb[k], b = pf[k], row = k === 'all' ? '**overall**' : k;
    t += `| ${row} | ${a.n} | ${f2(a.mrr)} | ${f2(a.r1)} | ${f2(a.r5)} | ${f2(b.mrr)} | ${f2(b.r1)} | ${f2(b.r5)} |\n`;
  }
  return t;
}

const START = '<!-- relevance:start -->', END = '<!-- relevance:end -->';

function write(file, text) {
  const md = fs.readFileSync(file, 'utf8');
  const i = md.indexOf(START), j = md.indexOf(END);
  if (i < 0 || j < i) throw new Error(`${file}: no ${START} ... ${END} section`);
  fs.writeFileSync(file, md.slice(0, i + START.length) + '\n' + text + md.slice(j));
}

const names = fs.readdirSync(args.queries).map((f) => /^queries-(.+)\.tsv$/.exec(f)).filter(Boolean).map((m) => m[1])
  .filter((n) => fs.existsSync(path.join(args.corpora, n))).sort();
if (!names.length) { console.error(`relevance: no bench/queries-<corpus>.tsv for a folder of ${args.corpora}`); process.exit(2); }
const pfVersion = execFileSync(args.pagefind, ['--version']).toString().trim();
const browser = await launchChromium();
let report = '';
const detail = {};
try {
  for (const name of names) {
    const qs = readQueries(path.join(args.queries, `queries-${name}.tsv`));
    const site = path.join(args.out, name, 'kbsite'), pfSite = path.join(args.out, name, 'pagefind');
    const flags = args['build-flags'].split(/\s+/).filter(Boolean);
    execFileSync(args.kbsite, ['build', '-q', ...flags, '-content', path.join(args.corpora, name), '-out', site], { stdio: 'inherit' });
    const docs = pagefindCopy(site, pfSite);
    const src = sources(site);
    const kbHits = await run(browser, site, kbsiteHarness(path.resolve(site)), qs);
    const pfHits = (await run(browser, pfSite, pagefindHarness(), qs)).map((hs) => hs.map((u) => src.get(u) || u));
    const kbScores = qs.map((q, i) => judge(q, kbHits[i])), pfScores = qs.map((q, i) => judge(q, pfHits[i]));
    report += table(name, docs, summarise(qs, kbScores), summarise(qs, pfScores)) + '\n';
    detail[name] = qs.map((q, i) => ({ ...q, kbsite: kbScores[i].rr, pagefind: pfScores[i].rr, kbTop: kbHits[i].slice(0, 3), pfTop: pfHits[i].slice(0, 3) }));
    if (args.verbose) {
      for (const d of detail[name]) {
        if (d.kbsite < 1 || d.pagefind < 1) console.error(`${name}:${d.line} ${d.kind} ${JSON.stringify(d.q)} kbsite ${f2(d.kbsite)} ${d.kbTop.join(' ')} | pagefind ${f2(d.pagefind)} ${d.pfTop.join(' ')}`);
      }
    }
  }
} finally {
  await browser.close();
}
report = `kbsite's engine and ${pfVersion.replace('pagefind ', 'Pagefind ')} (article body only), both in headless Chromium, top 10; query sets bench/queries-<corpus>.tsv.\n\n` + report;
fs.mkdirSync(args.out, { recursive: true });
fs.writeFileSync(path.join(args.out, 'relevance.json'), JSON.stringify(detail, null, 1));
console.log(report);
if (args.write) write(args.write, report);
