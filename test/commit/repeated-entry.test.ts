import assert from 'node:assert/strict';
import { afterEach, test } from 'node:test';

import { createTempRepo, type TempRepo } from '../helpers/repo.js';
import { batch, hunksOf, planStrategy, writeStrategy } from './commit-fixtures.js';

let repo: TempRepo | undefined;
afterEach(() => repo?.cleanup());

/** Returns forty numbered lines, with the lines in `changes` replaced. */
function numbered(changes: Record<number, string> = {}): string {
  return Array.from({ length: 40 }, (_, index) => `${changes[index + 1] ?? index + 1}\n`).join('');
}

test('path named twice listed once', async () => {
  const created = createTempRepo();
  repo = created;
  created.write('a.txt', numbered());
  created.git(['add', '-A']);
  created.git(['commit', '-q', '-m', 'base']);
  created.write('a.txt', numbered({ 2: 'two', 20: 'twenty', 38: 'thirty-eight' }));
  created.git(['add', '-A']);
  const { strategy, files } = await planStrategy(created);
  const [first, second, third] = hunksOf(files, 'a.txt');
  assert.ok(first);
  assert.ok(second);
  assert.ok(third);
  const strategyFile = writeStrategy(created, strategy, [
    batch('b1', 'fix: spell two numbers', [
      { path: 'a.txt', hunks: [first] },
      { path: 'a.txt', hunks: [third] },
    ]),
    batch('b2', 'fix: spell twenty', [{ path: 'a.txt', hunks: [second] }]),
  ]);

  const plan = created.footprint(['commit', '--strategy', strategyFile, '--dry-run', '--no-llm']);

  assert.equal(plan.status, 0, plan.stderr);
  const lines = plan.stdout.split('\n').map((line) => line.trim());
  assert.deepEqual(
    lines.filter((line) => line.startsWith('a.txt')),
    ['a.txt (2 of 3 hunks)', 'a.txt (1 of 3 hunks)'],
  );
});
