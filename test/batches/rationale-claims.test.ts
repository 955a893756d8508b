import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { TypeChoice } from '../../src/batches/commit-type.js';
import { writeRationale } from '../../src/batches/rationale.js';

const DOCS: TypeChoice = { type: 'docs', reason: 'it changes only documentation' };
const FEATURE: TypeChoice = { type: 'feat', reason: 'it adds source files' };
const BUMP: TypeChoice = {
  type: 'chore',
  guessed: 'build',
  updatesDependencies: true,
  reason: 'it changes dependencies',
};

const docs = (path: string) => ({ path, category: 'docs' });
const manifest = (path: string) => ({ path, category: 'dependency-manifest' });
const source = (path: string) => ({ path, category: 'source' });

describe('rationale claims only what holds', () => {
  test('one file keeps hunks label', () => {
    const rationale = writeRationale([{ kind: 'same-file', weight: 1 }], 2, DOCS, {}, [
      docs('guide/client.md'),
    ]);

    assert.equal(rationale, 'hunks of one file; docs because it changes only documentation');
  });

  test('two files name their place', () => {
    const rationale = writeRationale([{ kind: 'same-file', weight: 1 }], 3, DOCS, {}, [
      docs('guide/client.md'),
      docs('guide/getting-started.md'),
    ]);

    const [relations, type] = rationale.split('; ');
    assert.equal(relations, 'hunks of one file, documentation changed together');
    assert.equal(type, 'docs because it changes only documentation');
  });

  test('version bump is no rename', () => {
    const rationale = writeRationale([{ kind: 'rename', weight: 1 }], 2, BUMP, {}, [
      { path: '.github/workflows/ci.yml', category: 'ci' },
      { path: '.github/workflows/release.yml', category: 'ci' },
    ]);

    assert.match(rationale, /^the same edit in several places; /);
  });

  test('new package without users', () => {
    const rationale = writeRationale([{ kind: 'new-package', weight: 1 }], 2, FEATURE, {}, [
      manifest('packages/logger/package.json'),
      source('packages/logger/src/index.ts'),
    ]);

    assert.match(rationale, /^a new package with its manifest; /);
  });

  test('new package with a user', () => {
    const rationale = writeRationale([{ kind: 'new-package', weight: 1 }], 3, FEATURE, {}, [
      manifest('packages/core/package.json'),
      manifest('packages/logger/package.json'),
      source('packages/logger/src/index.ts'),
    ]);

    assert.match(rationale, /^a new package with its manifest, and the manifests that name it; /);
  });
});
