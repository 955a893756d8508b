import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { TempRepo } from '../helpers/repo.js';
import { assertPassed, assertSameCommit, commit, commitBase, createTwins } from './situation.js';

/**
 * A folder with git and dirname but no node, and an empty HOME, as a GUI client started
 * from the desktop may give its hooks.
 */
function guiEnvironment(repo: TempRepo): Record<string, string> {
  const root = path.join(repo.dir, '.git', 'gui');
  const tools = path.join(root, 'bin');
  const home = path.join(root, 'home');
  mkdirSync(tools, { recursive: true });
  mkdirSync(home, { recursive: true });
  for (const tool of ['git', 'dirname']) {
    const target = execFileSync('sh', ['-c', `command -v ${tool}`], { encoding: 'utf8' }).trim();
    symlinkSync(target, path.join(tools, tool));
  }
  return { PATH: tools, HOME: home };
}

function stageChange(repo: TempRepo): void {
  commitBase(repo);
  repo.write('src/tax.js', 'export const rate = 0.2;\n');
  repo.git(['add', 'src/tax.js']);
}

test('hooks find node when PATH lacks it', () => {
  const twins = createTwins();
  try {
    const results = twins.both((repo) => {
      stageChange(repo);
      return commit(repo, ['-m', 'feat: tax rate'], guiEnvironment(repo));
    });

    assertPassed(results.hooked);
    assertSameCommit(twins);
  } finally {
    twins.cleanup();
  }
});

test('hook without any node blocks with the fix', (t) => {
  if (existsSync('/usr/local/bin/node') || existsSync('/opt/homebrew/bin/node')) {
    t.skip('this machine has node in a place the hook always searches');
    return;
  }
  const twins = createTwins();
  try {
    const hook = path.join(twins.hooked.dir, '.git', 'hooks', 'pre-commit');
    const script = readFileSync(hook, 'utf8');
    writeFileSync(
      hook,
      script.replace(/^installed_node=.*$/m, "installed_node='/nonexistent/node'"),
    );
    stageChange(twins.hooked);

    const result = commit(twins.hooked, ['-m', 'feat: tax rate'], guiEnvironment(twins.hooked));

    assert.equal(result.status, 1);
    assert.match(result.stderr, /footprint: node was not found on PATH/);
    assert.match(result.stderr, /Fix: add node's folder to PATH for git/);
    assert.match(result.stderr, /Skip once: FOOTPRINT=0 git commit/);
    assert.equal(twins.hooked.git(['rev-list', '--count', 'HEAD']).trim(), '1');
  } finally {
    twins.cleanup();
  }
});
