import assert from 'node:assert/strict';
import { spawnSync, type SpawnSyncReturns } from 'node:child_process';
import { mkdtempSync, readFileSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, test } from 'node:test';

import { createTempRepo, footprintBin, gitTestEnv, type TempRepo } from '../helpers/repo.js';

/** The folder below the worktree's top where the user's shell is. */
const SUBFOLDER = 'src/lib';

/**
 * Staged credential files by case name. Each case also stages an edit of README.md and the
 * deletion of config/i.env, which a glob such as `config/[id].env` would match too.
 */
const CREDENTIAL_CASES: Array<[string, string]> = [
  ['ordinary path', 'config/prod.env'],
  ['path with a space', 'config/my prod.env'],
  ['leading exclamation mark', '!prod.env'],
  ['bracket in the name', 'config/[id].env'],
];

/** Paths that stay staged after the credential file is unstaged. */
const OTHER_STAGED = ['README.md', 'config/i.env'];

/** Makes a repository with footprint's hooks, its first commit, and `file` staged beside others. */
function stageCredential(file: string): TempRepo {
  const repo = createTempRepo();
  const init = repo.footprint(['init']);
  assert.equal(init.status, 0, init.stderr);
  repo.write('README.md', '# app\n');
  repo.write(`${SUBFOLDER}/util.js`, 'export const one = 1;\n');
  repo.write('config/i.env', 'MODE=one\n');
  repo.git(['add', '--', 'README.md', SUBFOLDER, 'config/i.env']);
  repo.git(['commit', '-q', '-m', 'chore: start'], { env: { FOOTPRINT: '0' } });

  repo.write('README.md', '# app\n\nUsage.\n');
  repo.write(file, 'DATABASE_PASSWORD=local-only\n');
  repo.git(['rm', '-q', '--', 'config/i.env']);
  repo.git(['add', '--', 'README.md', `:(literal)${file}`]);
  assert.deepEqual(stagedPaths(repo), [...OTHER_STAGED, file].sort());
  return repo;
}

function stagedPaths(repo: TempRepo): string[] {
  return repo.git(['diff', '--cached', '--name-only', '-z']).split('\0').filter(Boolean);
}

/** Runs a printed command in a POSIX shell in `folder`, as a user pastes it there. */
function runInShell(folder: string, command: string): void {
  assert.match(command, /^git /);
  const result = spawnSync('sh', ['-c', command], { cwd: folder, env: gitTestEnv() });
  assert.equal(result.status, 0, `${command} failed: ${String(result.stderr)}`);
}

/** Runs the built footprint CLI in `folder`. */
function runFootprint(folder: string, args: string[]): SpawnSyncReturns<string> {
  return spawnSync(process.execPath, [footprintBin, ...args], {
    cwd: folder,
    env: gitTestEnv({ LC_ALL: 'C.UTF-8' }),
    encoding: 'utf8',
  });
}

/** Returns the first git command in backquotes that starts with `start` in `text`. */
function commandAfter(text: string, start: string): string {
  const begin = text.indexOf(`\`${start}`);
  assert.notEqual(begin, -1, `no ${start} command in: ${text}`);
  const end = text.indexOf('`', begin + 1);
  return text.slice(begin + 1, end);
}

describe('unstage advice run from a subfolder', () => {
  for (const [name, file] of CREDENTIAL_CASES) {
    test(`blocked commit, ${name}`, () => {
      const repo = stageCredential(file);
      try {
        const folder = path.join(repo.dir, SUBFOLDER);
        const commit = spawnSync('git', ['commit', '-m', 'chore: add config'], {
          cwd: folder,
          env: gitTestEnv({ LC_ALL: 'C.UTF-8' }),
          encoding: 'utf8',
        });
        assert.equal(commit.status, 1, commit.stderr);

        runInShell(folder, commandAfter(commit.stderr, 'git reset -q -- '));
        assert.deepEqual(stagedPaths(repo), OTHER_STAGED);
      } finally {
        repo.cleanup();
      }
    });

    test(`JSON fix field, ${name}`, () => {
      const repo = stageCredential(file);
      try {
        const folder = path.join(repo.dir, SUBFOLDER);
        const result = runFootprint(folder, ['precommit', '--json', '--no-llm']);
        const document = JSON.parse(result.stdout) as {
          risk: { findings: Array<{ rule: string; path: string; fix: string }> };
        };
        const finding = document.risk.findings.find(
          (entry) => entry.rule === 'credential-file' && entry.path === file,
        );
        assert.ok(finding !== undefined, result.stdout);

        runInShell(folder, commandAfter(finding.fix, 'git reset -q -- '));
        assert.deepEqual(stagedPaths(repo), OTHER_STAGED);
      } finally {
        repo.cleanup();
      }
    });
  }
});

