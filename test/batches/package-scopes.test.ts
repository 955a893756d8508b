import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { choosePackageScopes, findSharedPackageNames } from '../../src/batches/package-scopes.js';

const APP = 'apps/docs/pages/intro.md';
const LIBRARY = 'packages/docs/guides/setup.md';

const CASES: Array<{
  name: string;
  paths: string[];
  manifestNames: Record<string, string>;
  expected: Record<string, string>;
}> = [
  {
    name: 'one docs package',
    paths: [APP, 'packages/ui/button.tsx'],
    manifestNames: { 'apps/docs': 'docs' },
    expected: {},
  },
  {
    name: 'no package.json names',
    paths: [APP, LIBRARY],
    manifestNames: {},
    expected: { 'apps/docs': 'apps/docs', 'packages/docs': 'packages/docs' },
  },
  {
    name: 'one package.json name',
    paths: [APP, LIBRARY],
    manifestNames: { 'packages/docs': 'docs-kit' },
    expected: { 'apps/docs': 'apps/docs', 'packages/docs': 'packages/docs' },
  },
  {
    name: 'same unscoped names',
    paths: [APP, LIBRARY],
    manifestNames: { 'apps/docs': 'docs', 'packages/docs': '@acme/docs' },
    expected: { 'apps/docs': 'apps/docs', 'packages/docs': 'packages/docs' },
  },
  {
    name: 'distinct unscoped names',
    paths: [APP, LIBRARY],
    manifestNames: { 'apps/docs': 'docs', 'packages/docs': '@acme/docs-kit' },
    expected: { 'apps/docs': 'docs', 'packages/docs': 'docs-kit' },
  },
  {
    name: 'name of another package',
    paths: [APP, LIBRARY, 'packages/ui/button.tsx'],
    manifestNames: { 'apps/docs': 'ui', 'packages/docs': 'docs-kit' },
    expected: { 'apps/docs': 'apps/docs', 'packages/docs': 'packages/docs' },
  },
  {
    name: 'npm scope without name',
    paths: [APP, LIBRARY],
    manifestNames: { 'apps/docs': 'docs', 'packages/docs': '@acme' },
    expected: { 'apps/docs': 'apps/docs', 'packages/docs': 'packages/docs' },
  },
  {
    name: 'name with a space',
    paths: [APP, LIBRARY],
    manifestNames: { 'apps/docs': 'docs', 'packages/docs': 'docs kit' },
    expected: { 'apps/docs': 'apps/docs', 'packages/docs': 'packages/docs' },
  },
  {
    name: 'nested workspace repeats pair',
    paths: [LIBRARY, 'apps/shop/packages/docs/intro.md'],
    manifestNames: {},
    expected: {
      'apps/shop/packages/docs': 'apps/shop/packages/docs',
      'packages/docs': 'packages/docs',
    },
  },
];

describe('choosePackageScopes', () => {
  for (const { name, paths, manifestNames, expected } of CASES) {
    test(name, () => {
      const scopes = choosePackageScopes(paths, new Map(Object.entries(manifestNames)));

      assert.deepEqual(Object.fromEntries(scopes), expected);
    });
  }
});

describe('findSharedPackageNames', () => {
  test('lists both docs packages', () => {
    const folders = findSharedPackageNames([LIBRARY, 'packages/ui/button.tsx', APP]);

    assert.deepEqual(folders, ['apps/docs', 'packages/docs']);
  });

  test('root docs are no package', () => {
    const folders = findSharedPackageNames(['docs/guide.md', 'README.md', APP]);

    assert.deepEqual(folders, []);
  });
});
