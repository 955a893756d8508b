import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync, statSync } from 'node:fs';
import path from 'node:path';
import { installHooks } from '../../src/init/install.js';
import { uninstallHooks } from '../../src/init/uninstall.js';
import { uninstallDoneMessage } from '../../src/output/messages.js';
import { createStyle } from '../../src/output/style.js';
import { createTempRepo, gitTestEnv, projectRoot, type TempRepo } from '../helpers/repo.js';

const FOOTPRINT_BIN = path.join(projectRoot, 'bin', 'footprint.js');

function install(repo: TempRepo) {
  return installHooks({
    cwd: repo.dir,
    env: gitTestEnv(),
    packageRoot: projectRoot,
    footprintBin: FOOTPRINT_BIN,
    node: process.execPath,
  });
}

function uninstall(repo: TempRepo) {
  return uninstallHooks({ cwd: repo.dir, env: gitTestEnv(), packageRoot: projectRoot });
}

function exists(repo: TempRepo, file: string): boolean {
  return existsSync(path.join(repo.dir, file));
}

function read(repo: TempRepo, file: string): string {
  return readFileSync(path.join(repo.dir, file), 'utf8');
}

test('uninstall removes what init created', async () => {
  const repo = createTempRepo();
  try {
    await install(repo);

    const report = await uninstall(repo);

    assert.equal(report.changed, true);
    assert.equal(exists(repo, '.git/hooks/pre-commit'), false);
    assert.equal(exists(repo, '.git/hooks/pre-merge-commit'), false);
    assert.equal(exists(repo, '.git/hooks/prepare-commit-msg'), false);
    assert.equal(exists(repo, 'footprint.config.json'), false);
    assert.equal(exists(repo, 'fossils'), false);
  } finally {
    repo.cleanup();
  }
});

test('uninstall and init keep a hook someone added lines to', async () => {
  const repo = createTempRepo();
  try {
    await install(repo);
    const edited = `${read(repo, '.git/hooks/pre-commit')}echo "my extra check"\n`;
    repo.write('.git/hooks/pre-commit', edited, 0o755);

    const uninstalled = await uninstall(repo);
    const afterUninstall = read(repo, '.git/hooks/pre-commit');
    await install(repo);

    const step = uninstalled.steps.find((entry) => entry.file.endsWith('pre-commit'));
    assert.equal(step?.action, 'unchanged');
    assert.match(step?.detail ?? '', /with your edits, kept/);
    assert.match(step?.detail ?? '', /then run footprint init --uninstall again$/);
    assert.match(
      uninstallDoneMessage(createStyle({ isTTY: false, write: () => true }, {}, 'never'), true, [
        '.git/hooks/pre-commit',
      ]),
      /^⚠ footprint still runs from \.git\/hooks\/pre-commit, kept because of your edits\./,
    );
    assert.equal(afterUninstall, edited);
    assert.equal(read(repo, '.git/hooks/pre-commit'), edited);
    assert.equal(
      exists(repo, '.git/hooks/prepare-commit-msg'),
      true,
      'unedited hooks are reinstalled',
    );
  } finally {
    repo.cleanup();
  }
});

test('uninstall restores chained hooks', async () => {
  const repo = createTempRepo();
  try {
    const preCommit = '#!/bin/sh\necho "my pre-commit"\n';
    const messageHook = '#!/bin/sh\necho "my message hook"\n';
    repo.write('.git/hooks/pre-commit', preCommit, 0o755);
    repo.write('.git/hooks/prepare-commit-msg', messageHook, 0o700);
    await install(repo);

    await uninstall(repo);

    assert.equal(read(repo, '.git/hooks/pre-commit'), preCommit);
    assert.equal(read(repo, '.git/hooks/prepare-commit-msg'), messageHook);
    assert.equal(
      statSync(path.join(repo.dir, '.git/hooks/prepare-commit-msg')).mode & 0o777,
      0o700,
    );
    assert.equal(exists(repo, '.git/hooks/pre-commit.footprint-chained'), false);
    assert.equal(exists(repo, '.git/hooks/prepare-commit-msg.footprint-chained'), false);
  } finally {
    repo.cleanup();
  }
});

test('uninstall twice changes nothing', async () => {
  const repo = createTempRepo();
  try {
    await install(repo);
    await uninstall(repo);

    const report = await uninstall(repo);

    assert.equal(report.changed, false);
    assert.deepEqual(report.steps, []);
  } finally {
    repo.cleanup();
  }
});

test('uninstall keeps an edited configuration', async () => {
  const repo = createTempRepo();
  try {
    await install(repo);
    repo.write('footprint.config.json', JSON.stringify({ mode: 'conservative' }));

    const report = await uninstall(repo);

    assert.equal(read(repo, 'footprint.config.json'), JSON.stringify({ mode: 'conservative' }));
    assert.ok(
      report.steps.some(
        (step) => step.file.endsWith('footprint.config.json') && step.action === 'unchanged',
      ),
    );
  } finally {
    repo.cleanup();
  }
});

