import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, test } from 'node:test';
import { main } from '../../src/cli/main.js';
import { validateValidationDocument } from '../../src/schemas-runtime/validators.js';
import { captureIo } from '../cli/cli-io.js';
import { createTempRepo, gitTestEnv, type TempRepo } from '../helpers/repo.js';

let repo: TempRepo;

beforeEach(() => {
  repo = createTempRepo();
  repo.write('README.md', '# app\n');
  repo.git(['add', 'README.md']);
});

afterEach(() => {
  repo.cleanup();
});

async function run(...argv: string[]) {
  const { io, stdout, stderr } = captureIo({ cwd: repo.dir, env: gitTestEnv() });
  const code = await main(argv, io);
  return { code, stdout: stdout.text, stderr: stderr.text };
}

describe('strategy file path', () => {
  for (const command of [['validate'], ['commit', '--dry-run']]) {
    test(`${command[0]} with a folder asks for a file`, async () => {
      const folder = path.join(repo.dir, 'plans');
      mkdirSync(folder);

      const result = await run(...command, '--strategy', folder);

      assert.equal(result.code, 2, result.stderr);
      assert.match(result.stderr, new RegExp(`${folder} is a folder, not a strategy file\\.`));
      assert.match(result.stderr, /Pass the path of a file to --strategy/);
      assert.ok(
        result.stderr.includes(`footprint strategy --output ${path.join(folder, 'strategy.json')}`),
        result.stderr,
      );
    });

    test(`${command[0]} with a named pipe reads nothing`, async () => {
      const pipe = path.join(repo.dir, 'plan.json');
      execFileSync('mkfifo', [pipe]);

      const result = await run(...command, '--strategy', pipe);

      assert.equal(result.code, 2, result.stderr);
      assert.ok(
        result.stderr.includes(`${pipe} is not a regular file but a pipe, a socket or a device`),
        result.stderr,
      );
      assert.match(result.stderr, /Pass the path of a strategy file to --strategy\./);
    });

    test(`${command[0]} with a missing file suggests writing it`, async () => {
      const file = path.join(repo.dir, 'plan.json');

      const result = await run(...command, '--strategy', file);

      assert.equal(result.code, 2, result.stderr);
      assert.ok(
        result.stderr.includes(`Cannot read the strategy file ${file} (ENOENT).`),
        result.stderr,
      );
      assert.ok(result.stderr.includes(`footprint strategy --output ${file}`), result.stderr);
    });
  }

  test('missing file: json document', async () => {
    const file = path.join(repo.dir, 'plan.json');
    const stagedTree = repo.git(['write-tree']).trim();

    const result = await run('validate', '--json', '--strategy', file);
    const document = JSON.parse(result.stdout) as Record<string, unknown>;
    const problems = document['problems'] as Array<Record<string, unknown>>;

    assert.equal(result.code, 2, result.stderr);
    assert.deepEqual(validateValidationDocument(document), []);
    assert.equal(document['file'], file);
    assert.equal(document['stagedTree'], stagedTree);
    assert.equal(document['valid'], false);
    assert.equal(problems.length, 1);
    assert.equal(problems[0]?.['code'], 'unreadable-file');
    assert.match(String(problems[0]?.['message']), /Cannot read the strategy file .* \(ENOENT\)/);
    assert.ok(result.stderr.includes(`Cannot read the strategy file ${file} (ENOENT).`));
  });

  test('outside a repository: file named', async () => {
    const outside = mkdtempSync(path.join(tmpdir(), 'footprint-no-repo-'));
    const file = path.join(outside, 'plan.json');

    const result = await run('validate', '--json', '--cwd', outside, '--strategy', file);
    rmSync(outside, { recursive: true, force: true });

    const document = JSON.parse(result.stdout) as Record<string, unknown>;
    const problems = document['problems'] as Array<Record<string, unknown>>;

    assert.equal(result.code, 2, result.stderr);
    assert.equal(document['file'], file);
    assert.equal(document['stagedTree'], null);
    assert.equal(problems[0]?.['code'], 'unreadable-file');
    assert.ok(result.stderr.includes(`Cannot read the strategy file ${file} (ENOENT).`));
  });
});

