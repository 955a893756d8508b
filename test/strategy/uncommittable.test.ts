import assert from 'node:assert/strict';
import { test } from 'node:test';
import { main } from '../../src/cli/main.js';
import { captureIo } from '../cli/cli-io.js';
import { createTempRepo, gitTestEnv, type TempRepo } from '../helpers/repo.js';

async function run(repo: TempRepo, ...argv: string[]) {
  const { io, stdout, stderr } = captureIo({ cwd: repo.dir, env: gitTestEnv() });
  const code = await main(argv, io);
  return { code, stdout: stdout.text, stderr: stderr.text };
}

test('validate rejects what commit refuses', async () => {
  const repo = createTempRepo();
  try {
    const quiet = { env: { FOOTPRINT: '0' } };
    repo.write('c.txt', 'base\n');
    repo.write('d.txt', 'one\n');
    repo.git(['add', '-A']);
    repo.git(['commit', '-q', '-m', 'base'], quiet);
    repo.git(['checkout', '-q', '-b', 'side']);
    repo.write('c.txt', 'side\n');
    repo.git(['commit', '-q', '-am', 'side'], quiet);
    repo.git(['checkout', '-q', '-']);
    repo.write('c.txt', 'main\n');
    repo.git(['commit', '-q', '-am', 'main'], quiet);
    assert.throws(
      () => repo.git(['merge', '-q', 'side'], quiet),
      /git merge -q side failed with 1/,
    );
    repo.write('d.txt', 'two\n');
    repo.git(['add', 'd.txt']);
    repo.write('plan.json', '');
    const written = await run(repo, 'strategy', '--output', 'plan.json', '--no-llm');
    assert.equal(written.code, 0, written.stderr);

    const result = await run(repo, 'validate', '--strategy', 'plan.json', '--json');
    const document = JSON.parse(result.stdout) as {
      valid: boolean;
      problems: Array<{ code: string; message: string }>;
    };

    assert.equal(result.code, 1, result.stderr);
    assert.equal(document.valid, false);
    const problem = document.problems.find((entry) => entry.code === 'uncommittable');
    assert.ok(problem, JSON.stringify(document.problems));
    assert.match(problem.message, /^A merge is in progress, so footprint commit makes no commits/);
  } finally {
    repo.cleanup();
  }
});
