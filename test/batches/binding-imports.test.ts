import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { readBindingImports } from '../../src/batches/binding-imports.js';
import { createTempRepo } from '../helpers/repo.js';
import { analyzeStaged, batchWith, commitFiles, lines, stageFiles } from './staged-analysis.js';

const TOTAL_LINE = 'export const totalLine = (cents: number) => formatMoney(cents);';

/** Names enough to make an import clause longer than 2,000 characters. */
const MANY_NAMES = Array.from({ length: 160 }, (_, index) => `  IconNumber${index},`);

/** Files that import `formatMoney` from the workspace package `@ws/utils`, by case name. */
const IMPORTING_FILES: Record<string, [string, string]> = {
  'comment with an apostrophe': [
    'packages/app/src/total.ts',
    lines('import {', "  formatMoney, // it's the formatter", "} from '@ws/utils';", TOTAL_LINE),
  ],
  'comment with a semicolon': [
    'packages/app/src/total.ts',
    lines('import {', '  formatMoney /* cents; not euros */,', "} from '@ws/utils';", TOTAL_LINE),
  ],
  'clause over 2,000 characters': [
    'packages/app/src/total.ts',
    lines('import {', ...MANY_NAMES, '  formatMoney,', "} from '@ws/utils';", TOTAL_LINE),
  ],
};

/** Files whose `import` lines are text, not statements, by case name. */
const TEXT_FILES: Record<string, [string, string]> = {
  'template literal': [
    'packages/app/src/snippet.ts',
    lines(
      'export const snippet = `',
      "import { formatMoney } from '@ws/utils'",
      'formatMoney(100)',
      '`;',
    ),
  ],
  'component markup': [
    'packages/app/src/Docs.vue',
    lines(
      '<template>',
      '  <pre v-pre>',
      "import { formatMoney } from '@ws/utils'",
      '  </pre>',
      '  <p>Call formatMoney with cents.</p>',
      '</template>',
      '',
      '<script setup lang="ts">',
      "const title = 'Docs'",
      '</script>',
    ),
  ],
};

/** Commits a workspace with a utils package, then stages its new `formatMoney` and `extra`. */
function stageWorkspace(extra: [string, string]): ReturnType<typeof createTempRepo> {
  const repo = createTempRepo();
  commitFiles(repo, {
    'packages/utils/package.json': '{ "name": "@ws/utils", "version": "1.0.0" }\n',
    'packages/utils/src/index.ts': 'export const one = 1;\n',
  });
  stageFiles(repo, {
    'packages/utils/src/money.ts': lines(
      'export function formatMoney(cents: number): string {',
      '  return (cents / 100).toFixed(2);',
      '}',
    ),
    [extra[0]]: extra[1],
  });
  return repo;
}

describe('binding imports', () => {
  for (const [name, file] of Object.entries(IMPORTING_FILES)) {
    test(`import with a ${name} is ordered`, () => {
      const repo = stageWorkspace(file);
      try {
        const batches = analyzeStaged(repo, 'aggressive');
        const ids = batches.map((batch) => batch.id);
        const utils = batchWith(batches, 'packages/utils/src/money.ts');
        const app = batchWith(batches, file[0]);

        assert.ok(utils !== undefined);
        assert.ok(app !== undefined);
        assert.ok(ids.indexOf(utils.id) <= ids.indexOf(app.id), JSON.stringify(ids));
        if (utils.id !== app.id) assert.ok(app.dependsOn.includes(utils.id), app.id);
      } finally {
        repo.cleanup();
      }
    });
  }

  for (const [name, file] of Object.entries(TEXT_FILES)) {
    test(`import in ${name} is text`, () => {
      const repo = stageWorkspace(file);
      try {
        const batches = analyzeStaged(repo, 'aggressive');
        const utils = batchWith(batches, 'packages/utils/src/money.ts');
        const text = batchWith(batches, file[0]);

        assert.ok(utils !== undefined);
        assert.ok(text !== undefined);
        assert.notEqual(text.id, utils.id);
        assert.deepEqual(text.dependsOn, [], `${text.id} depends on no batch`);
      } finally {
        repo.cleanup();
      }
    });
  }
});

describe('an aliased import', () => {
  test('user ordered after the export', () => {
    const repo = stageWorkspace([
      'packages/app/src/total.ts',
      lines(
        "import { formatMoney as fm } from '@ws/utils';",
        'export const totalLine = (cents: number) => fm(cents);',
      ),
    ]);
    try {
      const batches = analyzeStaged(repo, 'aggressive');
      const utils = batchWith(batches, 'packages/utils/src/money.ts');
      const app = batchWith(batches, 'packages/app/src/total.ts');

      assert.ok(utils !== undefined);
      assert.ok(app !== undefined);
      assert.notEqual(app.id, utils.id);
      assert.ok(app.dependsOn.includes(utils.id), JSON.stringify(app.dependsOn));
    } finally {
      repo.cleanup();
    }
  });
});

describe('readBindingImports', () => {
  test('import after a byte order mark', () => {
    const text =
      "\uFEFFimport { formatMoney } from '@ws/utils';\nexport const a = formatMoney(1);\n";

    const [found] = readBindingImports(text, 'src/a.ts');

    assert.equal(found?.specifier, '@ws/utils');
    assert.deepEqual(found?.locals, ['formatMoney']);
    assert.equal(found?.start, 1);
  });
});
