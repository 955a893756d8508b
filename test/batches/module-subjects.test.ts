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

/** Returns the messages of the staged change's batches. */
function messages(): string[] {
  return analyzeStaged(repo).map((batch) => batch.message);
}

/** Returns a workflow that sets up Node `version` and runs the tests. */
const workflow = (version: string) =>
  lines(
    'on: push',
    'jobs:',
    '  test:',
    '    runs-on: ubuntu-latest',
    '    steps:',
    '      - uses: actions/setup-node@v4',
    '        with:',
    `          node-version: ${version}`,
    '      - run: npm test',
  );

describe('subjects of module changes', () => {
  test('file split into folder module', () => {
    const load = ['export function loadConfig() {', '  return { retries: 3 };', '}'];
    const check = ['export function checkConfig(c) {', '  return c.retries >= 0;', '}'];
    commitFiles(repo, { 'lib/settings.js': lines(...load, '', ...check) });
    repo.git(['rm', '-q', 'lib/settings.js']);
    stageFiles(repo, {
      'lib/settings/index.js': lines(
        "export { loadConfig } from './load.js';",
        "export { checkConfig } from './check.js';",
      ),
      'lib/settings/load.js': lines(...load),
      'lib/settings/check.js': lines(...check),
    });

    assert.deepEqual(messages(), ['refactor(settings): split settings into a folder module']);
  });

  test('new module named by export', () => {
    commitFiles(repo, { 'lib/date.js': lines('export const epoch = 0;') });
    stageFiles(repo, {
      'lib/currency.js': lines('export function formatCurrency(cents) {', '  return cents;', '}'),
    });

    assert.deepEqual(messages(), ['feat: add formatCurrency']);
  });

  test('module with many exports keeps name', () => {
    commitFiles(repo, { 'lib/date.js': lines('export const epoch = 0;') });
    stageFiles(repo, {
      'lib/currency.js': lines(
        'export const euro = 1;',
        'export const dollar = 2;',
        'export const pound = 3;',
      ),
    });

    assert.deepEqual(messages(), ['feat: add currency']);
  });

  test('re-export names the index', () => {
    commitFiles(repo, {
      'packages/ui/src/Price.js': lines('export function Price() {', '  return 1;', '}'),
      'packages/ui/src/index.js': lines("export { Button } from './Button.js';"),
      'packages/ui/src/Button.js': lines('export function Button() {}'),
    });
    stageFiles(repo, {
      'packages/ui/src/index.js': lines(
        "export { Button } from './Button.js';",
        "export { Price } from './Price.js';",
      ),
    });

    assert.deepEqual(messages(), ['feat(ui): export Price from the ui index']);
  });

  test('test samples named by folder', () => {
    commitFiles(repo, { 'tests/samples/basic/_config.js': lines('export default {};') });
    stageFiles(repo, {
      'tests/samples/class-memo/_config.js': lines('export default { html: "<p>memo</p>" };'),
      'tests/samples/style-memo/_config.js': lines('export default { html: "<p>memo</p>" };'),
    });

    assert.deepEqual(messages(), ['test(samples): add class-memo and style-memo']);
  });

  test('workflow setting names its value', () => {
    commitFiles(repo, { '.github/workflows/ci.yml': workflow('20') });
    stageFiles(repo, { '.github/workflows/ci.yml': workflow('22') });

    assert.deepEqual(messages(), ['ci: bump node-version to 22']);
  });

  test('workflow matrix names its versions', () => {
    commitFiles(repo, { '.github/workflows/ci.yml': workflow('[18, 20]') });
    stageFiles(repo, { '.github/workflows/ci.yml': workflow('[20, 22]') });

    assert.deepEqual(messages(), ['ci: bump node-version to [20, 22]']);
  });

  test('workflow trigger keeps file name', () => {
    commitFiles(repo, { '.github/workflows/ci.yml': workflow('20') });
    stageFiles(repo, {
      '.github/workflows/ci.yml': workflow('20').replace('on: push', 'on: [push, pull_request]'),
    });

    assert.deepEqual(messages(), ['ci: update ci.yml']);
  });
});