/** Returns the words that a POSIX shell makes of the first command in backticks in `text`. */
function suggestedCommand(text: string, start: string): string[] {
  const command = text.slice(text.indexOf(`\`${start}`) + 1).split('`')[0] ?? '';
  const script = `for word in ${command}; do printf '%s\\0' "$word"; done`;
  const words = execFileSync('sh', ['-c', script], { encoding: 'utf8' });
  return words.split('\0').slice(0, -1);
}

describe('suggested commands with unusual file names', () => {
  test('missing file with a space', async () => {
    const file = path.join(repo.dir, 'my plan.json');

    const result = await run('validate', '--strategy', file);

    assert.equal(result.code, 2, result.stderr);
    assert.deepEqual(suggestedCommand(result.stderr, 'footprint strategy'), [
      'footprint',
      'strategy',
      '--output',
      file,
    ]);
  });

  test('folder with a space', async () => {
    const folder = path.join(repo.dir, 'my plans');
    mkdirSync(folder);

    const result = await run('commit', '--dry-run', '--strategy', folder);

    assert.equal(result.code, 2, result.stderr);
    assert.deepEqual(suggestedCommand(result.stderr, 'footprint strategy'), [
      'footprint',
      'strategy',
      '--output',
      path.join(folder, 'strategy.json'),
    ]);
  });

  test('invalid JSON file with a space', async () => {
    repo.write('my plan.json', '{ "batches": ');

    const result = await run('validate', '--strategy', 'my plan.json');

    assert.equal(result.code, 1, result.stderr);
    assert.match(result.stdout, /is not valid JSON/);
    assert.deepEqual(suggestedCommand(result.stdout, 'footprint strategy'), [
      'footprint',
      'strategy',
      '--output',
      path.join(repo.dir, 'my plan.json'),
    ]);
  });

  test('comment in a strategy is named', async () => {
    repo.write('plan.json', '{\n  "schemaVersion": 1,\n  // split later\n  "batches": []\n}\n');
    const file = path.join(repo.dir, 'plan.json');

    const result = await run('validate', '--strategy', 'plan.json');

    assert.equal(result.code, 1, result.stderr);
    assert.ok(
      result.stdout.includes(
        `json  ${file} is not valid JSON (line 3, column 3: a comment). Strategy files are ` +
          'JSON, which has no comments, so remove the comment, or move it away and write the ' +
          `strategy again with \`footprint strategy --output ${file}\`.`,
      ),
      result.stdout,
    );
  });

  test('YAML text says JSON only', async () => {
    repo.write('plan.txt', '---\nschemaVersion: 1\nbatches:\n  - id: b1\n');

    const result = await run('validate', '--strategy', 'plan.txt');

    assert.equal(result.code, 1, result.stderr);
    assert.match(result.stdout, /It looks like YAML, and footprint reads strategy files as JSON/);
  });

  test('YAML file name says JSON only', async () => {
    repo.write('plan.yaml', '{ "batches": [} ');

    const result = await run('validate', '--strategy', 'plan.yaml');

    assert.equal(result.code, 1, result.stderr);
    assert.match(result.stdout, /It looks like YAML, and footprint reads strategy files as JSON/);
  });

  test('broken JSON gets no YAML hint', async () => {
    repo.write('plan.json', '{ "batches": [} ');

    const result = await run('validate', '--strategy', 'plan.json');

    assert.equal(result.code, 1, result.stderr);
    assert.doesNotMatch(result.stdout, /YAML/);
    assert.match(result.stdout, /Fix the JSON syntax, or move it away/);
  });

  test('written file with a leading dash', async () => {
    const result = await run('strategy', '--output=-plan.json');

    assert.equal(result.code, 0, result.stderr);
    assert.deepEqual(suggestedCommand(result.stderr, 'footprint validate'), [
      'footprint',
      'validate',
      '--strategy',
      './-plan.json',
    ]);
  });

  test('written strategy checks a leading dash', async () => {
    await run('strategy', '--output=-plan.json');
    const strategy = JSON.parse(readFileSync(path.join(repo.dir, '-plan.json'), 'utf8')) as {
      validation: string[];
    };

    assert.deepEqual(strategy.validation, ['footprint validate --strategy ./-plan.json']);
  });
});
