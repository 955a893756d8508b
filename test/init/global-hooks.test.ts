import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  realpathSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { installHooks } from '../../src/init/install.js';
import { uninstallHooks } from '../../src/init/uninstall.js';
import { createTempRepo, gitTestEnv, projectRoot, type TempRepo } from '../helpers/repo.js';

/**
 * A home folder whose global git configuration (GIT_CONFIG_GLOBAL, never the real one) sets
 * core.hooksPath to `~/hooks`, with the given hook files in that folder.
 */
function createGlobalHooks(hooks: Record<string, { text: string; mode: number }>) {
  const home = realpathSync(mkdtempSync(path.join(tmpdir(), 'footprint-home-')));
  const dir = path.join(home, 'hooks');
  mkdirSync(dir);
  for (const [name, { text, mode }] of Object.entries(hooks)) {
    writeFileSync(path.join(dir, name), text, { mode });
  }
  const config = path.join(home, 'gitconfig');
  writeFileSync(config, '[user]\n\tname = T\n[core]\n\thooksPath = ~/hooks\n');
  return {
    dir,
    config,
    env: gitTestEnv({ GIT_CONFIG_GLOBAL: config, HOME: home }),
    cleanup: () => rmSync(home, { recursive: true, force: true }),
  };
}

const SCANNER = { text: '#!/bin/sh\necho GLOBAL-SCANNER-RAN\n', mode: 0o755 };

function install(repo: TempRepo, env: NodeJS.ProcessEnv, extra: { invocation?: string } = {}) {
  return installHooks({
    cwd: repo.dir,
    env,
    packageRoot: projectRoot,
    footprintBin: path.join(projectRoot, 'bin', 'footprint.js'),
    node: process.execPath,
    ...extra,
  });
}

function globalHookLine(repo: TempRepo, hook: string): string | undefined {
  const text = readFileSync(path.join(repo.dir, '.git', 'hooks', hook), 'utf8');
  return text.split('\n').find((line) => line.startsWith('global_hook='));
}

test('refusal names the global hooks', async () => {
  const repo = createTempRepo();
  const global = createGlobalHooks({
    'pre-commit': SCANNER,
    'pre-push': SCANNER,
    'commit-msg': SCANNER,
    'post-merge': { text: '#!/bin/sh\n', mode: 0o644 },
    'README.md': { text: 'shared hooks\n', mode: 0o755 },
  });
  try {
    const hooks = path.join(repo.dir, '.git', 'hooks');
    await assert.rejects(install(repo, global.env), (error: Error) => {
      assert.equal(error.name, 'UserError');
      assert.equal(
        error.message,
        `core.hooksPath is set to ~/hooks in ${global.config} line 4, one folder for every ` +
          'repository, so git runs its hooks in each repository that sets no core.hooksPath ' +
          'of its own. footprint installed nothing there. To install footprint for this ' +
          `repository only, run \`git -C ${repo.dir} config core.hooksPath ${hooks}\`, then ` +
          `\`footprint init\` again. footprint's hooks then run ${global.dir}/pre-commit first, ` +
          `as git does now. git then no longer runs ${global.dir}/commit-msg and ` +
          `${global.dir}/pre-push in this repository: to keep them, run ` +
          `\`ln -s ${global.dir}/commit-msg ${global.dir}/pre-push ${hooks}/\`.`,
      );
      return true;
    });
    assert.deepEqual(readdirSync(global.dir).sort(), [
      'README.md',
      'commit-msg',
      'post-merge',
      'pre-commit',
      'pre-push',
    ]);
  } finally {
    repo.cleanup();
    global.cleanup();
  }
});