test('uninstall keeps committed starter files', async () => {
  const repo = createTempRepo();
  try {
    await install(repo);
    repo.git(['add', '-f', 'footprint.config.json', 'fossils/.gitignore']);
    repo.git(['commit', '-q', '-m', 'add footprint'], { env: { FOOTPRINT: '0' } });

    await uninstall(repo);

    assert.ok(exists(repo, 'footprint.config.json'));
    assert.ok(exists(repo, 'fossils/.gitignore'));
    assert.equal(repo.git(['status', '--porcelain']), '');
  } finally {
    repo.cleanup();
  }
});

test('uninstall keeps a fossil store with fossils', async () => {
  const repo = createTempRepo();
  try {
    await install(repo);
    repo.write('fossils/20260101T000000.000Z-analysis-00000000.json', '{}\n');

    const report = await uninstall(repo);
    const kept = report.steps.find((step) => step.file.endsWith('.gitignore'));

    assert.equal(
      read(repo, 'fossils/.gitignore'),
      '# footprint fossil store: git ignores this whole folder.\n*\n',
    );
    assert.equal(kept?.detail, 'kept, because the store holds 1 more file');
  } finally {
    repo.cleanup();
  }
});

test('uninstall keeps a fossil store ignore that is a pipe', { timeout: 20_000 }, async () => {
  const repo = createTempRepo();
  try {
    await install(repo);
    rmSync(path.join(repo.dir, 'fossils', '.gitignore'));
    execFileSync('mkfifo', [path.join(repo.dir, 'fossils', '.gitignore')]);

    const report = await uninstall(repo);
    const ignoreStep = report.steps.find((step) => step.file.endsWith('.gitignore'));

    assert.equal(ignoreStep?.action, 'unchanged');
    assert.equal(ignoreStep?.detail, 'edited since init, kept');
  } finally {
    repo.cleanup();
  }
});

test('uninstall removes footprint lines from husky files', async () => {
  const repo = createTempRepo();
  try {
    repo.write('.husky/pre-commit', 'npx lint-staged\n');
    repo.git(['config', 'core.hooksPath', '.husky/_']);
    await install(repo);

    await uninstall(repo);

    assert.equal(read(repo, '.husky/pre-commit'), 'npx lint-staged\n');
    assert.equal(exists(repo, '.husky/pre-merge-commit'), false);
    assert.equal(exists(repo, '.husky/prepare-commit-msg'), false);
  } finally {
    repo.cleanup();
  }
});

