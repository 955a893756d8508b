import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, test } from 'node:test';

import { runCli } from '../cli/cli-io.js';
import { createTempRepo, projectRoot, type TempRepo } from '../helpers/repo.js';

let repo: TempRepo;

/** Lists the files under `dir`, relative to it, with their modification times. */
function listFiles(dir: string, prefix = ''): Map<string, number> {
  const files = new Map<string, number>();
  for (const name of readdirSync(dir)) {
    const full = path.join(dir, name);
    const relative = path.join(prefix, name);
    const stats = statSync(full);
    if (stats.isDirectory()) {
      for (const [file, time] of listFiles(full, relative)) files.set(file, time);
    } else {
      files.set(relative, stats.mtimeMs);
    }
  }
  return files;
}

/** Returns the git directory's files that are new or changed since `before`. */
function changedFiles(before: Map<string, number>): string[] {
  const after = listFiles(path.join(repo.dir, '.git'));
  return [...after].filter(([file, time]) => before.get(file) !== time).map(([file]) => file);
}

beforeEach(() => {
  repo = createTempRepo();
  repo.write('data.txt', Array.from({ length: 2000 }, (_, i) => `line ${i}\n`).join(''));
  repo.git(['add', '-A']);
  repo.git(['commit', '-qm', 'chore: data']);
  for (let round = 1; round <= 8; round++) {
    const text = readFileSync(path.join(repo.dir, 'data.txt'), 'utf8');
    repo.write('data.txt', text.replace(`line ${round}0\n`, `line ${round}0 v${round}\n`));
    repo.git(['commit', '-qam', `docs: edit ${round}`]);
  }
  // HEAD's blob and trees become deltas in a pack, which footprint caches after reading.
  repo.git(['gc', '-q']);
  repo.git(['checkout', '-q', '--detach', 'HEAD~4']);
  repo.write('data.txt', `${readFileSync(path.join(repo.dir, 'data.txt'), 'utf8')}q\n`);
  repo.git(['add', 'data.txt']);
});

afterEach(() => {
  repo.cleanup();
});

describe('footprint state in the git directory', () => {
  test('analyze writes only its cache', async () => {
    const before = listFiles(path.join(repo.dir, '.git'));

    const result = await runCli(repo.dir, 'analyze');

    assert.equal(result.code, 0, result.stderr);
    assert.deepEqual(changedFiles(before), [path.join('footprint', 'saved-objects')]);
  });

  test('strategy writes only its record', async () => {
    await runCli(repo.dir, 'analyze');
    const before = listFiles(path.join(repo.dir, '.git'));

    const result = await runCli(repo.dir, 'strategy', '--no-llm', '--output', 'plan.json');

    assert.equal(result.code, 0, result.stderr);
    assert.deepEqual(changedFiles(before), [path.join('footprint', 'written-strategies.json')]);
  });

  test('README names the cache folder', () => {
    const readme = readFileSync(path.join(projectRoot, 'README.md'), 'utf8');
    const intro = readme.slice(0, readme.indexOf('\n## ')).replace(/\s+/g, ' ');

    assert.match(intro, /`\.git\/footprint\/`/);
    assert.match(intro, /`saved-objects`/);
    assert.match(intro, /`written-strategies\.json`/);
    assert.match(intro, /never changes the index, the working tree, HEAD or any ref/);
    assert.doesNotMatch(intro, /footprint only reads the repository/);
  });
});
