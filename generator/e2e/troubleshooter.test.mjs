// Guided troubleshooters (templates/assets/troubleshooter.js), over http
// and file://: one step at a time, answers, the path so far, Back, Start
// over, browser Back and Forward, reload mid-path, deep links and search
// results that open a step; with JavaScript off and in print the page is a
// normal article. Over http axe runs in every state, and each state is
// photographed into test-artifacts/screenshots/troubleshooter-*.png.

import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { NARROW, assertNone, axeViolations, load, screenshot, setUp, withPage } from './helpers.mjs';

const SIGN_IN = 'kb/kb950100.html';
const FIREWALL = 'kb/kb950101.html';
const STEPS = 14; // steps of the sign-in troubleshooter
const SUPPORT = 'https://support.microsoft.com/contactus/';

let ctx;
before(async () => { ctx = await setUp(); });
after(async () => { await ctx?.close(); });

/** What the reader sees: the visible steps, the count, the path, focus. */
function state(page) {
  return page.evaluate(() => {
    const shown = (e) => e && getComputedStyle(e).display !== 'none' && e.getClientRects().length > 0;
    const bar = document.querySelector('.ts-bar');
    const nav = document.querySelector('.ts-path');
    return {
      hash: decodeURIComponent(location.hash),
      visible: [...document.querySelectorAll('.article-body h2')].filter(shown).map((h) => h.id),
      count: bar && shown(bar) ? document.querySelector('.ts-count').textContent : null,
      path: nav && shown(nav) ? [...nav.querySelectorAll('li')].map((li) => li.textContent.replace(/\s+/g, ' ').trim()) : [],
      focus: document.activeElement && document.activeElement.id,
      live: document.querySelector('.ts-bar [aria-live]')?.textContent || '',
      back: document.querySelector('.ts-back')?.disabled,
      restart: document.querySelector('.ts-restart')?.disabled,
    };
  });
}

/**
 * Waits until the URL has this fragment and, with the script running, the
 * step it ends in is the one shown (hashchange is handled after the URL
 * changes).
 */
