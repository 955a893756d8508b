import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { readImportClause } from '../../src/batches/import-clause.js';

const cases: Array<{ name: string; statement: string; locals: string[]; imported: string[] }> = [
  {
    name: 'default and named',
    statement: "import run, { parse as read, format } from './m.js'",
    locals: ['run', 'read', 'format'],
    imported: ['default', 'parse', 'format'],
  },
  {
    name: 'namespace',
    statement: "import * as path from 'node:path'",
    locals: ['path'],
    imported: ['*'],
  },
  {
    name: 'type-only',
    statement: "import type { Hunk, FileChange as Change } from './types.js'",
    locals: ['Hunk', 'Change'],
    imported: ['Hunk', 'FileChange'],
  },
  {
    name: 're-export',
    statement: "export { parse as read } from './m.js'",
    locals: [],
    imported: ['parse'],
  },
  {
    name: 'side effect',
    statement: "import './polyfill.js'",
    locals: [],
    imported: [],
  },
];

describe('readImportClause', () => {
  for (const { name, statement, locals, imported } of cases) {
    test(name, () => {
      const clause = readImportClause(statement);

      assert.deepEqual(clause.locals, locals);
      assert.deepEqual(clause.imported, imported);
    });
  }
});