/** Staged text files that a strategy leaves out, by case name, beside README.md and src/. */
const STRATEGY_CASES: Array<[string, string]> = [
  ['ordinary path', 'notes/todo.txt'],
  ['path with a space', 'notes/to do.txt'],
  ['leading exclamation mark', '!todo.txt'],
  ['bracket in the name', 'notes/[id].txt'],
];

/** Makes a repository with `file`, README.md and a source file staged, and no hooks. */
function stageNote(file: string): TempRepo {
  const repo = createTempRepo();
  repo.write('README.md', '# app\n');
  repo.write(`${SUBFOLDER}/util.js`, 'export const one = 1;\n');
  repo.write('notes/i.txt', 'one\n');
  repo.git(['add', '-A']);
  repo.git(['commit', '-q', '-m', 'chore: start']);

  repo.write('README.md', '# app\n\nUsage.\n');
  repo.write(`${SUBFOLDER}/util.js`, 'export const one = 1;\nexport const two = 2;\n');
  repo.write(file, 'later\n');
  repo.git(['rm', '-q', '--', 'notes/i.txt']);
  repo.git(['add', '-A']);
  return repo;
}

/** Writes a strategy to `planFile` and removes `file` from the batch that takes it. */
function writePlanWithout(repo: TempRepo, planFile: string, file: string): void {
  const written = runFootprint(repo.dir, ['strategy', '--no-llm', '--output', planFile]);
  assert.equal(written.status, 0, written.stderr);
  const plan = JSON.parse(readFileSync(planFile, 'utf8')) as {
    batches: Array<{ id: string; dependsOn: string[]; changes: Array<{ path: string }> }>;
  };
  for (const batch of plan.batches) {
    batch.changes = batch.changes.filter((change) => change.path !== file);
  }
  const empty = plan.batches.filter((batch) => batch.changes.length === 0);
  const emptied = new Set(empty.map((batch) => batch.id));
  const batches = plan.batches
    .filter((batch) => !emptied.has(batch.id))
    .map((batch) => ({ ...batch, dependsOn: batch.dependsOn.filter((id) => !emptied.has(id)) }));
  writeFileSync(planFile, JSON.stringify({ ...plan, batches }, null, 2));
}

describe('validate advice run from a subfolder', () => {
  for (const [name, file] of STRATEGY_CASES) {
    for (const from of ['top', 'subfolder']) {
      test(`missing path from ${from}, ${name}`, () => {
        const repo = stageNote(file);
        const planFolder = realpathSync(mkdtempSync(path.join(tmpdir(), 'footprint-plan-')));
        try {
          const planFile = path.join(planFolder, 'plan.json');
          writePlanWithout(repo, planFile, file);
          const folder = path.join(repo.dir, SUBFOLDER);
          const validateFolder = from === 'top' ? repo.dir : folder;
          const result = runFootprint(validateFolder, ['validate', '--strategy', planFile]);
          assert.equal(result.status, 1, result.stdout);

          runInShell(folder, commandAfter(result.stdout, 'git reset -q -- '));
          const staged = stagedPaths(repo);
          assert.deepEqual(staged, ['README.md', 'notes/i.txt', `${SUBFOLDER}/util.js`]);
        } finally {
          repo.cleanup();
          rmSync(planFolder, { recursive: true, force: true });
        }
      });
    }
  }
});

/** An object id no repository holds, staged with `git update-index --cacheinfo`. */
const GHOST_OID = '1234567890123456789012345678901234567890';

