import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import type { Strategy } from '../../src/strategy/types.js';
import { createTempRepo, type TempRepo } from '../helpers/repo.js';
import { commitFiles, lines } from './staged-analysis.js';

interface ValidationDocument {
  valid: boolean;
  problems: Array<{ code: string; batch?: string; path?: string; message: string }>;
}

// A barrel file re-exports a module that the change deletes, and the re-export goes with it.
describe('deleted module with a re-export', () => {
  let repo: TempRepo;
  let strategy: Strategy;

  before(() => {
    repo = createTempRepo();
    commitFiles(repo, {
      'src/legacy.ts': lines(
        'export function legacyHash(text: string): number {',
        '  return 1;',
        '}',
      ),
      'src/parse.ts': lines('export function parse(text: string): string[] {', '  return [];', '}'),
      'src/index.ts': lines(
        "export { legacyHash } from './legacy.js';",
        "export { parse } from './parse.js';",
      ),
    });
    repo.git(['rm', '-q', 'src/legacy.ts']);
    repo.write('src/index.ts', lines("export { parse } from './parse.js';"));
    repo.git(['add', '-A']);

    const file = path.join(repo.dir, 'strategy.json');
    const written = repo.footprint(['strategy', '--no-llm', '--output', file]);
    assert.equal(written.status, 0, written.stderr);
    strategy = JSON.parse(readFileSync(file, 'utf8')) as Strategy;
  });
  after(() => repo.cleanup());

  function validate(document: Strategy): { status: number | null; result: ValidationDocument } {
    const file = path.join(repo.dir, 'edited.json');
    writeFileSync(file, JSON.stringify(document, null, 2));
    const run = repo.footprint(['validate', '--strategy', file, '--json']);
    return { status: run.status, result: JSON.parse(run.stdout) as ValidationDocument };
  }

  test('deletion before barrel edit fails', () => {
    const [batch] = strategy.batches;
    assert.ok(batch !== undefined, 'the strategy has no batch');
    const deletion = batch.changes.filter((change) => change.path === 'src/legacy.ts');
    const barrel = batch.changes.filter((change) => change.path === 'src/index.ts');
    const split = {
      ...strategy,
      batches: [
        { ...batch, id: 'b1', changes: deletion, dependsOn: [] },
        { ...batch, id: 'b2', changes: barrel, dependsOn: [] },
      ],
    };

    const { status, result } = validate(split);
    const [problem] = result.problems;

    assert.equal(status, 1);
    assert.equal(problem?.code, 'order');
    assert.equal(problem?.batch, 'b1');
    assert.equal(problem?.path, 'src/legacy.ts');
  });

  test('written strategy keeps them together', () => {
    const batch = strategy.batches.find((entry) =>
      entry.changes.some((change) => change.path === 'src/legacy.ts'),
    );
    const paths = (batch?.changes ?? []).map((change) => change.path);

    assert.ok(paths.includes('src/index.ts'), JSON.stringify(strategy.batches));
  });
});
