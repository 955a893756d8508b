import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { gitTestEnv } from '../helpers/repo.js';
import { commitBase, createTwins } from './situation.js';

const SCRIPT = '/usr/bin/script';
const ESCAPE = '\u001b[';
/** footprint's bold name at the start of its header line. */
const BOLD_HEADER = `${ESCAPE}1mfootprint${ESCAPE}22m`;

/** Runs `git commit` in a pseudo-terminal, as in an interactive shell, and returns its output. */
function commitInTerminal(
  dir: string,
  env: Record<string, string>,
): { status: number | null; output: string } {
  const command = "git commit -m 'feat: tax rate'";
  // The test runner may set NO_COLOR, FORCE_COLOR or CI; each would decide the colour here.
  const terminalEnv = { ...gitTestEnv({ LC_ALL: 'C.UTF-8', TERM: 'xterm-256color' }), ...env };
  for (const name of ['NO_COLOR', 'FORCE_COLOR', 'CI']) {
    if (!(name in env)) delete terminalEnv[name];
  }
  const result = spawnSync(SCRIPT, ['-qec', command, '/dev/null'], {
    cwd: dir,
    env: terminalEnv,
    encoding: 'utf8',
  });
  return { status: result.status, output: result.stdout };
}

test('CI=true turns colour off in a terminal', (t) => {
  if (!existsSync(SCRIPT)) {
    t.skip('util-linux script is not installed, so there is no pseudo-terminal');
    return;
  }
  const twins = createTwins();
  try {
    const results = twins.both((repo) => {
      commitBase(repo);
      repo.write('src/tax.js', 'export const rate = 0.2;\n');
      repo.git(['add', 'src/tax.js']);
      const coloured = commitInTerminal(repo.dir, {});
      repo.git(['reset', '-q', '--soft', 'HEAD~1']);
      const ci = commitInTerminal(repo.dir, { CI: 'true' });
      return { coloured, ci };
    });
    const { coloured, ci } = results.hooked;

    assert.equal(coloured.status, 0, coloured.output);
    assert.ok(coloured.output.includes(BOLD_HEADER), 'a terminal gets colour');
    assert.equal(ci.status, 0, ci.output);
    assert.match(ci.output, /✔ Commit passed/);
    assert.equal(ci.output.includes(ESCAPE), false, 'CI=true gets none');
  } finally {
    twins.cleanup();
  }
});
