import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
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
