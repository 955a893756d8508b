import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { createTempRepo } from '../helpers/repo.js';
import { analyzeStaged, batchWith, commitFiles, lines, stageFiles } from './staged-analysis.js';

const labels = (extra: string[]) =>
  lines(
    'export const labels = {',
    "  alpha: 'first kind',",
    "  beta: 'second kind',",
    ...extra,
    '};',
  );
const order = (extra: string[]) =>
  lines('export const order = [', "  'alpha',", "  'beta',", ...extra, '];');
const weight = (extra: string[]) =>
  lines('export const weight = {', '  alpha: 1,', '  beta: 2,', ...extra, '};');
const kinds = (extra: string[]) =>
  lines('export type Kind =', "  | 'alpha'", "  | 'beta'", ...extra, ';');
const guide = (word: string) => lines('# Guide', '', `Start the server with the ${word} command.`);

describe('identifier new to the change', () => {
  test('ties every hunk that uses it', () => {
    const repo = createTempRepo();
    try {
      commitFiles(repo, {
        'src/kinds.ts': kinds([]),
        'src/labels.ts': labels([]),
        'src/order.ts': order([]),
        'src/weight.ts': weight([]),
        'docs/guide.md': guide('run'),
      });
      stageFiles(repo, {
        'src/kinds.ts': kinds(["  | 'gadgetry'"]),
        'src/labels.ts': labels(["  gadgetry: 'a gadget kind',"]),
        'src/order.ts': order(["  'gadgetry',"]),
        'src/weight.ts': weight(['  gadgetry: 3,']),
        'docs/guide.md': guide('start'),
      });

      const batches = analyzeStaged(repo, 'balanced');

      const kindBatch = batchWith(batches, 'src/kinds.ts');
      assert.ok(kindBatch !== undefined);
      for (const path of ['src/labels.ts', 'src/order.ts', 'src/weight.ts']) {
        assert.equal(batchWith(batches, path)?.id, kindBatch.id, path);
      }
      assert.notEqual(batchWith(batches, 'docs/guide.md')?.id, kindBatch.id);
    } finally {
      repo.cleanup();
    }
  });
});
