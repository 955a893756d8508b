import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Batch } from '../../src/batches/types.js';
import { createTempRepo, type TempRepo } from '../helpers/repo.js';
import { analyzeStaged, commitFiles, lines, stageFiles } from './staged-analysis.js';

/** Returns the position of the batch that takes `file`, or -1. */
function positionOf(batches: readonly Batch[], file: string): number {
  return batches.findIndex((batch) => batch.changes.some((change) => change.path === file));
}

// tsconfig maps `~lib/*` to `src/lib/*`, and the new module's only export has a short name.
describe('import through a path alias', () => {
  let repo: TempRepo;

  before(() => {
    repo = createTempRepo();
    commitFiles(repo, {
      'tsconfig.json': lines(
        '{',
        '  "compilerOptions": { "baseUrl": ".", "paths": { "~lib/*": ["src/lib/*"] } }',
        '}',
      ),
      'src/ui/view.ts': lines('export function view() {', "  return 'v';", '}'),
    });
    stageFiles(repo, {
      'src/lib/clock.ts': lines('export function now(): number {', '  return Date.now();', '}'),
      'src/ui/view.ts': lines(
        "import { now } from '~lib/clock';",
        '',
        'export function view() {',
        '  return `v ${now()}`;',
        '}',
      ),
    });
  });
  after(() => repo.cleanup());

  for (const mode of ['conservative', 'balanced', 'aggressive'] as const) {
    test(`${mode} mode adds module first`, () => {
      const batches = analyzeStaged(repo, mode);
      const module = positionOf(batches, 'src/lib/clock.ts');
      const caller = positionOf(batches, 'src/ui/view.ts');

      assert.notEqual(module, -1);
      assert.ok(module <= caller, JSON.stringify(batches.map((batch) => batch.changes)));
    });
  }
});
