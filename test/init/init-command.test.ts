import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { main } from '../../src/cli/main.js';
import { captureIo } from '../cli/cli-io.js';
import { createTempRepo, gitTestEnv, linkProjectCommand, plainPath } from '../helpers/repo.js';

/** Returns the test environment with a UTF-8 locale, so the output has its Unicode symbols. */
function utf8Env(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  return gitTestEnv({ LC_ALL: 'C.UTF-8', ...extra });
}

test('init command lists what it wrote', async () => {
  const repo = createTempRepo();
  try {
    const { io, stdout } = captureIo({ cwd: repo.dir, env: utf8Env() });

    const code = await main(['init'], io);

    assert.equal(code, 0);
    assert.match(
      stdout.text,
      /^✔ \.git\/hooks\/pre-commit: created \(runs `footprint precommit`, which checks the staged change and blocks a risky commit\)$/m,
    );
    assert.match(
      stdout.text,
      /^✔ \.git\/hooks\/pre-merge-commit: created \(runs `footprint precommit --merge`, which checks a merge that `git merge` commits without conflicts, and blocks a risky one\)$/m,
    );
    assert.match(
      stdout.text,
      /^✔ \.git\/hooks\/prepare-commit-msg: created \(runs `footprint prepare-commit-msg`, which suggests a commit message in comment lines\)$/m,
    );
    assert.match(
      stdout.text,
      /^✔ \.git\/hooks\/post-commit: created \(runs `footprint fossils record-outcome`, which records the outcome fossil of each commit\)$/m,
    );
    assert.match(stdout.text, /✔ fossils\/\.gitignore: created/);
    assert.match(stdout.text, /✔ footprint\.config\.json: created/);
    assert.match(stdout.text, /footprint is installed/);
    assert.ok(existsSync(path.join(repo.dir, '.git', 'hooks', 'pre-commit')));
  } finally {
    repo.cleanup();
  }
});

test('init command twice says nothing changed', async () => {
  const repo = createTempRepo();
  try {
    await main(['init'], captureIo({ cwd: repo.dir, env: utf8Env() }).io);
    const { io, stdout } = captureIo({ cwd: repo.dir, env: utf8Env() });

    const code = await main(['init'], io);

    assert.equal(code, 0);
    assert.match(stdout.text, /ℹ \.git\/hooks\/pre-commit: unchanged/);
    assert.match(stdout.text, /already installed; nothing changed/);
  } finally {
    repo.cleanup();
  }
});

test('init command with inactive husky warns', async () => {
  const repo = createTempRepo();
  try {
    repo.write('.husky/pre-commit', 'npx lint-staged\n');
    repo.git(['config', 'core.hooksPath', '.husky/_']);
    const { io, stdout } = captureIo({ cwd: repo.dir, env: utf8Env() });

    const code = await main(['init'], io);

    assert.equal(code, 0);
    assert.match(stdout.text, /^ℹ git runs no hook in this worktree yet/m);
    assert.match(stdout.text, /^⚠ footprint is installed, but git does not run its hook yet/m);
    assert.doesNotMatch(stdout.text, /runs on your next `git commit`/);
  } finally {
    repo.cleanup();
  }
});

test('init command with advice still says it runs', async () => {
  const repo = createTempRepo();
  try {
    repo.write('.husky/pre-commit', 'npx lint-staged\n');
    repo.write('.husky/_/pre-commit', '. "$(dirname "$0")/h"\n');
    repo.git(['config', 'core.hooksPath', '.husky/_']);
    const { io, stdout } = captureIo({ cwd: repo.dir, env: utf8Env() });

    const code = await main(['init'], io);

    assert.equal(code, 0);
    assert.match(stdout.text, /^ℹ The husky hooks run .*, a path on this machine only/m);
    assert.match(stdout.text, /^✔ footprint is installed\. It runs on your next `git commit`/m);
    assert.doesNotMatch(stdout.text, /does not run its hook yet/);
  } finally {
    repo.cleanup();
  }
});

test('init command names an inserted line', async () => {
  const repo = createTempRepo();
  try {
    repo.write('.husky/pre-commit', 'exec npx lint-staged\n');
    repo.write('.husky/pre-merge-commit', 'npx lint-staged && exit 0\n');
    repo.write('.husky/post-commit', 'echo done\n');
    repo.write('node_modules/.bin/footprint', '#!/bin/sh\n', 0o755);
    repo.git(['config', 'core.hooksPath', '.husky/_']);
    const { io, stdout } = captureIo({ cwd: repo.dir, env: utf8Env() });

    const code = await main(['init'], io);
    const lines = stdout.text.split('\n');

    assert.equal(code, 0);
    assert.ok(
      lines.includes(
        '✔ .husky/pre-commit: inserted (`footprint precommit` as line 1, ' +
          'before `exec npx lint-staged`, because exec ends the script)',
      ),
      stdout.text,
    );
    assert.ok(
      lines.includes(
        '✔ .husky/pre-merge-commit: inserted (`footprint precommit --merge` as line 1, ' +
          'above a command that may end the script)',
      ),
      stdout.text,
    );
    assert.ok(
      lines.includes(
        '✔ .husky/post-commit: appended (`footprint fossils record-outcome` at the end)',
      ),
      stdout.text,
    );
  } finally {
    repo.cleanup();
  }
});

