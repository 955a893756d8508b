import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, realpathSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, test } from 'node:test';
import { validateDocument } from '../../src/schemas-runtime/validators.js';
import type { StrategyProblem } from '../../src/strategy/types.js';
import { runCli } from '../cli/cli-io.js';
import { createTempRepo, gitTestEnv, type TempRepo } from '../helpers/repo.js';
import { writePlanWithout } from './plan-without.js';

let repo: TempRepo;
let planFolder: string;
let planFile: string;

beforeEach(() => {
  repo = createTempRepo();
  repo.write('README.md', '# Demo\n');
  repo.git(['add', 'README.md']);
  repo.git(['commit', '-q', '--no-verify', '-m', 'docs: start']);
  repo.write('src/price.ts', 'export function price(n: number): number {\n  return n * 2;\n}\n');
  repo.write('src/price.test.ts', "import { price } from './price.js';\ntest(price(1));\n");
  repo.write('README.md', '# Demo\n\nPrices double.\n');
  repo.git(['add', '-A']);
  planFolder = realpathSync(mkdtempSync(path.join(tmpdir(), 'footprint-plan-')));
  planFile = path.join(planFolder, 'plan.json');
});

afterEach(() => {
  repo.cleanup();
  rmSync(planFolder, { recursive: true, force: true });
});

/** Writes the strategy to planFile and deletes the batch that takes README.md. */
async function writePlanWithoutReadme(): Promise<void> {
  await writePlanWithout(repo.dir, planFile, 'README.md');
}

describe('validate after a deleted batch', () => {
  test('missing path fix offers unstaging', async () => {
    await writePlanWithoutReadme();
    const result = await runCli(repo.dir, 'validate', '--json', '--strategy', planFile);
    const document = JSON.parse(result.stdout) as { problems: StrategyProblem[] };
    const [problem] = document.problems;

    assert.equal(result.code, 1);
    assert.deepEqual(validateDocument('validation', document), []);
    assert.equal(document.problems.length, 1);
    assert.equal(problem?.code, 'missing-path');
    assert.equal(problem?.path, 'README.md');
    assert.ok(
      problem?.message.includes('Add { "path": "README.md" } to a batch'),
      problem?.message,
    );
    assert.ok(
      problem?.message.includes(
        'To leave it out of these commits, unstage it with `git reset -q -- :/README.md`, ' +
          'then move this strategy away and write it again with ' +
          `\`footprint strategy --output ${planFile}\`.`,
      ),
      problem?.message,
    );
  });

  test('following the unstaging fix validates', async () => {
    await writePlanWithoutReadme();
    const validation = await runCli(repo.dir, 'validate', '--json', '--strategy', planFile);
    const [problem] = (JSON.parse(validation.stdout) as { problems: StrategyProblem[] }).problems;
    const unstage = /`(git reset [^`]+)`/.exec(problem?.message ?? '')?.[1];
    assert.ok(unstage !== undefined, problem?.message);
    repo.git(unstage.split(' ').slice(1));
    rmSync(planFile);
    const written = await runCli(repo.dir, 'strategy', '--no-llm', '--output', planFile);
    const result = await runCli(repo.dir, 'validate', '--strategy', planFile);

    assert.equal(written.code, 0, written.stderr);
    assert.equal(result.code, 0, result.stderr);
    assert.equal(readFileSync(planFile, 'utf8').includes('README.md'), false);
  });

  test('fix from a subfolder names the top', async () => {
    await writePlanWithoutReadme();
    const folder = path.join(repo.dir, 'src');
    const result = await runCli(folder, 'validate', '--json', '--strategy', planFile);
    const [problem] = (JSON.parse(result.stdout) as { problems: StrategyProblem[] }).problems;
    const unstage = /`git (reset [^`]+)`/.exec(problem?.message ?? '')?.[1];
    assert.ok(unstage !== undefined, problem?.message);
    execFileSync('git', unstage.split(' '), { cwd: folder, env: gitTestEnv() });
    const staged = repo.git(['diff', '--cached', '--name-only']);

    assert.equal(unstage, 'reset -q -- :/README.md');
    assert.equal(staged, 'src/price.test.ts\nsrc/price.ts\n');
  });

  test('fix from outside names the worktree', async () => {
    await writePlanWithoutReadme();
    const cwdOption = path.relative(planFolder, repo.dir);
    const argv = ['--cwd', cwdOption, 'validate', '--json', '--strategy', planFile];
    const result = await runCli(planFolder, ...argv);
    const [problem] = (JSON.parse(result.stdout) as { problems: StrategyProblem[] }).problems;
    const unstage = /`(git -C [^`]+)`/.exec(problem?.message ?? '')?.[1];
    assert.ok(unstage !== undefined, problem?.message);
    execFileSync('sh', ['-c', unstage], { cwd: planFolder, env: gitTestEnv() });
    const staged = repo.git(['diff', '--cached', '--name-only']);

    assert.equal(unstage, `git -C ${cwdOption} reset -q -- :/README.md`);
    assert.equal(staged, 'src/price.test.ts\nsrc/price.ts\n');
  });

  test('commit refusal from a subfolder names the top', async () => {
    await writePlanWithoutReadme();
    const result = await runCli(path.join(repo.dir, 'src'), 'commit', '--strategy', planFile);

    assert.equal(result.code, 1);
    assert.ok(
      result.stderr.includes('unstage it with `git reset -q -- :/README.md`'),
      result.stderr,
    );
  });
});
