import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { afterEach, beforeEach, describe, test } from 'node:test';
import { validateDocument } from '../../src/schemas-runtime/validators.js';
import type { StrategyProblem } from '../../src/strategy/types.js';
import { captureIo } from '../cli/cli-io.js';
import { main } from '../../src/cli/main.js';
import { createTempRepo, gitTestEnv, type TempRepo } from '../helpers/repo.js';

let repo: TempRepo;

beforeEach(() => {
  repo = createTempRepo();
  repo.write('a.txt', 'a\n');
  repo.write('docs/b.md', '# b\n');
  repo.git(['add', '-A']);
  repo.git(['commit', '-q', '--no-verify', '-m', 'chore: start']);
  repo.write('a.txt', 'a\nb\n');
  repo.git(['add', 'a.txt']);
});

afterEach(() => {
  repo.cleanup();
});

async function run(reader: string, cwd: string, ...argv: string[]) {
  const env = gitTestEnv({ FOOTPRINT_READER: reader });
  const { io, stdout, stderr } = captureIo({ cwd, env });
  const code = await main(argv, io);
  return { code, stdout: stdout.text, stderr: stderr.text };
}

/** Writes the strategy to plan.json in the worktree and stages everything, as `git add -A`. */
async function writeAndStagePlan(reader: string): Promise<void> {
  const written = await run(reader, repo.dir, 'strategy', '--no-llm', '--output', 'plan.json');
  assert.equal(written.code, 0, written.stderr);
  repo.git(['add', '-A']);
}

async function validateProblems(reader: string, cwd = repo.dir): Promise<StrategyProblem[]> {
  const result = await run(reader, cwd, 'validate', '--json', '--strategy', 'plan.json');
  const document = JSON.parse(result.stdout) as { valid: boolean; problems: StrategyProblem[] };
  assert.equal(result.code, 1, result.stdout);
  assert.deepEqual(validateDocument('validation', document), []);
  return document.problems;
}

for (const reader of ['native', 'cli']) {
  describe(`staged strategy file with the ${reader} reader`, () => {
    test('only difference is one problem', async () => {
      await writeAndStagePlan(reader);
      const problems = await validateProblems(reader);
      const [problem] = problems;

      assert.deepEqual(
        problems.map((entry) => entry.code),
        ['staged-strategy'],
      );
      assert.equal(problem?.path, 'plan.json');
      assert.match(problem?.message ?? '', /^The strategy file plan\.json is staged itself/);
      assert.ok(
        problem?.message.includes('Unstage it with `git reset -q -- :/plan.json`'),
        problem?.message,
      );
      assert.ok(problem?.message.includes('fossils/strategy.json'), problem?.message);
    });

    test('unstaging it makes the strategy valid', async () => {
      await writeAndStagePlan(reader);
      const [problem] = await validateProblems(reader);
      const unstage = /`git (reset [^`]+)`/.exec(problem?.message ?? '')?.[1];
      assert.ok(unstage !== undefined, problem?.message);
      repo.git(unstage.split(' '));
      const result = await run(reader, repo.dir, 'validate', '--strategy', 'plan.json');

      assert.equal(result.code, 0, result.stdout);
    });

    test('other staged change keeps the stale problem', async () => {
      await writeAndStagePlan(reader);
      repo.write('docs/b.md', '# b\n\nMore.\n');
      repo.git(['add', 'docs/b.md']);
      const problems = await validateProblems(reader);

      assert.deepEqual(
        problems.map((entry) => [entry.code, entry.path ?? '-']),
        [
          ['staged-strategy', 'plan.json'],
          ['stale', '-'],
          ['missing-path', 'docs/b.md'],
        ],
      );
      assert.match(
        problems[0]?.message ?? '',
        /Unstage it first with `git reset -q -- :\/plan\.json`/,
      );
    });
  });
}

describe('staged strategy file elsewhere', () => {
  test('subfolder run names the top', async () => {
    await writeAndStagePlan('native');
    const folder = `${repo.dir}/docs`;
    const result = await run('native', folder, 'validate', '--strategy', '../plan.json');
    const unstage = /`git (reset [^`]+)`/.exec(result.stdout)?.[1];
    assert.ok(unstage !== undefined, result.stdout);
    execFileSync('git', unstage.split(' '), { cwd: folder, env: gitTestEnv() });

    assert.equal(result.code, 1);
    assert.equal(repo.git(['diff', '--cached', '--name-only']), 'a.txt\n');
  });

  test('commit refuses with the unstage command', async () => {
    await writeAndStagePlan('native');
    const head = repo.git(['rev-parse', 'HEAD']);
    const result = await run('native', repo.dir, 'commit', '--strategy', 'plan.json', '--yes');

    assert.equal(result.code, 1);
    assert.ok(result.stderr.includes('staged-strategy'), result.stderr);
    assert.ok(result.stderr.includes('`git reset -q -- :/plan.json`'), result.stderr);
    assert.equal(repo.git(['rev-parse', 'HEAD']), head);
  });
});
