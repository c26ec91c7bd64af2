// Valid HTML: the Nu HTML Checker (vnu.jar, from the vnu-jar package) finds
// no errors in any generated page. All pages go to one run of the checker,
// which is slow to start.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ROOT, assertNone, siteDir, siteFiles } from './helpers.mjs';

const VNU = join(ROOT, 'node_modules', 'vnu-jar', 'build', 'dist', 'vnu.jar');

function run(cmd, args) {
  return new Promise((ok, fail) => {
    const child = spawn(cmd, args, { stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => { stdout += d; });
    child.stderr.on('data', (d) => { stderr += d; });
    child.on('error', fail);
    child.on('close', (code) => ok({ code, stdout, stderr }));
  });
}

test('the Nu HTML Checker finds no errors in any page', async () => {
  assert.ok(existsSync(VNU), `${VNU} is missing: run npm ci`);
  const dir = siteDir();
  const pages = siteFiles(dir, (p) => p.endsWith('.html'));
  assert.ok(pages.length > 20, `only ${pages.length} pages`);
  // A page with a known error goes along, to prove the checker really checks.
  const canaryDir = mkdtempSync(join(tmpdir(), 'kbsite-vnu-'));
  const canary = join(canaryDir, 'canary.html');
  writeFileSync(canary, '<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>t</title></head><body><img src="x.png"></body></html>');
  let res;
  try {
    res = await run('java', ['-jar', VNU, '--errors-only', '--format', 'json', canary, ...pages.map((p) => join(dir, p))]);
  } finally {
    rmSync(canaryDir, { recursive: true, force: true });
  }
  // The JSON report goes to stderr; the exit code is 1 when there are errors.
  let report;
  try {
    report = JSON.parse(res.stderr || res.stdout);
  } catch {
    assert.fail(`vnu.jar exited ${res.code} without a JSON report:\n${res.stderr}\n${res.stdout}`);
  }
  const problems = report.messages.filter((m) => m.type !== 'info');
  const isCanary = (m) => (m.url || '').endsWith('/canary.html');
  assert.ok(problems.some((m) => isCanary(m) && /alt/.test(m.message)), `the checker missed the known error: ${JSON.stringify(report).slice(0, 500)}`);
  const errors = problems
    .filter((m) => !isCanary(m))
    .map((m) => `${m.url ? m.url.replace(/^file:/, '').replace(dir + '/', '') : '?'}:${m.lastLine ?? '?'}:${m.firstColumn ?? m.lastColumn ?? '?'}: ${m.type}${m.subType ? '/' + m.subType : ''}: ${m.message}${m.extract ? `\n    ${m.extract.replace(/\n/g, '⏎')}` : ''}`);
  assertNone(errors, `HTML errors in the ${pages.length} pages`);
});
