import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { createTempRepo } from '../helpers/repo.js';
import { analyzeStaged, batchWith, commitFiles, lines, stageFiles } from './staged-analysis.js';

/** Files in `count` packages of one module each, keyed by path. */
function modules(count: number, extra: string[]): Record<string, string> {
  const files: Record<string, string> = {};
  for (let index = 0; index < count; index += 1) {
    const name = `unit${index}`;
    files[`packages/p${index % 7}/src/${name}.ts`] = lines(
      `export function ${name}(value: number): number {`,
      `  return value + ${index};`,
      '}',
      ...extra,
    );
  }
  return files;
}

const guide = (word: string) => lines('# Guide', '', `Start the server with the ${word} command.`);

describe('mass edit', () => {
  for (const mode of ['conservative', 'balanced', 'aggressive'] as const) {
    test(`one batch in ${mode} mode`, () => {
      const repo = createTempRepo();
      try {
        commitFiles(repo, { ...modules(40, []), 'docs/guide.md': guide('run') });
        stageFiles(repo, {
          ...modules(40, ['', '// Reviewed for the 2027 license terms.']),
          'docs/guide.md': guide('start'),
        });

        const batches = analyzeStaged(repo, mode);

        const first = batchWith(batches, 'packages/p0/src/unit0.ts');
        assert.ok(first !== undefined);
        assert.equal(first.changes.length, 40);
        assert.notEqual(batchWith(batches, 'docs/guide.md')?.id, first.id);
      } finally {
        repo.cleanup();
      }
    });
  }

  test('identical new files share a batch', () => {
    const repo = createTempRepo();
    try {
      commitFiles(repo, { seed: 'x\n' });
      const copies: Record<string, string> = {};
      for (let index = 0; index < 10; index += 1) {
        copies[`new/x/n${index}.txt`] = lines('line one', 'line two');
      }
      stageFiles(repo, copies);

      const batches = analyzeStaged(repo);

      assert.equal(batches.length, 1);
      assert.equal(batches[0]?.changes.length, 10);
    } finally {
      repo.cleanup();
    }
  });
});
