import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { createDefaultConfig } from '../../src/config/defaults.js';
import type { FootprintWithContent } from '../../src/footprint/types.js';
import { assessRisk } from '../../src/risk/assess.js';
import type { RiskReport } from '../../src/risk/types.js';
import { baitLine } from './bait-line.js';
import { fakeGithubToken, pemBegin } from './secret-parts.js';
import { addedFiles } from './staged-file.js';

const ANALYSIS = { mode: 'balanced' as const, batches: [], splitSuggested: true };

// Stops a hang such as catastrophic backtracking. bench/risk/hostile.ts measures speed.
const HANG_TIMEOUT_MS = 120_000;

function assess(input: FootprintWithContent): RiskReport {
  return assessRisk(input, ANALYSIS, { mode: 'balanced', config: createDefaultConfig(), skip: [] });
}

/** Returns each finding as its rule, with `:line` when it has one. */
function ruleLines(report: RiskReport): string[] {
  return report.findings.map((finding) =>
    finding.line === undefined ? finding.rule : `${finding.rule}:${finding.line}`,
  );
}

describe('risk rules on hostile input', () => {
  test('5 MB minified line of bait', { timeout: HANG_TIMEOUT_MS }, () => {
    const line = baitLine(5 * 1024 * 1024);
    const report = assess(addedFiles([{ path: 'dist/app.min.js', text: `${line}\n` }]));

    assert.deepEqual(ruleLines(report), ['large-file']);
  });

  test('secret inside a 10 MB line', { timeout: HANG_TIMEOUT_MS }, () => {
    const filler = 'var a=1;'.repeat(650_000);
    const text = `${filler}const t='${fakeGithubToken()}';${filler}\n`;
    const report = assess(addedFiles([{ path: 'dist/app.min.js', text }]));

    assert.deepEqual(ruleLines(report), ['large-file', 'provider-token:1']);
    assert.equal(report.blocked, true);
  });

  test('50 MB staged file', { timeout: HANG_TIMEOUT_MS }, () => {
    const line = 'const value = compute(alpha, beta) + gamma; // plain code line here\n';
    const text = line.repeat(Math.ceil((50 * 1024 * 1024) / line.length));
    const report = assess(addedFiles([{ path: 'src/huge.js', text }]));

    assert.deepEqual(ruleLines(report), ['large-file']);
  });

  test('150,000 secret lines are capped', () => {
    const alphabet = 'abcdefghijkmnopqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789';
    let seed = 7;
    const randomValue = (): string => {
      let value = '';
      for (let index = 0; index < 20; index++) {
        seed = (seed * 1103515245 + 12345) % 2147483648;
        value += alphabet[seed % alphabet.length];
      }
      return `${value}7`;
    };
    const lines = Array.from({ length: 150_000 }, () => `password = "${randomValue()}"`);
    const report = assess(
      addedFiles([{ path: 'config/passwords.ini', text: `${lines.join('\n')}\n` }]),
    );

    const generic = report.findings.filter((finding) => finding.rule === 'generic-secret');
    const listed = generic.filter((finding) => finding.line !== undefined);
    const summary = generic.filter((finding) => finding.line === undefined);
    assert.equal(listed.length, 100);
    assert.equal(listed[0]?.line, 1);
    assert.equal(summary.length, 1);
    const more = Number(/^(\d+) more generic-secret findings/.exec(summary[0]?.message ?? '')?.[1]);
    assert.ok(more > 149_000, `${more} more findings`);
    assert.equal(report.blocked, true);
  });

  test('long runs of one character', { timeout: HANG_TIMEOUT_MS }, () => {
    const runs = ['a', ' ', '=', ':', '/', '-', '_', '.', '"', '\\', '<', '@']
      .map((character) => character.repeat(200_000))
      .join('\n');
    const report = assess(addedFiles([{ path: 'src/runs.js', text: `${runs}\n` }]));

    assert.deepEqual(ruleLines(report), ['large-file']);
  });

  test('many key assignments', { timeout: HANG_TIMEOUT_MS }, () => {
    const text = `${'key=key='.repeat(500_000)}\n${'password = "'.repeat(300_000)}\n`;
    const report = assess(addedFiles([{ path: 'config/app.ini', text }]));

    assert.deepEqual(ruleLines(report), ['large-file']);
  });

  test('Secret manifest of long lines', { timeout: HANG_TIMEOUT_MS }, () => {
    const spaces = ' '.repeat(400_000);
    const braces = '{} #'.repeat(100_000);
    const text = [
      'kind: Secret',
      `a${spaces}b`,
      'data:',
      `  key${spaces}value`,
      `  flow: {${braces}`,
      `data: {${braces}`,
      '',
    ].join('\n');
    const report = assess(addedFiles([{ path: 'app/secret.yaml', text }]));

    assert.deepEqual(ruleLines(report), ['large-file']);
  });

  test('binary file content is not read', () => {
    const text = `${pemBegin()}\n${'MIIB'.repeat(20)}\n`;
    const input = addedFiles([
      { path: 'tools/blob.bin', text, change: { binary: true, category: 'other' } },
    ]);
    const report = assess(input);

    assert.deepEqual(
      report.findings.map((finding) => finding.rule),
      ['binary-file'],
    );
  });

  test('invalid UTF-8 decodes and scans', () => {
    const bytes = Buffer.concat([
      Buffer.from([0xff, 0xfe, 0xc3, 0x28, 0xa0, 0xa1, 0xe2, 0x28, 0xa1]),
      Buffer.from(` token='${fakeGithubToken()}'\n`),
    ]);
    const text = `${bytes.toString('utf8')}\ud800 lone surrogate\n`;
    const report = assess(addedFiles([{ path: 'src/weird.js', text }]));

    assert.deepEqual(
      report.findings.map((finding) => `${finding.rule}:${finding.line}`),
      ['provider-token:1'],
    );
  });
});
