import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, test } from 'node:test';
import { findDuplicateKeys, type DuplicateKey } from '../../src/strategy/duplicate-keys.js';
import { runCli } from '../cli/cli-io.js';
import type { TempRepo } from '../helpers/repo.js';
import { createStrategyRepo } from '../helpers/strategy-repo.js';

const cases: Array<{ name: string; text: string; expected: DuplicateKey[] }> = [
  { name: 'unique keys', text: '{"a": 1, "b": {"a": 2}}', expected: [] },
  {
    name: 'top-level key twice',
    text: '{\n"a": 1,\n"a": 2\n}',
    expected: [{ segments: [], key: 'a', lines: [2, 3], columns: [1, 1] }],
  },
  {
    name: 'key inside an array item',
    text: '{"batches": [{"id": "x"},\n{"id": "y",\n"id": "z"}]}',
    expected: [{ segments: ['batches', '1'], key: 'id', lines: [2, 3], columns: [2, 1] }],
  },
  {
    name: 'escaped key equals plain key',
    text: '{"ab": 1, "a\\u0062": 2}',
    expected: [{ segments: [], key: 'ab', lines: [1, 1], columns: [2, 11] }],
  },
  {
    name: 'braces and commas in strings',
    text: '{"a": "{\\"a\\": 1, ", "b": ["}", ","], "c": 3}',
    expected: [],
  },
  {
    name: 'key three times',
    text: '{"k": 1,\n"k": 2,\n"k": 3}',
    expected: [{ segments: [], key: 'k', lines: [1, 2, 3], columns: [2, 1, 1] }],
  },
];

describe('findDuplicateKeys', () => {
  for (const { name, text, expected } of cases) {
    test(name, () => {
      assert.deepEqual(findDuplicateKeys(text), expected);
    });
  }
});

describe('duplicate keys in a strategy file', () => {
  let repo: TempRepo;
  let strategyFile: string;

  beforeEach(async () => {
    const body = (middle: string) => ['a', middle, ...'cdefghijkl'].join('\n');
    ({ repo, strategyFile } = await createStrategyRepo(
      { 'notes.txt': `${body('b')}\nm\n` },
      { 'notes.txt': `${body('B')}\nM\n` },
    ));
  });

  afterEach(() => {
    repo.cleanup();
  });

  /** Writes the strategy with two `hunks` keys, in place of its own, in the change of notes.txt. */
  function addSecondHunksKey(): void {
    const strategy = JSON.parse(readFileSync(strategyFile, 'utf8')) as {
      batches: Array<{ changes: Array<{ path: string; hunks?: unknown }> }>;
    };
    for (const change of strategy.batches.flatMap((batch) => batch.changes)) delete change.hunks;
    const text = JSON.stringify(strategy, null, 2);
    const first = '{"oldStart": 2, "oldLines": 1, "newStart": 2, "newLines": 1}';
    const second = '{"oldStart": 13, "oldLines": 1, "newStart": 13, "newLines": 1}';
    const edited = text.replace(
      '"path": "notes.txt"',
      `"path": "notes.txt",\n"hunks": [${first}],\n"hunks": [${second}]`,
    );
    assert.notEqual(edited, text);
    writeFileSync(strategyFile, edited);
  }

  test('validate names the batch and path', async () => {
    addSecondHunksKey();

    const result = await runCli(repo.dir, 'validate', '--json', '--strategy', strategyFile);

    assert.equal(result.code, 1, result.stderr);
    const { problems } = JSON.parse(result.stdout) as { problems: Array<Record<string, string>> };
    assert.equal(problems.length, 1, result.stdout);
    assert.equal(problems[0]?.code, 'duplicate-key');
    assert.equal(problems[0]?.batch, 'b1');
    assert.equal(problems[0]?.path, 'notes.txt');
    assert.match(problems[0]?.message ?? '', /has the key "hunks" twice in \/batches\/0 \(batch/);
    assert.match(problems[0]?.message ?? '', /it ignores the value on line \d+\. Keep one "hunks"/);
  });

  test('validate gives columns on one line', async () => {
    const strategy = JSON.parse(readFileSync(strategyFile, 'utf8')) as Record<string, unknown>;
    const text = JSON.stringify(strategy);
    writeFileSync(strategyFile, text.replace('"mode":', '"mode": "balanced", "mode":'));

    const result = await runCli(repo.dir, 'validate', '--json', '--strategy', strategyFile);

    assert.equal(result.code, 1, result.stderr);
    const { problems } = JSON.parse(result.stdout) as { problems: Array<Record<string, string>> };
    const problem = problems.find((entry) => entry.code === 'duplicate-key');
    assert.match(
      problem?.message ?? '',
      /"mode" twice in the top level, on line 1, columns \d+ and \d+\./,
    );
    assert.match(problem?.message ?? '', /it ignores the value on line 1, column \d+\. Keep one/);
  });

  test('commit makes no commit', async () => {
    addSecondHunksKey();
    const head = repo.git(['rev-parse', 'HEAD']);

    const result = await runCli(repo.dir, 'commit', '--yes', '--strategy', strategyFile);

    assert.equal(result.code, 1, result.stderr);
    assert.match(result.stderr, /duplicate-key {2}.* has the key "hunks" twice/);
    assert.equal(repo.git(['rev-parse', 'HEAD']), head);
  });
});