test('uninstall restores a husky file without a final newline', async () => {
  const repo = createTempRepo();
  try {
    repo.write('.husky/pre-commit', 'npx lint-staged');
    repo.git(['config', 'core.hooksPath', '.husky/_']);
    await install(repo);
    assert.match(
      read(repo, '.husky/pre-commit'),
      /^npx lint-staged\nif \[ -f .* precommit; elif .*; fi$/,
    );

    await uninstall(repo);

    assert.equal(read(repo, '.husky/pre-commit'), 'npx lint-staged');
  } finally {
    repo.cleanup();
  }
});

test('uninstall keeps other footprint lines in husky', async () => {
  const repo = createTempRepo();
  try {
    repo.write('.husky/post-commit', 'footprint fossils prune\n');
    repo.git(['config', 'core.hooksPath', '.husky/_']);
    await install(repo);
    assert.match(
      read(repo, '.husky/post-commit'),
      /^footprint fossils prune\n.*fossils record-outcome \|\| true; fi\n$/s,
    );

    await uninstall(repo);

    assert.equal(read(repo, '.husky/post-commit'), 'footprint fossils prune\n');
  } finally {
    repo.cleanup();
  }
});

test('uninstall finds hooks after core.hooksPath changed', async () => {
  const repo = createTempRepo();
  try {
    await install(repo);
    repo.git(['config', 'core.hooksPath', '.githooks']);

    await uninstall(repo);

    assert.equal(exists(repo, '.git/hooks/pre-commit'), false);
    assert.equal(exists(repo, '.git/hooks/prepare-commit-msg'), false);
  } finally {
    repo.cleanup();
  }
});

test('uninstall removes emptied hooks folder', async () => {
  const repo = createTempRepo();
  try {
    repo.git(['config', 'core.hooksPath', '.githooks']);
    await install(repo);
    assert.equal(exists(repo, '.githooks/pre-commit'), true);

    await uninstall(repo);

    assert.equal(exists(repo, '.githooks'), false);
  } finally {
    repo.cleanup();
  }
});

test('uninstall keeps hooks folder with others', async () => {
  const repo = createTempRepo();
  try {
    repo.git(['config', 'core.hooksPath', '.githooks']);
    await install(repo);
    repo.write('.githooks/pre-push', '#!/bin/sh\nexit 0\n', 0o755);

    await uninstall(repo);

    assert.equal(exists(repo, '.githooks/pre-commit'), false);
    assert.equal(exists(repo, '.githooks/pre-push'), true);
  } finally {
    repo.cleanup();
  }
});

test('uninstall leaves a foreign hook alone', async () => {
  const repo = createTempRepo();
  try {
    const foreign = '#!/bin/sh\necho "not footprint"\n';
    repo.write('.git/hooks/pre-commit', foreign, 0o755);

    const report = await uninstall(repo);

    assert.equal(read(repo, '.git/hooks/pre-commit'), foreign);
    assert.equal(report.changed, false);
  } finally {
    repo.cleanup();
  }
});

test('uninstall removes a husky line above exec', async () => {
  const repo = createTempRepo();
  try {
    repo.write('.husky/pre-commit', 'exec npx lint-staged --allow-empty\n');
    repo.git(['config', 'core.hooksPath', '.husky/_']);
    await install(repo);
    const installed = read(repo, '.husky/pre-commit');

    await uninstall(repo);

    assert.match(
      installed,
      /^if \[ -f '.*' \]; then .* '.*' precommit; elif .*; fi\nexec npx lint-staged --allow-empty\n$/,
    );
    assert.equal(read(repo, '.husky/pre-commit'), 'exec npx lint-staged --allow-empty\n');
  } finally {
    repo.cleanup();
  }
});

test('uninstall keeps mentions of footprint in husky files', async () => {
  const repo = createTempRepo();
  try {
    const hook =
      'npx lint-staged --allow-empty\n' +
      'echo "tip: run footprint precommit by hand to see the split"\n' +
      '# footprint precommit (disabled while debugging)\n';
    repo.write('.husky/pre-commit', hook);
    repo.git(['config', 'core.hooksPath', '.husky/_']);
    await install(repo);
    const installed = read(repo, '.husky/pre-commit');

    await uninstall(repo);

    assert.match(
      installed,
      /^npx lint-staged --allow-empty\nif \[ -f '.*' \]; then .* '.*' precommit; elif .*; fi\necho "tip/,
    );
    assert.equal(read(repo, '.husky/pre-commit'), hook);
  } finally {
    repo.cleanup();
  }
});

test('uninstall keeps heredoc text that looks like its line', async () => {
  const repo = createTempRepo();
  try {
    const hook = 'npm test\nfootprint precommit\ncat <<EOF\nfootprint precommit\nEOF\n';
    repo.write('.husky/pre-commit', hook);
    repo.git(['config', 'core.hooksPath', '.husky/_']);

    await uninstall(repo);

    assert.equal(
      read(repo, '.husky/pre-commit'),
      'npm test\ncat <<EOF\nfootprint precommit\nEOF\n',
    );
  } finally {
    repo.cleanup();
  }
});

test('uninstall keeps a footprint line written by hand', async () => {
  const repo = createTempRepo();
  try {
    repo.write('.husky/pre-commit', 'npx lint-staged\nnpx footprint precommit --no-llm\n');
    repo.git(['config', 'core.hooksPath', '.husky/_']);

    await uninstall(repo);

    assert.equal(
      read(repo, '.husky/pre-commit'),
      'npx lint-staged\nnpx footprint precommit --no-llm\n',
    );
  } finally {
    repo.cleanup();
  }
});

test('uninstall restores chained hook of deleted hook', async () => {
  const repo = createTempRepo();
  try {
    const messageHook = '#!/bin/sh\necho "my message hook"\n';
    repo.write('.git/hooks/prepare-commit-msg', messageHook, 0o755);
    await install(repo);
    // Another hook manager deleted footprint's hook, as simple-git-hooks does with hooks it
    // has no command for.
    rmSync(path.join(repo.dir, '.git/hooks/prepare-commit-msg'));

    const report = await uninstall(repo);

    assert.equal(read(repo, '.git/hooks/prepare-commit-msg'), messageHook);
    assert.equal(exists(repo, '.git/hooks/prepare-commit-msg.footprint-chained'), false);
    assert.equal(report.changed, true);
  } finally {
    repo.cleanup();
  }
});

test('uninstall reports chained hook it cannot restore', async () => {
  const repo = createTempRepo();
  try {
    const original = '#!/bin/sh\necho "my pre-commit"\n';
    const replacement = '#!/bin/sh\necho "another tool"\n';
    repo.write('.git/hooks/pre-commit', original, 0o755);
    await install(repo);
    // Another hook manager wrote its own hook over footprint's.
    repo.write('.git/hooks/pre-commit', replacement, 0o755);

    const report = await uninstall(repo);

    assert.equal(read(repo, '.git/hooks/pre-commit'), replacement);
    assert.equal(read(repo, '.git/hooks/pre-commit.footprint-chained'), original);
    const step = report.steps.find((entry) => entry.file.endsWith('pre-commit.footprint-chained'));
    assert.equal(step?.action, 'unchanged');
    assert.match(step?.detail ?? '', /pre-commit is another tool's hook now/);
    assert.match(step?.detail ?? '', /delete pre-commit\.footprint-chained or move its lines/);
  } finally {
    repo.cleanup();
  }
});
