import assert from 'node:assert/strict';
import { afterEach, beforeEach, describe, test } from 'node:test';
import { createTempRepo, type TempRepo } from '../helpers/repo.js';
import { commitHistory, repeat } from '../learn/history-fixture.js';
import {
  analyzeChange,
  analyzeStaged,
  batchWith,
  commitFiles,
  lines,
  stageFiles,
} from './staged-analysis.js';

const INTRO = 'apps/docs/pages/intro.md';
const SETUP = 'packages/docs/guides/setup.md';

const intro = (text: string) => lines('# Introduction', '', text);
const setup = (text: string) => lines('# Setup', '', text);
const pageSize = (size: number) => lines(`export const pageSize = ${size};`);
const theme = (radius: number) => lines(`export const radius = ${radius};`);

/**
 * Returns a pnpm-style workspace with two packages in folders named docs, `apps/docs` and
 * `packages/docs`, whose package.json names are `names`. A null name leaves that package.json out.
 */
function workspace(names: { app: string | null; library: string | null }) {
  const files: Record<string, string> = {
    'package.json': lines(
      '{ "name": "acme", "private": true, "workspaces": ["apps/*", "packages/*"] }',
    ),
    'apps/web/package.json': lines('{ "name": "web", "private": true }'),
    [INTRO]: intro('Acme builds carts.'),
    [SETUP]: setup('Install the cart.'),
    'apps/docs/config.ts': pageSize(10),
    'packages/docs/theme.ts': theme(4),
    'README.md': lines('# Acme', '', 'Carts for shops.'),
    'docs/guide.md': lines('# Guide', '', 'Read this first.'),
  };
  if (names.app !== null) files['apps/docs/package.json'] = lines(`{ "name": "${names.app}" }`);
  if (names.library !== null) {
    files['packages/docs/package.json'] = lines(`{ "name": "${names.library}" }`);
  }
  return files;
}

/** Returns the message of the batch that takes `path`. */
function messageOf(batches: ReturnType<typeof analyzeStaged>, path: string) {
  return batchWith(batches, path)?.message;
}

describe('scopes of workspace packages', () => {
  let repo: TempRepo;

  beforeEach(() => {
    repo = createTempRepo();
  });
  afterEach(() => repo.cleanup());

  test('docs page takes package scope', () => {
    const batches = analyzeChange(repo, workspace({ app: 'docs', library: '@acme/docs' }), {
      [INTRO]: intro('Acme builds carts and tills.'),
    });

    assert.equal(messageOf(batches, INTRO), 'docs(docs): update Introduction in intro');
  });

  test('library docs take package scope', () => {
    const batches = analyzeChange(repo, workspace({ app: 'docs', library: '@acme/docs' }), {
      [SETUP]: setup('Install the cart with npm.'),
    });

    assert.equal(messageOf(batches, SETUP), 'docs(docs): update setup');
  });

  test('same package names take paths', () => {
    const batches = analyzeChange(repo, workspace({ app: 'docs', library: '@acme/docs' }), {
      [INTRO]: intro('Acme builds carts and tills.'),
      [SETUP]: setup('Install the cart with npm.'),
    });

    assert.equal(messageOf(batches, INTRO), 'docs(apps/docs): update Introduction in intro');
    assert.equal(messageOf(batches, SETUP), 'docs(packages/docs): update setup');
  });

  test('distinct package names are scopes', () => {
    const batches = analyzeChange(repo, workspace({ app: 'docs', library: '@acme/docs-kit' }), {
      [INTRO]: intro('Acme builds carts and tills.'),
      [SETUP]: setup('Install the cart with npm.'),
    });

    assert.equal(messageOf(batches, INTRO), 'docs(docs): update Introduction in intro');
    assert.equal(messageOf(batches, SETUP), 'docs(docs-kit): update setup');
  });

  test('missing package.json takes paths', () => {
    const batches = analyzeChange(repo, workspace({ app: null, library: 'docs-kit' }), {
      [INTRO]: intro('Acme builds carts and tills.'),
      [SETUP]: setup('Install the cart with npm.'),
    });

    assert.equal(messageOf(batches, INTRO), 'docs(apps/docs): update Introduction in intro');
    assert.equal(messageOf(batches, SETUP), 'docs(packages/docs): update setup');
  });

  test('staged package.json names the package', () => {
    const batches = analyzeChange(repo, workspace({ app: 'docs', library: '@acme/docs' }), {
      'packages/docs/package.json': lines('{ "name": "@acme/docs-kit" }'),
      [INTRO]: intro('Acme builds carts and tills.'),
      [SETUP]: setup('Install the cart with npm.'),
    });

    assert.equal(messageOf(batches, INTRO), 'docs(docs): update Introduction in intro');
    assert.equal(messageOf(batches, SETUP), 'docs(docs-kit): update setup');
  });

  test('code of both packages differs', () => {
    const batches = analyzeChange(repo, workspace({ app: 'docs', library: '@acme/docs' }), {
      'apps/docs/config.ts': pageSize(20),
      'packages/docs/theme.ts': theme(8),
    });

    assert.equal(messageOf(batches, 'apps/docs/config.ts'), 'fix(apps/docs): update config');
    assert.equal(messageOf(batches, 'packages/docs/theme.ts'), 'fix(packages/docs): update theme');
  });

  test('root docs keep no scope', () => {
    const batches = analyzeChange(repo, workspace({ app: 'docs', library: '@acme/docs' }), {
      'README.md': lines('# Acme', '', 'Carts and tills for shops.'),
      'docs/guide.md': lines('# Guide', '', 'Read this first, then the API.'),
    });

    assert.equal(messageOf(batches, 'README.md'), 'docs: update Acme in README');
    assert.equal(messageOf(batches, 'docs/guide.md'), 'docs: update guide');
  });

  test('root and package docs', () => {
    const batches = analyzeChange(repo, workspace({ app: 'docs', library: '@acme/docs' }), {
      'README.md': lines('# Acme', '', 'Carts and tills for shops.'),
      [INTRO]: intro('Acme builds carts and tills.'),
    });

    assert.equal(messageOf(batches, 'README.md'), 'docs: update Acme in README');
    assert.equal(messageOf(batches, INTRO), 'docs(docs): update Introduction in intro');
  });
});

