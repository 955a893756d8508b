import assert from 'node:assert/strict';
import { appendFileSync, existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import { validateDocument } from '../../src/schemas-runtime/validators.js';
import { createTempRepo, type TempRepo } from '../helpers/repo.js';

/** The fields of the `footprint init --json` document that these tests read. */
interface InitDocument {
  command: string;
  uninstall: boolean;
  worktree: string;
  target: { kind: string; dir: string; huskyVersion: string | null; active: boolean };
  steps: Array<{ file: string; action: string; detail: string }>;
  notes: string[];
  advice: string[];
  editedHooks: string[];
  changed: boolean;
}

interface ErrorDocument {
  command: string | null;
  error: { message: string; exitCode: number };
}

/**
 * Parses stdout as the one JSON document it must be. JSON.parse rejects a second document
 * or any text around the first.
 */
function parseDocument<T>(stdout: string): T {
  assert.ok(stdout.startsWith('{'), stdout);
  assert.ok(stdout.endsWith('}\n'), stdout);
  return JSON.parse(stdout) as T;
}

/** Runs the built `footprint init` with `args` in `repo` and returns its checked document. */
function runInit(repo: TempRepo, args: string[], env: Record<string, string> = {}) {
  const result = repo.footprint(['init', ...args], { env });
  assert.equal(result.status, 0, result.stderr);
  const document = parseDocument<InitDocument>(result.stdout);
  assert.deepEqual(validateDocument('init', document), []);
  return { document, stderr: result.stderr };
}

function stepOf(document: InitDocument, file: string) {
  const step = document.steps.find((entry) => entry.file === file);
  assert.ok(step, `no step for ${file} in ${JSON.stringify(document.steps)}`);
  return step;
}

test('init json lists created steps', () => {
  const repo = createTempRepo();
  try {
    const { document, stderr } = runInit(repo, ['--json']);

    assert.equal(stderr, '');
    assert.equal(document.command, 'init');
    assert.equal(document.uninstall, false);
    assert.equal(document.worktree, repo.dir);
    assert.equal(document.target.kind, 'git-dir');
    assert.equal(document.target.dir, '.git/hooks');
    assert.equal(document.target.huskyVersion, null);
    assert.equal(document.target.active, true);
    assert.equal(stepOf(document, '.git/hooks/pre-commit').action, 'created');
    assert.match(stepOf(document, '.git/hooks/pre-commit').detail, /footprint precommit/);
    assert.equal(stepOf(document, '.git/hooks/prepare-commit-msg').action, 'created');
    assert.equal(stepOf(document, 'fossils/.gitignore').action, 'created');
    assert.equal(stepOf(document, 'footprint.config.json').action, 'created');
    assert.deepEqual(document.notes, []);
    assert.deepEqual(document.editedHooks, []);
    assert.equal(document.changed, true);
    assert.ok(existsSync(path.join(repo.dir, '.git', 'hooks', 'pre-commit')));
  } finally {
    repo.cleanup();
  }
});

test('init json twice changes nothing', () => {
  const repo = createTempRepo();
  try {
    runInit(repo, ['--json']);

    const { document } = runInit(repo, ['--json']);

    assert.ok(document.steps.length > 0);
    for (const step of document.steps) assert.equal(step.action, 'unchanged', step.file);
    assert.equal(document.changed, false);
  } finally {
    repo.cleanup();
  }
});

test('init json prints no human text', () => {
  const repo = createTempRepo();
  try {
    const result = repo.footprint(['init', '--json']);

    assert.equal(result.status, 0, result.stderr);
    assert.doesNotMatch(result.stdout, /footprint is installed/);
    assert.doesNotMatch(result.stdout, /: created/);
    assert.equal(result.stderr, '');
    assert.equal(typeof parseDocument<InitDocument>(result.stdout), 'object');
  } finally {
    repo.cleanup();
  }
});

test('init json advises footprint learn', () => {
  const repo = createTempRepo();
  try {
    repo.write('a.txt', 'a\n');
    repo.git(['add', 'a.txt']);
    repo.git(['commit', '-q', '-m', 'feat: add a']);

    const { document } = runInit(repo, ['--json']);

    assert.equal(document.advice.length, 1);
    assert.match(document.advice[0] ?? '', /^Run `footprint learn` once/);
    assert.deepEqual(document.notes, []);
  } finally {
    repo.cleanup();
  }
});

test('init json with active husky', () => {
  const repo = createTempRepo();
  try {
    repo.write('.husky/pre-commit', 'npx lint-staged\n');
    repo.git(['config', 'core.hooksPath', '.husky/_']);

    const { document } = runInit(repo, ['--json']);

    assert.equal(document.target.kind, 'husky');
    assert.equal(document.target.dir, '.husky');
    assert.equal(document.target.huskyVersion, 'v9');
    assert.equal(document.target.active, true);
    assert.equal(stepOf(document, '.husky/pre-commit').action, 'appended');
    assert.equal(document.notes.length, 1);
    assert.match(document.notes[0] ?? '', /git runs no hook in this worktree yet/);
  } finally {
    repo.cleanup();
  }
});

test('init json with inactive husky', () => {
  const repo = createTempRepo();
  try {
    repo.write('.husky/pre-commit', 'npx lint-staged\n');

    const { document } = runInit(repo, ['--json']);

    assert.equal(document.target.kind, 'husky');
    assert.equal(document.target.active, false);
    assert.equal(document.notes.length, 1);
    assert.match(document.notes[0] ?? '', /core\.hooksPath is unset\. Run `npx husky`/);
  } finally {
    repo.cleanup();
  }
});

test('init json paths from a subfolder', () => {
  const repo = createTempRepo();
  try {
    mkdirSync(path.join(repo.dir, 'src'));

    const { document } = runInit(repo, ['--json', '--cwd', 'src']);

    assert.equal(document.worktree, repo.dir);
    assert.equal(document.target.dir, '.git/hooks');
    assert.equal(stepOf(document, '.git/hooks/pre-commit').action, 'created');
    assert.equal(stepOf(document, 'footprint.config.json').action, 'created');
  } finally {
    repo.cleanup();
  }
});

test('init json in a linked worktree', () => {
  const repo = createTempRepo();
  const linked = `${repo.dir}-linked`;
  try {
    repo.write('a.txt', 'a\n');
    repo.git(['add', 'a.txt']);
    repo.git(['commit', '-q', '-m', 'feat: add a']);
    repo.git(['worktree', 'add', '-q', linked]);

    const result = repo.footprint(['init', '--json', '--cwd', linked]);
    const document = parseDocument<InitDocument>(result.stdout);
    const hooks = path.join(repo.dir, '.git', 'hooks');

    assert.equal(result.status, 0, result.stderr);
    assert.deepEqual(validateDocument('init', document), []);
    assert.equal(document.worktree, linked);
    assert.equal(document.target.dir, hooks);
    assert.equal(stepOf(document, path.join(hooks, 'pre-commit')).action, 'created');
    assert.equal(stepOf(document, 'footprint.config.json').action, 'created');
  } finally {
    repo.cleanup();
    rmSync(linked, { recursive: true, force: true });
  }
});

test('init uninstall json lists removals', () => {
  const repo = createTempRepo();
  try {
    runInit(repo, ['--json']);

    const { document, stderr } = runInit(repo, ['--uninstall', '--json']);

    assert.equal(stderr, '');
    assert.equal(document.command, 'init');
    assert.equal(document.uninstall, true);
    assert.equal(document.target.kind, 'git-dir');
    assert.equal(stepOf(document, '.git/hooks/pre-commit').action, 'removed');
    assert.equal(stepOf(document, 'footprint.config.json').action, 'removed');
    assert.deepEqual(document.editedHooks, []);
    assert.equal(document.changed, true);
    assert.equal(existsSync(path.join(repo.dir, '.git', 'hooks', 'pre-commit')), false);
  } finally {
    repo.cleanup();
  }
});

test('init uninstall json names edited hooks', () => {
  const repo = createTempRepo();
  try {
    runInit(repo, ['--json']);
    appendFileSync(path.join(repo.dir, '.git', 'hooks', 'pre-commit'), 'echo mine\n');

    const { document } = runInit(repo, ['--uninstall', '--json']);

    assert.equal(stepOf(document, '.git/hooks/pre-commit').action, 'unchanged');
    assert.deepEqual(document.editedHooks, ['.git/hooks/pre-commit']);
    assert.ok(existsSync(path.join(repo.dir, '.git', 'hooks', 'pre-commit')));
  } finally {
    repo.cleanup();
  }
});

/** A repository that `footprint init` rejects, and the words its error message must contain. */
interface RejectionCase {
  name: string;
  prepare(repo: TempRepo, scratch: string): Record<string, string>;
  message: RegExp;
}

const REJECTIONS: RejectionCase[] = [
  {
    name: 'invalid configuration',
    prepare(repo) {
      repo.write('footprint.config.json', '{ "mode": "fast" }\n');
      return {};
    },
    message: /"mode" is "fast"/,
  },
  {
    name: 'hook and chained hook',
    prepare(repo) {
      repo.write('.git/hooks/pre-commit', '#!/bin/sh\necho one\n', 0o755);
      repo.write('.git/hooks/pre-commit.footprint-chained', '#!/bin/sh\necho two\n', 0o755);
      return {};
    },
    message: /so footprint cannot keep both/,
  },
  {
    name: 'user-wide hooks folder',
    prepare(_repo, scratch) {
      const shared = path.join(scratch, 'hooks');
      mkdirSync(shared);
      const config = path.join(scratch, 'gitconfig');
      writeFileSync(config, `[core]\n\thooksPath = ${shared}\n`);
      return { GIT_CONFIG_GLOBAL: config };
    },
    message: /one folder for every repository/,
  },
];

for (const rejection of REJECTIONS) {
  test(`init json rejects ${rejection.name}`, () => {
    const repo = createTempRepo();
    const scratch = mkdtempSync(path.join(tmpdir(), 'footprint-init-json-'));
    try {
      const env = rejection.prepare(repo, scratch);
      const result = repo.footprint(['init', '--json'], { env });
      const document = parseDocument<ErrorDocument>(result.stdout);

      assert.equal(result.status, 2, result.stderr);
      assert.deepEqual(validateDocument('error', document), []);
      assert.equal(document.command, 'init');
      assert.equal(document.error.exitCode, 2);
      assert.match(document.error.message, rejection.message);
      assert.match(result.stderr, rejection.message);
      assert.equal(existsSync(path.join(repo.dir, '.git', 'hooks', 'post-commit')), false);
      assert.equal(existsSync(path.join(repo.dir, 'fossils', '.gitignore')), false);
    } finally {
      repo.cleanup();
      rmSync(scratch, { recursive: true, force: true });
    }
  });
}

test('init uninstall json rejects bare repository', () => {
  const repo = createTempRepo({ bare: true });
  try {
    const result = repo.footprint(['init', '--uninstall', '--json']);
    const document = parseDocument<ErrorDocument>(result.stdout);

    assert.equal(result.status, 2, result.stderr);
    assert.deepEqual(validateDocument('error', document), []);
    assert.equal(document.command, 'init');
    assert.equal(document.error.exitCode, 2);
    assert.match(document.error.message, /is a bare repository/);
  } finally {
    repo.cleanup();
  }
});
