// The navigation tree from toc.yml, on the real WSL documentation
// (../shared/corpus/wsl, built here with --link-root), over http and
// file://: the tree opens to the current page, marked aria-current="page",
// breadcrumbs follow the tree, previous and next links follow its order,
// groups open without JavaScript, the tree is a drawer on phones, and axe
// finds nothing.

import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { NARROW, ROOT, WIDE, axeViolations, assertNone, launchBrowser, load, screenshot, siteURL, startServer, withPage } from './helpers.mjs';

const CORPUS = resolve(ROOT, '..', 'shared', 'corpus', 'wsl');
const present = existsSync(join(CORPUS, 'toc.yml'));
if (!present && process.env.KBSITE_REQUIRE_CORPUS) {
  throw new Error(`${CORPUS} is missing and KBSITE_REQUIRE_CORPUS is set`);
}

let ctx;
before(async () => {
  if (!present) return;
  const parent = mkdtempSync(join(tmpdir(), 'kbsite-e2e-wsl-'));
  const dir = join(parent, 'site');
  execFileSync('go', ['run', './generator/cmd/kbsite', 'build', '-q', '--warn-links', '--link-root', 'https://learn.microsoft.com/',
    '--content', CORPUS, '--out', dir], { cwd: ROOT, stdio: ['ignore', 'ignore', 'inherit'] });
  const server = await startServer(dir);
  const browser = await launchBrowser();
  ctx = {
    url: (mode, rel) => siteURL(mode, { dir, server }, rel),
    async close() {
      await browser.close();
      await server.close();
      rmSync(parent, { recursive: true, force: true });
    },
    browser,
  };
});
after(async () => { await ctx?.close(); });

const text = async (loc) => (await loc.textContent()).replace(/\s+/g, ' ').trim();

/** Opens the tree's group and follows its link named title. */
async function follow(page, group, title) {
  const details = page.locator('.navtree details', { has: page.locator('summary', { hasText: group }) }).first();
  if ((await details.getAttribute('open')) === null) await details.locator('summary').first().click();
  await Promise.all([page.waitForEvent('load'), details.getByRole('link', { name: title, exact: true }).click()]);
}

async function current(page) {
  const cur = page.locator('.navtree a[aria-current="page"]');
  assert.equal(await cur.count(), 1, 'exactly one current page in the tree');
  return text(cur);
}

for (const mode of ['http', 'file']) {
  describe(`WSL tree over ${mode}`, { skip: !present && 'no ../shared/corpus/wsl' }, () => {
    for (const js of [true, false]) {
      test(`home → Install WSL → next, JavaScript ${js ? 'on' : 'off'}`, async () => {
        await withPage(ctx.browser, { viewport: WIDE, javaScriptEnabled: js }, async (page) => {
          await load(page, ctx.url(mode, 'index.html'));
          assert.ok(await page.locator('nav.navtree[aria-label]').isVisible(), 'the tree shows beside the home page');
          assert.ok(await page.locator('.nav-sections h3', { hasText: 'Install' }).count() > 0, 'the home page lists the sections');
          await follow(page, 'Install', 'Install WSL');
          assert.equal(await text(page.locator('h1').first()), 'Install WSL');
          assert.equal(await current(page), 'Install WSL');
          const group = page.locator('.navtree details:has(a[aria-current="page"])');
          assert.equal(await group.getAttribute('open'), '', 'the group holding the page is open');
          assert.deepEqual(await page.locator('.breadcrumbs li').evaluateAll((ls) => ls.map((l) => l.textContent.trim())),
            ['Home', 'Install', 'Install WSL']);
          assert.equal(await page.locator('.breadcrumbs [aria-current="page"]').count(), 1);
          assert.match(await text(page.locator('.prev-next a[rel="prev"]')), /WSL Open Source code$/);
          const next = page.locator('.prev-next a[rel="next"]');
          assert.match(await text(next), /Manual install steps for older versions$/);
          await Promise.all([page.waitForEvent('load'), next.click()]);
          assert.equal(await current(page), 'Manual install steps for older versions');
          const ext = page.locator('.navtree a', { hasText: 'Install NodeJS on WSL' });
          assert.equal(await ext.getAttribute('href'), 'https://learn.microsoft.com/windows/dev-environment/javascript/nodejs-on-wsl');
          if (js && mode === 'http') await screenshot(page, 'nav-wsl-wide');
        });
      });
    }

    test('phone: the tree is a drawer behind "Contents"', async () => {
      await withPage(ctx.browser, { viewport: NARROW }, async (page) => {
        await load(page, ctx.url(mode, 'index.html'));
        await Promise.all([page.waitForEvent('load'), page.locator('.nav-sections a', { hasText: 'Install WSL' }).first().click()]);
        assert.equal(await page.locator('.navtree').isVisible(), false, 'the tree is folded away on phones');
        await page.locator('.nav-toggle summary').click();
        assert.ok(await page.locator('.navtree a[aria-current="page"]').isVisible(), 'the drawer shows the current page');
        const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
        assert.ok(overflow <= 0, `sideways scrolling by ${overflow}px`);
        if (mode === 'http') {
          await screenshot(page, 'nav-wsl-phone');
          assertNone((await axeViolations(page)).map((v) => `${v.rule}: ${v.help} — ${v.nodes.join('; ')}`), 'axe violations with the drawer open');
        }
      });
    });

    test('axe: no violations on the home page and an article', { skip: mode === 'file' && 'axe reads stylesheets over http' }, async () => {
      for (const colorScheme of ['light', 'dark']) {
        await withPage(ctx.browser, { viewport: WIDE, colorScheme }, async (page) => {
          await load(page, ctx.url(mode, 'index.html'));
          assertNone((await axeViolations(page)).map((v) => `${v.rule}: ${v.help} — ${v.nodes.join('; ')}`), `axe on the home page (${colorScheme})`);
          await follow(page, 'Install', 'Install WSL');
          assertNone((await axeViolations(page)).map((v) => `${v.rule}: ${v.help} — ${v.nodes.join('; ')}`), `axe on Install WSL (${colorScheme})`);
        });
      }
    });
  });
}