describe('docs scope habit', () => {
  let repo: TempRepo;

  beforeEach(() => {
    repo = createTempRepo();
  });
  afterEach(() => repo.cleanup());

  test('team docs(docs) habit is kept', () => {
    commitFiles(repo, { 'docs/guide.md': lines('# Guide', '', 'Read this first.') });
    commitHistory(
      repo,
      repeat(6, {
        message: 'docs(docs): reword the guide',
        files: { 'docs/guide.md': lines('# Guide', '', 'Read this.') },
      }),
    );
    stageFiles(repo, { 'docs/guide.md': lines('# Guide', '', 'Read this before you start.') });
    assert.equal(repo.footprint(['learn']).status, 0);

    const batches = analyzeStaged(repo);

    assert.match(messageOf(batches, 'docs/guide.md') ?? '', /^docs\(docs\): /);
  });
});

describe('workspace scopes with a learned model', () => {
  let repo: TempRepo;

  beforeEach(() => {
    repo = createTempRepo();
  });
  afterEach(() => repo.cleanup());

  test('learned scope names the page', () => {
    commitFiles(repo, workspace({ app: 'docs', library: null }));
    commitHistory(
      repo,
      repeat(6, {
        message: 'docs(handbook): reword the intro',
        files: { [INTRO]: intro('Acme builds carts.') },
      }),
    );
    stageFiles(repo, { [INTRO]: intro('Acme builds carts and tills.') });
    assert.equal(repo.footprint(['learn']).status, 0);

    const batches = analyzeStaged(repo);

    assert.equal(messageOf(batches, INTRO), 'docs(handbook): update Introduction in intro');
  });
});

describe('scopes below a package', () => {
  let repo: TempRepo;

  beforeEach(() => {
    repo = createTempRepo();
  });
  afterEach(() => repo.cleanup());

  const heading = (text: string) =>
    lines('export default function Page() {', `  return <h1>${text}</h1>;`, '}');

  const apps = {
    'package.json': lines('{ "name": "acme", "private": true, "workspaces": ["apps/*"] }'),
    'apps/web/package.json': lines('{ "name": "web" }'),
    'apps/docs/package.json': lines('{ "name": "docs" }'),
    'apps/web/app/page.tsx': heading('Shop'),
    'apps/docs/app/page.tsx': heading('Handbook'),
  };

  test('app folders take their package', () => {
    const batches = analyzeChange(repo, apps, {
      'apps/web/app/page.tsx': heading('Shop for carts'),
      'apps/docs/app/page.tsx': heading('Handbook for tills'),
    });

    assert.equal(batchWith(batches, 'apps/web/app/page.tsx')?.scope, 'web');
    assert.equal(batchWith(batches, 'apps/docs/app/page.tsx')?.scope, 'docs');
  });

  test('named part keeps its folder', () => {
    const before = {
      'packages/bundler/package.json': lines('{ "name": "bundler" }'),
      'packages/bundler/src/node/optimizer/scan.ts': pageSize(10),
    };
    const batches = analyzeChange(repo, before, {
      'packages/bundler/src/node/optimizer/scan.ts': pageSize(20),
    });

    assert.equal(
      batchWith(batches, 'packages/bundler/src/node/optimizer/scan.ts')?.scope,
      'optimizer',
    );
  });

  test('components folder takes its package', () => {
    const before = {
      'packages/runtime/package.json': lines('{ "name": "@acme/runtime" }'),
      'packages/runtime/src/components/Teleport.ts': pageSize(10),
    };
    const batches = analyzeChange(repo, before, {
      'packages/runtime/src/components/Teleport.ts': pageSize(20),
    });

    assert.equal(
      batchWith(batches, 'packages/runtime/src/components/Teleport.ts')?.scope,
      'runtime',
    );
  });
});
