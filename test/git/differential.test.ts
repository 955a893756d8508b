import assert from 'node:assert/strict';
import { chmodSync, readFileSync, rmSync, symlinkSync } from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';

import { createTempRepo, type TempRepo } from '../helpers/repo.js';

import { buildSituation, SITUATIONS } from './situations.js';
import { gitStagedEntries, gitWriteTree, readStaged } from './staged-expect.js';

describe('native and cli readers', () => {
  for (const situation of SITUATIONS) {
    it(`agree on ${situation.name}`, async () => {
      const { repo, context } = buildSituation(situation);
      try {
        const native = await readStaged('native', context);
        const cli = await readStaged('cli', context);

        assert.equal(native.choice.reader, 'native');
        assert.equal(cli.choice.reader, 'cli');
        assert.equal(JSON.stringify(native.change), JSON.stringify(cli.change));
        assert.deepEqual(native.change.entries, gitStagedEntries(context));
        assert.equal(native.change.stagedTree, gitWriteTree(context));
      } finally {
        repo.cleanup();
      }
    });
  }
});

/** Builds a generated state and checks that both readers agree with git on it. */
async function checkGeneratedState(seed: number, options: GeneratedStateOptions): Promise<void> {
  const repo = createTempRepo();
  try {
    buildGeneratedState(repo, seed, options);
    const context = { cwd: repo.dir };
    const native = await readStaged('native', context);
    const cli = await readStaged('cli', context);

    assert.equal(JSON.stringify(native.change), JSON.stringify(cli.change));
    assert.deepEqual(native.change.entries, gitStagedEntries(context));
    assert.equal(native.change.stagedTree, gitWriteTree(context));
  } finally {
    repo.cleanup();
  }
}

describe('native and cli readers on generated states', () => {
  for (let seed = 1; seed <= 12; seed++) {
    it(`agree on generated state ${seed}`, () => checkGeneratedState(seed, {}));
  }
});

describe('native and cli readers on written staged trees', () => {
  for (let seed = 1; seed <= 6; seed++) {
    it(`agree on written state ${seed}`, () =>
      checkGeneratedState(seed, { writeStagedTrees: true }));
  }
});

/** A deterministic pseudo-random generator (linear congruential), for reproducible states. */
function random(seed: number): () => number {
  let state = seed * 104729;
  return () => {
    state = (state * 1103515245 + 12345) & 0x7fffffff;
    return state / 0x7fffffff;
  };
}

/**
 * Commits a random tree, optionally packs it, then stages random edits: content and mode
 * changes, deletions, additions, moves, files replaced by folders and folders by files, files
 * replaced by symlinks, gitlinks and intent-to-add entries, and sometimes writes the staged
 * tree so that the cache tree is valid. With `writeStagedTrees`, it adds no intent-to-add
 * entry and always writes the staged trees.
 */
interface GeneratedStateOptions {
  writeStagedTrees?: boolean;
}

function buildGeneratedState(repo: TempRepo, seed: number, options: GeneratedStateOptions): void {
  const next = random(seed);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)] as T;
  const folders = ['', 'a/', 'a/b/', 'a/b/c/', 'd/', 'd/e/', 'f-g/', 'a.b/'];
  const files: string[] = [];
  for (let i = 0; i < 25; i++) {
    const file = `${pick(folders)}file${i}${pick(['.txt', '.ts', ''])}`;
    repo.write(file, `content of ${file}\n`.repeat(1 + Math.floor(next() * 5)));
    files.push(file);
  }
  repo.git(['add', '-A']);
  repo.git(['commit', '-q', '-m', 'base']);
  if (next() < 0.5) repo.git(['gc', '-q', '--prune=now']);
  if (next() < 0.3) repo.git(['update-index', '--index-version', '4']);

  for (const file of files) {
    const full = path.join(repo.dir, file);
    const roll = next();
    if (roll < 0.15) repo.write(file, `edited ${file}\n`);
    else if (roll < 0.25) rmSync(full);
    else if (roll < 0.32) chmodSync(full, 0o755);
    else if (roll < 0.38) {
      rmSync(full);
      symlinkSync('elsewhere', full);
    } else if (roll < 0.44) {
      rmSync(full);
      repo.write(`${file}/now-a-folder.txt`, 'a file where a file was\n');
    } else if (roll < 0.5) {
      rmSync(full);
      repo.write(
        `moved/${path.basename(file)}`,
        readFileSync(`${repo.dir}/.git/HEAD`, 'utf8') + file,
      );
    }
  }
  if (next() < 0.5) {
    rmSync(path.join(repo.dir, 'd'), { recursive: true, force: true });
    repo.write('d', 'a file where a folder was\n');
  }
  repo.write(`new/${seed}/added.txt`, 'added\n');
  repo.git(['add', '-A']);

  const commit = repo.git(['rev-parse', 'HEAD']).trim();
  if (next() < 0.5)
    repo.git(['update-index', '--add', '--cacheinfo', `160000,${commit},vendor/module`]);
  repo.write('later.txt', 'intent to add\n');
  if (options.writeStagedTrees) {
    // As `git commit` leaves the index for its pre-commit hook: every staged tree written.
    repo.git(['write-tree']);
    return;
  }
  if (next() < 0.5) repo.git(['add', '-N', 'later.txt']);
  // A valid cache tree whose ids differ from HEAD's, as after `git reset --soft`.
  if (next() < 0.5) repo.git(['write-tree']);
}
