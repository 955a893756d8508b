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

test('split file mode in first batch', async () => {
  const created = createTempRepo();
  repo = created;
  created.write('s.sh', numbered());
  created.git(['add', '-A']);
  created.git(['commit', '-q', '-m', 'base']);
  created.write('s.sh', numbered({ 1: '#!/bin/sh', 35: 'thirty-five' }));
  created.git(['add', '-A']);
  created.git(['update-index', '--chmod=+x', 's.sh']);
  const { strategy, files } = await planStrategy(created);
  const [shebang, other] = hunksOf(files, 's.sh');
  assert.ok(shebang);
  assert.ok(other);
  const strategyFile = writeStrategy(created, strategy, [
    batch('b1', 'fix: count to thirty-five', [{ path: 's.sh', hunks: [other] }]),
    batch('b2', 'feat: add a shebang', [{ path: 's.sh', hunks: [shebang] }]),
  ]);

  const plan = created.footprint(['commit', '--strategy', strategyFile, '--dry-run', '--no-llm']);
  const committed = created.footprint(['commit', '--strategy', strategyFile, '--yes', '--no-llm']);

  assert.equal(plan.status, 0, plan.stderr);
  const lines = plan.stdout.split('\n').map((line) => line.trim());
  assert.ok(lines.includes('s.sh (1 of 2 hunks, mode 100644 -> 100755)'), plan.stdout);
  assert.ok(lines.includes('s.sh (1 of 2 hunks)'), plan.stdout);
  assert.equal(committed.status, 0, committed.stderr);
  assert.match(created.git(['ls-tree', 'HEAD~1', 's.sh']), /^100755 /);
});
