import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { Mode } from '../../src/batches/types.js';
import { createTempRepo, type TempRepo } from '../helpers/repo.js';
import { analyzeStaged, batchWith, commitFiles, lines, stageFiles } from './staged-analysis.js';

const MODES: Mode[] = ['conservative', 'balanced', 'aggressive'];

/** Stages a workspace change whose app imports the utils package by name, not by path. */
function stageWorkspaceExport(repo: TempRepo): void {
  commitFiles(repo, {
    'package.json': '{ "name": "root", "private": true, "workspaces": ["packages/*"] }\n',
    'packages/utils/package.json': '{ "name": "@ws/utils", "version": "1.0.0" }\n',
    'packages/utils/src/index.ts': "export { formatDate } from './date.js';\n",
    'packages/utils/src/date.ts': lines(
      'export function formatDate(d: Date): string {',
      '  return d.toISOString().slice(0, 10);',
      '}',
    ),
    'packages/app/package.json': '{ "name": "@ws/app", "dependencies": { "@ws/utils": "*" } }\n',
    'packages/app/src/report.ts': lines(
      "import { formatDate } from '@ws/utils';",
      'export const header = (when: Date) => formatDate(when);',
    ),
  });
  stageFiles(repo, {
    'packages/utils/src/money.ts': lines(
      'export function formatMoney(cents: number): string {',
      '  return (cents / 100).toFixed(2);',
      '}',
    ),
    'packages/utils/src/index.ts': lines(
      "export { formatDate } from './date.js';",
      "export { formatMoney } from './money.js';",
    ),
    'packages/app/src/total.ts': lines(
      "import { formatMoney } from '@ws/utils';",
      'export const totalLine = (cents: number) => `Total: ${formatMoney(cents)}`;',
    ),
  });
}

/** Stages a Cargo crate under vendor/ as a path dependency of the root crate, which uses it. */
function stageNewCrate(repo: TempRepo): void {
  commitFiles(repo, {
    'Cargo.toml': lines('[package]', 'name = "app"', 'version = "0.1.0"', '', '[dependencies]'),
    'Cargo.lock': lines('version = 3', '', '[[package]]', 'name = "app"', 'version = "0.1.0"'),
    'src/lib.rs': lines('pub fn total(cents: u64) -> u64 {', '    cents', '}'),
    'README.md': '# app\n',
  });
  stageFiles(repo, {
    'Cargo.toml': lines(
      '[package]',
      'name = "app"',
      'version = "0.1.0"',
      '',
      '[dependencies]',
      'fmtnum = { path = "vendor/fmtnum" }',
    ),
    'Cargo.lock': lines(
      'version = 3',
      '',
      '[[package]]',
      'name = "app"',
      'version = "0.1.0"',
      'dependencies = [',
      ' "fmtnum",',
      ']',
      '',
      '[[package]]',
      'name = "fmtnum"',
      'version = "0.1.0"',
    ),
    'vendor/fmtnum/Cargo.toml': lines('[package]', 'name = "fmtnum"', 'version = "0.1.0"'),
    'vendor/fmtnum/src/lib.rs': lines(
      'pub fn thousands(value: u64) -> String {',
      '    value.to_string()',
      '}',
    ),
    'src/lib.rs': lines(
      'pub fn total(cents: u64) -> String {',
      '    fmtnum::thousands(cents)',
      '}',
    ),
    'README.md': '# app\n\nFormats totals.\n',
  });
}

describe('packages', () => {
  for (const mode of MODES) {
    test(`workspace export comes first, ${mode}`, () => {
      const repo = createTempRepo();
      try {
        stageWorkspaceExport(repo);

        const batches = analyzeStaged(repo, mode);
        const ids = batches.map((batch) => batch.id);
        const utils = batchWith(batches, 'packages/utils/src/money.ts');
        const app = batchWith(batches, 'packages/app/src/total.ts');

        assert.ok(utils !== undefined);
        assert.ok(app !== undefined);
        assert.ok(
          ids.indexOf(utils.id) <= ids.indexOf(app.id),
          `the app batch ${app.id} comes before the utils batch ${utils.id}`,
        );
        if (utils !== app)
          assert.ok(app.dependsOn.includes(utils.id), `${app.id} depends on ${utils.id}`);
      } finally {
        repo.cleanup();
      }
    });

    test(`new crate stays with its manifest, ${mode}`, () => {
      const repo = createTempRepo();
      try {
        stageNewCrate(repo);

        const batches = analyzeStaged(repo, mode);
        const crate = batchWith(batches, 'vendor/fmtnum/Cargo.toml');

        assert.ok(crate !== undefined);
        for (const path of ['vendor/fmtnum/src/lib.rs', 'Cargo.toml', 'Cargo.lock']) {
          assert.equal(batchWith(batches, path)?.id, crate.id, `${path} is in another batch`);
        }
      } finally {
        repo.cleanup();
      }
    });
  }

  test('a registry package is no workspace package', () => {
    const repo = createTempRepo();
    try {
      commitFiles(repo, {
        'package.json': '{ "name": "app", "dependencies": { "use-debounce": "^10.0.0" } }\n',
        'src/pages/search.ts': lines('export function Page() {', '  return 1;', '}'),
      });
      stageFiles(repo, {
        'src/hooks/useDebounceValue.ts': lines(
          'export function useDebounceValue(value: number, delay: number) {',
          '  return value + delay;',
          '}',
        ),
        'src/pages/search.ts': lines(
          "import { useDebounceValue } from 'use-debounce';",
          '',
          'export function Page() {',
          '  return useDebounceValue(1, 300);',
          '}',
        ),
      });

      const batches = analyzeStaged(repo);
      const page = batchWith(batches, 'src/pages/search.ts');
      const hook = batchWith(batches, 'src/hooks/useDebounceValue.ts');

      assert.ok(page !== undefined);
      assert.ok(hook !== undefined);
      assert.notEqual(page.id, hook.id);
      assert.ok(!page.dependsOn.includes(hook.id), 'the page does not need the local hook');
    } finally {
      repo.cleanup();
    }
  });

  test('a common name from a workspace package is ordered', () => {
    const repo = createTempRepo();
    try {
      commitFiles(repo, {
        'packages/utils/package.json': '{ "name": "@pn/utils", "version": "0.1.0" }\n',
        'packages/utils/src/index.ts': 'export const one = 1;\n',
        'packages/web/src/app.ts': lines(
          "import { one } from '@pn/utils';",
          'export const v = one;',
        ),
      });
      stageFiles(repo, {
        'packages/utils/src/index.ts': lines(
          'export const one = 1;',
          'export function clamp(n: number, lo: number, hi: number): number {',
          '  return Math.min(hi, Math.max(lo, n));',
          '}',
        ),
        'packages/web/src/app.ts': lines(
          "import { one, clamp } from '@pn/utils';",
          'export const v = clamp(one, 0, 10);',
        ),
      });

      const batches = analyzeStaged(repo, 'aggressive');
      const ids = batches.map((batch) => batch.id);
      const utils = batchWith(batches, 'packages/utils/src/index.ts');
      const web = batchWith(batches, 'packages/web/src/app.ts');

      assert.ok(utils !== undefined);
      assert.ok(web !== undefined);
      assert.ok(ids.indexOf(utils.id) <= ids.indexOf(web.id), JSON.stringify(ids));
      if (utils.id !== web.id) assert.ok(web.dependsOn.includes(utils.id));
    } finally {
      repo.cleanup();
    }
  });
});
