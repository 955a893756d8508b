import assert from 'node:assert/strict';
import { afterEach, beforeEach, describe, test } from 'node:test';
import { createTempRepo, type TempRepo } from '../helpers/repo.js';
import { commitHistory, repeat } from '../learn/history-fixture.js';
import { analyzeStaged, lines, stageFiles } from './staged-analysis.js';

let repo: TempRepo;

beforeEach(() => {
  repo = createTempRepo();
});

afterEach(() => {
  repo.cleanup();
});

const WORKER = 'packages/app/src/worker.ts';
const CSS = 'packages/app/src/plugins/css.ts';
const BUTTON = 'packages/ui/src/button.ts';

/**
 * Commits a history where the team scopes worker and ui commits by their names, and writes
 * most commits of the css plugin of the `app` package without a scope, never with `app`.
 */
function commitScopedHistory(): void {
  commitHistory(repo, [
    { message: 'chore: add packages', files: { [CSS]: 'c', [WORKER]: 'w', [BUTTON]: 'b' } },
    ...repeat(8, { message: 'feat(worker): keep query params', files: { [WORKER]: 'w' } }),
    ...repeat(8, { message: 'fix(ui): align the button', files: { [BUTTON]: 'b' } }),
    ...repeat(6, { message: 'fix: inline css urls', files: { [CSS]: 'c' } }),
    ...repeat(2, { message: 'feat(css): support layers', files: { [CSS]: 'c' } }),
  ]);
  assert.equal(repo.footprint(['learn']).status, 0);
}

describe('folder scope with a learned model', () => {
  test('unused package scope is dropped', () => {
    commitScopedHistory();
    stageFiles(repo, { [CSS]: lines('export const inline = false;') });

    const [batch] = analyzeStaged(repo);

    assert.equal(batch?.scope, null);
    assert.match(batch?.message ?? '', /^\w+: /);
  });

  test('used package scope is kept', () => {
    commitScopedHistory();
    stageFiles(repo, { [BUTTON]: lines('export const size = 2;') });

    const [batch] = analyzeStaged(repo);

    assert.equal(batch?.scope, 'ui');
  });

  test('new package keeps its scope', () => {
    commitScopedHistory();
    stageFiles(repo, {
      'packages/logger/package.json': lines('{ "name": "@acme/logger" }'),
      'packages/logger/src/index.ts': lines('export function log(text: string) {}'),
    });

    const [batch] = analyzeStaged(repo);

    assert.equal(batch?.message, 'feat(logger): add logger');
  });
});
