import assert from 'node:assert/strict';
import { mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, test } from 'node:test';

import { checkNativeCapabilities } from '../../src/git/capabilities.js';
import { readGitConfig } from '../../src/git/config.js';
import { discoverRepository } from '../../src/git/discover.js';
import { readIndexFile } from '../../src/git/index-file.js';
import { createTempRepo, gitTestEnv, type TempRepo } from '../helpers/repo.js';
import { reinitRepo } from './fixtures.js';

/** Runs the capability check the way a reader would: layout, repository config, index. */
async function reasonsFor(repo: TempRepo, env: NodeJS.ProcessEnv = {}): Promise<string[]> {
  const layout = await discoverRepository({ cwd: repo.dir, env: gitTestEnv() });
  const config = await readGitConfig(layout);
  const objectFormat = config.get('extensions.objectformat') === 'sha256' ? 'sha256' : 'sha1';
  const index = await readIndexFile(layout.indexFile, { objectFormat });
  return checkNativeCapabilities(layout, config, index, env);
}

function commitFiles(repo: TempRepo): void {
  repo.write('a.txt', 'a\n');
  repo.write('dir/b.txt', 'b\n');
  repo.write('other/c.txt', 'c\n');
  repo.git(['add', '-A']);
  repo.git(['commit', '-q', '-m', 'first']);
}

describe('checkNativeCapabilities', () => {
  let repo: TempRepo;

  beforeEach(() => {
    repo = createTempRepo();
  });
  afterEach(() => repo.cleanup());

  test('plain repository', async () => {
    commitFiles(repo);
    repo.git(['repack', '-a', '-d', '-q']);
    assert.deepEqual(await reasonsFor(repo), []);
  });

  test('empty repository without an index', async () => {
    assert.deepEqual(await reasonsFor(repo), []);
  });

  test('index versions 3 and 4 are read natively', async () => {
    commitFiles(repo);
    repo.write('new.txt', 'new\n');
    repo.git(['add', '-N', 'new.txt']);
    assert.deepEqual(await reasonsFor(repo), []);
    repo.git(['update-index', '--index-version', '4']);
    assert.deepEqual(await reasonsFor(repo), []);
  });

  test('split index', async () => {
    commitFiles(repo);
    repo.git(['update-index', '--split-index']);
    assert.deepEqual(await reasonsFor(repo), ['the index is split (link extension)']);
  });

  test('sparse index', async () => {
    commitFiles(repo);
    repo.git(['sparse-checkout', 'init', '--cone', '--sparse-index']);
    repo.git(['sparse-checkout', 'set', 'dir']);
    assert.deepEqual(await reasonsFor(repo), ['the index is sparse (sdir extension)']);
  });

  test('sparse checkout without a sparse index', async () => {
    commitFiles(repo);
    repo.git(['sparse-checkout', 'init', '--cone', '--no-sparse-index']);
    repo.git(['sparse-checkout', 'set', 'dir']);
    assert.deepEqual(await reasonsFor(repo), []);
  });

  test('sha256 objects', async () => {
    reinitRepo(repo, ['--object-format=sha256']);
    commitFiles(repo);
    assert.deepEqual(await reasonsFor(repo), ['objects use sha256 ids (extensions.objectFormat)']);
  });

  test('reftable ref storage', async () => {
    repo.git(['config', 'core.repositoryformatversion', '1']);
    repo.git(['config', 'extensions.refStorage', 'reftable']);
    assert.deepEqual(await reasonsFor(repo), [
      'refs are stored as reftable (extensions.refStorage)',
    ]);
  });

  test('partial clone and unknown extensions', async () => {
    repo.git(['config', 'core.repositoryformatversion', '1']);
    repo.git(['config', 'extensions.worktreeConfig', 'true']);
    repo.git(['config', 'extensions.partialClone', 'origin']);
    // git rejects every later command once the config names an extension it does not know.
    repo.git(['config', 'extensions.futureThing', 'true']);
    assert.deepEqual(await reasonsFor(repo), [
      'partial clone: objects may be missing until git fetches them',
      'unknown repository extension extensions.futurething',
    ]);
  });

  test('promisor remote without the extension', async () => {
    commitFiles(repo);
    repo.git(['config', 'remote.origin.url', 'file:///nowhere']);
    repo.git(['config', 'remote.origin.promisor', 'true']);
    assert.deepEqual(await reasonsFor(repo), [
      'partial clone (a promisor remote): objects may be missing until git fetches them',
    ]);
  });

  test('replace refs, loose and packed', async () => {
    commitFiles(repo);
    repo.write('a.txt', 'replaced\n');
    repo.git(['commit', '-q', '-am', 'second']);
    repo.git(['replace', 'HEAD', 'HEAD~1']);
    const reason = 'objects are replaced by refs under refs/replace/ (git replace)';
    assert.deepEqual(await reasonsFor(repo), [reason]);
    assert.deepEqual(await reasonsFor(repo, { GIT_NO_REPLACE_OBJECTS: '1' }), []);

    repo.git(['pack-refs', '--all']);
    assert.deepEqual(readdirSync(path.join(repo.dir, '.git', 'refs', 'replace')), []);
    assert.deepEqual(await reasonsFor(repo), [reason]);
    repo.git(['config', 'core.useReplaceRefs', 'false']);
    assert.deepEqual(await reasonsFor(repo), []);
  });

  test('newer repository format version', async () => {
    repo.git(['config', 'core.repositoryformatversion', '2']);
    assert.deepEqual(await reasonsFor(repo), [
      'repository format version 2 is newer than version 1',
    ]);
  });

  test('path that is not UTF-8', async () => {
    commitFiles(repo);
    const blob = repo.git(['rev-parse', 'HEAD:a.txt']).trim();
    const line = Buffer.concat([
      Buffer.from(`100644 ${blob}\tna`),
      Buffer.from([0xef, 0x76]),
      Buffer.from('\0'),
    ]);
    repo.git(['update-index', '-z', '--add', '--index-info'], { input: line });
    // The native reader keeps such names byte for byte, so they need no fallback.
    assert.deepEqual(await reasonsFor(repo), []);
  });

  test('unknown pack index version', async () => {
    commitFiles(repo);
    repo.git(['repack', '-a', '-d', '-q']);
    const packDir = path.join(repo.dir, '.git', 'objects', 'pack');
    const header = Buffer.from([0xff, 0x74, 0x4f, 0x63, 0, 0, 0, 3]);
    writeFileSync(path.join(packDir, 'pack-future.idx'), header);
    writeFileSync(path.join(packDir, 'pack-future.pack'), Buffer.alloc(0));
    assert.ok(readdirSync(packDir).includes('pack-future.idx'));
    assert.deepEqual(await reasonsFor(repo), ['pack index pack-future.idx has version 3']);
  });

  test('reftable folder', async () => {
    mkdirSync(path.join(repo.dir, '.git', 'reftable'));
    assert.deepEqual(await reasonsFor(repo), ['refs are stored in a reftable folder']);
  });
});
