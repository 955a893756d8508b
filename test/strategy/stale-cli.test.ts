import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, test } from 'node:test';
import { main } from '../../src/cli/main.js';
import { captureIo } from '../cli/cli-io.js';
import { createTempRepo, gitTestEnv, type TempRepo } from '../helpers/repo.js';

let repo: TempRepo;

beforeEach(() => {
  repo = createTempRepo();
  repo.write('README.md', '# app\n');
  repo.git(['add', 'README.md']);
  repo.git(['commit', '-q', '-m', 'docs: start'], { env: { FOOTPRINT: '0' } });
  repo.write('README.md', '# app\n\nUsage.\n');
  repo.write('src/a.js', 'export const a = 1;\n');
  repo.git(['add', '-A']);
});

afterEach(() => {
  repo.cleanup();
});

async function run(...argv: string[]) {
  const { io, stdout, stderr } = captureIo({ cwd: repo.dir, env: gitTestEnv() });
  const code = await main(argv, io);
  return { code, stdout: stdout.text, stderr: stderr.text };
}

/** Writes a fresh strategy to plan.json, changed by `edit`, and returns its path. */
async function writePlan(edit: (plan: Record<string, unknown>) => void): Promise<string> {
  const file = path.join(repo.dir, 'plan.json');
  const written = await run('strategy', '--output', file, '--no-llm');
  assert.equal(written.code, 0, written.stderr);
  const plan = JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>;
  edit(plan);
  writeFileSync(file, JSON.stringify(plan));
  return file;
}

function count(text: string, part: string): number {
  return text.split(part).length - 1;
}

describe('validate of a stale strategy', () => {
  test('HEAD of null names HEAD once', async () => {
    const head = repo.git(['rev-parse', 'HEAD']).trim();
    const tree = repo.git(['write-tree']).trim();
    const file = await writePlan((plan) => {
      plan['head'] = null;
    });

    const result = await run('validate', '--strategy', file);
    const output = result.stdout + result.stderr;

    assert.equal(result.code, 1, output);
    assert.match(
      output,
      new RegExp(
        `HEAD differs from the strategy's: it was made at no HEAD \\(an unborn branch\\), ` +
          `and the repository is now at HEAD ${head.slice(0, 12)} ` +
          `\\(staged tree ${tree.slice(0, 12)} is the same\\)\\.`,
      ),
    );
    assert.equal(output.includes('staged change moved on'), false, output);
    assert.equal(count(output, 'footprint strategy --output'), 1, output);
    assert.ok(
      output.includes(
        `Move it away and write it again with \`footprint strategy --output ${file}\`.`,
      ),
      output,
    );
  });

  test('committed strategy is reported', async () => {
    const start = repo.git(['rev-parse', 'HEAD']).trim();
    const file = await writePlan(() => {});
    repo.git(['commit', '-q', '-m', 'feat: add a'], { env: { FOOTPRINT: '0' } });

    const result = await run('validate', '--strategy', file);
    const output = result.stdout + result.stderr;

    assert.equal(result.code, 1, output);
    assert.match(output, /is HEAD's tree now: it was committed after the strategy was made/);
    assert.ok(output.includes(`git reset --soft ${start.slice(0, 12)}`), output);
    assert.equal(output.includes('Check out'), false, output);
  });

  test('moved branch puts rewrite first', async () => {
    const start = repo.git(['rev-parse', 'HEAD']).trim().slice(0, 12);
    const startTree = repo.git(['write-tree']).trim().slice(0, 12);
    const file = await writePlan(() => {});
    repo.write('other.txt', 'other\n');
    repo.git(['add', 'other.txt']);
    repo.git(['commit', '-q', '-m', 'chore: other', '--', 'other.txt'], {
      env: { FOOTPRINT: '0' },
    });
    const head = repo.git(['rev-parse', 'HEAD']).trim().slice(0, 12);
    const tree = repo.git(['write-tree']).trim().slice(0, 12);

    const result = await run('validate', '--strategy', file);

    assert.equal(result.code, 1, result.stderr);
    assert.ok(
      result.stdout.includes(
        "Both the staged tree and HEAD differ from the strategy's: it was made for staged " +
          `tree ${startTree} at HEAD ${start}, and the repository now has staged tree ${tree} ` +
          `at HEAD ${head}. Move it away and write it again for the staged change with ` +
          `\`footprint strategy --output ${file}\`. Checking out ${start} again and staging ` +
          'the change it was made for also works, but it detaches HEAD from main. ' +
          '`footprint commit` would then make the commits on no branch, and ' +
          '`git switch main` returns to the branch.',
      ),
      result.stdout,
    );
  });

  test('detached HEAD gets no switch advice', async () => {
    const start = repo.git(['rev-parse', 'HEAD']).trim().slice(0, 12);
    const file = await writePlan(() => {});
    repo.git(['checkout', '-q', '--detach']);
    const later = repo.git(['commit-tree', 'HEAD^{tree}', '-p', 'HEAD', '-m', 'chore: later']);
    repo.git(['update-ref', '--no-deref', 'HEAD', later.trim()]);

    const result = await run('validate', '--strategy', file);

    assert.equal(result.code, 1, result.stderr);
    assert.ok(
      result.stdout.includes(
        `Move it away and write it again for the staged change with ` +
          `\`footprint strategy --output ${file}\`. Checking out ${start} again also works.`,
      ),
      result.stdout,
    );
    assert.equal(result.stdout.includes('git switch'), false, result.stdout);
  });

  test('json names the file, quoted, where text does', async () => {
    const written = await writePlan((plan) => {
      plan['stagedTree'] = 'f'.repeat(40);
    });
    const file = path.join(repo.dir, "it's a plan.json");
    writeFileSync(file, readFileSync(written));

    const text = await run('validate', '--strategy', file);
    const json = await run('validate', '--strategy', file, '--json');
    const problems = (JSON.parse(json.stdout) as { problems: Array<{ message: string }> }).problems;
    const command = `\`footprint strategy --output '${file.replace("'", "'\\''")}'\``;

    assert.equal(text.code, 1);
    assert.ok(text.stdout.includes(command), text.stdout);
    assert.ok(problems[0]?.message.includes(command), json.stdout);
    assert.equal(json.stdout.includes('--output FILE'), false, json.stdout);
  });

  test('other staged tree names the tree once', async () => {
    const file = await writePlan((plan) => {
      plan['stagedTree'] = 'f'.repeat(40);
    });

    const result = await run('validate', '--strategy', file);
    const output = result.stdout + result.stderr;

    assert.equal(result.code, 1, output);
    assert.match(
      output,
      /The staged tree differs from the strategy's: it was made for staged tree ffffffffffff/,
    );
    assert.equal(count(output, 'footprint strategy --output'), 1, output);
  });
});