test('refusal in a linked worktree', async () => {
  const repo = createTempRepo();
  const global = createGlobalHooks({ 'pre-commit': SCANNER });
  const linked = `${repo.dir}-linked`;
  try {
    repo.write('a.txt', 'a\n');
    repo.git(['add', 'a.txt']);
    repo.git(['commit', '-q', '-m', 'first']);
    repo.git(['worktree', 'add', '-q', linked, '-b', 'linked']);
    const hooks = path.join(repo.dir, '.git', 'hooks');

    await assert.rejects(install({ ...repo, dir: linked }, global.env), (error: Error) => {
      const command = `git -C ${linked} config core.hooksPath ${hooks}`;
      assert.ok(error.message.includes(`run \`${command}\`, then`), error.message);
      return true;
    });
  } finally {
    rmSync(linked, { recursive: true, force: true });
    repo.cleanup();
    global.cleanup();
  }
});

test('refusal with an empty global folder', async () => {
  const repo = createTempRepo();
  const global = createGlobalHooks({});
  try {
    await assert.rejects(install(repo, global.env), (error: Error) => {
      assert.match(error.message, /, then `footprint init` again\.$/);
      return true;
    });
    const invocation = 'node /opt/fp/bin/footprint.js --cwd app';
    await assert.rejects(install(repo, global.env, { invocation }), (error: Error) => {
      assert.match(
        error.message,
        /, then `node \/opt\/fp\/bin\/footprint\.js --cwd app init` again\.$/,
      );
      return true;
    });
  } finally {
    repo.cleanup();
    global.cleanup();
  }
});

test('init chains the global pre-commit', async () => {
  const repo = createTempRepo();
  const global = createGlobalHooks({
    'pre-commit': SCANNER,
    'post-commit': { text: '#!/bin/sh\necho off\n', mode: 0o644 },
    'pre-push': SCANNER,
  });
  try {
    repo.git(['config', 'core.hooksPath', '.git/hooks']);

    const report = await install(repo, global.env);

    assert.equal(globalHookLine(repo, 'pre-commit'), `global_hook='${global.dir}/pre-commit'`);
    assert.equal(
      globalHookLine(repo, 'prepare-commit-msg'),
      `global_hook='${global.dir}/prepare-commit-msg'`,
    );
    assert.equal(globalHookLine(repo, 'post-commit'), `global_hook='${global.dir}/post-commit'`);
    assert.deepEqual(
      report.advice.filter((text) => text.includes(global.dir)),
      [
        `This repository's own core.hooksPath overrides ~/hooks, set in ` +
          `${global.config} line 4, so git runs none of the hooks in ${global.dir} here. ` +
          `footprint's hooks run ${global.dir}/pre-commit first in their place. git no longer ` +
          `runs ${global.dir}/pre-push in this repository: to keep it, run ` +
          `\`ln -s ${global.dir}/pre-push ${path.join(repo.dir, '.git', 'hooks')}/\`.`,
      ],
    );
  } finally {
    repo.cleanup();
    global.cleanup();
  }
});

test('init chains the global pre-merge-commit', async () => {
  const repo = createTempRepo();
  const global = createGlobalHooks({ 'pre-merge-commit': SCANNER });
  try {
    repo.git(['config', 'core.hooksPath', '.git/hooks']);

    const report = await install(repo, global.env);
    const uninstalled = await uninstallHooks({
      cwd: repo.dir,
      env: global.env,
      packageRoot: projectRoot,
    });

    const chained = `${global.dir}/pre-merge-commit`;
    assert.deepEqual(
      report.advice.filter((text) => text.includes(global.dir)),
      [
        `This repository's own core.hooksPath overrides ~/hooks, set in ` +
          `${global.config} line 4, so git runs none of the hooks in ${global.dir} here. ` +
          `footprint's hooks run ${chained} first in their place.`,
      ],
    );
    assert.match(uninstalled.advice[0] ?? '', new RegExp(`no longer run ${chained} in their`));
  } finally {
    repo.cleanup();
    global.cleanup();
  }
});

