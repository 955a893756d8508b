import assert from 'node:assert/strict';
import { describe, test } from 'node:test';

import { FileTexts } from '../../src/batches/file-texts.js';
import { ModuleIndex } from '../../src/batches/module-index.js';
import type { FileChange, FileContent } from '../../src/footprint/types.js';

/** Builds a ModuleIndex over modified files with the given staged texts. */
function indexOf(staged: Record<string, string>): ModuleIndex {
  const files = Object.keys(staged).map((path): FileChange => ({
    path,
    status: 'modified',
    oldMode: '100644',
    newMode: '100644',
    oldOid: '1'.repeat(40),
    newOid: '2'.repeat(40),
    size: staged[path]?.length ?? 0,
    oldSize: 0,
    binary: false,
    lfs: false,
    symlink: false,
    category: 'source',
    language: 'typescript',
    additions: 1,
    deletions: 0,
    hunks: [],
  }));
  const content = new Map<string, FileContent>(
    Object.entries(staged).map(([path, text]) => [path, { oldText: '', newText: text, hunks: [] }]),
  );
  return new ModuleIndex(files, new FileTexts(content));
}

const DEFINER = 'packages/utils/src/money.ts';

describe('imports from packages and aliases', () => {
  test('registry package name is elsewhere', () => {
    const modules = indexOf({ 'src/page.ts': "import { formatMoney } from 'money-lib';\n" });

    assert.equal(modules.importsFromElsewhere('src/page.ts', 'formatMoney', DEFINER), true);
    assert.equal(modules.importsFromPackage('src/page.ts', 'formatMoney', DEFINER), false);
  });

  test('workspace package name may reach definer', () => {
    const modules = indexOf({
      'apps/web/page.ts': [
        'import {',
        '  formatMoney,',
        '  type Currency,',
        "} from '@ws/utils';",
      ].join('\n'),
    });

    assert.equal(modules.importsFromPackage('apps/web/page.ts', 'formatMoney', DEFINER), true);
    assert.equal(modules.importsFromPackage('apps/web/page.ts', 'Currency', DEFINER), true);
    assert.equal(modules.importsFromElsewhere('apps/web/page.ts', 'formatMoney', DEFINER), false);
  });

  test('default, renamed and namespace locals', () => {
    const modules = indexOf({
      'src/a.ts': [
        "import money, { parse as parseMoney } from 'money-lib';",
        "import * as dates from 'date-lib';",
      ].join('\n'),
    });

    assert.equal(modules.importsFromElsewhere('src/a.ts', 'money', DEFINER), true);
    assert.equal(modules.importsFromElsewhere('src/a.ts', 'parseMoney', DEFINER), true);
    assert.equal(modules.importsFromElsewhere('src/a.ts', 'parse', DEFINER), false);
    assert.equal(modules.importsFromElsewhere('src/a.ts', 'dates', DEFINER), true);
  });

  test('alias that no package can be', () => {
    const cases: Array<[string, string]> = [
      ['~lib/clock', 'src/lib/clock.ts'],
      ['$lib/clock', 'src/lib/clock.ts'],
      ['@utils', 'src/utils/index.ts'],
      ['#app/clock', 'src/clock.ts'],
      ['@lib/clock', 'src/lib/clock.ts'],
    ];
    for (const [specifier, definer] of cases) {
      const modules = indexOf({ 'src/ui/view.ts': `import { now } from '${specifier}';\n` });

      assert.equal(modules.mayReach(specifier, definer), true, specifier);
      assert.equal(
        modules.importsFromElsewhere('src/ui/view.ts', 'now', definer),
        false,
        specifier,
      );
    }
  });

  test('alias of another folder is elsewhere', () => {
    const modules = indexOf({ 'src/ui/view.ts': "import { now } from '~lib/clock';\n" });

    assert.equal(modules.mayReach('~lib/clock', 'src/lib/timer.ts'), false);
    assert.equal(modules.importsFromElsewhere('src/ui/view.ts', 'now', 'src/lib/timer.ts'), true);
  });

  test('relative, commented and longer names ignored', () => {
    const modules = indexOf({
      'src/b.ts': [
        "import { formatMoney } from './money.js';",
        "// import { parseMoney } from 'money-lib';",
        '/*',
        " * import { roundMoney } from 'money-lib';",
        ' */',
        "import { formatMoneyShort } from 'money-lib';",
      ].join('\n'),
    });

    assert.equal(modules.importsFromElsewhere('src/b.ts', 'formatMoney', DEFINER), false);
    assert.equal(modules.importsFromElsewhere('src/b.ts', 'parseMoney', DEFINER), false);
    assert.equal(modules.importsFromElsewhere('src/b.ts', 'roundMoney', DEFINER), false);
    assert.equal(modules.importsFromElsewhere('src/b.ts', 'formatMoneyShort', DEFINER), true);
  });

  test('a Svelte component’s script imports count', () => {
    const modules = indexOf({
      'src/Price.svelte': [
        '<script>',
        "\timport { formatMoney } from 'money-lib';",
        '</script>',
        '<p>{formatMoney(1)}</p>',
      ].join('\n'),
    });

    assert.equal(modules.importsFromElsewhere('src/Price.svelte', 'formatMoney', DEFINER), true);
  });

  test('non-script file has no imports', () => {
    const modules = indexOf({ 'docs/guide.md': "import { formatMoney } from 'money-lib';\n" });

    assert.equal(modules.importsFromElsewhere('docs/guide.md', 'formatMoney', DEFINER), false);
  });

  test('bindings carry statement lines', () => {
    const modules = indexOf({
      'src/c.ts': [
        "import './polyfill.js';",
        'import {',
        '  formatMoney,',
        '  parseMoney,',
        "} from './money.js';",
        "  import Big from 'big-lib';",
        "const note = 'import { x } from y';",
      ].join('\n'),
    });

    assert.deepEqual(modules.bindings('src/c.ts'), [
      {
        specifier: './money.js',
        locals: ['formatMoney', 'parseMoney'],
        imported: ['formatMoney', 'parseMoney'],
        firstLine: 2,
        lastLine: 5,
      },
      { specifier: 'big-lib', locals: ['Big'], imported: ['default'], firstLine: 6, lastLine: 6 },
    ]);
  });
});