async function waitHash(page, hash, { script = true } = {}) {
  await page.waitForFunction(([h, script]) => {
    if (decodeURIComponent(location.hash) !== h) return false;
    const cur = document.querySelector('.ts-current h2');
    return !script || (cur && cur.id === h.split('/').pop().replace(/^#/, ''));
  }, [hash, script]);
}

/** Clicks the answer with this text in the current step. */
async function answer(page, text, hash) {
  await page.locator('.ts-current .answers a', { hasText: text }).first().click();
  await waitHash(page, hash);
}

/** Loads url afresh, even when only its fragment differs from the page's. */
async function open(page, url) {
  await page.goto('about:blank');
  await load(page, url);
}

async function noViolations(page, what) {
  const found = (await axeViolations(page)).map((v) => `${v.rule} (${v.impact}): ${v.help}\n    ${v.nodes.join('\n    ')}`);
  assertNone(found, `axe violations (${what})`);
}

/**
 * Records a state over http: axe must pass, and it is photographed. (Over
 * file:// axe cannot read the stylesheets; the states are the same.)
 */
async function snap(page, mode, name) {
  if (mode !== 'http') return;
  await noViolations(page, name);
  await screenshot(page, 'troubleshooter-' + name);
}

for (const mode of ['http', 'file']) {
  describe(`troubleshooter over ${mode}`, () => {
    test('walk a path, Back, browser Back and Forward, the path links, Start over', async () => {
      await withPage(ctx.browser, {}, async (page) => {
        await load(page, ctx.url(mode, SIGN_IN));
        let s = await state(page);
        assert.deepEqual(s.visible, ['start'], 'only the first step shows');
        assert.equal(s.count, 'Step 1');
        assert.deepEqual(s.path, []);
        assert.equal(s.back, true, 'Back is disabled at the start');
        assert.equal(s.restart, true, 'Start over is disabled at the start');
        assert.equal(await page.locator('.ts-current .answers a').count(), 2);
        await snap(page, mode, 'start');

        await answer(page, 'No error code', '#start/passport-site');
        s = await state(page);
        assert.deepEqual(s.visible, ['passport-site']);
        assert.equal(s.count, 'Step 2');
        assert.equal(s.focus, 'passport-site', 'focus moves to the new step heading');
        assert.equal(s.live, 'Step 2: Check that .NET Passport recognizes your passport');
        assert.deepEqual(s.path, ['Does Windows Messenger show an error code? No error code']);

        await answer(page, 'No', '#start/passport-site/create-passport');
        s = await state(page);
        assert.deepEqual(s.visible, ['create-passport']);
        assert.equal(s.count, 'Step 3');
        assert.deepEqual(s.path, ['Does Windows Messenger show an error code? No error code', 'Does the .NET Passport site recognize your passport? No']);
        assert.equal(s.back, false);
        await snap(page, mode, 'mid-path');

        await page.locator('.ts-back').click();
        await waitHash(page, '#start/passport-site');
        assert.deepEqual((await state(page)).visible, ['passport-site'], 'Back returns to the previous step');
        assert.equal((await state(page)).focus, 'passport-site');

        await page.goBack();
        await waitHash(page, '#start/passport-site/create-passport');
        assert.deepEqual((await state(page)).visible, ['create-passport'], 'browser Back restores the step');
        await page.goForward();
        await waitHash(page, '#start/passport-site');
        assert.deepEqual((await state(page)).visible, ['passport-site'], 'browser Forward restores the step');

        await page.locator('.ts-path a').first().click();
        await waitHash(page, '#start');
        s = await state(page);
        assert.deepEqual(s.visible, ['start'], 'a path entry goes back to its step');
        assert.equal(s.count, 'Step 1');

        await answer(page, 'No error code', '#start/passport-site');
        await answer(page, 'Yes', '#start/passport-site/servers-busy');
        await page.locator('.ts-restart').click();
        await waitHash(page, '#start');
        s = await state(page);
        assert.deepEqual(s.visible, ['start'], 'Start over');
        assert.equal(s.focus, 'start');
      });
    });

    test('reload mid-path and a shared link restore the same place', async () => {
      await withPage(ctx.browser, {}, async (page) => {
        const path = '#start/passport-site/create-passport/sign-in-name';
        await load(page, ctx.url(mode, SIGN_IN) + path);
        const want = {
          visible: ['sign-in-name'], count: 'Step 4',
          path: ['Does Windows Messenger show an error code? No error code', 'Does the .NET Passport site recognize your passport? No', 'Can you sign in with the new .NET Passport? No'],
        };
        let s = await state(page);
        assert.deepEqual({ visible: s.visible, count: s.count, path: s.path }, want);
        await page.reload({ waitUntil: 'load' });
        s = await state(page);
        assert.deepEqual({ visible: s.visible, count: s.count, path: s.path }, want, 'reload keeps the place');
        assert.equal(s.hash, path);
      });
    });

    test('a deep link to one step opens it, with the shortest way there', async () => {
      await withPage(ctx.browser, {}, async (page) => {
        await load(page, ctx.url(mode, SIGN_IN) + '#reset-password');
        await waitHash(page, '#reset-password');
        const s = await state(page);
        assert.deepEqual(s.visible, ['reset-password']);
        assert.equal(s.count, 'Step 5');
        assert.equal(s.path.length, 4);
        await snap(page, mode, 'deep-link');
        await page.locator('.ts-back').click();
        await waitHash(page, '#start/passport-site/create-passport/sign-in-name');
        await answer(page, 'forgotten', '#start/passport-site/create-passport/sign-in-name/reset-password');

        // A path that no answers make stops where it goes wrong.
        await open(page, ctx.url(mode, SIGN_IN) + '#start/signed-in');
        await page.waitForFunction(() => document.querySelector('.ts-current'));
        assert.deepEqual((await state(page)).visible, ['start']);
      });
    });

    test('outcomes: resolved, and escalate with the support link', async () => {
      await withPage(ctx.browser, {}, async (page) => {
        await load(page, ctx.url(mode, SIGN_IN) + '#start/passport-site/create-passport');
        await answer(page, 'Yes', '#start/passport-site/create-passport/signed-in');
        let s = await state(page);
        assert.deepEqual(s.visible, ['signed-in']);
        assert.ok(await page.locator('.ts-current .callout-resolved').isVisible());
        assert.equal(s.restart, false);
        await snap(page, mode, 'resolved');

        await open(page, ctx.url(mode, SIGN_IN) + '#start/passport-site/servers-busy/email-verified/resend-verification');
        await answer(page, 'No', '#start/passport-site/servers-busy/email-verified/resend-verification/contact-support');
        s = await state(page);
        assert.deepEqual(s.visible, ['contact-support']);
        assert.equal(s.count, 'Step 6');
        assert.equal(await page.locator('.ts-current .callout-escalate .support-link a').getAttribute('href'), SUPPORT);
        await snap(page, mode, 'escalate');
      });
    });

    test('an answer that leads to another article leaves the page', async () => {
      await withPage(ctx.browser, {}, async (page) => {
        await load(page, ctx.url(mode, SIGN_IN) + '#start/error-code');
        await Promise.all([page.waitForEvent('load'), page.locator('.ts-current .answers a', { hasText: 'another code' }).click()]);
        assert.match(page.url(), /kb\/kb822498\.html#sign-in-error-codes$/);
      });
    });

    test('a search for a symptom lands on the step', async () => {
      await withPage(ctx.browser, {}, async (page) => {
        await load(page, ctx.url(mode, 'search.html?q=' + encodeURIComponent('Internet Gateway icon')));
        const hit = page.locator('.search-result', { has: page.locator(`a[href$="${FIREWALL}#upnp"]`) });
        await hit.waitFor();
        assert.equal((await hit.locator('.search-result-section').textContent()).trim(), 'Turn on UPnP in the router', 'the step title is shown');
        await Promise.all([page.waitForEvent('load'), hit.locator('h2 a').click()]);
        await waitHash(page, '#upnp');
        const s = await state(page);
        assert.deepEqual(s.visible, ['upnp']);
        assert.equal(s.count, 'Step 3');
      });
    });

    test('with JavaScript off, a normal article: every step in order, answers are links', async () => {
      await withPage(ctx.browser, { javaScriptEnabled: false }, async (page) => {
        await load(page, ctx.url(mode, SIGN_IN));
        const s = await state(page);
        assert.equal(s.visible.length, STEPS, 'every step shows');
        assert.equal(s.visible[0], 'start');
        assert.equal(s.count, null, 'no controls');
        assert.equal(await page.locator('.answers a', { hasText: 'No error code' }).getAttribute('href'), '#passport-site');
        await page.locator('.answers a', { hasText: 'No error code' }).click();
        await waitHash(page, '#passport-site', { script: false });
        assert.equal((await state(page)).visible.length, STEPS, 'an answer is an ordinary in-page link');
        if (mode === 'http') await screenshot(page, 'troubleshooter-no-js');
      });
      // axe needs script to run: check the same DOM with the troubleshooter
      // script answered by an empty file instead.
      await withPage(ctx.browser, {}, async (page) => {
        if (mode !== 'http') return;
        await page.route('**/assets/troubleshooter.*.js', (route) => route.fulfill({ status: 200, contentType: 'text/javascript', body: '' }));
        await load(page, ctx.url(mode, SIGN_IN));
        assert.equal((await state(page)).visible.length, STEPS);
        await noViolations(page, 'no-js');
      });
    });

    test('printed, every step shows and the controls do not', async () => {
      await withPage(ctx.browser, { media: 'print' }, async (page) => {
        await load(page, ctx.url(mode, SIGN_IN) + '#start/passport-site');
        const s = await state(page);
        assert.equal(s.visible.length, STEPS);
        assert.equal(s.count, null);
        await snap(page, mode, 'print');
      });
    });
  });
}

describe('troubleshooter looks', () => {
  test('dark, and at 360 px', async () => {
    await withPage(ctx.browser, { colorScheme: 'dark' }, async (page) => {
      await load(page, ctx.url('http', FIREWALL) + '#start/connection-type/upnp');
      assert.deepEqual((await state(page)).visible, ['upnp']);
      await snap(page, 'http', 'dark');
    });
    await withPage(ctx.browser, { viewport: NARROW }, async (page) => {
      await load(page, ctx.url('http', FIREWALL) + '#start/connection-type/upnp');
      const wide = await page.evaluate(() => document.documentElement.scrollWidth > window.innerWidth);
      assert.equal(wide, false, 'no sideways scrolling at 360 px');
      await snap(page, 'http', 'narrow');
    });
  });

  test('the home page lists the troubleshooters', async () => {
    await withPage(ctx.browser, {}, async (page) => {
      await load(page, ctx.url('http', 'index.html'));
      const titles = await page.locator('.troubleshooters li a').allTextContents();
      assert.deepEqual(titles, ['Windows Messenger sign-in troubleshooter', 'Windows Messenger firewall and NAT troubleshooter']);
      await snap(page, 'http', 'home');
    });
  });
});
