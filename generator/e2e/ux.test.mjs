// Reading comfort: code blocks with a language label and a copy button (over
// http with the Clipboard API, over file:// through the execCommand
// fallback), "On this page" following the reader and folded on a phone, a
// one-row header on a phone with working search and menu buttons (with and
// without JavaScript), the footer at the bottom of short pages, the
// favicon, axe on the new states, and screenshots at 390 and 1280 px.

import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { PAGES, PHONE, WIDE, assertNone, axeViolations, load, screenshot, setUp, withPage } from './helpers.mjs';

/** An article with code blocks (one of them `cmd`) and a table of contents. */
const CODE_PAGE = 'kb/kb310221.html';

let ctx;
before(async () => { ctx = await setUp(); });
after(async () => { await ctx?.close(); });

/** The text the system clipboard holds, read from an http page allowed to. */
async function clipboardText(context) {
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: ctx.server.origin });
  const reader = await context.newPage();
  try {
    await reader.goto(ctx.url('http', PAGES.home));
    return await reader.evaluate(() => navigator.clipboard.readText());
  } finally {
    await reader.close();
  }
}

/** Clicks the first copy button and returns what its status says. */
async function copyFirstBlock(page) {
  const block = page.locator('.code-block').first();
  await block.locator('button.code-copy').click();
  const status = block.locator('.code-status[role="status"]');
  await assert.doesNotReject(status.filter({ hasText: /\S/ }).waitFor());
  return { status: (await status.textContent()).trim(), code: await block.locator('pre code').textContent() };
}

describe('code blocks', () => {
  test('carry a language label from the fence, rendered without JavaScript', async () => {
    await withPage(ctx.browser, { javaScriptEnabled: false }, async (page) => {
      await load(page, ctx.url('http', CODE_PAGE));
      const labels = await page.locator('.code-block .code-lang').allTextContents();
      assert.ok(labels.includes('Command Prompt'), `labels: ${JSON.stringify(labels)}`);
      assert.equal(await page.locator('button').count(), 0, 'a button shows without JavaScript, where it cannot work');
    });
  });

  test('over http: the copy button puts the code in the clipboard and says so', async () => {
    await withPage(ctx.browser, {}, async (page, p) => {
      await p.context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: ctx.server.origin });
      await load(page, ctx.url('http', CODE_PAGE));
      const blocks = await page.locator('.code-block').count();
      assert.equal(await page.locator('.code-block button.code-copy').count(), blocks, 'every code block has a copy button');
      const { status, code } = await copyFirstBlock(page);
      assert.equal(status, 'Copied');
      assert.equal(await page.evaluate(() => navigator.clipboard.readText()), code);
    });
  });

  test('over file://, where the Clipboard API is refused, the fallback copies', async () => {
    await withPage(ctx.browser, {}, async (page, p) => {
      // Refuse the async API as a browser does on file:// without permission,
      // and count the fallback's execCommand calls.
      await page.addInitScript(() => {
        window.__execCopies = 0;
        const exec = document.execCommand.bind(document);
        document.execCommand = (cmd, ...rest) => {
          if (cmd === 'copy') window.__execCopies++;
          return exec(cmd, ...rest);
        };
        if (navigator.clipboard) {
          navigator.clipboard.writeText = () => Promise.reject(new DOMException('refused', 'NotAllowedError'));
        }
      });
      await load(page, ctx.url('file', CODE_PAGE));
      const { status, code } = await copyFirstBlock(page);
      assert.equal(status, 'Copied');
      assert.equal(await page.evaluate(() => window.__execCopies), 1, 'the execCommand fallback did not run');
      assert.equal(await page.evaluate(() => document.querySelectorAll('textarea').length), 0, 'the fallback textarea was left behind');
      assert.equal(await clipboardText(p.context), code);
    });
  });

  test('a copy that fails says "Copy failed"', async () => {
    await withPage(ctx.browser, {}, async (page) => {
      await page.addInitScript(() => {
        document.execCommand = () => false;
        if (navigator.clipboard) navigator.clipboard.writeText = () => Promise.reject(new Error('refused'));
      });
      await load(page, ctx.url('file', CODE_PAGE));
      assert.equal((await copyFirstBlock(page)).status, 'Copy failed');
    });
  });

  test('long lines scroll inside the block at 390 px, not the page', async () => {
    await withPage(ctx.browser, { viewport: PHONE }, async (page) => {
      await load(page, ctx.url('http', CODE_PAGE));
      const r = await page.evaluate(() => ({
        page: document.scrollingElement.scrollWidth,
        vw: window.innerWidth,
        pre: [...document.querySelectorAll('.code-block pre')].map((p) => [getComputedStyle(p).overflowX, p.getBoundingClientRect().right]),
      }));
      assert.ok(r.pre.length >= 3, `only ${r.pre.length} code blocks`);
      assert.ok(r.page <= r.vw, `the page scrolls sideways: ${r.page} > ${r.vw}`);
      for (const [overflow, right] of r.pre) {
        assert.equal(overflow, 'auto');
        assert.ok(right <= r.vw, `a code block sticks out: right edge ${right}`);
      }
    });
  });
});

