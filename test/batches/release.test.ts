import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { readReleasedVersions } from '../../src/batches/release.js';
import { makeFootprint } from '../helpers/footprint-builder.js';
import { createTempRepo, type TempRepo } from '../helpers/repo.js';
import { analyzeStaged, batchWith, commitFiles, lines, stageFiles } from './staged-analysis.js';

function manifest(name: string, version: string, dependencies: Record<string, string> = {}) {
  return `${JSON.stringify({ name, version, dependencies }, null, 2)}\n`;
}

/** Commits a workspace of two packages at 1.4.0, where web depends on core. */
function commitWorkspace(repo: TempRepo): void {
  commitFiles(repo, {
    'packages/core/package.json': manifest('@demo/core', '1.4.0'),
    'packages/web/package.json': manifest('@demo/web', '1.4.0', { '@demo/core': '^1.4.0' }),
    'packages/core/src/index.js': lines('export const hello = (name) => `Hello, ${name}`;'),
    'CHANGELOG.md': lines('# Changelog', '', '## 1.4.0', '', '- Greets.'),
  });
}

function stageRelease(repo: TempRepo): void {
  stageFiles(repo, {
    'packages/core/package.json': manifest('@demo/core', '1.5.0'),
    'packages/web/package.json': manifest('@demo/web', '1.5.0', { '@demo/core': '^1.5.0' }),
    'CHANGELOG.md': lines(
      '# Changelog',
      '',
      '## 1.5.0',
      '',
      '- Says goodbye.',
      '',
      '## 1.4.0',
      '',
      '- Greets.',
    ),
  });
}

