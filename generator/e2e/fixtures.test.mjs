// Fixture sites built by the Go wrapper: hostile content, where no
// injected script may ever run, and a right-to-left translation.

import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { WIDE, launchBrowser, load, screenshot, siteFiles, startServer, withPage } from './helpers.mjs';

const HOSTILE_SITE = process.env.KBSITE_E2E_HOSTILE_SITE;
const RTL_SITE = process.env.KBSITE_E2E_RTL_SITE;
const QUERIES = [
  '<img src=x onerror=window.__pwned=1>',
  '"><script>window.__pwned=1</script>',
  "javascript:window.__pwned=1",
  '</script><script>window.__pwned=1</script> pwned',
  '\u202Eevil\u202C',
];

let browser;
before(async () => { browser = await launchBrowser(); });
after(async () => { await browser?.close(); });

describe('hostile content', { skip: !HOSTILE_SITE && 'KBSITE_E2E_HOSTILE_SITE not set (run through go test ./generator/e2e)' }, () => {
  let server;
  before(async () => { server = await startServer(HOSTILE_SITE); });
  after(async () => { await server?.close(); });

  test('no page runs injected script', async () => {
    const pages = siteFiles(HOSTILE_SITE, (f) => f.endsWith('.html'));
    assert.ok(pages.length >= 10, `only ${pages.length} pages`);
    await withPage(browser, { viewport: WIDE }, async (page, p) => {
      for (const rel of pages) {
        const url = new URL(rel, server.base).href;
        if (rel === '404.html') p.expect(url);
        const refresh = readFileSync(join(HOSTILE_SITE, rel), 'utf8').match(/http-equiv="refresh" content="0; url=([^"]+)"/);
        if (refresh) {
          // A redirect page: follow it to the article.
          const target = new URL(refresh[1], url).href;
          await Promise.all([page.waitForURL(target, { waitUntil: 'load' }), page.goto(url)]);
        } else {
          // Sanitised hostile HTML leaves <img src="x">: a broken image, and
          // safe.
          p.expect(new URL('kb/x', server.base).href);
          await load(page, url, { images: false });
        }
        assert.equal(await page.evaluate(() => typeof window.__pwned), 'undefined', `script ran on ${rel}`);
      }
    });
  });

  test('no published file runs injected script', async () => {
    // The site was built a second time with files that would replace its
    // pages and search script; that build failed, so these are the files
    // of the first, each opened on its own.
    const files = siteFiles(HOSTILE_SITE, (f) => /[\\/]files[\\/].*\.(svg|txt|png|html)$/.test(f));
    assert.deepEqual(files, ['files/diagram.svg', 'files/notes.txt', 'files/pixel.png']);
    await withPage(browser, { viewport: WIDE }, async (page) => {
      for (const rel of files) {
        for (const base of [server.base, pathToFileURL(HOSTILE_SITE + '/').href]) {
          await page.goto(new URL(rel, base).href, { waitUntil: 'load' });
          assert.equal(await page.evaluate(() => typeof window.__pwned), 'undefined', `script ran in ${rel}`);
        }
      }
    });
  });

  for (const mode of ['http', 'file']) {
    test(`hostile queries and titles stay text (${mode})`, async () => {
      const base = mode === 'http' ? server.base : pathToFileURL(HOSTILE_SITE + '/').href;
      await withPage(browser, { viewport: WIDE }, async (page, p) => {
        p.expect(new URL('kb/x', base).href);
        await load(page, new URL('kb/kb666001.html', base).href, { images: false });
        const box = page.locator('#search-input');
        for (const q of QUERIES) {
          await box.fill('');
          await box.pressSequentially(q);
          await page.waitForFunction((want) => document.getElementById('search-popup')?.dataset.q === want, q);
        }
        // The hostile title is found and shown as text.
        await box.fill('');
        await box.pressSequentially('pwned');
        await page.waitForFunction(() => document.getElementById('search-popup')?.dataset.q === 'pwned');
        const text = await page.locator('#search-listbox').innerText();
        assert.match(text, /<\/script><script>window\.__pwned=1<\/script>/);
        for (const q of QUERIES) {
          await load(page, new URL('search.html?q=' + encodeURIComponent(q), base).href);
          await page.waitForFunction(() => document.getElementById('search-summary')?.textContent !== '');
        }
        assert.equal(await page.evaluate(() => typeof window.__pwned), 'undefined');
      });
    });
  }
});

describe('right-to-left', { skip: !RTL_SITE && 'KBSITE_E2E_RTL_SITE not set (run through go test ./generator/e2e)' }, () => {
  test('a Hebrew article renders mirrored', async () => {
    await withPage(browser, { viewport: WIDE }, async (page) => {
      await load(page, pathToFileURL(RTL_SITE + '/he/kb/kb307294.html').href);
      const layout = await page.evaluate(() => {
        const box = (sel) => document.querySelector(sel).getBoundingClientRect();
        return { dir: document.dir, toc: box('.toc').left, body: box('.article-main').left, title: box('.site-title').left, search: box('.search-form').left };
      });
      assert.equal(layout.dir, 'rtl');
      // "On this page" follows the text (right of it in English), so in
      // Hebrew it sits on the left.
      assert.ok(layout.toc < layout.body, `table of contents should be on the left: ${JSON.stringify(layout)}`);
      assert.ok(layout.title > layout.search, `site title should be on the right: ${JSON.stringify(layout)}`);
      await screenshot(page, 'rtl-article');
    });
  });
});