test('init command outside a repository exits 2', async () => {
  const repo = createTempRepo();
  try {
    const parent = path.dirname(repo.dir);
    const { io, stderr } = captureIo({
      cwd: parent,
      env: gitTestEnv({ GIT_CEILING_DIRECTORIES: parent }),
    });

    const code = await main(['init'], io);

    assert.equal(code, 2);
    assert.match(stderr.text, /not inside a git repository/);
  } finally {
    repo.cleanup();
  }
});

test('init command inside .git names the worktree', async () => {
  const repo = createTempRepo();
  try {
    const { io, stderr } = captureIo({ cwd: path.join(repo.dir, '.git'), env: gitTestEnv() });

    const code = await main(['init'], io);

    assert.equal(code, 2);
    assert.ok(
      stderr.text.includes(`${repo.dir}/.git is the git directory of ${repo.dir}, not a worktree.`),
      stderr.text,
    );
    assert.ok(stderr.text.includes(`Run \`footprint --cwd ${repo.dir} init\`.`), stderr.text);
    assert.doesNotMatch(stderr.text, /bare/);
  } finally {
    repo.cleanup();
  }
});

test('init command in a bare repository exits 2', async () => {
  const repo = createTempRepo({ bare: true });
  try {
    const { io, stderr } = captureIo({ cwd: repo.dir, env: gitTestEnv() });

    const code = await main(['init'], io);

    assert.equal(code, 2);
    assert.match(stderr.text, /is a bare repository, which never runs commit hooks/);
  } finally {
    repo.cleanup();
  }
});

test('init command --uninstall lists what it removed', async () => {
  const repo = createTempRepo();
  try {
    await main(['init'], captureIo({ cwd: repo.dir, env: utf8Env() }).io);
    const { io, stdout } = captureIo({ cwd: repo.dir, env: utf8Env() });

    const code = await main(['init', '--uninstall'], io);

    assert.equal(code, 0);
    assert.match(stdout.text, /✔ \.git\/hooks\/pre-commit: removed/);
    assert.match(stdout.text, /✔ footprint\.config\.json: removed/);
    assert.match(stdout.text, /footprint is uninstalled/);
    assert.equal(existsSync(path.join(repo.dir, '.git', 'hooks', 'pre-commit')), false);
  } finally {
    repo.cleanup();
  }
});

test('uninstall names the npx command', async () => {
  const repo = createTempRepo();
  try {
    linkProjectCommand(repo.dir);
    const env = utf8Env({ PATH: plainPath() });
    await main(['init'], captureIo({ cwd: repo.dir, env }).io);
    const { io, stdout } = captureIo({ cwd: repo.dir, env });

    const code = await main(['init', '--uninstall'], io);

    assert.equal(code, 0);
    assert.equal(
      stdout.text.trimEnd().split('\n').at(-1),
      '✔ footprint is uninstalled. Run `npx footprint init` to install it again.',
    );
  } finally {
    repo.cleanup();
  }
});

test('init command accepts --mode and --no-llm', async () => {
  const repo = createTempRepo();
  try {
    const { io, stdout } = captureIo({ cwd: repo.dir, env: utf8Env() });

    const code = await main(['init', '--mode', 'aggressive', '--no-llm'], io);

    assert.equal(code, 0);
    assert.match(stdout.text, /footprint is installed/);
    assert.ok(existsSync(path.join(repo.dir, '.git', 'hooks', 'pre-commit')));
  } finally {
    repo.cleanup();
  }
});

test('init command warns that lefthook replaces its hooks', async () => {
  const repo = createTempRepo();
  try {
    repo.write('lefthook.yml', 'pre-commit:\n  commands: {}\n');
    const { io, stdout } = captureIo({ cwd: repo.dir, env: utf8Env() });

    const code = await main(['init'], io);

    assert.equal(code, 0);
    assert.match(stdout.text, /This project configures lefthook \(lefthook\.yml\)/);
    assert.match(
      stdout.text,
      /Add footprint to lefthook\.yml as the README's lefthook section shows/,
    );
  } finally {
    repo.cleanup();
  }
});
