import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { readModuleSyntax } from '../../src/batches/module-syntax.js';

// Stops a hang such as catastrophic backtracking. bench/risk/hostile.ts measures speed.
const HANG_TIMEOUT_MS = 120_000;

function specifiersOf(text: string): string[] {
  return readModuleSyntax(text, 'src/file.ts').imports.map((entry) => entry.specifier);
}

const cases: Array<{ name: string; text: string; specifiers: string[] }> = [
  {
    name: 'static, re-export and dynamic imports',
    text: [
      "import { a } from './a.js';",
      "export { b } from './b.js';",
      "export * as c from './c.js';",
      "import './side-effect.js';",
      "const d = await import('./d.js');",
    ].join('\n'),
    specifiers: ['./a.js', './b.js', './c.js', './side-effect.js', './d.js'],
  },
  {
    name: 'type-only imports',
    text: "import type { A } from './types.js';\nimport { type B, c } from './c.js';\n",
    specifiers: ['./types.js', './c.js'],
  },
  {
    name: 'TypeScript annotations and generics',
    text: [
      "import { parse } from './parse.js';",
      'export function run<T extends object>(value: T, limit = 3 as number): Array<T> {',
      '  return [value].filter((item): item is T => item !== null);',
      '}',
      "const later = await import('./later.js');",
    ].join('\n'),
    specifiers: ['./parse.js', './later.js'],
  },
  {
    name: 'CommonJS require',
    text: "const x = require('./x');\nmodule.exports = x;\n",
    specifiers: ['./x'],
  },
  {
    name: 'imports around JSX',
    text: [
      "import { a } from './a';",
      'const el = <div title="}">{\'}\'}</div>;',
      "import b from './b';",
    ].join('\n'),
    specifiers: ['./a', './b'],
  },
  {
    name: 'unterminated template keeps earlier imports',
    text: "import { a } from './a';\nconst s = `${",
    specifiers: ['./a'],
  },
  {
    name: 'import.meta is not an import',
    text: 'const here = import.meta.url;\n',
    specifiers: [],
  },
  {
    name: 'import in a comment or string is not an import',
    text: "// import { x } from './comment.js';\nconst s = \"import './string.js'\";\n",
    specifiers: [],
  },
];

describe('readModuleSyntax', () => {
  for (const { name, text, specifiers } of cases) {
    test(name, () => {
      assert.deepEqual(specifiersOf(text), specifiers);
    });
  }

  test('statement offsets cover the statement', () => {
    const text = "const a = 1;\nimport { b } from './b.js';\n";
    const [entry] = readModuleSyntax(text, 'src/file.ts').imports;

    assert.equal(text.slice(entry?.start, entry?.end), "import { b } from './b.js'");
  });

  test('bound and imported names', () => {
    const text = "import a, { b as c, type D } from './m.js';\nimport * as ns from './n.js';\n";
    const [first, second] = readModuleSyntax(text, 'src/file.ts').imports;

    assert.deepEqual(first?.locals, ['a', 'c', 'D']);
    assert.deepEqual(first?.imported, ['default', 'b', 'D']);
    assert.deepEqual(second?.locals, ['ns']);
    assert.deepEqual(second?.imported, ['*']);
  });

  test('re-export binds no local name', () => {
    const [entry] = readModuleSyntax("export { x as y } from './m.js';", 'src/file.ts').imports;

    assert.deepEqual(entry?.locals, []);
    assert.deepEqual(entry?.imported, ['x']);
  });

  test('exports with offsets', () => {
    const text = 'export const limit = 1;\nexport function parse() {}\n';
    const exports = readModuleSyntax(text, 'src/file.ts').exports;

    assert.deepEqual(
      exports.map((entry) => entry.name),
      ['limit', 'parse'],
    );
    assert.equal(text.slice(exports[1]?.offset, (exports[1]?.offset ?? 0) + 5), 'parse');
  });

  test('component scripts lexed apart from markup', () => {
    const text = [
      '<script module lang="ts">',
      "  export { helper } from './helper.js';",
      '</script>',
      '',
      '<SCRIPT>',
      "  import Child from './Child.svelte';",
      "  const later = import('./later.js');",
      '</SCRIPT >',
      '',
      '{#if ok}<Child on:click={() => { import x from "./not-a-script.js" }} />{/if}',
      "{#await import('./Lazy.svelte') then Lazy}<Lazy />{/await}",
      '<style>div { color: red; }</style>',
    ].join('\n');
    const syntax = readModuleSyntax(text, 'src/Panel.svelte');
    const child = syntax.imports[1];

    assert.deepEqual(
      syntax.imports.map((entry) => entry.specifier),
      ['./helper.js', './Child.svelte', './later.js', './Lazy.svelte'],
    );
    assert.equal(text.slice(child?.start, child?.end), "import Child from './Child.svelte'");
    assert.deepEqual(
      syntax.exports.map((entry) => entry.name),
      ['helper'],
    );
  });

  test('component markup that breaks the lexer', () => {
    const script = '<script lang="ts">\nimport {\n  a,\n} from \'./a.js\';\n</script>\n';
    const markups = ['<div class="x">{#if a}</div>\n', '<p>a /* b</p>\n', '<p>`</p>\n'];

    for (const markup of markups) {
      const syntax = readModuleSyntax(markup + script, 'src/Panel.svelte');
      assert.deepEqual(
        syntax.imports.map((entry) => entry.specifier),
        ['./a.js'],
        markup,
      );
    }
  });

  test('component script tag inside a comment', () => {
    const text = [
      '<!-- TODO: move the tracking code into the <script> below -->',
      '<p>Press the ` key. Price: {show(price)}</p>',
      '<script lang="ts">',
      "  import show from './lib/money';",
      '</script>',
    ].join('\n');

    assert.deepEqual(
      readModuleSyntax(text, 'src/App.svelte').imports.map((entry) => entry.specifier),
      ['./lib/money'],
    );
  });

  test('vue script setup and unclosed script', () => {
    const text = "<template><p /></template>\n<script setup>\nimport { ref } from './ref.js';\n";

    assert.deepEqual(
      readModuleSyntax(text, 'src/App.vue').imports.map((entry) => entry.specifier),
      ['./ref.js'],
    );
  });

  test('long line without imports', { timeout: HANG_TIMEOUT_MS }, () => {
    const text = `import ${' '.repeat(2_000_000)}x from${' '.repeat(2_000_000)};{`;

    assert.deepEqual(specifiersOf(text), []);
  });

  test('many parse errors', { timeout: HANG_TIMEOUT_MS }, () => {
    const text = "import a from './a';\n" + '<div>{</div>\n'.repeat(20_000);

    assert.deepEqual(specifiersOf(text), ['./a']);
  });
});
