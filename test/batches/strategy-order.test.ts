import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import type { Strategy } from '../../src/strategy/types.js';
import { createTempRepo, type TempRepo } from '../helpers/repo.js';
import { commitFiles, lines, stageFiles } from './staged-analysis.js';

interface ValidationDocument {
  valid: boolean;
  problems: Array<{ code: string; batch?: string; path?: string; message: string }>;
}

describe('strategy order validation', () => {
  let repo: TempRepo;
  let strategyFile: string;
  let strategy: Strategy;

  before(() => {
    repo = createTempRepo();
    commitFiles(repo, {
      'src/report/format.ts': lines(
        'export function formatCount(count: number): string {',
        '  return String(count);',
        '}',
      ),
    });
    stageFiles(repo, {
      'src/report/table.ts': lines(
        'export function padCell(text: string, width: number): string {',
        '  return text.padStart(width);',
        '}',
      ),
      'src/report/format.ts': lines(
        "import { padCell } from './table.js';",
        '',
        'export function formatCount(count: number): string {',
        '  return padCell(String(count), 8);',
        '}',
      ),
    });
    strategyFile = path.join(repo.dir, 'strategy.json');
    const written = repo.footprint(['strategy', '--output', strategyFile, '--mode', 'aggressive']);
    assert.equal(written.status, 0, written.stderr);
    strategy = JSON.parse(readFileSync(strategyFile, 'utf8')) as Strategy;
  });
  after(() => repo.cleanup());

  function validate(document: Strategy): { status: number | null; result: ValidationDocument } {
    const file = path.join(repo.dir, 'edited.json');
    writeFileSync(file, JSON.stringify(document, null, 2));
    const run = repo.footprint(['validate', '--strategy', file, '--json']);
    return { status: run.status, result: JSON.parse(run.stdout) as ValidationDocument };
  }

  test('written strategy puts the module first', () => {
    assert.equal(strategy.batches.length, 2);
    assert.deepEqual(strategy.batches[0]?.changes, [{ path: 'src/report/table.ts' }]);
    assert.deepEqual(strategy.batches[1]?.dependsOn, [strategy.batches[0]?.id]);
  });

  test('written strategy is valid', () => {
    const { status, result } = validate(strategy);

    assert.equal(status, 0);
    assert.equal(result.valid, true);
  });

  test('caller moved first is an order problem', () => {
    const [module, caller] = strategy.batches;
    const reordered = { ...strategy, batches: [{ ...caller!, dependsOn: [] }, module!] };
    const { status, result } = validate(reordered);
    const [problem, ...others] = result.problems;

    assert.equal(status, 1);
    assert.equal(others.length, 0, JSON.stringify(others));
    assert.equal(problem?.code, 'order');
    assert.equal(problem?.batch, caller?.id);
    assert.equal(problem?.path, 'src/report/format.ts');
    assert.match(problem?.message ?? '', /imports src\/report\/table\.ts/);
    assert.match(problem?.message ?? '', new RegExp(`Move ${caller?.id} after ${module?.id}`));
  });

  test('merged batches are valid', () => {
    const [module, caller] = strategy.batches;
    const merged = {
      ...strategy,
      batches: [{ ...module!, changes: [...module!.changes, ...caller!.changes] }],
    };

    assert.equal(validate(merged).result.valid, true);
  });
});