describe('release batches', () => {
  test('version bumps are a release', () => {
    const repo = createTempRepo();
    try {
      commitWorkspace(repo);
      stageRelease(repo);

      const batches = analyzeStaged(repo);

      assert.equal(batches.length, 1);
      assert.equal(batches[0]?.message, 'chore: release 1.5.0');
    } finally {
      repo.cleanup();
    }
  });

  test('release comes after the feature', () => {
    const repo = createTempRepo();
    try {
      commitWorkspace(repo);
      stageRelease(repo);
      stageFiles(repo, {
        'packages/core/src/index.js': lines(
          'export const hello = (name) => `Hello, ${name}`;',
          'export const farewell = (name) => `Bye, ${name}`;',
        ),
      });

      const batches = analyzeStaged(repo, 'aggressive');
      const release = batchWith(batches, 'packages/web/package.json');
      const feature = batchWith(batches, 'packages/core/src/index.js');

      assert.ok(release !== undefined);
      assert.ok(feature !== undefined);
      assert.notEqual(release.id, feature.id);
      assert.equal(release.message, 'chore: release 1.5.0');
      assert.equal(batches.at(-1)?.id, release.id);
    } finally {
      repo.cleanup();
    }
  });

  test('a Cargo version line is a release', () => {
    const repo = createTempRepo();
    try {
      const cargo = (version: string) =>
        lines('[package]', 'name = "fmt"', `version = "${version}"`, '', '[dependencies]');
      commitFiles(repo, { 'Cargo.toml': cargo('0.3.1'), 'src/lib.rs': lines('pub fn f() {}') });
      stageFiles(repo, { 'Cargo.toml': cargo('0.4.0') });

      const [batch] = analyzeStaged(repo);

      assert.equal(batch?.message, 'chore: release 0.4.0');
    } finally {
      repo.cleanup();
    }
  });

  test('a new dependency is no release', () => {
    const repo = createTempRepo();
    try {
      commitWorkspace(repo);
      stageFiles(repo, {
        'packages/core/package.json': manifest('@demo/core', '1.5.0', { chalk: '^5.3.0' }),
      });

      const [batch] = analyzeStaged(repo);

      assert.equal(batch?.scope, 'deps');
      assert.doesNotMatch(batch?.message ?? '', /release/);
    } finally {
      repo.cleanup();
    }
  });

  test('a dependency version line is no release', () => {
    const repo = createTempRepo();
    try {
      const cargo = (serde: string) =>
        lines(
          '[package]',
          'name = "app"',
          'version = "0.1.0"',
          '',
          '[dependencies.serde]',
          `version = "${serde}"`,
        );
      commitFiles(repo, { 'Cargo.toml': cargo('1.0.100') });
      stageFiles(repo, { 'Cargo.toml': cargo('1.0.200') });

      const [batch] = analyzeStaged(repo);

      assert.doesNotMatch(batch?.message ?? '', /release/);
    } finally {
      repo.cleanup();
    }
  });

  test('a lockfile that adds a package is no release', () => {
    const repo = createTempRepo();
    try {
      const lock = (version: string, extra: string[]) =>
        lines(
          '{',
          '  "name": "app",',
          '  "lockfileVersion": 3,',
          '  "packages": {',
          `    "": { "version": "${version}" },`,
          ...extra,
          '    "node_modules/left-pad": { "version": "1.0.0" }',
          '  }',
          '}',
        );
      commitFiles(repo, {
        'package.json': manifest('app', '1.0.0', { 'left-pad': '1.0.0' }),
        'package-lock.json': lock('1.0.0', []),
      });
      stageFiles(repo, {
        'package.json': manifest('app', '1.1.0', { 'left-pad': '1.0.0' }),
        'package-lock.json': lock('1.1.0', ['    "node_modules/evil": { "version": "6.6.6" },']),
      });

      const batches = analyzeStaged(repo);

      for (const batch of batches) assert.doesNotMatch(batch.message, /release/);
    } finally {
      repo.cleanup();
    }
  });

  test('a range on the released version comes after the release', () => {
    const repo = createTempRepo();
    try {
      commitFiles(repo, {
        'packages/a/package.json': manifest('@s/a', '1.0.0'),
        'packages/b/package.json': manifest('@s/b', '2.0.0', {
          '@s/a': '^1.0.0',
          lodash: '^4.0.0',
        }),
      });
      stageFiles(repo, {
        'packages/a/package.json': manifest('@s/a', '1.1.0'),
        'packages/b/package.json': manifest('@s/b', '2.0.0', {
          '@s/a': '^1.1.0',
          lodash: '^4.17.21',
        }),
      });

      const batches = analyzeStaged(repo, 'aggressive');
      const ids = batches.map((batch) => batch.id);
      const release = batchWith(batches, 'packages/a/package.json');
      const user = batchWith(batches, 'packages/b/package.json');

      assert.ok(release !== undefined);
      assert.ok(user !== undefined);
      assert.ok(ids.indexOf(release.id) <= ids.indexOf(user.id), JSON.stringify(ids));
    } finally {
      repo.cleanup();
    }
  });

  test('a version constant in code joins the release', () => {
    const repo = createTempRepo();
    try {
      commitFiles(repo, {
        'package.json': manifest('rel', '1.2.3'),
        'src/version.js': lines('export const VERSION = "1.2.3";'),
        'src/a.js': lines('export const a = 1;'),
      });
      stageFiles(repo, {
        'package.json': manifest('rel', '1.3.0'),
        'src/version.js': lines('export const VERSION = "1.3.0";'),
      });

      const batches = analyzeStaged(repo);

      assert.equal(batches.length, 1);
      assert.equal(batches[0]?.message, 'chore: release 1.3.0');
    } finally {
      repo.cleanup();
    }
  });

  test('rebuilt output and contributors join a release', () => {
    const named = (version: string, contributors: string[]) =>
      `${JSON.stringify({ name: 'http', version, contributors }, null, 2)}\n`;
    const input = makeFootprint([
      {
        path: 'package.json',
        old: named('1.7.7', ['Ann', 'Bo']),
        new: named('1.7.8', ['Bo', 'Ann']),
      },
      {
        path: 'dist/http.js',
        category: 'generated',
        old: lines('/* http v1.7.7 */', 'const a = 1;'),
        new: lines('/* http v1.7.8 */', 'const a = 2;'),
      },
      {
        path: 'lib/env/data.js',
        old: lines('export const VERSION = "1.7.7";'),
        new: lines('export const VERSION = "1.7.8";'),
      },
    ]);
    const parts = input.footprint.files.map((file) => ({
      file,
      hunks: file.hunks.map((_, index) => index),
      whole: true,
    }));

    assert.deepEqual(readReleasedVersions(parts, input.content), ['1.7.8']);
  });

  test('chained versions in one batch are one release', () => {
    const manifestOf = (name: string, version: string) => manifest(name, version);
    const input = makeFootprint([
      {
        path: 'packages/a/package.json',
        old: manifestOf('@s/a', '1.1.0'),
        new: manifestOf('@s/a', '1.2.0'),
      },
      {
        path: 'packages/b/package.json',
        old: manifestOf('@s/b', '1.0.0'),
        new: manifestOf('@s/b', '1.1.0'),
      },
      {
        path: 'src/versions.js',
        old: lines('export const A = "1.1.0";', 'export const B = "1.0.0";'),
        new: lines('export const A = "1.2.0";', 'export const B = "1.1.0";'),
      },
    ]);
    const parts = input.footprint.files.map((file) => ({
      file,
      hunks: file.hunks.map((_, index) => index),
      whole: true,
    }));

    assert.deepEqual(readReleasedVersions(parts, input.content), ['1.2.0', '1.1.0']);
  });
});
