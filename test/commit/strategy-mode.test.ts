import assert from 'node:assert/strict';
import path from 'node:path';
import { afterEach, beforeEach, describe, test } from 'node:test';

import { main } from '../../src/cli/main.js';
import { captureIo } from '../cli/cli-io.js';
import { createTempRepo, gitTestEnv, type TempRepo } from '../helpers/repo.js';

let repo: TempRepo;
let plan: string;

/** Stages a `debugger` statement, a high finding that blocks in balanced mode but not in aggressive. */
beforeEach(() => {
  repo = createTempRepo();
  repo.write('README.md', '# app\n');
  repo.git(['add', 'README.md']);
  repo.git(['commit', '-q', '--no-verify', '-m', 'docs: start']);
  repo.write('d.js', 'function g() {\n  debugger;\n}\n');
  repo.write('n.md', 'x\n');
  repo.git(['add', '-A']);
  plan = path.join(repo.dir, 'plan.json');
});

afterEach(() => {
  repo.cleanup();
});

async function run(...argv: string[]) {
  const { io, stdout, stderr } = captureIo({ cwd: repo.dir, env: gitTestEnv() });
  const code = await main(['--no-llm', ...argv], io);
  return { code, stdout: stdout.text, stderr: stderr.text };
}

function head(): string {
  return repo.git(['rev-parse', 'HEAD']).trim();
}

describe('commit risk mode', () => {
  test('strategy mode judges a strategy file', async () => {
    const written = await run('strategy', '--mode', 'aggressive', '--output', plan);
    const validated = await run('validate', '--strategy', plan);
    const before = head();

    const committed = await run('commit', '--strategy', plan, '--yes');

    assert.equal(written.code, 0, written.stderr);
    assert.match(written.stderr, /Nothing would block a commit/);
    assert.equal(validated.code, 0, validated.stdout);
    assert.equal(committed.code, 0, committed.stderr);
    assert.notEqual(head(), before);
    assert.equal(repo.git(['diff', '--cached', '--name-only']), '');
  });

  test('mode option overrides strategy mode', async () => {
    await run('strategy', '--mode', 'aggressive', '--output', plan);
    const before = head();

    const committed = await run('commit', '--strategy', plan, '--mode', 'balanced', '--yes');

    assert.equal(committed.code, 1, committed.stderr);
    assert.equal(head(), before);
    assert.match(
      committed.stderr,
      /blocks this change in balanced mode \(set by --mode balanced\): debugger in d\.js\./,
    );
    assert.match(committed.stderr, /The strategy was made in aggressive mode\. Leave out --mode/);
    assert.match(committed.stderr, /Run `footprint analyze --mode balanced`/);
  });

  test('refusal names strategy mode', async () => {
    await run('strategy', '--mode', 'conservative', '--output', plan);

    const committed = await run('commit', '--strategy', plan, '--yes');

    assert.equal(committed.code, 1, committed.stderr);
    assert.match(
      committed.stderr,
      /in conservative mode \(the mode the strategy was made in\): debugger in d\.js\./,
    );
    assert.doesNotMatch(committed.stderr, /Leave out --mode/);
  });

  test('planned run names configured mode', async () => {
    const committed = await run('commit', '--yes');

    assert.equal(committed.code, 1, committed.stderr);
    assert.match(committed.stderr, /in balanced mode \(the configured mode\): debugger in d\.js/);
  });
});