test('init writes the global pre-merge-commit line', async () => {
  const repo = createTempRepo();
  const global = createGlobalHooks({ 'pre-merge-commit': SCANNER });
  try {
    repo.git(['config', 'core.hooksPath', '.git/hooks']);

    await install(repo, global.env);

    assert.equal(
      globalHookLine(repo, 'pre-merge-commit'),
      `global_hook='${global.dir}/pre-merge-commit'`,
    );
    assert.equal(globalHookLine(repo, 'pre-commit'), `global_hook='${global.dir}/pre-commit'`);
  } finally {
    repo.cleanup();
    global.cleanup();
  }
});

test('linked global hooks run once', async () => {
  const repo = createTempRepo();
  const global = createGlobalHooks({ 'pre-commit': SCANNER, 'pre-push': SCANNER });
  try {
    repo.git(['config', 'core.hooksPath', '.git/hooks']);
    const hooks = path.join(repo.dir, '.git', 'hooks');
    symlinkSync(path.join(global.dir, 'pre-commit'), path.join(hooks, 'pre-commit'));
    symlinkSync(path.join(global.dir, 'pre-push'), path.join(hooks, 'pre-push'));

    const report = await install(repo, global.env);

    assert.equal(globalHookLine(repo, 'pre-commit'), "global_hook=''");
    assert.equal(report.advice.filter((text) => text.includes('ln -s')).length, 0);
  } finally {
    repo.cleanup();
    global.cleanup();
  }
});

test('init twice keeps the global chain', async () => {
  const repo = createTempRepo();
  const global = createGlobalHooks({ 'pre-commit': SCANNER });
  try {
    repo.git(['config', 'core.hooksPath', '.git/hooks']);
    await install(repo, global.env);

    const report = await install(repo, global.env);

    assert.equal(report.changed, false);
    assert.equal(globalHookLine(repo, 'pre-commit'), `global_hook='${global.dir}/pre-commit'`);
  } finally {
    repo.cleanup();
    global.cleanup();
  }
});

test('init skips a global footprint hook', async () => {
  const repo = createTempRepo();
  const global = createGlobalHooks({
    'pre-commit': { text: '#!/bin/sh\n# footprint-hook: copied\n', mode: 0o755 },
  });
  try {
    repo.git(['config', 'core.hooksPath', '.git/hooks']);

    await install(repo, global.env);

    assert.equal(globalHookLine(repo, 'pre-commit'), "global_hook=''");
  } finally {
    repo.cleanup();
    global.cleanup();
  }
});

test('team hooks folder chains no global hook', async () => {
  const repo = createTempRepo();
  const global = createGlobalHooks({ 'pre-commit': SCANNER });
  try {
    repo.git(['config', 'core.hooksPath', '.githooks']);

    const report = await install(repo, global.env);

    const hook = readFileSync(path.join(repo.dir, '.githooks', 'pre-commit'), 'utf8');
    assert.ok(hook.includes("\nglobal_hook=''\n"));
    assert.deepEqual(
      report.advice.filter((text) => text.includes(global.dir)),
      [],
    );
  } finally {
    repo.cleanup();
    global.cleanup();
  }
});

test('uninstall says the global hooks stay off', async () => {
  const repo = createTempRepo();
  const global = createGlobalHooks({ 'pre-commit': SCANNER });
  try {
    repo.git(['config', 'core.hooksPath', '.git/hooks']);
    await install(repo, global.env);

    const report = await uninstallHooks({
      cwd: repo.dir,
      env: global.env,
      packageRoot: projectRoot,
    });

    assert.deepEqual(report.advice, [
      `This repository's own core.hooksPath overrides ~/hooks, set in ` +
        `${global.config} line 4, so git runs none of the hooks in ${global.dir} here, and ` +
        `footprint's hooks no longer run ${global.dir}/pre-commit in their place. Run ` +
        '`git config --unset core.hooksPath` to run them again.',
    ]);
  } finally {
    repo.cleanup();
    global.cleanup();
  }
});
