import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { readImportSpecifiers } from '../../src/batches/import-specifiers.js';

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
    name: 'CommonJS require',
    text: "const x = require('./x');\nmodule.exports = x;\n",
    specifiers: ['./x'],
  },
  {
    name: 'JSX falls back to patterns',
    text: "import { a } from './a';\nconst el = <div title=\"}\">{'}'}</div>;\n",
    specifiers: ['./a'],
  },
  {
    name: 'non-null assertion falls back to patterns',
    text: "import { a } from './a';\nlet v = a! / b;\nimport x = require('./cjs');\n",
    specifiers: ['./a', './cjs'],
  },
  {
    name: 'unterminated text falls back to patterns',
    text: "import { a } from './a';\nconst s = `${",
    specifiers: ['./a'],
  },
  {
    name: 'import.meta is not an import',
    text: 'const here = import.meta.url;\n',
    specifiers: [],
  },
];

describe('readImportSpecifiers', () => {
  for (const { name, text, specifiers } of cases) {
    test(name, () => {
      assert.deepEqual(readImportSpecifiers(text, 'src/file.ts'), specifiers);
    });
  }

  test('long line without imports is fast', () => {
    const text = `import ${' '.repeat(2_000_000)}x from${' '.repeat(2_000_000)};{`;
    const started = performance.now();
    const specifiers = readImportSpecifiers(text, 'src/file.tsx');
    const elapsed = performance.now() - started;

    assert.deepEqual(specifiers, []);
    assert.ok(elapsed < 2000, `${Math.round(elapsed)} ms`);
  });
});
