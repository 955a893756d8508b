import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { loadPackageNames } from '../../src/batches/package-names.js';
import { makeFootprint, type FileSpec } from '../helpers/footprint-builder.js';

const DOCS_EDITS: FileSpec[] = [
  { path: 'apps/docs/pages/intro.md', old: '# Intro\n', new: '# Introduction\n' },
  { path: 'packages/docs/guides/setup.md', old: '# Setup\n', new: '# Set up\n' },
];

/** Returns a reader whose HEAD tree contains `files`, and the paths each read requested. */
function treeReader(files: Record<string, string>) {
  const requests: string[][] = [];
  const reader = {
    readTreeFiles: (_tree: string, paths: readonly string[]) => {
      requests.push([...paths]);
      const found = paths.filter((path) => files[path] !== undefined);
      return Promise.resolve(new Map(found.map((path) => [path, Buffer.from(files[path]!)])));
    },
  };
  return { reader, requests };
}

describe('loadPackageNames', () => {
  test('reads committed package.json names', async () => {
    const { reader, requests } = treeReader({
      'apps/docs/package.json': '{ "name": "docs" }',
      'packages/docs/package.json': '{ "name": "@acme/docs-kit" }',
    });

    const names = await loadPackageNames(reader, makeFootprint(DOCS_EDITS));

    assert.deepEqual(Object.fromEntries(names), {
      'apps/docs': 'docs',
      'packages/docs': '@acme/docs-kit',
    });
    assert.deepEqual(requests, [['apps/docs/package.json', 'packages/docs/package.json']]);
  });

  test('staged package.json wins', async () => {
    const { reader, requests } = treeReader({ 'apps/docs/package.json': '{ "name": "docs" }' });
    const manifest = {
      path: 'packages/docs/package.json',
      old: '{ "name": "@acme/docs" }\n',
      new: '{ "name": "@acme/docs-kit" }\n',
    };

    const names = await loadPackageNames(reader, makeFootprint([...DOCS_EDITS, manifest]));

    assert.equal(names.get('packages/docs'), '@acme/docs-kit');
    assert.deepEqual(requests, [['apps/docs/package.json']]);
  });

  test('deleted package.json has no name', async () => {
    const { reader } = treeReader({ 'apps/docs/package.json': '{ "name": "docs" }' });
    const manifest = { path: 'packages/docs/package.json', old: '{ "name": "kit" }\n', new: null };

    const names = await loadPackageNames(reader, makeFootprint([...DOCS_EDITS, manifest]));

    assert.deepEqual([...names.keys()], ['apps/docs']);
  });

  test('one docs package reads nothing', async () => {
    const { reader, requests } = treeReader({ 'apps/docs/package.json': '{ "name": "docs" }' });
    const [intro] = DOCS_EDITS;

    const names = await loadPackageNames(reader, makeFootprint([intro!]));

    assert.equal(names.size, 0);
    assert.deepEqual(requests, []);
  });

  test('failed read gives no names', async () => {
    const reader = { readTreeFiles: () => Promise.reject(new Error('bad object')) };

    const names = await loadPackageNames(reader, makeFootprint(DOCS_EDITS));

    assert.equal(names.size, 0);
  });
});
