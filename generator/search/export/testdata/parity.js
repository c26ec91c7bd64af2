// Runs queries through templates/assets/search-engine.js on a built index.
// Usage: node parity.js ENGINE SITE_DIR CASES_JSON  (cases: [{lang,q,limit,product,type,exact,complete}])
'use strict';
const fs = require('fs');
const path = require('path');
const [engineFile, site, casesFile] = process.argv.slice(2);
const KBSearch = require(path.resolve(engineFile));
const cases = JSON.parse(fs.readFileSync(casesFile, 'utf8'));
const engines = {};
// The files the engine read, written to $PARITY_LOADED when set.
const loaded = [];
function engine(lang) {
  if (!engines[lang]) {
    engines[lang] = KBSearch.create({
      lang,
      load: (file) => { loaded.push(file); return KBSearch.parseFile(fs.readFileSync(path.join(site, 'search', file), 'utf8'))[1]; },
    });
  }
  return engines[lang];
}
(async () => {
  const out = [];
  for (const c of cases) {
    out.push(await engine(c.lang).search(c.q, { limit: c.limit, product: c.product, type: c.type, exact: c.exact, complete: c.complete, facets: true }));
  }
  if (process.env.PARITY_LOADED) fs.writeFileSync(process.env.PARITY_LOADED, loaded.join('\n'));
  process.stdout.write(JSON.stringify(out));
})().catch((e) => { console.error(e); process.exit(1); });
