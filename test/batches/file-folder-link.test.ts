import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { Mode } from '../../src/batches/types.js';
import { SCENARIOS } from '../commit/file-folder-fixtures.js';
import { createTempRepo } from '../helpers/repo.js';
import { analyzeStaged, batchWith } from './staged-analysis.js';

const MODES: Mode[] = ['conservative', 'balanced', 'aggressive'];

describe('a file and the files under the same path as a folder', () => {
  for (const scenario of SCENARIOS) {
    for (const mode of MODES) {
      test(`${scenario.name}: one ${mode} batch`, () => {
        const repo = createTempRepo();
        try {
          scenario.stage(repo);

          const batches = analyzeStaged(repo, mode);

          const first = batchWith(batches, scenario.together[0]);
          assert.ok(first !== undefined, `no batch takes ${scenario.together[0]}`);
          for (const path of scenario.together) {
            assert.equal(batchWith(batches, path)?.id, first.id, `${path} is in another batch`);
          }
          assert.ok(
            first.rationale.includes('replace it as a folder'),
            `rationale: ${first.rationale}`,
          );
        } finally {
          repo.cleanup();
        }
      });
    }
  }
});
