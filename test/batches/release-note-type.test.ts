import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Batch } from '../../src/batches/types.js';
import { createTempRepo, type TempRepo } from '../helpers/repo.js';
import {
  analyzeStaged,
  batchWith,
  commitFiles,
  lines,
  pathsOf,
  stageFiles,
} from './staged-analysis.js';

const manifest = (version: string) =>
  lines('{', '  "name": "shop",', `  "dependencies": { "left-pad": "${version}" }`, '}');

// A changeset describes the batch's other files, so they decide its type.
describe('dependency bump with a changeset', () => {
  let repo: TempRepo;
  let batch: Batch | undefined;

  before(() => {
    repo = createTempRepo();
    commitFiles(repo, { 'package.json': manifest('1.2.0') });
    stageFiles(repo, {
      'package.json': manifest('1.3.0'),
      '.changeset/brave-cats-sing.md': lines('---', "'shop': patch", '---', '', 'Bump left-pad'),
    });
    batch = batchWith(analyzeStaged(repo, 'conservative'), 'package.json');
  });
  after(() => repo.cleanup());

  test('holds the changeset', () => {
    assert.deepEqual(pathsOf(batch), ['.changeset/brave-cats-sing.md', 'package.json']);
  });

  test('stays a dependency bump', () => {
    assert.equal(batch?.message, 'chore(deps): bump left-pad to 1.3.0');
  });
});
