import assert from 'node:assert/strict';
import { afterEach, beforeEach, describe, test } from 'node:test';
import { createTempRepo, type TempRepo } from '../helpers/repo.js';
import { analyzeStaged, commitFiles, lines, stageFiles } from './staged-analysis.js';

let repo: TempRepo;

beforeEach(() => {
  repo = createTempRepo();
});

afterEach(() => {
  repo.cleanup();
});

const DATE = 'packages/utils/src/date.ts';
const INDEX = 'packages/utils/src/index.ts';
const LABEL = 'packages/ui/src/label.ts';

const date = (name: string, body: string) =>
  lines(`export function ${name}(d: Date): string {`, `  return ${body};`, '}');
const index = (name: string) => lines(`export { ${name} } from './date';`);
const label = (name: string) =>
  lines(`import { ${name} } from '@acme/utils';`, '', `export const today = ${name}(new Date());`);

/** Commits the utils package that exports formatDate and a ui module that uses it. */
function commitPackages(): void {
  commitFiles(repo, {
    'package.json': lines('{ "name": "acme", "private": true, "workspaces": ["packages/*"] }'),
    'packages/utils/package.json': lines('{ "name": "@acme/utils" }'),
    'packages/ui/package.json': lines('{ "name": "@acme/ui" }'),
    [DATE]: date('formatDate', 'd.toISOString()'),
    [INDEX]: index('formatDate'),
    [LABEL]: label('formatDate'),
  });
}

describe('breaking change mark', () => {
  test('renamed package export', () => {
    commitPackages();
    stageFiles(repo, {
      [DATE]: date('formatIsoDate', 'd.toISOString()'),
      [INDEX]: index('formatIsoDate'),
      [LABEL]: label('formatIsoDate'),
    });

    const batches = analyzeStaged(repo);

    assert.deepEqual(
      batches.map((batch) => batch.message),
      ['refactor!: rename formatDate to formatIsoDate'],
    );
  });

  test('replaced package export', () => {
    commitPackages();
    stageFiles(repo, {
      [DATE]: date('formatDay', "d.toLocaleDateString('en-CA')"),
      [INDEX]: index('formatDay'),
      [LABEL]: label('formatDay'),
    });

    const batches = analyzeStaged(repo);

    assert.deepEqual(
      batches.map((batch) => batch.message),
      ['feat!: replace formatDate with formatDay'],
    );
  });

  test('added export is not breaking', () => {
    commitPackages();
    stageFiles(repo, {
      [DATE]: date('formatDate', 'd.toISOString()') + date('formatDay', 'd.toDateString()'),
      [INDEX]: lines("export { formatDate, formatDay } from './date';"),
    });

    const batches = analyzeStaged(repo);

    assert.deepEqual(
      batches.map((batch) => batch.message),
      ['feat(utils): add formatDay'],
    );
  });

  test('unimported module export is not breaking', () => {
    commitFiles(repo, { 'scripts/tool.ts': date('formatDate', 'd.toISOString()') });
    stageFiles(repo, { 'scripts/tool.ts': date('formatStamp', 'd.toISOString()') });

    const [batch] = analyzeStaged(repo);

    assert.doesNotMatch(batch?.message ?? '', /!:/);
  });

  test('internal module export is not breaking', () => {
    const helper = 'packages/utils/src/helper.ts';
    const user = 'packages/utils/src/user.ts';
    const use = (name: string) =>
      lines(`import { ${name} } from './helper';`, '', `export const stamp = ${name}(new Date());`);
    commitFiles(repo, {
      'packages/utils/package.json': lines('{ "name": "@acme/utils" }'),
      [helper]: date('formatDate', 'd.toISOString()'),
      [user]: use('formatDate'),
    });
    stageFiles(repo, {
      [helper]: date('formatStamp', 'd.toISOString()'),
      [user]: use('formatStamp'),
    });

    const messages = analyzeStaged(repo, 'aggressive').map((batch) => batch.message);

    assert.deepEqual(
      messages.filter((message) => /!:/.test(message)),
      [],
    );
  });

  test('entry that re-exports everything', () => {
    commitPackages();
    stageFiles(repo, {
      [INDEX]: lines("export * from './date';"),
    });

    const [batch] = analyzeStaged(repo);

    assert.doesNotMatch(batch?.message ?? '', /!:/);
  });
});