describe('"On this page"', () => {
  test('marks the link of the section scrolled to with aria-current', async () => {
    await withPage(ctx.browser, {}, async (page) => {
      await load(page, ctx.url('http', PAGES.article));
      const hrefs = await page.locator('nav.toc a').evaluateAll((as) => as.map((a) => a.getAttribute('href')));
      assert.ok(hrefs.length >= 4, `only ${hrefs.length} TOC links`);
      const current = () => page.locator('nav.toc a[aria-current="true"]').evaluateAll((as) => as.map((a) => a.getAttribute('href')));
      assert.deepEqual(await current(), [hrefs[0]], 'the first section is current at the top');
      for (const href of [hrefs[3], hrefs[1]]) {
        await page.evaluate((id) => window.scrollTo(0, document.getElementById(id).getBoundingClientRect().top + window.scrollY - 10), href.slice(1));
        await page.waitForFunction((h) => document.querySelector('nav.toc a[aria-current="true"]')?.getAttribute('href') === h, href)
          .catch(async (err) => assert.fail(`${href} is not current after scrolling to it, ${JSON.stringify(await current())} is (${err.message})`));
        assert.deepEqual(await current(), [href], 'exactly one link is current');
      }
    });
  });

  test('is a sidebar list right of the text at 1280 px and a closed disclosure after the title at 390 px', async () => {
    for (const [viewport, open] of [[WIDE, true], [PHONE, false]]) {
      await withPage(ctx.browser, { viewport }, async (page) => {
        await load(page, ctx.url('http', PAGES.article));
        const s = await page.evaluate(() => {
          const d = document.querySelector('nav.toc details');
          const title = document.getElementById('article-title').getBoundingClientRect();
          const toc = document.querySelector('nav.toc').getBoundingClientRect();
          const text = document.querySelector('.article-main').getBoundingClientRect();
          return { open: d.open, listShown: d.querySelector('ol').checkVisibility(), afterTitle: toc.top >= title.bottom, height: toc.height,
            rightOfText: toc.left >= text.right };
        });
        // A sidebar on the right of the text, as on Learn, Material and Docusaurus.
        assert.equal(s.rightOfText, open, `${viewport.width} px: list right of the text`);
        assert.equal(s.open, open, `${viewport.width} px: details open`);
        assert.equal(s.listShown, open, `${viewport.width} px: list shown`);
        assert.ok(s.afterTitle, 'the list comes after the title');
        if (!open) {
          assert.ok(s.height < 60, `the folded list takes ${s.height} px`);
          await page.locator('nav.toc summary').click();
          assert.ok(await page.locator('nav.toc ol a').first().isVisible(), 'the list does not unfold');
        }
      });
    }
  });
});

