import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { chmodSync, chownSync, existsSync, readdirSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, test } from 'node:test';

import { createTempRepo, footprintBin, gitTestEnv, type TempRepo } from '../helpers/repo.js';

/** User and group id of `nobody`, which root's permission checks do not skip. */
const NOBODY = 65534;
const RUNS_AS_ROOT = process.getuid?.() === 0;
const AS_NOBODY = [`--reuid=${NOBODY}`, `--regid=${NOBODY}`, '--clear-groups'];

/**
 * Returns why these tests cannot run, or false. As root they run footprint as `nobody`, who
 * cannot reach a checkout under a private folder, such as one that `mktemp -d` made.
 */
function skipReason(): string | false {
  if (!RUNS_AS_ROOT) return false;
  const probe = spawnSync('setpriv', [...AS_NOBODY, process.execPath, footprintBin, '--version'], {
    cwd: tmpdir(),
    encoding: 'utf8',
  });
  if (probe.status === 0) return false;
  return `nobody cannot run ${footprintBin} here, so root cannot be made to meet a read-only folder`;
}

const SKIP = skipReason();

let repo: TempRepo;

beforeEach(() => {
  repo = createTempRepo();
  repo.write('src/a.js', 'export function a() {\n  return 1;\n}\n');
  repo.write('README.md', '# Demo\n\nline\n');
  repo.git(['add', '-A']);
  repo.git(['commit', '-qm', 'chore: start']);
  repo.write('src/a.js', 'export function a() {\n  return 1;\n}\nexport const b = 2;\n');
  repo.write('README.md', '# Demo\n\nline changed\n');
  repo.git(['add', '-A']);
});

afterEach(() => {
  giveBack();
  repo.cleanup();
});

/** Sets the mode of every folder and file under `dir`, and of `dir` itself. */
function chmodTree(dir: string, mode: (isFolder: boolean) => number): void {
  const isFolder = statSync(dir).isDirectory();
  if (isFolder) {
    for (const name of readdirSync(dir)) chmodTree(path.join(dir, name), mode);
  }
  chmodSync(dir, mode(isFolder));
}

/** Makes the repository writable by its owner again, and root's when the test ran as root. */
function giveBack(): void {
  chmodTree(repo.dir, (isFolder) => (isFolder ? 0o755 : 0o644));
  if (RUNS_AS_ROOT) chownTree(repo.dir, 0);
}

function chownTree(dir: string, id: number): void {
  if (statSync(dir).isDirectory()) {
    for (const name of readdirSync(dir)) chownTree(path.join(dir, name), id);
  }
  chownSync(dir, id, id);
}

/**
 * Runs the built CLI as a user whose permission checks apply: as `nobody` when the tests run as
 * root, who then owns the repository, and as the current user otherwise.
 */
function runUnprivileged(args: string[]) {
  const env = gitTestEnv({ HOME: tmpdir(), LC_ALL: 'C.UTF-8' });
  if (!RUNS_AS_ROOT) {
    return spawnSync(process.execPath, [footprintBin, ...args], { cwd: repo.dir, env });
  }
  chownTree(repo.dir, NOBODY);
  const result = spawnSync('setpriv', [...AS_NOBODY, process.execPath, footprintBin, ...args], {
    cwd: repo.dir,
    env,
    encoding: 'utf8',
  });
  chownTree(repo.dir, 0);
  return result;
}

const gitDir = () => path.join(repo.dir, '.git');
const readOnly = (target: string) => chmodSync(target, 0o555);

const permissionFix = (target: string) =>
  `Check the owner and permissions with \`ls -ld ${target}\`. Run footprint as the user who ` +
  'owns the repository, or give your user ownership of it, for example with ' +
  `\`sudo chown -R "$(id -un)" ${gitDir()}\`. Then run the command again.\n`;

const commitCases: Array<{ name: string; lock: () => string; outcome: string }> = [
  {
    name: 'objects folder',
    lock: () => {
      chmodTree(path.join(gitDir(), 'objects'), (isFolder) => (isFolder ? 0o555 : 0o444));
      return path.join(gitDir(), 'objects');
    },
    outcome: 'footprint made no commits and the branch was not moved',
  },
  {
    name: 'git folder',
    lock: () => {
      readOnly(gitDir());
      return gitDir();
    },
    outcome:
      'the branch was not moved, and the commits footprint wrote are unreferenced ' +
      '(`git gc` removes them)',
  },
  {
    name: 'branch folder',
    lock: () => {
      readOnly(path.join(gitDir(), 'refs', 'heads'));
      return path.join(gitDir(), 'refs', 'heads');
    },
    outcome:
      'the branch was not moved, and the commits footprint wrote are unreferenced ' +
      '(`git gc` removes them)',
  },
  {
    name: 'branch reflog',
    lock: () => {
      const reflog = path.join(gitDir(), 'logs', 'refs', 'heads', 'main');
      chmodSync(reflog, 0o444);
      return reflog;
    },
    outcome:
      'the branch was not moved, and the commits footprint wrote are unreferenced ' +
      '(`git gc` removes them)',
  },
];

describe('commit with an unwritable git directory', { skip: SKIP }, () => {
  for (const { name, lock, outcome } of commitCases) {
    test(`commit rejects read-only ${name}`, () => {
      const head = repo.git(['rev-parse', 'HEAD']);
      const target = lock();

      const result = runUnprivileged(['commit', '--yes', '--no-llm']);

      assert.equal(result.status, 1, String(result.stderr));
      assert.equal(
        String(result.stderr),
        `✖ Cannot write ${target} (permission denied, EACCES), so ${outcome}. ` +
          permissionFix(target),
      );
      giveBack();
      assert.equal(repo.git(['rev-parse', 'HEAD']), head);
      assert.equal(repo.git(['reflog', '--format=%gs']), 'commit (initial): chore: start\n');
      assert.deepEqual(listRunFossils(), []);
    });
  }
});

/** Returns the names of the commit-run fossils in the default store. */
function listRunFossils(): string[] {
  const store = path.join(repo.dir, 'fossils');
  if (!existsSync(store)) return [];
  return readdirSync(store).filter((name) => name.includes('-commit-run-'));
}

describe('undo with an unwritable git directory', { skip: SKIP }, () => {
  test('undo rejects read-only git folder', () => {
    const committed = repo.footprint(['commit', '--yes', '--no-llm']);
    assert.equal(committed.status, 0, committed.stderr);
    const head = repo.git(['rev-parse', 'HEAD']);
    readOnly(gitDir());

    const result = runUnprivileged(['undo']);

    assert.equal(result.status, 1, String(result.stderr));
    assert.equal(
      String(result.stderr),
      `✖ Cannot write ${gitDir()} (permission denied, EACCES), so footprint undo moved ` +
        `nothing. ${permissionFix(gitDir())}`,
    );
    giveBack();
    assert.equal(repo.git(['rev-parse', 'HEAD']), head);
  });
});
