import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { isUserError } from '../../src/errors.js';
import { readHookTemplates } from '../../src/init/hook-script.js';
import { installHooks, type InstallReport } from '../../src/init/install.js';
import { learnHistory } from '../../src/learn/learn.js';
import { validateConfigDocument } from '../../src/schemas-runtime/validators.js';
import { createTempRepo, gitTestEnv, projectRoot, type TempRepo } from '../helpers/repo.js';

const FOOTPRINT_BIN = path.join(projectRoot, 'bin', 'footprint.js');

function install(
  repo: TempRepo,
  cwd = repo.dir,
  env: NodeJS.ProcessEnv = gitTestEnv(),
): Promise<InstallReport> {
  return installHooks({
    cwd,
    env,
    packageRoot: projectRoot,
    footprintBin: FOOTPRINT_BIN,
    node: process.execPath,
  });
}

function read(repo: TempRepo, file: string): string {
  return readFileSync(path.join(repo.dir, file), 'utf8');
}

function isExecutable(file: string): boolean {
  return (statSync(file).mode & 0o111) === 0o111;
}

/** Every file init may touch, with its content or null, to compare runs. */
function snapshot(repo: TempRepo): Record<string, string | null> {
  const files = [
    '.git/hooks/pre-commit',
    '.git/hooks/pre-commit.footprint-chained',
    '.git/hooks/prepare-commit-msg',
    '.githooks/pre-commit',
    '.husky/pre-commit',
    '.husky/prepare-commit-msg',
    'fossils/.gitignore',
    'footprint.config.json',
  ];
  return Object.fromEntries(
    files.map((file) => [file, existsSync(path.join(repo.dir, file)) ? read(repo, file) : null]),
  );
}