describe('header on a phone', () => {
  test('is one row under 64 px, and "Applies to" stays on one line', async () => {
    await withPage(ctx.browser, { viewport: PHONE }, async (page) => {
      for (const rel of [PAGES.home, PAGES.article]) {
        await load(page, ctx.url('http', rel));
        const h = await page.locator('.site-header').evaluate((el) => el.getBoundingClientRect().height);
        assert.ok(h < 64, `${rel}: the header is ${h} px high`);
      }
      const dt = await page.locator('.article-meta dt').evaluateAll((dts) => dts.map((d) => {
        const r = document.createRange();
        r.selectNodeContents(d);
        return [d.textContent, new Set([...r.getClientRects()].map((c) => Math.round(c.top))).size];
      }));
      for (const [text, lines] of dt) assert.equal(lines, 1, `"${text}" wraps over ${lines} lines`);
    });
  });

  for (const javaScriptEnabled of [true, false]) {
    test(`the menu and search buttons reveal the navigation and the box (JavaScript ${javaScriptEnabled ? 'on' : 'off'})`, async () => {
      await withPage(ctx.browser, { viewport: PHONE, javaScriptEnabled }, async (page) => {
        await load(page, ctx.url('http', PAGES.article));
        const nav = page.locator('.site-nav a').first();
        const input = page.locator('#search-input');
        assert.equal(await nav.isVisible(), false, 'the navigation shows before the menu is opened');
        assert.equal(await input.isVisible(), false, 'the search box shows before it is asked for');
        await page.locator('.menu-toggle summary').click();
        assert.ok(await nav.isVisible(), 'the menu does not open');
        assert.ok(await page.locator('.lang-switcher a').first().isVisible(), 'the languages are not in the menu');
        await page.locator('.search-toggle summary').click();
        assert.ok(await input.isVisible(), 'the search button does not show the box');
        if (javaScriptEnabled) {
          await page.waitForFunction(() => document.activeElement?.id === 'search-input');
        }
      });
    });
  }

  test('"/" opens the folded search box and focuses it', async () => {
    await withPage(ctx.browser, { viewport: PHONE }, async (page) => {
      await load(page, ctx.url('http', PAGES.article));
      assert.equal(await page.locator('#search-input').isVisible(), false, 'the box is not folded');
      await page.keyboard.press('/');
      await page.waitForFunction(() => document.activeElement?.id === 'search-input');
      assert.ok(await page.locator('#search-input').isVisible());
    });
  });
});

describe('page frame', () => {
  for (const viewport of [WIDE, PHONE]) {
    test(`the footer sits at the bottom of a short page at ${viewport.width} px`, async () => {
      await withPage(ctx.browser, { viewport: { width: viewport.width, height: 1600 } }, async (page) => {
        for (const rel of [PAGES.notFound, 'kb/kb828109.html']) {
          await load(page, ctx.url('http', rel));
          const r = await page.evaluate(() => ({
            bottom: document.querySelector('.site-footer').getBoundingClientRect().bottom,
            vh: window.innerHeight,
            doc: document.scrollingElement.scrollHeight,
          }));
          if (r.doc > r.vh) continue; // not short at this width
          assert.ok(Math.abs(r.bottom - r.vh) < 1, `${rel}: the footer ends at ${r.bottom}, the window at ${r.vh}`);
        }
      });
    });
  }

  test('every page links an SVG favicon that loads', async () => {
    await withPage(ctx.browser, {}, async (page) => {
      for (const rel of [PAGES.home, PAGES.article]) {
        await load(page, ctx.url('http', rel));
        const href = await page.locator('link[rel="icon"]').getAttribute('href');
        assert.match(href, /favicon\.[0-9a-f]+\.svg$/);
        const res = await page.request.get(new URL(href, page.url()).href);
        assert.equal(res.status(), 200);
        assert.match(await res.text(), /^<svg /);
      }
    });
  });
});

describe('axe and screenshots', () => {
  for (const colorScheme of ['light', 'dark']) {
    for (const viewport of [PHONE, WIDE]) {
      test(`axe: home and article, menus open (${colorScheme}, ${viewport.width} px)`, async () => {
        await withPage(ctx.browser, { viewport, colorScheme }, async (page) => {
          const found = [];
          for (const [kind, rel] of [['home', PAGES.home], ['article', CODE_PAGE], ['article', PAGES.article]]) {
            await load(page, ctx.url('http', rel));
            const shot = `ux-${kind}-${viewport.width}${colorScheme === 'dark' ? '-dark' : ''}`;
            if (rel !== PAGES.article) await screenshot(page, shot);
            const states = [['as loaded', async () => {}]];
            if (viewport === PHONE) {
              states.push(['menu, search and TOC open', async () => {
                await page.evaluate(() => document.querySelectorAll('details').forEach((d) => { d.open = true; }));
              }]);
            }
            for (const [state, setUp] of states) {
              await setUp();
              for (const v of await axeViolations(page)) {
                found.push(`${rel} (${state}): ${v.rule} (${v.impact}): ${v.help}\n    ${v.nodes.join('\n    ')}`);
              }
            }
            if (viewport === PHONE && rel !== PAGES.article) await screenshot(page, shot + '-open', { fullPage: false });
          }
          assertNone(found, `axe violations (${colorScheme}, ${viewport.width} px)`);
        });
      });
    }
  }
});
