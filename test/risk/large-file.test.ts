import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { createDefaultConfig } from '../../src/config/defaults.js';
import type { FootprintWithContent } from '../../src/footprint/types.js';
import { assessRisk } from '../../src/risk/assess.js';
import type { Finding } from '../../src/risk/types.js';
import { makeFootprint, type FileSpec } from '../helpers/footprint-builder.js';
import { addedFiles } from './staged-file.js';

const ANALYSIS = { mode: 'balanced' as const, batches: [], splitSuggested: true };
const LIMIT = 500 * 1024;

function largeFileMessages(input: FootprintWithContent): string[] {
  const report = assessRisk(input, ANALYSIS, {
    mode: 'balanced',
    config: createDefaultConfig(),
    skip: [],
  });
  return report.findings
    .filter((finding) => finding.rule === 'large-file')
    .map((finding) => finding.message);
}

describe('large-file messages', () => {
  test('fix names the unstage command', () => {
    const report = assessRisk(
      addedFiles([{ path: 'data/big dump.txt', text: 'x'.repeat(LIMIT + 1) }]),
      ANALYSIS,
      { mode: 'balanced', config: createDefaultConfig(), skip: [] },
    );
    const finding = report.findings.find((found) => found.rule === 'large-file');

    assert.match(
      finding?.fix ?? '',
      /unstage it with `git reset -q -- ':\/data\/big dump\.txt'`\)/,
    );
  });

  test('a byte over the limit shows bytes', () => {
    const text = 'x'.repeat(LIMIT);

    const messages = largeFileMessages(addedFiles([{ path: 'data/dump.txt', text: `${text}\n` }]));

    assert.deepEqual(messages, [
      `Staged blob is 500 KB (${LIMIT + 1} bytes), over the limit of 500 KB (${LIMIT} bytes)`,
    ]);
  });

  test('a size well over the limit is rounded', () => {
    const text = 'x'.repeat(2 * 1024 * 1024);

    const messages = largeFileMessages(addedFiles([{ path: 'data/dump.txt', text }]));

    assert.deepEqual(messages, [
      'Staged blob is 2.0 MB (2097152 bytes), over the limit of 500 KB (512000 bytes)',
    ]);
  });
});

function largeFileFindings(specs: FileSpec[]): Finding[] {
  const report = assessRisk(makeFootprint(specs), ANALYSIS, {
    mode: 'balanced',
    config: createDefaultConfig(),
    skip: [],
  });
  return report.findings.filter((finding) => finding.rule === 'large-file');
}

describe('large-file on tracked files', () => {
  const large = `${'1234567\n'.repeat(70_000)}`;

  test('edit of a file already large is info', () => {
    const [finding, ...rest] = largeFileFindings([
      { path: 'test/data/ids.csv', old: large, new: `${large}100001\n` },
    ]);

    assert.equal(rest.length, 0);
    assert.equal(finding?.severity, 'info');
    assert.match(finding?.message ?? '', /; it was 547 KB \(560000 bytes\) before this change$/);
    assert.match(finding?.fix ?? '', /already over the limit in HEAD/);
    assert.doesNotMatch(finding?.fix ?? '', /Keep the file out/);
  });

  test('edit of a tracked file does not block', () => {
    const report = assessRisk(
      makeFootprint([{ path: 'test/data/ids.csv', old: large, new: `${large}100001\n` }]),
      ANALYSIS,
      { mode: 'conservative', config: createDefaultConfig(), skip: [] },
    );

    assert.equal(report.blocked, false);
    assert.equal(report.score, 0);
  });

  test('file crossing the limit still blocks', () => {
    const [finding] = largeFileFindings([{ path: 'test/data/ids.csv', old: '1\n', new: large }]);

    assert.equal(finding?.severity, 'high');
    assert.match(finding?.fix ?? '', /Keep the file out/);
  });

  test('tracked file that grows past the limit again blocks', () => {
    const [finding] = largeFileFindings([
      { path: 'test/data/ids.csv', old: large, new: `${large}${'x'.repeat(600_000)}\n` },
    ]);

    assert.equal(finding?.severity, 'high');
  });

  test('added large file still blocks', () => {
    const [finding] = largeFileFindings([{ path: 'test/data/ids.csv', new: large }]);

    assert.equal(finding?.severity, 'high');
  });
});