describe('other path advice run from a subfolder', () => {
  test('intent-to-add path gets git add', () => {
    const repo = stageNote('notes/to do.txt');
    const planFolder = realpathSync(mkdtempSync(path.join(tmpdir(), 'footprint-plan-')));
    try {
      repo.write('notes/later [1].txt', 'later\n');
      repo.git(['add', '-N', '--', ':(literal)notes/later [1].txt']);
      const planFile = path.join(planFolder, 'plan.json');
      writePlanNaming(repo, planFile, 'notes/later [1].txt');
      const folder = path.join(repo.dir, SUBFOLDER);
      const result = runFootprint(folder, ['validate', '--strategy', planFile]);
      assert.equal(result.status, 1, result.stdout);

      runInShell(folder, commandAfter(result.stdout, 'git add -- '));
      const unstagedEdits = repo.git(['diff', '--name-only']);
      assert.equal(unstagedEdits, '');
      assert.ok(stagedPaths(repo).includes('notes/later [1].txt'));
      assert.ok(stagedPaths(repo).includes('README.md'));
    } finally {
      repo.cleanup();
      rmSync(planFolder, { recursive: true, force: true });
    }
  });

  test('missing blob gets git rm', () => {
    const repo = stageNote('notes/todo.txt');
    try {
      repo.git(['update-index', '--add', '--cacheinfo', `100644,${GHOST_OID},!ghost.txt`]);
      const folder = path.join(repo.dir, SUBFOLDER);
      const result = runFootprint(folder, ['analyze', '--color', 'never']);
      assert.equal(result.status, 2, result.stderr);

      runInShell(folder, commandAfter(result.stderr, 'git rm --cached -- '));
      const staged = stagedPaths(repo);
      assert.deepEqual(staged, [
        'README.md',
        'notes/i.txt',
        'notes/todo.txt',
        `${SUBFOLDER}/util.js`,
      ]);
    } finally {
      repo.cleanup();
    }
  });

  test('executable bit fix clears it', () => {
    const repo = createTempRepo();
    try {
      repo.write(`${SUBFOLDER}/util.js`, 'export const one = 1;\n');
      repo.write('data/my table.csv', 'a,b\n');
      repo.git(['add', '-A']);
      repo.git(['commit', '-q', '-m', 'chore: start']);
      repo.git(['update-index', '--chmod=+x', '--', 'data/my table.csv']);
      const folder = path.join(repo.dir, SUBFOLDER);

      const fix = findingFix(folder, 'executable-bit');
      runInShell(folder, commandAfter(fix, 'git update-index '));

      assert.match(repo.git(['ls-files', '-s', '--', 'data/my table.csv']), /^100644 /);
    } finally {
      repo.cleanup();
    }
  });

  test('lockfile fix restores it', () => {
    const repo = createTempRepo();
    try {
      repo.write(`${SUBFOLDER}/util.js`, 'export const one = 1;\n');
      repo.write('package.json', '{ "name": "app" }\n');
      repo.write('package-lock.json', '{ "lockfileVersion": 3 }\n');
      repo.git(['add', '-A']);
      repo.git(['commit', '-q', '-m', 'chore: start']);
      repo.write('package-lock.json', '{ "lockfileVersion": 3, "packages": {} }\n');
      repo.write('README.md', '# app\n');
      repo.git(['add', '-A']);
      const folder = path.join(repo.dir, SUBFOLDER);

      const fix = findingFix(folder, 'lockfile-without-manifest');
      runInShell(folder, commandAfter(fix, 'git restore '));

      assert.deepEqual(stagedPaths(repo), ['README.md']);
      const restored = readFileSync(path.join(repo.dir, 'package-lock.json'), 'utf8');
      assert.equal(restored, '{ "lockfileVersion": 3 }\n');
    } finally {
      repo.cleanup();
    }
  });

  test('committed store ignore file gets git rm', () => {
    const repo = createTempRepo();
    try {
      repo.write('fossils/.gitignore', '*\n!.gitignore\n');
      repo.write(`${SUBFOLDER}/util.js`, 'export const one = 1;\n');
      repo.git(['add', '-A']);
      repo.git(['commit', '-q', '-m', 'chore: start']);
      const folder = path.join(repo.dir, SUBFOLDER);
      const result = runFootprint(folder, ['init']);
      assert.equal(result.status, 0, result.stderr);

      runInShell(folder, commandAfter(result.stdout, 'git rm --cached -- '));
      assert.equal(repo.git(['ls-files', '--', 'fossils']), '');
      assert.deepEqual(stagedPaths(repo), ['fossils/.gitignore']);
    } finally {
      repo.cleanup();
    }
  });
});

/** Writes a strategy to `planFile` whose first batch also names `file`. */
function writePlanNaming(repo: TempRepo, planFile: string, file: string): void {
  const written = runFootprint(repo.dir, ['strategy', '--no-llm', '--output', planFile]);
  assert.equal(written.status, 0, written.stderr);
  const plan = JSON.parse(readFileSync(planFile, 'utf8')) as {
    batches: Array<{ changes: Array<{ path: string }> }>;
  };
  plan.batches[0]?.changes.push({ path: file });
  writeFileSync(planFile, JSON.stringify(plan, null, 2));
}

/** Returns the fix of the first finding of `rule` that `footprint analyze --json` gives in `folder`. */
function findingFix(folder: string, rule: string): string {
  const result = runFootprint(folder, ['analyze', '--json', '--no-llm']);
  const document = JSON.parse(result.stdout) as {
    risk: { findings: Array<{ rule: string; fix: string }> };
  };
  const finding = document.risk.findings.find((found) => found.rule === rule);
  assert.ok(finding, result.stdout);
  return finding.fix;
}
