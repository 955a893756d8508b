import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { createTempRepo, type TempRepo } from '../helpers/repo.js';

/** Commits a README, then stages a new source file. */
function stageNewFile(repo: TempRepo): void {
  repo.write('README.md', '# app\n');
  repo.git(['add', '-A']);
  repo.git(['commit', '-q', '-m', 'base'], { env: { FOOTPRINT: '0' } });
  repo.write('src/a.js', 'export const a = 1;\n');
  repo.git(['add', '-A']);
}

test('strategy command records a strategy fossil', () => {
  const repo = createTempRepo();
  try {
    stageNewFile(repo);

    const result = repo.footprint(['strategy', '--output', 'plan.json', '--no-llm']);
    const names = readdirSync(path.join(repo.dir, 'fossils')).filter((name) =>
      name.endsWith('.json'),
    );
    const strategies = names.filter((name) => /-strategy-[0-9a-f]{8}\.json$/.test(name));

    assert.equal(result.status, 0, result.stderr);
    assert.equal(strategies.length, 1, names.join(', '));
    const fossil = JSON.parse(
      readFileSync(path.join(repo.dir, 'fossils', strategies[0] as string), 'utf8'),
    ) as { kind: string; payload: { batches: unknown[] } };
    assert.equal(fossil.kind, 'strategy');
    assert.equal(fossil.payload.batches.length, 1);

    const showResult = repo.footprint(['fossils', 'show', (strategies[0] as string).slice(0, -5)]);
    assert.equal(showResult.status, 0, showResult.stderr);
  } finally {
    repo.cleanup();
  }
});

test('strategy --json names the strategy fossil', () => {
  const repo = createTempRepo();
  try {
    stageNewFile(repo);

    const result = repo.footprint(['strategy', '--json', '--no-llm']);
    const document = JSON.parse(result.stdout) as { fossil: string | null };

    assert.equal(result.status, 0, result.stderr);
    assert.match(document.fossil ?? '', /fossils\/\d{8}T\d{6}\.\d{3}Z-strategy-[0-9a-f]{8}\.json$/);
  } finally {
    repo.cleanup();
  }
});
