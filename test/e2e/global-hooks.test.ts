import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createTempRepo } from '../helpers/repo.js';

/** A secret scanner in the global hooks folder: it fails while `$HOME/block` exists. */
const SCANNER = '#!/bin/sh\necho GLOBAL-SCANNER-RAN >&2\n[ -f "$HOME/block" ] && exit 1\nexit 0\n';

/**
 * Creates a home folder whose global git configuration (GIT_CONFIG_GLOBAL, never the real one)
 * sets core.hooksPath to `~/hooks`, which contains SCANNER as its pre-commit unless
 * `withScanner` is false.
 */
function createGlobalScanner(withScanner = true) {
  const home = realpathSync(mkdtempSync(path.join(tmpdir(), 'footprint-home-')));
  mkdirSync(path.join(home, 'hooks'));
  if (withScanner) writeFileSync(path.join(home, 'hooks', 'pre-commit'), SCANNER, { mode: 0o755 });
  const config = path.join(home, 'gitconfig');
  writeFileSync(config, '[core]\n\thooksPath = ~/hooks\n');
  return {
    home,
    env: { GIT_CONFIG_GLOBAL: config, HOME: home, LC_ALL: 'C.UTF-8' },
    cleanup: () => rmSync(home, { recursive: true, force: true }),
  };
}

test('commit runs the global scanner first', () => {
  const repo = createTempRepo();
  const global = createGlobalScanner();
  try {
    const refused = repo.footprint(['init'], { env: global.env });
    assert.equal(refused.status, 2, refused.stderr);
    assert.ok(
      refused.stderr.includes(
        `footprint's hooks then run ${global.home}/hooks/pre-commit first, as git does now.`,
      ),
    );

    repo.git(['config', 'core.hooksPath', '.git/hooks']);
    const init = repo.footprint(['init'], { env: global.env });
    assert.equal(init.status, 0, init.stderr);
    repo.write('README.md', '# Shop\n');
    repo.git(['add', 'README.md']);

    const result = repo.gitResult(['commit', '-m', 'docs: start'], { env: global.env });

    assert.equal(result.status, 0, result.stderr);
    assert.match(result.stderr, /^GLOBAL-SCANNER-RAN$/m);
    assert.match(result.stderr, /✔ Commit passed/);
  } finally {
    repo.cleanup();
    global.cleanup();
  }
});

test('failing global scanner blocks the commit', () => {
  const repo = createTempRepo();
  const global = createGlobalScanner();
  try {
    repo.git(['config', 'core.hooksPath', '.git/hooks']);
    const init = repo.footprint(['init'], { env: global.env });
    assert.equal(init.status, 0, init.stderr);
    writeFileSync(path.join(global.home, 'block'), '');
    repo.write('README.md', '# Shop\n');
    repo.git(['add', 'README.md']);

    const result = repo.gitResult(['commit', '-m', 'docs: start'], { env: global.env });

    assert.equal(result.status, 1, result.stderr);
    assert.match(result.stderr, /^GLOBAL-SCANNER-RAN$/m);
    assert.doesNotMatch(result.stderr, /^footprint · /m);
    assert.equal(repo.gitResult(['rev-parse', '--verify', '-q', 'HEAD']).stdout, '');
  } finally {
    repo.cleanup();
    global.cleanup();
  }
});

test('global scanner added after init runs', () => {
  const repo = createTempRepo();
  const global = createGlobalScanner(false);
  try {
    repo.git(['config', 'core.hooksPath', '.git/hooks']);
    const init = repo.footprint(['init'], { env: global.env });
    assert.equal(init.status, 0, init.stderr);
    writeFileSync(path.join(global.home, 'hooks', 'pre-commit'), SCANNER, { mode: 0o755 });
    writeFileSync(path.join(global.home, 'block'), '');
    repo.write('README.md', '# Shop\n');
    repo.git(['add', 'README.md']);

    const result = repo.gitResult(['commit', '-m', 'docs: start'], { env: global.env });

    assert.equal(result.status, 1, result.stderr);
    assert.match(result.stderr, /^GLOBAL-SCANNER-RAN$/m);
  } finally {
    repo.cleanup();
    global.cleanup();
  }
});

test('failing global pre-merge-commit blocks the merge', () => {
  const repo = createTempRepo();
  const global = createGlobalScanner(false);
  try {
    writeFileSync(path.join(global.home, 'hooks', 'pre-merge-commit'), SCANNER, { mode: 0o755 });
    repo.git(['config', 'core.hooksPath', '.git/hooks']);
    const init = repo.footprint(['init'], { env: global.env });
    assert.equal(init.status, 0, init.stderr);
    repo.write('README.md', '# Shop\n');
    repo.git(['add', 'README.md']);
    repo.git(['commit', '-q', '--no-verify', '-m', 'docs: start']);
    repo.git(['checkout', '-q', '-b', 'feature']);
    repo.write('src/tax.js', 'export const rate = 0.2;\n');
    repo.git(['add', 'src/tax.js']);
    repo.git(['commit', '-q', '--no-verify', '-m', 'feat: tax rate']);
    repo.git(['checkout', '-q', 'main']);
    const mergeArgs = ['merge', '--no-ff', '-m', 'Merge feature', 'feature'];

    writeFileSync(path.join(global.home, 'block'), '');
    const blocked = repo.gitResult(mergeArgs, { env: global.env });
    repo.git(['merge', '--abort']);
    rmSync(path.join(global.home, 'block'));
    const merged = repo.gitResult(mergeArgs, { env: global.env });

    assert.equal(blocked.status, 1, blocked.stderr);
    assert.match(blocked.stderr, /^GLOBAL-SCANNER-RAN$/m);
    assert.doesNotMatch(blocked.stderr, /^footprint · /m);
    assert.equal(merged.status, 0, merged.stderr);
    assert.match(merged.stderr, /^GLOBAL-SCANNER-RAN\nfootprint · /m);
    assert.match(merged.stderr, /✔ Commit passed/);
  } finally {
    repo.cleanup();
    global.cleanup();
  }
});
