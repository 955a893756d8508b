import assert from 'node:assert/strict';
import { test } from 'node:test';
import { findListedExports } from '../../src/batches/export-lists.js';

/** Returns the names found on each line, as `line: names`. */
function describeListed(text: string): string[] {
  return [...findListedExports(text)].map(([line, found]) => `${line}: ${found.names.join(' ')}`);
}

test('one-line lists name each export', () => {
  const text = [
    "export { a, b as c } from './x';",
    "export type { T, type U } from './types';",
    'export { local };',
  ].join('\n');

  assert.deepEqual(describeListed(text), ['1: a c', '2: T U', '3: local']);
});

test('list over lines names its items', () => {
  const text = ['export {', '  a,', '  b as c, d,', "} from './x';", 'const e = 1;'].join('\n');

  assert.deepEqual(describeListed(text), ['2: a', '3: c d']);
});

test('namespace export names the namespace', () => {
  assert.deepEqual(describeListed("export * as nodes from './nodes';"), ['1: nodes']);
});

test('default and star exports name nothing', () => {
  const text = ["export { a as default } from './a';", "export * from './all';", 'export {};'];

  assert.deepEqual(describeListed(text.join('\n')), []);
});

test('other braces are no export list', () => {
  const text = ['import {', '  a,', "} from './a';", 'const {', '  b,', '} = api;'].join('\n');

  assert.deepEqual(describeListed(text), []);
});
