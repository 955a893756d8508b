import assert from 'node:assert/strict';
import { afterEach, describe, test } from 'node:test';

import { checkStagedFileCount, HEAP_BYTES_PER_FILE } from '../../src/pipeline/heap-budget.js';
import { createTempRepo, type TempRepo } from '../helpers/repo.js';

/** A heap limit of 64 MB with node 20 (old space plus the young generation): 8,192 files. */
const SMALL_HEAP = '--max-old-space-size=16';

let repo: TempRepo | undefined;

afterEach(() => {
  repo?.cleanup();
  repo = undefined;
});

/** Stages `count` new paths that share one blob, without writing them to the worktree. */
function stageManyPaths(created: TempRepo, count: number): void {
  const oid = created.git(['hash-object', '-w', '--stdin'], { input: 'x\n' }).trim();
  const lines: string[] = [];
  for (let index = 0; index < count; index++) lines.push(`100644 ${oid}\tpkg/f${index}.js`);
  created.git(['update-index', '--index-info'], { input: `${lines.join('\n')}\n` });
}

describe('staged file count against the heap', () => {
  test('count at the limit passes', () => {
    const heap = 1024 * 1024 * 1024;
    assert.equal(checkStagedFileCount(heap / HEAP_BYTES_PER_FILE, 'precommit', heap), null);
  });

  test('count over the limit names both', () => {
    const heap = 1024 * 1024 * 1024;
    const error = checkStagedFileCount(heap / HEAP_BYTES_PER_FILE + 1, 'precommit', heap);

    assert.equal(error?.exitsByFailClosed, true);
    assert.equal(error?.exitCode, 2);
    assert.match(error?.message ?? '', /has 131,073 staged files, more than the 131,072 /);
    assert.match(error?.message ?? '', /heap limit of 1024 MB/);
    assert.match(error?.message ?? '', /NODE_OPTIONS=--max-old-space-size=2048 git commit/);
  });

  test('other commands rerun themselves', () => {
    const heap = 1024 * 1024 * 1024;
    const error = checkStagedFileCount(heap / HEAP_BYTES_PER_FILE + 1, 'strategy', heap);

    assert.match(error?.message ?? '', /max-old-space-size=2048 footprint strategy \.\.\./);
  });

  test('precommit passes a change too large', () => {
    const created = createTempRepo();
    repo = created;
    stageManyPaths(created, 9000);

    const result = created.footprint(['precommit', '--color', 'never'], {
      env: { NODE_OPTIONS: SMALL_HEAP },
    });

    assert.equal(result.status, 0, result.stderr);
    assert.match(result.stderr, /The change has 9,000 staged files, more than the /);
    assert.match(result.stderr, /The commit goes ahead without checks\./);
    assert.doesNotMatch(result.stderr, /internal error|Crash report|FATAL/);
  });

  test('precommit with failClosed blocks it', () => {
    const created = createTempRepo();
    repo = created;
    created.write('footprint.config.json', '{ "failClosed": true }\n');
    stageManyPaths(created, 9000);

    const result = created.footprint(['precommit', '--color', 'never'], {
      env: { NODE_OPTIONS: SMALL_HEAP },
    });

    assert.equal(result.status, 1, result.stderr);
    assert.match(result.stderr, /The change has 9,000 staged files/);
    assert.match(result.stderr, /The commit is blocked because "failClosed" is true\./);
  });

  test('analyze stops on a change too large', () => {
    const created = createTempRepo();
    repo = created;
    stageManyPaths(created, 9000);

    const result = created.footprint(['analyze', '--color', 'never'], {
      env: { NODE_OPTIONS: SMALL_HEAP },
    });

    assert.equal(result.status, 2, result.stderr);
    assert.match(result.stderr, /The change has 9,000 staged files/);
  });
});
