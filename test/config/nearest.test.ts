import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdirSync, symlinkSync } from 'node:fs';
import path from 'node:path';
import { loadConfig } from '../../src/config/load.js';
import { findRiskScopes, rebaseGlob } from '../../src/config/nearest.js';
import { createTempRepo, type TempRepo } from '../helpers/repo.js';

async function scopesOf(repo: TempRepo, paths: string[]) {
  const root = await loadConfig(repo.dir, { env: {} });
  return findRiskScopes(repo.dir, paths, root);
}

test('nearest config defaults to the root', async () => {
  const repo = createTempRepo();
  try {
    repo.write('footprint.config.json', JSON.stringify({ risk: { disable: ['private-key'] } }));

    const scopes = await scopesOf(repo, ['README.md', 'packages/a/src/x.ts']);

    assert.equal(scopes.get('README.md')?.dir, '');
    assert.deepEqual(scopes.get('packages/a/src/x.ts')?.risk.disable, ['private-key']);
  } finally {
    repo.cleanup();
  }
});

test('nearest config wins over the root', async () => {
  const repo = createTempRepo();
  try {
    repo.write('footprint.config.json', JSON.stringify({ risk: { disable: ['private-key'] } }));
    repo.write('packages/a/footprint.config.json', JSON.stringify({ risk: { maxFileBytes: 10 } }));

    const scopes = await scopesOf(repo, ['packages/a/src/x.ts', 'packages/b/y.ts']);
    const nested = scopes.get('packages/a/src/x.ts');

    assert.equal(nested?.dir, 'packages/a');
    assert.equal(nested?.file, path.join(repo.dir, 'packages/a/footprint.config.json'));
    assert.equal(nested?.risk.maxFileBytes, 10);
    assert.deepEqual(nested?.risk.disable, []);
    assert.equal(scopes.get('packages/b/y.ts')?.dir, '');
  } finally {
    repo.cleanup();
  }
});

test('nearest config reads the package.json key', async () => {
  const repo = createTempRepo();
  try {
    repo.write('packages/a/package.json', JSON.stringify({ name: 'a' }));
    repo.write(
      'packages/b/package.json',
      JSON.stringify({ name: 'b', footprint: { risk: { disable: ['conflict-markers'] } } }),
    );

    const scopes = await scopesOf(repo, ['packages/a/x.ts', 'packages/b/x.ts']);

    assert.equal(scopes.get('packages/a/x.ts')?.dir, '');
    assert.equal(scopes.get('packages/b/x.ts')?.dir, 'packages/b');
    assert.deepEqual(scopes.get('packages/b/x.ts')?.risk.disable, ['conflict-markers']);
  } finally {
    repo.cleanup();
  }
});

test('nearest config makes allow globs worktree-relative', async () => {
  const repo = createTempRepo();
  try {
    repo.write(
      'packages/a/footprint.config.json',
      JSON.stringify({
        risk: {
          allow: [
            { rule: 'private-key', path: 'fixtures/**' },
            { rule: 'private-key', path: '*.pem' },
            { rule: 'conflict-markers' },
          ],
        },
      }),
    );

    const scopes = await scopesOf(repo, ['packages/a/x.ts']);

    assert.deepEqual(scopes.get('packages/a/x.ts')?.risk.allow, [
      { rule: 'private-key', path: 'packages/a/fixtures/**' },
      { rule: 'private-key', path: 'packages/a/**/*.pem' },
      { rule: 'conflict-markers' },
    ]);
  } finally {
    repo.cleanup();
  }
});

test('nearest config names an invalid nested file', async () => {
  const repo = createTempRepo();
  try {
    repo.write('packages/a/footprint.config.json', JSON.stringify({ risk: { disable: 'all' } }));

    await assert.rejects(scopesOf(repo, ['packages/a/x.ts']), (error: Error) => {
      assert.equal(error.name, 'UserError');
      assert.match(error.message, /packages\/a\/footprint\.config\.json/);
      return true;
    });
  } finally {
    repo.cleanup();
  }
});

test('rebaseGlob keeps root globs', () => {
  assert.equal(rebaseGlob('fixtures/**', ''), 'fixtures/**');
  assert.equal(rebaseGlob('/keys/*.pem', 'apps/web'), 'apps/web/keys/*.pem');
});

test('nearest config skips a broken package.json', async () => {
  const repo = createTempRepo();
  try {
    repo.write('test/fixtures/broken/package.json', '{ "name": ');

    const scopes = await scopesOf(repo, ['test/fixtures/broken/index.js']);

    assert.equal(scopes.get('test/fixtures/broken/index.js')?.dir, '');
  } finally {
    repo.cleanup();
  }
});

test('nearest config skips linked and unreadable folders', async () => {
  const repo = createTempRepo();
  const outside = createTempRepo();
  try {
    outside.write('footprint.config.json', JSON.stringify({ risk: { maxFileBytes: 10 } }));
    symlinkSync(outside.dir, path.join(repo.dir, 'linked'));
    symlinkSync('loop', path.join(repo.dir, 'loop'));
    const long = `${'deep/'.repeat(900)}x.ts`;

    mkdirSync(path.join(repo.dir, 'pipes'));
    execFileSync('mkfifo', [path.join(repo.dir, 'pipes', 'footprint.config.json')]);
    mkdirSync(path.join(repo.dir, 'fixtures', 'package.json'), { recursive: true });

    const scopes = await scopesOf(repo, [
      'linked/x.ts',
      'loop/x.ts',
      long,
      'pipes/x.ts',
      'fixtures/x.ts',
    ]);

    assert.equal(scopes.get('linked/x.ts')?.dir, '');
    assert.equal(scopes.get('linked/x.ts')?.risk.maxFileBytes, scopes.get(long)?.risk.maxFileBytes);
    assert.equal(scopes.get('loop/x.ts')?.dir, '');
    assert.equal(scopes.get(long)?.dir, '');
    assert.equal(scopes.get('pipes/x.ts')?.dir, '');
    assert.equal(scopes.get('fixtures/x.ts')?.dir, '');
  } finally {
    repo.cleanup();
    outside.cleanup();
  }
});
