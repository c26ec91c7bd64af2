// The pruned navigation tree of a large site (a generated 500-article KB,
// KBSITE_E2E_LARGE_SITE), over http and file://, with and without
// JavaScript: a page carries only the top level and its own product's
// window of articles, marked aria-current="page" in an open group; the
// "All N articles" link and the collapsed products lead to the product
// pages; previous and next follow the whole tree; the tree is a drawer on
// phones, and axe finds nothing.

import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { NARROW, WIDE, axeViolations, assertNone, launchBrowser, load, screenshot, siteURL, startServer, withPage } from './helpers.mjs';

const dir = process.env.KBSITE_E2E_LARGE_SITE;
const ARTICLE = 'kb/kb100000.html'; // in Windows messenger, 62 articles
const TOP = 16; // products

let ctx;
before(async () => {
  if (!dir) return;
  const server = await startServer(dir);
  const browser = await launchBrowser();
  ctx = { browser, server, url: (mode, rel) => siteURL(mode, { dir, server }, rel) };
});
after(async () => {
  await ctx?.browser.close();
  await ctx?.server.close();
});

const text = async (loc) => (await loc.textContent()).replace(/\s+/g, ' ').trim();

/** Checks the tree of an article page: pruned, the page current in its open group. */
async function assertPruned(page) {
  const links = await page.locator('.navtree a').count();
  assert.ok(links < 40, `a pruned tree has a few dozen links, not ${links}`);
  assert.equal(await page.locator('.navtree > ul > li').count(), TOP, 'the top level is whole');
  const cur = page.locator('.navtree a[aria-current="page"]');
  assert.equal(await cur.count(), 1, 'exactly one current page in the tree');
  assert.equal(await text(cur), await text(page.locator('h1').first()));
  const group = page.locator('.navtree details:has(a[aria-current="page"])');
  assert.equal(await group.count(), 1);
  assert.equal(await group.getAttribute('open'), '', 'the group holding the page is open');
  assert.equal(await page.locator('.navtree details').count(), 1, 'only the page\'s group is a <details>');
  return group;
}

for (const mode of ['http', 'file']) {
  describe(`pruned tree over ${mode}`, { skip: !dir && 'KBSITE_E2E_LARGE_SITE is not set' }, () => {
    for (const js of [true, false]) {
      test(`article → "All N articles" → a collapsed product, JavaScript ${js ? 'on' : 'off'}`, async () => {
        await withPage(ctx.browser, { viewport: WIDE, javaScriptEnabled: js }, async (page) => {
          await load(page, ctx.url(mode, ARTICLE));
          const group = await assertPruned(page);
          assert.equal(await text(group.locator('summary')), 'Windows messenger');
          assert.ok(await page.locator('.navtree a[aria-current="page"]').isVisible());
          if (js && mode === 'http') await screenshot(page, 'nav-pruned-wide');

          const next = page.locator('.prev-next a[rel="next"]');
          const nextTitle = (await text(next)).replace(/^Next /, '');
          await Promise.all([page.waitForEvent('load'), next.click()]);
          assert.equal(await text(page.locator('h1').first()), nextTitle, 'next follows the whole tree');
          await assertPruned(page);

          const all = page.locator('.navtree a.nav-more');
          assert.equal(await all.count(), 1);
          assert.equal(await text(all), 'All 62 articles in Windows messenger');
          await Promise.all([page.waitForEvent('load'), all.click()]);
          assert.equal(await text(page.locator('h1').first()), 'Windows messenger');
          assert.equal(await page.locator('main a[href^="../kb/"]').count() >= 62, true, 'the product page lists all its articles');
          assert.equal(await text(page.locator('.navtree a[aria-current="page"]')), 'Windows messenger');

          const other = page.locator('.navtree a.nav-section', { hasText: 'Hotmail' });
          await Promise.all([page.waitForEvent('load'), other.click()]);
          assert.equal(await text(page.locator('h1').first()), 'Hotmail');
          assert.equal(await page.locator('.navtree details[open] > summary', { hasText: 'Hotmail' }).count(), 1, 'the product opens in the tree');
        });
      });
    }

    test('phone: the pruned tree is a drawer behind "Contents"', async () => {
      await withPage(ctx.browser, { viewport: NARROW }, async (page) => {
        await load(page, ctx.url(mode, ARTICLE));
        assert.equal(await page.locator('.navtree').isVisible(), false, 'the tree is folded away on phones');
        await page.locator('.nav-toggle summary').click();
        const cur = page.locator('.navtree a[aria-current="page"]');
        await cur.scrollIntoViewIfNeeded();
        assert.ok(await cur.isVisible(), 'the drawer shows the current page');
        assert.ok(await page.locator('.navtree a.nav-more').isVisible());
        const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
        assert.ok(overflow <= 0, `sideways scrolling by ${overflow}px`);
        if (mode === 'http') {
          await screenshot(page, 'nav-pruned-phone');
          assertNone((await axeViolations(page)).map((v) => `${v.rule}: ${v.help} — ${v.nodes.join('; ')}`), 'axe violations with the drawer open');
        }
      });
    });

    test('axe: no violations on a pruned article', { skip: mode === 'file' && 'axe reads stylesheets over http' }, async () => {
      for (const colorScheme of ['light', 'dark']) {
        await withPage(ctx.browser, { viewport: WIDE, colorScheme }, async (page) => {
          await load(page, ctx.url(mode, ARTICLE));
          assertNone((await axeViolations(page)).map((v) => `${v.rule}: ${v.help} — ${v.nodes.join('; ')}`), `axe (${colorScheme})`);
        });
      }
    });
  });
}
