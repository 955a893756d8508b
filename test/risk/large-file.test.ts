import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { createDefaultConfig } from '../../src/config/defaults.js';
import type { FootprintWithContent } from '../../src/footprint/types.js';
import { assessRisk } from '../../src/risk/assess.js';
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
  test('a byte over the limit is told in bytes', () => {
    const text = 'x'.repeat(LIMIT);

    const messages = largeFileMessages(addedFiles([{ path: 'data/dump.txt', text: `${text}\n` }]));

    assert.deepEqual(messages, [
      `Staged blob is ${LIMIT + 1} bytes, over the limit of ${LIMIT} bytes (500 KB)`,
    ]);
  });

  test('a size well over the limit is rounded', () => {
    const text = 'x'.repeat(2 * 1024 * 1024);

    const messages = largeFileMessages(addedFiles([{ path: 'data/dump.txt', text }]));

    assert.deepEqual(messages, ['Staged blob is 2.0 MB, over the 500 KB limit']);
  });
});
