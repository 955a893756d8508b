import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, realpathSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, test } from 'node:test';
import { validateDocument } from '../../src/schemas-runtime/validators.js';
import { createTempRepo, footprintBin, gitTestEnv, type TempRepo } from '../helpers/repo.js';
import { commitHistory, knownHistory } from './history-fixture.js';

let repo: TempRepo;

beforeEach(() => {
  repo = createTempRepo();
});

afterEach(() => {
  repo.cleanup();
});

describe('footprint learn', () => {
  test('prints nothing on a piped stderr', () => {
    commitHistory(repo, knownHistory());
    const result = repo.footprint(['learn']);

    assert.equal(result.status, 0, result.stderr);
    assert.equal(result.stderr, '');
    assert.match(result.stdout, /^✔ Learned 16 commits in \d+\.\d s: 6 files, \d+ pairs/);
    assert.match(result.stdout, /^ {2}Model fossils\/\S+-model-[0-9a-f]{8}\.json$/m);
  });

  test('json result matches its schema', () => {
    commitHistory(repo, knownHistory());
    repo.footprint(['learn']);
    const result = repo.footprint(['learn', '--json']);
    const document = JSON.parse(result.stdout) as Record<string, unknown>;

    assert.equal(result.status, 0, result.stderr);
    assert.deepEqual(validateDocument('learn', document), []);
    assert.equal(document['result'], 'up-to-date');
    assert.equal(document['commits'], 16);
    assert.equal(document['newCommits'], 0);
  });

  test('json fossil from a subfolder', () => {
    commitHistory(repo, knownHistory());
    const subfolder = path.join(repo.dir, 'sub');
    mkdirSync(subfolder);
    const runInSubfolder = (args: string[]) =>
      spawnSync(process.execPath, [footprintBin, ...args], {
        cwd: subfolder,
        env: gitTestEnv(),
        encoding: 'utf8',
      });

    const learned = runInSubfolder(['learn', '--json']);
    const fossil = (JSON.parse(learned.stdout) as { fossil: string }).fossil;
    const shown = runInSubfolder(['fossils', 'show', fossil, '--json']);

    assert.equal(learned.status, 0, learned.stderr);
    assert.match(fossil, /^fossils\/\S+-model-[0-9a-f]{8}\.json$/);
    assert.equal(shown.status, 0, shown.stderr);
    assert.equal((JSON.parse(shown.stdout) as { id: string }).id, path.basename(fossil, '.json'));
  });

  test('shallow clone advice names the cwd', () => {
    commitHistory(repo, knownHistory());
    const parent = realpathSync(mkdtempSync(path.join(tmpdir(), 'footprint-shallow-')));
    try {
      const clone = path.join(parent, 'shallow clone');
      execFileSync('git', ['clone', '-q', '--depth', '2', `file://${repo.dir}`, clone], {
        env: gitTestEnv(),
      });
      const result = spawnSync(
        process.execPath,
        [footprintBin, 'learn', '--cwd', 'shallow clone', '--color', 'never'],
        { cwd: parent, env: gitTestEnv(), encoding: 'utf8' },
      );

      assert.equal(result.status, 0, result.stderr);
      assert.ok(
        result.stdout.includes(
          "Run `git -C 'shallow clone' fetch --unshallow`, then " +
            "`footprint --cwd 'shallow clone' learn --full`",
        ),
        result.stdout,
      );
    } finally {
      rmSync(parent, { recursive: true, force: true });
    }
  });

  test('max-commits limits the walk', () => {
    commitHistory(repo, knownHistory());
    const result = repo.footprint(['learn', '--json', '--max-commits', '3']);

    assert.equal(result.status, 0, result.stderr);
    assert.equal((JSON.parse(result.stdout) as { commits: number }).commits, 3);
  });

  test('nothing in range writes no model', () => {
    commitHistory(repo, knownHistory());
    const first = repo.footprint(['learn', '--since', '2099-01-01']);
    repo.footprint(['learn']);
    const again = repo.footprint(['learn', '--full', '--since', '2099-01-01']);
    const withModel = repo.footprint(['learn', '--since', '2099-01-01']);

    assert.equal(first.status, 0, first.stderr);
    assert.match(first.stdout, /is in range to learn from, so no model was written\.$/m);
    assert.match(again.stdout, /so no model was written\.$/m);
    assert.match(withModel.stdout, /so no model was written and the current one stays\.$/m);
  });

  test('a short history leaves the convention undecided', () => {
    commitHistory(repo, knownHistory().slice(0, 3));
    repo.footprint(['learn']);
    const list = repo.footprint(['fossils', 'list', '--type', 'model', '--json']);
    const id = (JSON.parse(list.stdout) as { fossils: Array<{ id: string }> }).fossils[0]?.id;
    const model = repo.footprint(['fossils', 'show', id ?? '']);

    assert.equal(model.status, 0, model.stderr);
    assert.match(
      model.stdout,
      /^Conventional Commits: not decided \(\d+% of commits, but fewer than 5 commits\)$/m,
    );
  });

  test('invalid max-commits', () => {
    const result = repo.footprint(['learn', '--max-commits', 'lots']);

    assert.equal(result.status, 2);
    assert.match(
      result.stderr,
      /Invalid value 'lots' for --max-commits: use a whole number of 1 or more/,
    );
  });

  test('invalid since', () => {
    const result = repo.footprint(['learn', '--since', 'last spring']);

    assert.equal(result.status, 2);
    assert.match(result.stderr, /Invalid value 'last spring' for --since/);
  });

  test('empty repository', () => {
    const result = repo.footprint(['learn']);

    assert.equal(result.status, 0, result.stderr);
    assert.match(result.stdout, /HEAD has no commits yet, so there is nothing to learn\./);
  });
});
