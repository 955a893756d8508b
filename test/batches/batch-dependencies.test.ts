import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { findBatchDependencies, type BatchLike } from '../../src/batches/batch-dependencies.js';
import { lines, makeFootprint, type FileSpec } from '../helpers/footprint-builder.js';

/** Puts each path in its own batch, `b1`, `b2`, ... in the order given. */
function onePerPath(paths: string[]): BatchLike[] {
  return paths.map((path, index) => ({ id: `b${index + 1}`, changes: [{ path }] }));
}

const newModule: FileSpec[] = [
  { path: 'src/parser/numbers.ts', new: lines('export const readNumber = Number;') },
  {
    path: 'src/cli/calc.ts',
    old: lines('export const calculate = 1;'),
    new: lines(
      "import { readNumber } from '../parser/numbers.js';",
      'export const calculate = readNumber;',
    ),
  },
];

/**
 * Returns a Go package that adds `Open` next to `New`, and a main package that imports it with
 * `importLine` and starts to call `qualifier.Open()`.
 */
function goPackageAndUse(importLine: string, qualifier: string): FileSpec[] {
  const main = (calls: string[]) =>
    lines('package main', '', 'import (', importLine, ')', '', 'func main() {', ...calls, '}');
  return [
    {
      path: 'internal/store/store.go',
      old: lines('package store', '', 'func New() int { return 1 }'),
      new: lines(
        'package store',
        '',
        'func New() int { return 1 }',
        '',
        'func Open() int { return 2 }',
      ),
    },
    {
      path: 'cmd/main.go',
      old: main([`\t_ = ${qualifier}.New()`]),
      new: main([`\t_ = ${qualifier}.New()`, `\t_ = ${qualifier}.Open()`]),
    },
  ];
}

/** A Python module that gains `fresh_helper` next to `old`. */
const moduleWithFreshHelper: FileSpec = {
  path: 'pkg/mod.py',
  old: lines('def old():', '    return 1'),
  new: lines('def old():', '    return 1', '', '', 'def fresh_helper():', '    return 2'),
};

/**
 * Finds the batch dependencies of pkg/use.py, which imports pkg/mod.py with `importLine` and
 * starts to call `qualifier.fresh_helper()`, when b1 takes pkg/use.py and b2 pkg/mod.py.
 */
function pythonModuleUse(importLine: string, qualifier: string) {
  const input = makeFootprint([
    moduleWithFreshHelper,
    {
      path: 'pkg/use.py',
      old: lines(importLine, 'x = 1'),
      new: lines(importLine, 'x = 1', `y = ${qualifier}.fresh_helper()`),
    },
  ]);
  return findBatchDependencies(onePerPath(['pkg/use.py', 'pkg/mod.py']), input);
}

/**
 * Finds the batch dependencies of app.py going from `old` to `edited` in two hunks, an import
 * and a use, when b1 takes the use's hunk and b2 the import's.
 */
function useBeforeImport(old: string, edited: string) {
  const input = makeFootprint([{ path: 'app.py', old, new: edited }]);
  const [importHunk, useHunk] = input.footprint.files[0]?.hunks ?? [];
  assert.ok(importHunk !== undefined);
  assert.ok(useHunk !== undefined);
  const batches = [
    { id: 'b1', changes: [{ path: 'app.py', hunks: [useHunk] }] },
    { id: 'b2', changes: [{ path: 'app.py', hunks: [importHunk] }] },
  ];
  return findBatchDependencies(batches, input);
}

/** Python lines between an import and its use, so that the two are separate hunks. */
const pythonFiller = Array.from({ length: 8 }, (_, index) => `x${index} = ${index}`);

