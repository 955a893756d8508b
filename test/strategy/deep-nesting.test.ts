import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, test } from 'node:test';

import { findDuplicateKeys } from '../../src/strategy/duplicate-keys.js';
import { findExcessNesting } from '../../src/strategy/nesting-depth.js';
import { MAX_STRATEGY_DEPTH } from '../../src/strategy/read-file.js';
import { footprintBin, gitTestEnv, type TempRepo } from '../helpers/repo.js';
import { createStrategyRepo } from '../helpers/strategy-repo.js';

/** Depth of the deep test files: 400 KB of brackets, which took minutes at a quadratic cost. */
const DEPTH = 200_000;

/** Time after which the test counts a run as hung. A linear scan takes under 1 s. */
const RUN_TIMEOUT_MS = 30_000;

const nestedArrays = (depth: number) => `${'['.repeat(depth)}${']'.repeat(depth)}\n`;

describe('deeply nested strategy file', () => {
  let repo: TempRepo;
  let deepFile: string;

  beforeEach(async () => {
    ({ repo } = await createStrategyRepo(
      { 'notes.txt': 'a\nb\n' },
      { 'notes.txt': 'a\nB\n', 'src/x.js': 'export const x = 1;\n' },
    ));
    deepFile = path.join(repo.dir, 'deep.json');
  });

  afterEach(() => {
    repo.cleanup();
  });

  /** Runs the built CLI, killing it when it runs longer than RUN_TIMEOUT_MS. */
  function runBounded(args: string[]) {
    return spawnSync(process.execPath, [footprintBin, ...args], {
      cwd: repo.dir,
      env: gitTestEnv(),
      encoding: 'utf8',
      timeout: RUN_TIMEOUT_MS,
      killSignal: 'SIGKILL',
    });
  }

  const depthMessage = (line: number, column: number) =>
    `${deepFile} nests arrays and objects more than ${MAX_STRATEGY_DEPTH} levels deep at line ` +
    `${line}, column ${column}. footprint reads at most ${MAX_STRATEGY_DEPTH} levels, and a ` +
    'strategy needs 7. Remove the extra brackets, or move the file away and write the ' +
    `strategy again with \`footprint strategy --output ${deepFile}\`.`;

  test('validate rejects nested arrays', () => {
    writeFileSync(deepFile, nestedArrays(DEPTH));

    const result = runBounded(['validate', '--strategy', deepFile]);

    assert.equal(result.signal, null, 'validate was killed after running too long');
    assert.equal(result.status, 1, result.stderr);
    assert.equal(
      result.stdout,
      `✖ ${deepFile} is invalid: 1 problem.\n` +
        `  nesting-depth  ${depthMessage(1, MAX_STRATEGY_DEPTH + 1)}\n`,
    );
  });

  test('validate rejects nested objects', () => {
    writeFileSync(deepFile, `{"batches":\n${'{"a":'.repeat(DEPTH)}1${'}'.repeat(DEPTH)}}\n`);

    const result = runBounded(['validate', '--json', '--strategy', deepFile]);

    assert.equal(result.signal, null, 'validate was killed after running too long');
    assert.equal(result.status, 1, result.stderr);
    const { problems } = JSON.parse(result.stdout) as { problems: Array<Record<string, string>> };
    assert.equal(problems.length, 1);
    assert.equal(problems[0]?.code, 'nesting-depth');
    assert.match(problems[0]?.message ?? '', /more than 64 levels deep at line 2, column 316\./);
  });

  test('validate reads nesting at the limit', () => {
    writeFileSync(deepFile, nestedArrays(MAX_STRATEGY_DEPTH));

    const result = runBounded(['validate', '--strategy', deepFile]);

    assert.equal(result.status, 1, result.stderr);
    assert.match(result.stdout, /schema {2}The strategy does not match its schema: \/: must be/);
  });

  test('commit rejects nested arrays', () => {
    writeFileSync(deepFile, nestedArrays(DEPTH));
    const head = repo.git(['rev-parse', 'HEAD']);

    const result = runBounded(['commit', '--yes', '--strategy', deepFile]);

    assert.equal(result.signal, null, 'commit was killed after running too long');
    assert.equal(result.status, 1, result.stderr);
    assert.match(result.stderr, /nests arrays and objects more than 64 levels deep at line 1,/);
    assert.equal(repo.git(['rev-parse', 'HEAD']), head);
  });
});

describe('findExcessNesting', () => {
  test('skips brackets in strings', () => {
    assert.equal(findExcessNesting('[["[[[", "\\"[["]]', 2), undefined);
  });

  test('names the first deep bracket', () => {
    assert.deepEqual(findExcessNesting('{"a":\n [[1], [[2]]]}', 3), { line: 2, column: 9 });
  });
});

describe('findDuplicateKeys in deep objects', () => {
  test('names the path of a deep duplicate', () => {
    const depth = 50_000;
    const text = `${'{"a":'.repeat(depth)}{"k":1,"k":2}${'}'.repeat(depth)}`;

    const found = findDuplicateKeys(text);

    assert.equal(found.length, 1);
    assert.equal(found[0]?.segments.length, depth);
    assert.deepEqual(found[0]?.lines, [1, 1]);
  });
});
