import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { ImportTargets, resolveImport } from '../../src/batches/resolve-import.js';

const changed = new ImportTargets(
  new Set([
    'src/parser/tokenizer.ts',
    'src/parser/index.ts',
    'src/ui/button.tsx',
    'src/ui/button.test.tsx',
    'src/legacy.js',
    'src/data.json',
    'src/lib.v2/index.js',
    'index.mts',
  ]),
);

const cases: Array<{ name: string; importer: string; specifier: string; expected: string | null }> =
  [
    {
      name: 'emitted .js to .ts',
      importer: 'src/cli/main.ts',
      specifier: '../parser/tokenizer.js',
      expected: 'src/parser/tokenizer.ts',
    },
    {
      name: 'extensionless',
      importer: 'src/cli/main.ts',
      specifier: '../parser/tokenizer',
      expected: 'src/parser/tokenizer.ts',
    },
    {
      name: 'folder index',
      importer: 'src/cli/main.ts',
      specifier: '../parser',
      expected: 'src/parser/index.ts',
    },
    {
      name: 'folder with slash',
      importer: 'src/cli/main.ts',
      specifier: '../parser/',
      expected: 'src/parser/index.ts',
    },
    {
      name: 'emitted .js to .tsx',
      importer: 'src/app.ts',
      specifier: './ui/button.js',
      expected: 'src/ui/button.tsx',
    },
    {
      name: 'plain JavaScript',
      importer: 'src/app.js',
      specifier: './legacy.js',
      expected: 'src/legacy.js',
    },
    { name: 'JSON', importer: 'src/app.ts', specifier: './data.json', expected: 'src/data.json' },
    {
      name: 'query suffix',
      importer: 'src/app.ts',
      specifier: './data.json?raw',
      expected: 'src/data.json',
    },
    {
      name: 'emitted .mjs to .mts',
      importer: 'main.ts',
      specifier: './index.mjs',
      expected: 'index.mts',
    },
    {
      name: 'test file with a dotted name',
      importer: 'src/app.ts',
      specifier: './ui/button.test',
      expected: 'src/ui/button.test.tsx',
    },
    {
      name: 'index of a dotted folder',
      importer: 'src/app.ts',
      specifier: './lib.v2',
      expected: 'src/lib.v2/index.js',
    },
    {
      name: 'own folder index',
      importer: 'src/parser/tokenizer.ts',
      specifier: './',
      expected: 'src/parser/index.ts',
    },
    {
      name: 'path through a parent',
      importer: 'src/ui/button.tsx',
      specifier: '../ui/../parser/tokenizer.js',
      expected: 'src/parser/tokenizer.ts',
    },
    { name: 'package import', importer: 'src/app.ts', specifier: 'parser', expected: null },
    { name: 'unchanged file', importer: 'src/app.ts', specifier: './other.js', expected: null },
    {
      name: 'outside the repository',
      importer: 'src/app.ts',
      specifier: '../../x.js',
      expected: null,
    },
  ];

describe('resolveImport', () => {
  for (const { name, importer, specifier, expected } of cases) {
    test(name, () => {
      assert.equal(resolveImport(importer, specifier, changed), expected);
    });
  }
});
