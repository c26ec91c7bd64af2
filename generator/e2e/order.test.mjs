// Previous and next follow the navigation tree, on the bundled site (a tree
// of products, where an article listed under several products has one
// place) and on the WSL docs (toc.yml): every page marks its own place in
// the tree with aria-current="page"; ordered by those places, the pages are
// the reading order, and each article's rel="prev" and rel="next" links are
// its neighbours in it. Pages are fetched and parsed in the browser, not
// rendered, so this covers every page quickly.

import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { assertNone, launchBrowser, siteDir, siteFiles, startServer, withPage } from './helpers.mjs';

const SITES = { bundled: siteDir(), wsl: process.env.KBSITE_E2E_WSL_SITE };

let browser;
const servers = {};
before(async () => {
  browser = await launchBrowser();
  for (const [name, dir] of Object.entries(SITES)) if (dir) servers[name] = await startServer(dir);
});
after(async () => {
  await browser?.close();
  for (const s of Object.values(servers)) await s.close();
});

/**
 * For each page (absolute URL): its tree (one per language), its place
 * (the index of its aria-current entry among the tree's links to this
 * site) and the pages its rel="prev" and rel="next" links name.
 */
function readPages(page, urls) {
  return page.evaluate(async (urls) => {
    const out = {};
    for (const url of urls) {
      const doc = new DOMParser().parseFromString(await (await fetch(url)).text(), 'text/html');
      const tree = doc.querySelector('nav.navtree');
      if (!tree) continue;
      const abs = (a) => a && new URL(a.getAttribute('href'), url).href;
      const entries = [...tree.querySelectorAll('a[href], [aria-current="page"]')]
        .filter((e) => e.hasAttribute('aria-current') || abs(e).startsWith(location.origin));
      const place = entries.findIndex((e) => e.getAttribute('aria-current') === 'page');
      out[url] = { tree: doc.documentElement.lang, place, prev: abs(doc.querySelector('a[rel="prev"]')), next: abs(doc.querySelector('a[rel="next"]')) };
    }
    return out;
  }, urls);
}

for (const name of Object.keys(SITES)) {
  describe(`previous and next on the ${name} site`, { skip: !SITES[name] && 'KBSITE_E2E_WSL_SITE not set (run through go test ./generator/e2e)' }, () => {
    test('follow the places in the tree', async () => {
      await withPage(browser, {}, async (page) => {
        const base = servers[name].base;
        await page.goto(base);
        const urls = siteFiles(SITES[name], (p) => p.endsWith('.html')).map((rel) => new URL(rel, base).href);
        const pages = await readPages(page, urls);
        const trees = new Map();
        for (const [url, p] of Object.entries(pages)) {
          if (p.place >= 0) trees.set(p.tree, [...(trees.get(p.tree) ?? []), url]);
        }
        assert.ok(trees.size > 0, 'no page has a place in a tree');
        const wrong = [];
        let linked = 0;
        for (const [lang, urls] of trees) {
          const order = urls.sort((a, b) => pages[a].place - pages[b].place);
          for (const [i, url] of order.entries()) {
            const p = pages[url];
            if (i > 0 && pages[order[i - 1]].place === p.place) wrong.push(`${url}: shares its place in the ${lang} tree with ${order[i - 1]}`);
            if (!p.prev && !p.next) continue; // not an article: no links of its own
            linked++;
            const want = { prev: order[i - 1] ?? null, next: order[i + 1] ?? null };
            for (const rel of ['prev', 'next']) {
              if (p[rel] !== want[rel]) wrong.push(`${url}: rel=${rel} is ${p[rel]}, the ${lang} tree says ${want[rel]}`);
            }
          }
        }
        assert.ok(linked >= 10, `only ${linked} pages have previous or next links`);
        assertNone(wrong, 'previous and next links that do not follow the tree');
      });
    });
  });
}