describe('findBatchDependencies', () => {
  test('import of a new file', () => {
    const input = makeFootprint(newModule);
    const [dependency, ...rest] = findBatchDependencies(
      onePerPath(['src/cli/calc.ts', 'src/parser/numbers.ts']),
      input,
    );

    assert.equal(rest.length, 0);
    assert.equal(dependency?.batch, 'b1');
    assert.equal(dependency?.on, 'b2');
    assert.equal(dependency?.path, 'src/cli/calc.ts');
    assert.equal(dependency?.onPath, 'src/parser/numbers.ts');
    assert.equal(dependency?.subject, 'src/parser/numbers.ts');
    assert.equal(dependency?.removes, false);
  });

  test('same batch needs nothing', () => {
    const input = makeFootprint(newModule);
    const batches = [{ id: 'b1', changes: newModule.map((spec) => ({ path: spec.path })) }];

    assert.deepEqual(findBatchDependencies(batches, input), []);
  });

  test('new export of a modified file', () => {
    const input = makeFootprint([
      {
        path: 'src/parser/tokens.ts',
        old: lines('export const a = 1;'),
        new: lines('export const a = 1;', 'export function readWord() {}'),
      },
      {
        path: 'src/cli/main.ts',
        old: lines('run();'),
        new: lines("import { readWord } from '../parser/tokens.js';", 'run(readWord);'),
      },
    ]);
    const [dependency] = findBatchDependencies(
      onePerPath(['src/cli/main.ts', 'src/parser/tokens.ts']),
      input,
    );

    assert.equal(dependency?.batch, 'b1');
    assert.equal(dependency?.on, 'b2');
    assert.equal(dependency?.subject, 'readWord');
  });

  test('new function and its caller in one file', () => {
    const old = lines('function main() {', '  run();', '}', '', '', '', '', '', 'const z = 0;');
    const edited = lines(
      'function main() {',
      '  run();',
      '  printSummary();',
      '}',
      '',
      '',
      '',
      '',
      '',
      'const z = 0;',
      'function printSummary() {}',
    );
    const input = makeFootprint([{ path: 'tools/report.py', old, new: edited }]);
    const [first, second] = input.footprint.files[0]?.hunks ?? [];
    const batches = [
      { id: 'b1', changes: [{ path: 'tools/report.py', hunks: [first!] }] },
      { id: 'b2', changes: [{ path: 'tools/report.py', hunks: [second!] }] },
    ];
    const [dependency] = findBatchDependencies(batches, input);

    assert.equal(dependency?.batch, 'b1');
    assert.equal(dependency?.on, 'b2');
    assert.equal(dependency?.subject, 'printSummary');
  });

  test('deleted file still imported', () => {
    const input = makeFootprint([
      { path: 'src/legacy.ts', old: lines('export const legacy = 1;') },
      {
        path: 'src/main.ts',
        old: lines("import { legacy } from './legacy.js';", 'run(legacy);'),
        new: lines('run(2);'),
      },
    ]);
    const [dependency] = findBatchDependencies(onePerPath(['src/legacy.ts', 'src/main.ts']), input);

    assert.equal(dependency?.batch, 'b1');
    assert.equal(dependency?.on, 'b2');
    assert.equal(dependency?.removes, true);
    assert.equal(dependency?.subject, 'src/legacy.ts');
  });

  test('renamed file still imported', () => {
    const input = makeFootprint([
      {
        path: 'src/current.ts',
        oldPath: 'src/legacy.ts',
        old: lines('export const legacy = 1;'),
        new: lines('export const legacy = 1;'),
      },
      {
        path: 'src/main.ts',
        old: lines("import { legacy } from './legacy.js';", 'run(legacy);'),
        new: lines("import { legacy } from './current.js';", 'run(legacy);'),
      },
    ]);
    const dependencies = findBatchDependencies(
      onePerPath(['src/current.ts', 'src/main.ts']),
      input,
    );
    const removal = dependencies.find((dependency) => dependency.removes);

    assert.equal(removal?.batch, 'b1');
    assert.equal(removal?.path, 'src/current.ts');
    assert.equal(removal?.subject, 'src/legacy.ts');
  });

  test('removed export still imported', () => {
    const input = makeFootprint([
      {
        path: 'src/util.ts',
        old: lines('export const add = 1;', '', '', '', 'export function old() {}'),
        new: lines('export const add = 1;'),
      },
      {
        path: 'src/main.ts',
        old: lines("import { add, old } from './util.js';", 'run(add, old);'),
        new: lines("import { add } from './util.js';", 'run(add);'),
      },
    ]);
    const [dependency, ...rest] = findBatchDependencies(
      onePerPath(['src/util.ts', 'src/main.ts']),
      input,
    );

    assert.equal(rest.length, 0);
    assert.equal(dependency?.batch, 'b1');
    assert.equal(dependency?.on, 'b2');
    assert.equal(dependency?.removes, true);
    assert.equal(dependency?.subject, 'old');
  });

  test('Python removed name still imported', () => {
    const input = makeFootprint([
      {
        path: 'pkg/lib.py',
        old: lines('def keep():', '    return 1', '', '', 'def gone():', '    return 2'),
        new: lines('def keep():', '    return 1'),
      },
      {
        path: 'pkg/app.py',
        old: lines('from pkg.lib import keep, gone', 'print(keep(), gone())'),
        new: lines('from pkg.lib import keep', 'print(keep())'),
      },
    ]);
    const [dependency, ...rest] = findBatchDependencies(
      onePerPath(['pkg/lib.py', 'pkg/app.py']),
      input,
    );

    assert.equal(rest.length, 0);
    assert.equal(dependency?.batch, 'b1');
    assert.equal(dependency?.on, 'b2');
    assert.equal(dependency?.removes, true);
    assert.equal(dependency?.subject, 'gone');
  });

  test('removed export imported by no edit', () => {
    const input = makeFootprint([
      {
        path: 'src/util.ts',
        old: lines('export const add = 1;', '', '', '', 'export function old() {}'),
        new: lines('export const add = 1;'),
      },
      {
        path: 'src/main.ts',
        old: lines("import { add } from './util.js';", 'run(add);'),
        new: lines("import { add } from './util.js';", 'run(add, 2);'),
      },
    ]);

    assert.deepEqual(findBatchDependencies(onePerPath(['src/util.ts', 'src/main.ts']), input), []);
  });

  test('Python import of a new name', () => {
    const input = makeFootprint([
      moduleWithFreshHelper,
      {
        path: 'pkg/use.py',
        old: lines('import os'),
        new: lines('import os', 'from .mod import fresh_helper', 'x = fresh_helper()'),
      },
    ]);
    const [dependency, ...rest] = findBatchDependencies(
      onePerPath(['pkg/use.py', 'pkg/mod.py']),
      input,
    );

    assert.equal(rest.length, 0);
    assert.equal(dependency?.batch, 'b1');
    assert.equal(dependency?.on, 'b2');
    assert.equal(dependency?.subject, 'fresh_helper');
  });

  test('Python import of an old name', () => {
    const input = makeFootprint([
      moduleWithFreshHelper,
      {
        path: 'pkg/use.py',
        old: lines('import os'),
        new: lines('import os', 'from pkg.mod import old', 'x = old()'),
      },
    ]);

    assert.deepEqual(findBatchDependencies(onePerPath(['pkg/use.py', 'pkg/mod.py']), input), []);
  });

  test('Python use before its import', () => {
    const old = lines('import os', ...pythonFiller, 'def run():', '    return os.getcwd()');
    const edited = lines(
      'import os',
      'from json import dumps as to_json',
      ...pythonFiller,
      'def run():',
      '    return to_json(os.getcwd())',
    );
    const [dependency, ...rest] = useBeforeImport(old, edited);

    assert.equal(rest.length, 0);
    assert.equal(dependency?.batch, 'b1');
    assert.equal(dependency?.on, 'b2');
    assert.equal(dependency?.subject, 'to_json');
  });

  test('Python use of a bound name', () => {
    const old = lines('import os', ...pythonFiller, 'def run():', '    return 1');
    const edited = lines(
      'import json, os',
      ...pythonFiller,
      'def run():',
      '    return os.getcwd()',
    );

    assert.deepEqual(useBeforeImport(old, edited), []);
  });

  test('Python use through its module', () => {
    const [dependency, ...rest] = pythonModuleUse('import pkg.mod', 'pkg.mod');

    assert.equal(rest.length, 0);
    assert.equal(dependency?.batch, 'b1');
    assert.equal(dependency?.on, 'b2');
    assert.equal(dependency?.path, 'pkg/use.py');
    assert.equal(dependency?.subject, 'fresh_helper');
  });

  test('Python use under a module alias', () => {
    const [dependency] = pythonModuleUse('import os, pkg.mod as helpers', 'helpers');

    assert.equal(dependency?.subject, 'fresh_helper');
  });

  test('Python use through another module', () => {
    assert.deepEqual(pythonModuleUse('import pkg.mod as helpers', 'pkg.mod'), []);
  });

  test('Go use of a new function', () => {
    const input = makeFootprint(goPackageAndUse('\t"example.com/app/internal/store"', 'store'));
    const [dependency, ...rest] = findBatchDependencies(
      onePerPath(['cmd/main.go', 'internal/store/store.go']),
      input,
    );

    assert.equal(rest.length, 0);
    assert.equal(dependency?.batch, 'b1');
    assert.equal(dependency?.on, 'b2');
    assert.equal(dependency?.path, 'cmd/main.go');
    assert.equal(dependency?.subject, 'Open');
  });

  test('Go use under an import name', () => {
    const input = makeFootprint(goPackageAndUse('\tdb "example.com/app/internal/store"', 'db'));
    const [dependency] = findBatchDependencies(
      onePerPath(['cmd/main.go', 'internal/store/store.go']),
      input,
    );

    assert.equal(dependency?.subject, 'Open');
  });

  test('Go use of another package', () => {
    const input = makeFootprint(goPackageAndUse('\t"example.com/app/internal/store"', 'cache'));

    assert.deepEqual(
      findBatchDependencies(onePerPath(['cmd/main.go', 'internal/store/store.go']), input),
      [],
    );
  });

  test('names that only match across files are no dependency', () => {
    const input = makeFootprint([
      {
        path: 'lib/a.py',
        old: lines('x = 1'),
        new: lines('x = 1', 'def compute_total():', '  pass'),
      },
      { path: 'lib/b.py', old: lines('y = 1'), new: lines('y = compute_total()') },
    ]);

    assert.deepEqual(findBatchDependencies(onePerPath(['lib/b.py', 'lib/a.py']), input), []);
  });
});