test('init in a plain repository writes the git-dir hook', async () => {
  const repo = createTempRepo();
  try {
    const report = await install(repo);
    const hook = path.join(repo.dir, '.git', 'hooks', 'pre-commit');

    assert.equal(report.target.kind, 'git-dir');
    assert.equal(report.changed, true);
    assert.ok(isExecutable(hook));
    assert.match(read(repo, '.git/hooks/pre-commit'), /^# footprint-hook:/m);
    assert.ok(
      read(repo, '.git/hooks/pre-commit').includes(`installed_footprint='${FOOTPRINT_BIN}'`),
    );
    assert.ok(read(repo, '.git/hooks/pre-commit').includes(`installed_node='${process.execPath}'`));
  } finally {
    repo.cleanup();
  }
});

test('init replaces the gitignore of earlier versions', async () => {
  const repo = createTempRepo();
  try {
    repo.write('fossils/.gitignore', '*\n!.gitignore\n');
    const report = await install(repo);
    const step = report.steps.find((entry) => entry.file.endsWith('.gitignore'));

    assert.equal(step?.action, 'updated');
    assert.equal(
      read(repo, 'fossils/.gitignore'),
      '# footprint fossil store: git ignores this whole folder.\n*\n',
    );
  } finally {
    repo.cleanup();
  }
});

test('init keeps a committed gitignore of earlier versions', async () => {
  const repo = createTempRepo();
  try {
    repo.write('fossils/.gitignore', '*\n!.gitignore\n');
    repo.git(['add', 'fossils/.gitignore']);
    repo.git(['commit', '-q', '-m', 'ignore fossils']);
    const report = await install(repo);
    const step = report.steps.find((entry) => entry.file.endsWith('.gitignore'));

    assert.equal(read(repo, 'fossils/.gitignore'), '*\n!.gitignore\n');
    assert.equal(step?.action, 'unchanged');
    assert.match(
      step?.detail ?? '',
      /run `git rm --cached -- :\/fossils\/\.gitignore`, commit that/,
    );
  } finally {
    repo.cleanup();
  }
});

test('init keeps a hook of its own that runs footprint', async () => {
  const repo = createTempRepo();
  try {
    const own = `#!/bin/sh\nnode '${FOOTPRINT_BIN}' precommit\n`;
    repo.write('.git/hooks/pre-commit', own, 0o755);

    const report = await install(repo);
    const step = report.steps.find((entry) =>
      entry.file.endsWith(path.join('hooks', 'pre-commit')),
    );

    assert.equal(read(repo, '.git/hooks/pre-commit'), own);
    assert.ok(!existsSync(path.join(repo.dir, '.git', 'hooks', 'pre-commit.footprint-chained')));
    assert.equal(step?.action, 'unchanged');
    assert.equal(step?.detail, 'already runs footprint precommit');
  } finally {
    repo.cleanup();
  }
});

test('init notes a tracked hooks folder', async () => {
  const repo = createTempRepo();
  try {
    repo.write('githooks/pre-commit', '#!/bin/sh\necho "team hook"\n', 0o755);
    repo.git(['add', '-A']);
    repo.git(['commit', '-q', '-m', 'shared hooks']);
    repo.git(['config', 'core.hooksPath', 'githooks']);

    const report = await install(repo);

    assert.equal(report.advice.length, 2, report.advice.join('\n'));
    assert.match(
      report.advice[0] ?? '',
      /^footprint's hooks in githooks run .*, a path on this machine only, .* and git tracks githooks\./,
    );
    assert.match(report.advice[1] ?? '', /^Run `footprint learn` once/);
  } finally {
    repo.cleanup();
  }
});

test('init writes the fossil gitignore and a valid starter config', async () => {
  const repo = createTempRepo();
  try {
    await install(repo);
    const config = JSON.parse(read(repo, 'footprint.config.json')) as unknown;

    assert.equal(
      read(repo, 'fossils/.gitignore'),
      '# footprint fossil store: git ignores this whole folder.\n*\n',
    );
    assert.deepEqual(validateConfigDocument(config), []);
    assert.equal((config as { mode: string }).mode, 'balanced');
  } finally {
    repo.cleanup();
  }
});

test('init twice changes nothing', async () => {
  const repo = createTempRepo();
  try {
    await install(repo);
    const first = snapshot(repo);

    const report = await install(repo);

    assert.equal(report.changed, false);
    assert.deepEqual(snapshot(repo), first);
    assert.ok(report.steps.every((step) => step.action === 'unchanged'));
  } finally {
    repo.cleanup();
  }
});

test('init keeps an existing hook and chains it', async () => {
  const repo = createTempRepo();
  try {
    const existing = '#!/bin/sh\necho "my own hook"\n';
    repo.write('.git/hooks/pre-commit', existing, 0o755);

    const report = await install(repo);

    assert.equal(read(repo, '.git/hooks/pre-commit.footprint-chained'), existing);
    assert.match(read(repo, '.git/hooks/pre-commit'), /^# footprint-hook:/m);
    assert.ok(report.steps.some((step) => step.action === 'chained'));
    assert.deepEqual((await install(repo)).changed, false);
    assert.equal(read(repo, '.git/hooks/pre-commit.footprint-chained'), existing);
  } finally {
    repo.cleanup();
  }
});

test('chained hook runs on a real commit', async () => {
  const repo = createTempRepo();
  try {
    repo.write('.git/hooks/pre-commit', '#!/bin/sh\necho "chained ran" >&2\n', 0o755);
    await install(repo);
    repo.write('a.txt', 'a\n');
    repo.git(['add', 'a.txt']);

    const result = repo.gitResult(['commit', '-q', '-m', 'add a'], { env: { FOOTPRINT: '0' } });

    assert.equal(result.status, 0, result.stderr);
    assert.match(result.stderr, /chained ran/);
  } finally {
    repo.cleanup();
  }
});

test('failing chained hook blocks a real commit', async () => {
  const repo = createTempRepo();
  try {
    repo.write('.git/hooks/pre-commit', '#!/bin/sh\necho "chained says no" >&2\nexit 1\n', 0o755);
    await install(repo);
    repo.write('a.txt', 'a\n');
    repo.git(['add', 'a.txt']);

    const result = repo.gitResult(['commit', '-q', '-m', 'add a'], { env: { FOOTPRINT: '0' } });

    assert.equal(result.status, 1);
    assert.match(result.stderr, /chained says no/);
  } finally {
    repo.cleanup();
  }
});

test('init rejects a foreign hook beside a chained one', async () => {
  const repo = createTempRepo();
  try {
    repo.write('.git/hooks/pre-commit', '#!/bin/sh\necho new\n', 0o755);
    repo.write('.git/hooks/pre-commit.footprint-chained', '#!/bin/sh\necho old\n', 0o755);

    await assert.rejects(install(repo), (error: Error) => {
      assert.equal(error.name, 'UserError');
      assert.match(error.message, /pre-commit\.footprint-chained exist/);
      return true;
    });
    assert.equal(read(repo, '.git/hooks/pre-commit'), '#!/bin/sh\necho new\n');
  } finally {
    repo.cleanup();
  }
});

test('init installs into core.hooksPath', async () => {
  const repo = createTempRepo();
  try {
    repo.git(['config', 'core.hooksPath', '.githooks']);

    const report = await install(repo);

    assert.equal(report.target.kind, 'hooks-path');
    assert.ok(isExecutable(path.join(repo.dir, '.githooks', 'pre-commit')));
    assert.equal(existsSync(path.join(repo.dir, '.git', 'hooks', 'pre-commit')), false);
  } finally {
    repo.cleanup();
  }
});

/** Makes a user-wide git configuration file that sets core.hooksPath, as ~/.gitconfig would. */
function userWideHooksPath(value: string): {
  env: NodeJS.ProcessEnv;
  file: string;
  cleanup(): void;
} {
  const dir = mkdtempSync(path.join(tmpdir(), 'footprint-global-config-'));
  const file = path.join(dir, 'gitconfig');
  writeFileSync(file, `[core]\n\thooksPath = ${value}\n`);
  return {
    env: gitTestEnv({ GIT_CONFIG_GLOBAL: file }),
    file,
    cleanup: () => rmSync(dir, { recursive: true, force: true }),
  };
}

test('init refuses a user-wide hooks folder', async () => {
  const repo = createTempRepo();
  const sharedHooks = mkdtempSync(path.join(tmpdir(), 'footprint-shared-hooks-'));
  const global = userWideHooksPath(sharedHooks);
  try {
    await assert.rejects(install(repo, repo.dir, global.env), (error: Error) => {
      assert.equal(error.name, 'UserError');
      assert.ok(
        error.message.includes(`core.hooksPath is set to ${sharedHooks} in ${global.file} line 2`),
      );
      const hooks = path.join(repo.dir, '.git', 'hooks');
      assert.ok(error.message.includes(`git -C ${repo.dir} config core.hooksPath ${hooks}`));
      return true;
    });

    assert.deepEqual(readdirSync(sharedHooks), []);
    assert.equal(existsSync(path.join(repo.dir, '.git', 'hooks', 'pre-commit')), false);
    assert.equal(existsSync(path.join(repo.dir, 'footprint.config.json')), false);
  } finally {
    repo.cleanup();
    global.cleanup();
    rmSync(sharedHooks, { recursive: true, force: true });
  }
});

test('init refuses a user-wide absolute path into the repository', async () => {
  const repo = createTempRepo();
  const global = userWideHooksPath(path.join(repo.dir, '.githooks'));
  try {
    await assert.rejects(install(repo, repo.dir, global.env), /one folder for every repository/);

    assert.equal(existsSync(path.join(repo.dir, '.githooks', 'pre-commit')), false);
  } finally {
    repo.cleanup();
    global.cleanup();
  }
});

test('init keeps a repository hooks path over a user-wide one', async () => {
  const repo = createTempRepo();
  const sharedHooks = mkdtempSync(path.join(tmpdir(), 'footprint-shared-hooks-'));
  const global = userWideHooksPath(sharedHooks);
  try {
    repo.git(['config', 'core.hooksPath', '.git/hooks']);

    const report = await install(repo, repo.dir, global.env);

    assert.equal(report.target.kind, 'hooks-path');
    assert.ok(isExecutable(path.join(repo.dir, '.git', 'hooks', 'pre-commit')));
    assert.deepEqual(readdirSync(sharedHooks), []);
  } finally {
    repo.cleanup();
    global.cleanup();
    rmSync(sharedHooks, { recursive: true, force: true });
  }
});

test('init takes a relative user-wide hooks path', async () => {
  const repo = createTempRepo();
  const global = userWideHooksPath('.githooks');
  try {
    const report = await install(repo, repo.dir, global.env);

    assert.equal(report.target.kind, 'hooks-path');
    assert.ok(isExecutable(path.join(repo.dir, '.githooks', 'pre-commit')));
  } finally {
    repo.cleanup();
    global.cleanup();
  }
});

test('init from a subfolder installs at the worktree root', async () => {
  const repo = createTempRepo();
  try {
    repo.write('src/deep/file.txt', 'x\n');

    await install(repo, path.join(repo.dir, 'src', 'deep'));

    assert.ok(existsSync(path.join(repo.dir, '.git', 'hooks', 'pre-commit')));
    assert.ok(existsSync(path.join(repo.dir, 'footprint.config.json')));
    assert.equal(existsSync(path.join(repo.dir, 'src', 'deep', 'footprint.config.json')), false);
  } finally {
    repo.cleanup();
  }
});

test('init in a linked worktree uses the shared hooks folder', async () => {
  const repo = createTempRepo();
  try {
    repo.write('a.txt', 'a\n');
    repo.git(['add', 'a.txt']);
    repo.git(['commit', '-q', '--no-verify', '-m', 'first']);
    const linked = path.join(repo.dir, '..', `${path.basename(repo.dir)}-linked`);
    repo.git(['worktree', 'add', '-q', linked]);
    try {
      await install(repo, linked);

      assert.ok(existsSync(path.join(repo.dir, '.git', 'hooks', 'pre-commit')));
      assert.ok(existsSync(path.join(linked, 'footprint.config.json')));
    } finally {
      repo.git(['worktree', 'remove', '--force', linked]);
    }
  } finally {
    repo.cleanup();
  }
});

test('init with husky 9 adds a line after lint-staged', async () => {
  const repo = createTempRepo();
  try {
    repo.write('.husky/pre-commit', 'npx lint-staged\nnpm test\n');
    repo.write('.husky/_/h', '# husky runtime\n');
    repo.write('.husky/_/pre-commit', '. "$(dirname "$0")/h"\n');
    repo.git(['config', 'core.hooksPath', '.husky/_']);

    const report = await install(repo);
    const lines = read(repo, '.husky/pre-commit').split('\n');

    assert.equal(report.target.kind, 'husky');
    assert.equal(lines[0], 'npx lint-staged');
    assert.ok(
      lines[1]?.startsWith(
        `if [ -f '${FOOTPRINT_BIN}' ]; then "$(command -v node || echo '${process.execPath}')" ` +
          `'${FOOTPRINT_BIN}' precommit; elif [ "\${FOOTPRINT:-}" != 0 ]; then printf`,
      ),
      lines[1],
    );
    assert.equal(lines[2], 'npm test');
    assert.deepEqual(report.notes, []);
    assert.equal(report.advice.length, 1);
    assert.ok(report.advice[0]?.startsWith(`The husky hooks run ${FOOTPRINT_BIN}, a path`));
    assert.match(report.advice[0] ?? '', /run `npm install --save-dev footprint-cli`/);
    assert.equal(read(repo, '.husky/_/pre-commit'), '. "$(dirname "$0")/h"\n');
  } finally {
    repo.cleanup();
  }
});

test('init with husky inserts lines before a final exit', async () => {
  const repo = createTempRepo();
  try {
    repo.write('.husky/pre-commit', 'npm test\nexit 0 # done\n');
    repo.write('.husky/prepare-commit-msg', 'echo prepare\nexit');
    repo.write('.husky/post-commit', '#!/bin/sh\necho hi\nexit 0\n\n');
    repo.write('node_modules/.bin/footprint', '#!/bin/sh\n', 0o755);
    repo.git(['config', 'core.hooksPath', '.husky/_']);

    const report = await install(repo);
    const details = report.steps
      .filter((step) => step.action === 'inserted')
      .map((step) => [path.basename(step.file), step.detail]);

    assert.equal(read(repo, '.husky/pre-commit'), 'npm test\nfootprint precommit\nexit 0 # done\n');
    assert.equal(
      read(repo, '.husky/prepare-commit-msg'),
      'echo prepare\nfootprint prepare-commit-msg "$@"\nexit',
    );
    assert.equal(
      read(repo, '.husky/post-commit'),
      '#!/bin/sh\necho hi\nfootprint fossils record-outcome\nexit 0\n\n',
    );
    assert.deepEqual(details, [
      ['pre-commit', '`footprint precommit` as line 2, before the final exit'],
      [
        'prepare-commit-msg',
        '`footprint prepare-commit-msg "$@"` as line 2, before the final exit',
      ],
      ['post-commit', '`footprint fossils record-outcome` as line 3, before the final exit'],
    ]);
  } finally {
    repo.cleanup();
  }
});

test('init with husky keeps a conditional exit above', async () => {
  const repo = createTempRepo();
  try {
    repo.write('.husky/post-commit', '[ -n "$CI" ] && exit 0\n');
    repo.write('node_modules/.bin/footprint', '#!/bin/sh\n', 0o755);
    repo.git(['config', 'core.hooksPath', '.husky/_']);

    await install(repo);

    assert.equal(
      read(repo, '.husky/post-commit'),
      '[ -n "$CI" ] && exit 0\nfootprint fossils record-outcome\n',
    );
  } finally {
    repo.cleanup();
  }
});

test('init with husky and a local footprint writes the short line', async () => {
  const repo = createTempRepo();
  try {
    repo.write('.husky/pre-commit', 'npm test\n');
    repo.write('node_modules/.bin/footprint', '#!/bin/sh\n', 0o755);
    repo.git(['config', 'core.hooksPath', '.husky/_']);

    await install(repo);

    assert.equal(read(repo, '.husky/pre-commit'), 'npm test\nfootprint precommit\n');
  } finally {
    repo.cleanup();
  }
});

test('init again after installing footprint drops the machine path', async () => {
  const repo = createTempRepo();
  try {
    repo.write('.husky/pre-commit', 'npm test\n');
    repo.git(['config', 'core.hooksPath', '.husky/_']);
    await install(repo);
    assert.ok(read(repo, '.husky/pre-commit').includes(FOOTPRINT_BIN));

    repo.write('node_modules/.bin/footprint', '#!/bin/sh\n', 0o755);
    const report = await install(repo);

    assert.equal(read(repo, '.husky/pre-commit'), 'npm test\nfootprint precommit\n');
    assert.equal(read(repo, '.husky/post-commit'), 'footprint fossils record-outcome\n');
    for (const name of ['pre-commit', 'prepare-commit-msg', 'post-commit']) {
      assert.ok(!read(repo, `.husky/${name}`).includes(FOOTPRINT_BIN), name);
    }
    const step = report.steps.find((entry) =>
      entry.file.endsWith(path.join('.husky', 'pre-commit')),
    );
    assert.equal(step?.action, 'updated');
  } finally {
    repo.cleanup();
  }
});

test('init with husky 9 creates files as husky does', async () => {
  const repo = createTempRepo();
  try {
    repo.write('.husky/_/h', '# husky runtime\n');
    repo.git(['config', 'core.hooksPath', '.husky/_']);

    await install(repo);

    for (const name of ['pre-commit', 'prepare-commit-msg', 'post-commit']) {
      const file = path.join(repo.dir, '.husky', name);
      assert.equal(statSync(file).mode & 0o111, 0, `${name} is not executable`);
      assert.doesNotMatch(read(repo, `.husky/${name}`), /^#!/, `${name} has no #! line`);
    }
    assert.equal(
      read(repo, '.husky/post-commit'),
      `if [ -f '${FOOTPRINT_BIN}' ]; then "$(command -v node || echo '${process.execPath}')" ` +
        `'${FOOTPRINT_BIN}' fossils record-outcome || true; fi\n`,
    );
  } finally {
    repo.cleanup();
  }
});

test('init with husky 8 writes a hook that sources husky.sh', async () => {
  const repo = createTempRepo();
  try {
    repo.write('.husky/_/husky.sh', '# husky 8 runtime\n');
    repo.write('node_modules/.bin/footprint', '#!/bin/sh\n', 0o755);
    repo.git(['config', 'core.hooksPath', '.husky']);

    await install(repo);
    const hook = path.join(repo.dir, '.husky', 'pre-commit');

    assert.equal(
      read(repo, '.husky/pre-commit'),
      '#!/usr/bin/env sh\n. "$(dirname -- "$0")/_/husky.sh"\n\nnode_modules/.bin/footprint precommit\n',
    );
    assert.ok(isExecutable(hook));
  } finally {
    repo.cleanup();
  }
});

test('init with an inactive husky folder notes how to activate it', async () => {
  const repo = createTempRepo();
  try {
    repo.write('.husky/pre-commit', 'npx lint-staged\n');

    const report = await install(repo);

    assert.equal(report.target.kind, 'husky');
    assert.match(
      read(repo, '.husky/pre-commit'),
      /^npx lint-staged\nif \[ -f '.*' \]; then .* '.*' precommit; elif .*; fi\n$/,
    );
    assert.match(report.notes[0] ?? '', /Run `npx husky`/);
  } finally {
    repo.cleanup();
  }
});

test('init with husky twice changes nothing', async () => {
  const repo = createTempRepo();
  try {
    repo.write('.husky/pre-commit', 'npx lint-staged\n');
    repo.git(['config', 'core.hooksPath', '.husky/_']);
    await install(repo);
    const first = snapshot(repo);

    const report = await install(repo);

    assert.equal(report.changed, false);
    assert.deepEqual(snapshot(repo), first);
  } finally {
    repo.cleanup();
  }
});

test('init keeps a configuration in package.json', async () => {
  const repo = createTempRepo();
  try {
    repo.write('package.json', JSON.stringify({ name: 'x', footprint: { mode: 'conservative' } }));

    const report = await install(repo);

    assert.equal(existsSync(path.join(repo.dir, 'footprint.config.json')), false);
    assert.ok(
      report.steps.some(
        (step) => step.file.endsWith('package.json') && step.action === 'unchanged',
      ),
    );
  } finally {
    repo.cleanup();
  }
});

test('init uses the configured fossil folder', async () => {
  const repo = createTempRepo();
  try {
    repo.write('footprint.config.json', JSON.stringify({ fossilDir: '.footprint/fossils' }));

    await install(repo);

    assert.equal(
      read(repo, '.footprint/fossils/.gitignore'),
      '# footprint fossil store: git ignores this whole folder.\n*\n',
    );
    assert.equal(
      read(repo, 'footprint.config.json'),
      JSON.stringify({ fossilDir: '.footprint/fossils' }),
    );
  } finally {
    repo.cleanup();
  }
});

test('init with an invalid configuration writes nothing', async () => {
  const repo = createTempRepo();
  try {
    repo.write('footprint.config.json', JSON.stringify({ mode: 'reckless' }));

    await assert.rejects(install(repo), (error: Error) => {
      assert.equal(error.name, 'UserError');
      assert.match(error.message, /mode/);
      return true;
    });
    assert.equal(existsSync(path.join(repo.dir, '.git', 'hooks', 'pre-commit')), false);
  } finally {
    repo.cleanup();
  }
});

test('init installs the prepare-commit-msg hook', async () => {
  const repo = createTempRepo();
  try {
    const report = await install(repo);
    const hook = path.join(repo.dir, '.git', 'hooks', 'prepare-commit-msg');

    assert.ok(isExecutable(hook));
    assert.match(read(repo, '.git/hooks/prepare-commit-msg'), /^# footprint-hook:/m);
    assert.ok(
      read(repo, '.git/hooks/prepare-commit-msg').includes(`installed_node='${process.execPath}'`),
    );
    assert.ok(report.steps.some((step) => step.file === hook && step.action === 'created'));
  } finally {
    repo.cleanup();
  }
});

test('init chains each existing hook under its own name', async () => {
  const repo = createTempRepo();
  try {
    const existing = '#!/bin/sh\necho "commitizen"\n';
    repo.write('.git/hooks/prepare-commit-msg', existing, 0o755);

    await install(repo);

    assert.equal(read(repo, '.git/hooks/prepare-commit-msg.footprint-chained'), existing);
    assert.match(read(repo, '.git/hooks/prepare-commit-msg'), /^# footprint-hook:/m);
    assert.equal(existsSync(path.join(repo.dir, '.git/hooks/pre-commit.footprint-chained')), false);
  } finally {
    repo.cleanup();
  }
});

test('init checks every hook before writing any', async () => {
  const repo = createTempRepo();
  try {
    repo.write('.git/hooks/prepare-commit-msg', '#!/bin/sh\necho new\n', 0o755);
    repo.write('.git/hooks/prepare-commit-msg.footprint-chained', '#!/bin/sh\necho old\n', 0o755);

    await assert.rejects(install(repo), /prepare-commit-msg\.footprint-chained exist/);
    assert.equal(existsSync(path.join(repo.dir, '.git', 'hooks', 'pre-commit')), false);
    assert.equal(existsSync(path.join(repo.dir, 'footprint.config.json')), false);
  } finally {
    repo.cleanup();
  }
});

test('init with husky adds the message hook line', async () => {
  const repo = createTempRepo();
  try {
    repo.write('.husky/pre-commit', 'npx lint-staged\n');
    repo.write('.husky/prepare-commit-msg', 'exec < /dev/tty && npx cz --hook || true\n');
    repo.write('node_modules/.bin/footprint', '#!/bin/sh\n', 0o755);
    repo.git(['config', 'core.hooksPath', '.husky/_']);

    await install(repo);

    assert.equal(read(repo, '.husky/pre-commit'), 'npx lint-staged\nfootprint precommit\n');
    assert.equal(
      read(repo, '.husky/prepare-commit-msg'),
      'exec < /dev/tty && npx cz --hook || true\nfootprint prepare-commit-msg "$@"\n',
    );
  } finally {
    repo.cleanup();
  }
});

test('init installs a hook for every script in hooks/', async () => {
  const repo = createTempRepo();
  try {
    const templates = await readHookTemplates(projectRoot);

    await install(repo);

    assert.ok(templates.length >= 2, 'hooks/ has pre-commit and prepare-commit-msg at least');
    for (const template of templates) {
      const hook = path.join(repo.dir, '.git', 'hooks', template.name);
      assert.ok(isExecutable(hook), `${template.name} is installed`);
      assert.notEqual(template.command, null, `hooks/${template.name} names its command`);
    }
  } finally {
    repo.cleanup();
  }
});

test('init with husky inserts its line above exec', async () => {
  const repo = createTempRepo();
  try {
    repo.write('.husky/pre-commit', 'exec npx lint-staged --allow-empty\n');
    repo.write('.husky/post-commit', 'echo done\nexec 2>&1 npx notify # last\n\n');
    repo.write('node_modules/.bin/footprint', '#!/bin/sh\n', 0o755);
    repo.git(['config', 'core.hooksPath', '.husky/_']);

    const report = await install(repo);
    const preCommit = report.steps.find((step) => step.file.endsWith('pre-commit'));

    assert.equal(
      read(repo, '.husky/pre-commit'),
      'footprint precommit\nexec npx lint-staged --allow-empty\n',
    );
    assert.equal(
      read(repo, '.husky/post-commit'),
      'echo done\nfootprint fossils record-outcome\nexec 2>&1 npx notify # last\n\n',
    );
    assert.equal(preCommit?.action, 'inserted');
    assert.match(preCommit?.detail ?? '', /as line 1, before `exec npx lint-staged --allow-empty`/);
  } finally {
    repo.cleanup();
  }
});

test('init with husky inserts above exec and exit', async () => {
  const repo = createTempRepo();
  try {
    repo.write('.husky/pre-commit', 'npm test\nexec npx lint-staged\n# done\nexit 0\n');
    repo.write('node_modules/.bin/footprint', '#!/bin/sh\n', 0o755);
    repo.git(['config', 'core.hooksPath', '.husky/_']);

    await install(repo);

    assert.equal(
      read(repo, '.husky/pre-commit'),
      'npm test\nfootprint precommit\nexec npx lint-staged\n# done\nexit 0\n',
    );
  } finally {
    repo.cleanup();
  }
});

test('init with husky appends after exec redirections', async () => {
  const repo = createTempRepo();
  try {
    repo.write('.husky/pre-commit', 'exec < /dev/tty\nexec >&2\nnpm test\n');
    repo.write('node_modules/.bin/footprint', '#!/bin/sh\n', 0o755);
    repo.git(['config', 'core.hooksPath', '.husky/_']);

    await install(repo);

    assert.equal(
      read(repo, '.husky/pre-commit'),
      'exec < /dev/tty\nexec >&2\nnpm test\nfootprint precommit\n',
    );
  } finally {
    repo.cleanup();
  }
});

test('init with husky moves its line above exec', async () => {
  const repo = createTempRepo();
  try {
    repo.write('.husky/pre-commit', 'exec npx lint-staged\nfootprint precommit\n');
    repo.write('node_modules/.bin/footprint', '#!/bin/sh\n', 0o755);
    repo.git(['config', 'core.hooksPath', '.husky/_']);

    const report = await install(repo);
    const preCommit = report.steps.find((step) => step.file.endsWith('pre-commit'));

    assert.equal(read(repo, '.husky/pre-commit'), 'footprint precommit\nexec npx lint-staged\n');
    assert.equal(preCommit?.action, 'updated');
    assert.match(preCommit?.detail ?? '', /moved before `exec npx lint-staged`/);
  } finally {
    repo.cleanup();
  }
});

test('init with husky rejects an exec above the end', async () => {
  const repo = createTempRepo();
  try {
    const hook = 'npm test\nexec npx lint-staged\necho unreachable\n';
    repo.write('.husky/pre-commit', hook);
    repo.write('node_modules/.bin/footprint', '#!/bin/sh\n', 0o755);
    repo.git(['config', 'core.hooksPath', '.husky/_']);

    await assert.rejects(install(repo), (error: Error) => {
      assert.equal(error.name, 'UserError');
      assert.match(error.message, /\.husky\/pre-commit line 2 is `exec npx lint-staged`/);
      assert.match(error.message, /Put `footprint precommit` above line 2/);
      return true;
    });
    assert.equal(read(repo, '.husky/pre-commit'), hook);
    assert.equal(existsSync(path.join(repo.dir, '.husky', 'prepare-commit-msg')), false);
    assert.equal(existsSync(path.join(repo.dir, 'footprint.config.json')), false);
  } finally {
    repo.cleanup();
  }
});

test('init notes a missing husky 9 hooks folder', async () => {
  const repo = createTempRepo();
  try {
    repo.write('.husky/pre-commit', 'npx lint-staged\n');
    repo.write('node_modules/.bin/footprint', '#!/bin/sh\n', 0o755);
    repo.git(['config', 'core.hooksPath', '.husky/_']);

    const report = await install(repo);

    assert.equal(report.notes.length, 1);
    assert.match(report.notes[0] ?? '', /^git runs no hook in this worktree yet: core\.hooksPath/);
    assert.ok(report.notes[0]?.includes(`${path.join(repo.dir, '.husky', '_')} has no pre-commit`));
    assert.match(report.notes[0] ?? '', /Run `npm install` here/);
  } finally {
    repo.cleanup();
  }
});

test('init notes husky missing in a linked worktree', async () => {
  const repo = createTempRepo();
  try {
    repo.write('.husky/pre-commit', 'npx lint-staged\n');
    repo.write('.husky/_/pre-commit', '. "$(dirname "$0")/h"\n');
    repo.write('.gitignore', '.husky/_\n');
    repo.git(['config', 'core.hooksPath', '.husky/_']);
    await install(repo);
    repo.git(['add', '-A']);
    repo.git(['commit', '-q', '--no-verify', '-m', 'first']);
    const linked = `${repo.dir}-linked`;
    repo.git(['worktree', 'add', '-q', '-b', 'side', linked]);
    try {
      mkdirSync(path.join(linked, 'node_modules', '.bin'), { recursive: true });
      writeFileSync(path.join(linked, 'node_modules', '.bin', 'footprint'), '#!/bin/sh\n');
      const report = await install(repo, linked);
      const changed = report.steps.filter((step) => step.action !== 'unchanged');

      // The store's .gitignore ignores itself, so the commit left it out of the new worktree.
      // The committed husky lines named this machine's footprint; this worktree has its own.
      assert.deepEqual(
        changed.map((step) => path.relative(linked, step.file)),
        [
          path.join('.husky', 'pre-commit'),
          path.join('.husky', 'pre-merge-commit'),
          path.join('.husky', 'prepare-commit-msg'),
          path.join('.husky', 'post-commit'),
          path.join('fossils', '.gitignore'),
        ],
      );
      assert.equal(report.notes.length, 1);
      assert.match(report.notes[0] ?? '', /`git worktree add` leaves it out/);
      assert.match(report.notes[0] ?? '', /Run `npm install` here/);
    } finally {
      repo.git(['worktree', 'remove', '--force', linked]);
    }
  } finally {
    repo.cleanup();
  }
});

/** Writes `.husky/pre-commit`, runs init and returns the UserError message, or fails. */
async function rejectedMessage(repo: TempRepo, hook: string): Promise<string> {
  repo.write('.husky/pre-commit', hook);
  repo.write('node_modules/.bin/footprint', '#!/bin/sh\n', 0o755);
  repo.git(['config', 'core.hooksPath', '.husky/_']);
  let message = '';
  await assert.rejects(install(repo), (error: Error) => {
    assert.equal(error.name, 'UserError');
    message = error.message;
    return true;
  });
  assert.equal(read(repo, '.husky/pre-commit'), hook);
  assert.equal(existsSync(path.join(repo.dir, 'footprint.config.json')), false);
  return message;
}

test('init with husky rejects a hook with a heredoc', async () => {
  const repo = createTempRepo();
  try {
    const hook =
      'npx lint-staged --allow-empty || {\n  cat <<EOF\nlint-staged failed, see above\nEOF\n  exit 1\n}\n';

    const message = await rejectedMessage(repo, hook);

    assert.match(message, /\.husky\/pre-commit line 2 is `cat <<EOF`, a heredoc/);
    assert.match(message, /Add `footprint precommit` yourself/);
  } finally {
    repo.cleanup();
  }
});

test('init with husky keeps its own line in a hook with a heredoc', async () => {
  const repo = createTempRepo();
  try {
    const hook = 'npx lint-staged\nfootprint precommit\ncat <<EOF\nfootprint precommit\nEOF\n';
    repo.write('.husky/pre-commit', hook);
    repo.write('node_modules/.bin/footprint', '#!/bin/sh\n', 0o755);
    repo.git(['config', 'core.hooksPath', '.husky/_']);

    const report = await install(repo);
    const preCommit = report.steps.find((step) => step.file.endsWith('pre-commit'));

    assert.equal(preCommit?.action, 'unchanged');
    assert.equal(read(repo, '.husky/pre-commit'), hook);
  } finally {
    repo.cleanup();
  }
});

test('init with husky does not count a heredoc line as its own', async () => {
  const repo = createTempRepo();
  try {
    const hook = 'cat <<EOF\nfootprint precommit\nEOF\n';

    const message = await rejectedMessage(repo, hook);

    assert.match(message, /line 1 is `cat <<EOF`, a heredoc/);
  } finally {
    repo.cleanup();
  }
});

test('init with husky rejects a final exit with a variable status', async () => {
  const repo = createTempRepo();
  try {
    const message = await rejectedMessage(repo, 'true\nstatus=0\nexit $status\n');

    assert.match(
      message,
      /line 3 is `exit \$status`, an exit with a status that footprint cannot keep/,
    );
    assert.match(message, /Add `footprint precommit` yourself/);
  } finally {
    repo.cleanup();
  }
});

test('init with husky rejects an exit above the end', async () => {
  const repo = createTempRepo();
  try {
    const message = await rejectedMessage(repo, 'npm test\nexit 0\necho unreachable\n');

    assert.match(message, /line 2 is `exit 0`, which ends the script/);
    assert.match(message, /Put `footprint precommit` above line 2/);
  } finally {
    repo.cleanup();
  }
});

test('init with husky rejects a function in a hook that exits', async () => {
  const repo = createTempRepo();
  try {
    const message = await rejectedMessage(repo, 'run() {\n  true\n  exit 0\n}\nrun\n');

    assert.match(message, /line 1 is `run\(\) \{`, a function definition/);
    assert.match(message, /Add `footprint precommit` yourself/);
  } finally {
    repo.cleanup();
  }
});

test('init with husky places its line after a continued command', async () => {
  const repo = createTempRepo();
  try {
    repo.write('.husky/pre-commit', 'npx lint-staged \\\n  --allow-empty\nnpm test\n');
    repo.write('node_modules/.bin/footprint', '#!/bin/sh\n', 0o755);
    repo.git(['config', 'core.hooksPath', '.husky/_']);

    await install(repo);

    assert.equal(
      read(repo, '.husky/pre-commit'),
      'npx lint-staged \\\n  --allow-empty\nfootprint precommit\nnpm test\n',
    );
  } finally {
    repo.cleanup();
  }
});

test('init with husky rejects a hook that ends in a continuation', async () => {
  const repo = createTempRepo();
  try {
    const message = await rejectedMessage(repo, 'npm test \\\n');

    assert.match(message, /line 1 is `npm test \\`, the last line and ends in `\\`/);
  } finally {
    repo.cleanup();
  }
});

test('init with husky rejects a place inside an open block', async () => {
  const repo = createTempRepo();
  try {
    const message = await rejectedMessage(repo, 'npx lint-staged || {\n  exit 1\n}\n');

    assert.match(message, /line 1 is `npx lint-staged \|\| \{`, which leaves its command/);
  } finally {
    repo.cleanup();
  }
});

test('init with husky adds its line beside a mention of it', async () => {
  const repo = createTempRepo();
  try {
    const echo = 'echo "tip: run footprint precommit by hand to see the split"';
    repo.write('.husky/pre-commit', `npx lint-staged --allow-empty\n${echo}\n`);
    repo.write(
      '.husky/post-commit',
      '# footprint fossils record-outcome (disabled while debugging)\n',
    );
    repo.write('node_modules/.bin/footprint', '#!/bin/sh\n', 0o755);
    repo.git(['config', 'core.hooksPath', '.husky/_']);

    const report = await install(repo);
    const preCommit = report.steps.find((step) => step.file.endsWith('pre-commit'));

    assert.equal(preCommit?.action, 'inserted');
    assert.equal(
      read(repo, '.husky/pre-commit'),
      `npx lint-staged --allow-empty\nfootprint precommit\n${echo}\n`,
    );
    assert.equal(
      read(repo, '.husky/post-commit'),
      '# footprint fossils record-outcome (disabled while debugging)\n' +
        'footprint fossils record-outcome\n',
    );
  } finally {
    repo.cleanup();
  }
});

test('init with husky counts each command form as its own line', async () => {
  const repo = createTempRepo();
  try {
    const hook = 'npx footprint precommit\n  node_modules/.bin/footprint prepare-commit-msg "$@"\n';
    repo.write('.husky/pre-commit', hook);
    repo.write(
      '.husky/post-commit',
      `node '/opt/footprint/bin/footprint.js' fossils record-outcome\n`,
    );
    repo.write('node_modules/.bin/footprint', '#!/bin/sh\n', 0o755);
    repo.git(['config', 'core.hooksPath', '.husky/_']);

    await install(repo);

    assert.equal(read(repo, '.husky/pre-commit'), hook);
    assert.equal(
      read(repo, '.husky/post-commit'),
      `node '/opt/footprint/bin/footprint.js' fossils record-outcome\n`,
    );
  } finally {
    repo.cleanup();
  }
});

test('init with husky skips text of a multi-line string', async () => {
  const repo = createTempRepo();
  try {
    const echo = 'echo "to check by hand, run:\nfootprint precommit\n"';
    repo.write('.husky/pre-commit', `npx lint-staged\n${echo}\n`);
    repo.write('node_modules/.bin/footprint', '#!/bin/sh\n', 0o755);
    repo.git(['config', 'core.hooksPath', '.husky/_']);

    await install(repo);

    assert.equal(
      read(repo, '.husky/pre-commit'),
      `npx lint-staged\nfootprint precommit\n${echo}\n`,
    );
  } finally {
    repo.cleanup();
  }
});

test('init with husky keeps its own line above an exit', async () => {
  const repo = createTempRepo();
  try {
    const hook = 'status=0\nfootprint precommit\nexit $status\n';
    repo.write('.husky/pre-commit', hook);
    repo.write('node_modules/.bin/footprint', '#!/bin/sh\n', 0o755);
    repo.git(['config', 'core.hooksPath', '.husky/_']);

    const report = await install(repo);
    const preCommit = report.steps.find((step) => step.file.endsWith('pre-commit'));

    assert.equal(preCommit?.action, 'unchanged');
    assert.equal(read(repo, '.husky/pre-commit'), hook);
  } finally {
    repo.cleanup();
  }
});

test('init with husky rejects its line below an exit', async () => {
  const repo = createTempRepo();
  try {
    const message = await rejectedMessage(repo, 'status=0\nexit $status\nfootprint precommit\n');

    assert.match(message, /line 2 is `exit \$status`, an exit with a status that footprint/);
  } finally {
    repo.cleanup();
  }
});

test('init with husky goes above a command that exits', async () => {
  const repo = createTempRepo();
  try {
    repo.write('.husky/pre-commit', 'npx lint-staged && exit 0\nnpm test\n');
    repo.write('node_modules/.bin/footprint', '#!/bin/sh\n', 0o755);
    repo.git(['config', 'core.hooksPath', '.husky/_']);

    await install(repo);

    assert.equal(
      read(repo, '.husky/pre-commit'),
      'footprint precommit\nnpx lint-staged && exit 0\nnpm test\n',
    );
  } finally {
    repo.cleanup();
  }
});

test('init with husky rejects a place inside a block', async () => {
  const repo = createTempRepo();
  try {
    const hook = 'if [ -n "$CI" ]; then\n  npx lint-staged\nfi\n';
    const message = await rejectedMessage(repo, hook);

    assert.match(message, /line 2 is `npx lint-staged`, an indented line, maybe inside a block/);
  } finally {
    repo.cleanup();
  }
});

test('init notes hooks left in .git/hooks after husky', async () => {
  const repo = createTempRepo();
  try {
    await install(repo);
    repo.write('.husky/pre-commit', 'npx lint-staged\n');
    repo.write('.husky/_/pre-commit', '. "$(dirname "$0")/h"\n');
    repo.write('node_modules/.bin/footprint', '#!/bin/sh\n', 0o755);
    repo.git(['config', 'core.hooksPath', '.husky/_']);

    const report = await install(repo);
    const hooksDir = path.join(repo.dir, '.git', 'hooks');

    assert.equal(report.target.kind, 'husky');
    assert.deepEqual(report.notes, []);
    assert.equal(report.advice.length, 1);
    assert.ok(
      report.advice[0]?.startsWith(
        `git no longer runs the hooks an earlier footprint init wrote to ${hooksDir} (`,
      ),
    );
    assert.match(report.advice[0] ?? '', /pre-commit/);
    assert.match(report.advice[0] ?? '', /Delete them/);
  } finally {
    repo.cleanup();
  }
});

test('init gives no stale-hooks advice while git runs .git/hooks', async () => {
  const linked = createTempRepo();
  const inactive = createTempRepo();
  try {
    await install(linked);
    symlinkSync(path.join('.git', 'hooks'), path.join(linked.dir, 'hookslink'));
    linked.git(['config', 'core.hooksPath', 'hookslink']);
    await install(inactive);
    inactive.write('.husky/pre-commit', 'npx lint-staged\n');
    inactive.write('node_modules/.bin/footprint', '#!/bin/sh\n', 0o755);

    const throughLink = await install(linked);
    const huskyNotActive = await install(inactive);

    assert.equal(throughLink.target.kind, 'hooks-path');
    assert.deepEqual(throughLink.advice, []);
    assert.equal(huskyNotActive.target.kind, 'husky');
    assert.deepEqual(huskyNotActive.advice, []);
  } finally {
    linked.cleanup();
    inactive.cleanup();
  }
});

test('init rejects a hooks path through a file', async () => {
  const repo = createTempRepo();
  const linked = `${repo.dir}-linked`;
  try {
    repo.write('x.txt', 'x\n');
    repo.git(['add', '-A']);
    repo.git(['commit', '-q', '--no-verify', '-m', 'first']);
    repo.git(['config', 'core.hooksPath', '.git/hooks']);
    repo.git(['worktree', 'add', '-q', '-b', 'side', linked]);

    const error = await install(repo, linked).then(
      () => assert.fail('init installed through a file'),
      (caught: unknown) => caught as Error,
    );

    assert.ok(isUserError(error), String(error));
    assert.ok(
      error.message.startsWith(
        `core.hooksPath is .git/hooks, which resolves to ${path.join(linked, '.git', 'hooks')} here, but ${path.join(linked, '.git')} is a file`,
      ),
    );
    assert.match(error.message, /git config --unset core\.hooksPath/);
  } finally {
    repo.git(['worktree', 'remove', '--force', linked]);
    repo.cleanup();
  }
});

test('init rejects a hooks path through a broken link', async () => {
  const repo = createTempRepo();
  try {
    symlinkSync('missing-folder', path.join(repo.dir, 'dangling'));
    symlinkSync('loop', path.join(repo.dir, 'loop'));
    const messages: string[] = [];
    for (const value of ['dangling/hooks', 'loop/hooks']) {
      repo.git(['config', 'core.hooksPath', value]);
      await install(repo).then(
        () => assert.fail(`init installed through ${value}`),
        (error: unknown) => messages.push((error as Error).message),
      );
    }

    assert.match(
      messages[0] ?? '',
      /but .*\/dangling is a link to a missing path, so git runs no hook/,
    );
    assert.match(messages[1] ?? '', /but .*\/loop is a link loop, so git runs no hook/);
  } finally {
    repo.cleanup();
  }
});

test('init rejects a hook path that cannot hold a hook', { timeout: 20_000 }, async () => {
  const folder = createTempRepo();
  const pipe = createTempRepo();
  try {
    mkdirSync(path.join(folder.dir, '.git', 'hooks', 'pre-commit'), { recursive: true });
    mkdirSync(path.join(pipe.dir, '.git', 'hooks'), { recursive: true });
    execFileSync('mkfifo', [path.join(pipe.dir, '.git', 'hooks', 'pre-commit')]);

    const messages: string[] = [];
    for (const repo of [folder, pipe]) {
      await install(repo).then(
        () => assert.fail('init replaced a hook path that is not a file'),
        (error: unknown) => messages.push((error as Error).message),
      );
    }

    for (const message of messages) {
      assert.match(
        message,
        /pre-commit cannot hold a hook \(not a regular file\)\. Remove it or move it away/,
      );
    }
    assert.equal(messages.length, 2);
  } finally {
    folder.cleanup();
    pipe.cleanup();
  }
});

test('init rejects a hooks folder that is a file or a broken link', async () => {
  const cases = [
    {
      name: 'a file',
      make: (hooks: string) => writeFileSync(hooks, 'not a folder\n'),
      problem: 'is a file',
    },
    {
      name: 'a dangling link',
      make: (hooks: string) => symlinkSync('missing', hooks),
      problem: 'is a link to a missing path',
    },
    {
      name: 'a link loop',
      make: (hooks: string) => symlinkSync('hooks', hooks),
      problem: 'is a link loop',
    },
  ];
  for (const { name, make, problem } of cases) {
    const repo = createTempRepo();
    try {
      const hooks = path.join(repo.dir, '.git', 'hooks');
      rmSync(hooks, { recursive: true, force: true });
      make(hooks);

      const message = await install(repo).then(
        () => assert.fail(`init installed into ${name}`),
        (error: unknown) => (error as Error).message,
      );

      assert.ok(message.startsWith(`${hooks} ${problem}, so git runs no hook from it`), message);
    } finally {
      repo.cleanup();
    }
  }
});

test('init rejects a fossil store ignore that is not a file', async () => {
  const shapes = [
    { name: 'a folder', make: (file: string) => mkdirSync(file) },
    { name: 'a dangling link', make: (file: string) => symlinkSync('elsewhere', file) },
    { name: 'a link loop', make: (file: string) => symlinkSync('.gitignore', file) },
  ];
  for (const { name, make } of shapes) {
    const repo = createTempRepo();
    try {
      const file = path.join(repo.dir, 'fossils', '.gitignore');
      mkdirSync(path.dirname(file));
      make(file);

      const message = await install(repo).then(
        () => assert.fail(`init accepted ${name}`),
        (error: unknown) => (error as Error).message,
      );

      assert.ok(
        message.startsWith(`${file} is not a regular file, so git reads no ignore rules`),
        message,
      );
      assert.equal(existsSync(path.join(repo.dir, 'elsewhere')), false);
      assert.equal(existsSync(path.join(repo.dir, '.git', 'hooks', 'pre-commit')), false);
    } finally {
      repo.cleanup();
    }
  }
});

test('init rejects a file as fossil store', async () => {
  for (const fossilDir of ['fossils', 'fossils/inner']) {
    const repo = createTempRepo();
    try {
      repo.write('fossils', 'not a folder\n');
      repo.write('footprint.config.json', `{ "fossilDir": "${fossilDir}" }\n`);

      const message = await install(repo).then(
        () => assert.fail(`init accepted ${fossilDir}`),
        (error: unknown) => (error as Error).message,
      );

      const folder = path.join(repo.dir, fossilDir);
      assert.ok(message.startsWith(`${folder} is not a folder, so footprint`), message);
      assert.equal(existsSync(path.join(repo.dir, '.git', 'hooks', 'pre-commit')), false);
    } finally {
      repo.cleanup();
    }
  }
});

test('init advises learning a history', async () => {
  const repo = createTempRepo();
  try {
    repo.write('src/a.js', 'export const a = 1;\n');
    repo.git(['add', '-A']);
    repo.git(['commit', '-q', '-m', 'feat: add a']);

    const report = await install(repo);

    assert.equal(report.advice.length, 1, report.advice.join('\n'));
    assert.match(report.advice[0] ?? '', /^Run `footprint learn` once: it reads the history/);
  } finally {
    repo.cleanup();
  }
});

test('learn advice carries cwd option', async () => {
  const repo = createTempRepo();
  try {
    repo.write('src/a.js', 'export const a = 1;\n');
    repo.git(['add', '-A']);
    repo.git(['commit', '-q', '-m', 'feat: add a']);

    const report = await installHooks({
      cwd: repo.dir,
      env: gitTestEnv(),
      packageRoot: projectRoot,
      footprintBin: path.join(projectRoot, 'bin', 'footprint.js'),
      node: process.execPath,
      invocation: 'footprint --cwd repo',
    });

    assert.match(report.advice[0] ?? '', /^Run `footprint --cwd repo learn` once/);
  } finally {
    repo.cleanup();
  }
});

test('init skips learn advice with model', async () => {
  const repo = createTempRepo();
  try {
    repo.write('src/a.js', 'export const a = 1;\n');
    repo.git(['add', '-A']);
    repo.git(['commit', '-q', '-m', 'feat: add a']);
    await learnHistory({
      cwd: repo.dir,
      env: gitTestEnv(),
      maxCommits: 100,
      since: null,
      full: false,
    });

    const report = await install(repo);

    assert.deepEqual(report.advice, []);
  } finally {
    repo.cleanup();
  }
});
