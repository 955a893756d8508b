import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, realpathSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { validateDocument, type DocumentType } from '../../src/schemas-runtime/validators.js';
import { createTempRepo, footprintBin, gitTestEnv } from '../helpers/repo.js';

/** Runs the built CLI in `cwd` and returns its exit code and output. */
function runFootprint(cwd: string, args: string[]) {
  const result = spawnSync(process.execPath, [footprintBin, ...args], {
    cwd,
    env: gitTestEnv(),
    encoding: 'utf8',
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

interface ErrorCase {
  args: string[];
  schema: DocumentType;
  /** Fields the document must have, beyond its schema. */
  fields: Record<string, unknown>;
}

/** Usage errors with --json outside a repository, keyed by the command line. */
const CASES: ErrorCase[] = [
  { args: ['strategy', '--json'], schema: 'error', fields: { command: 'strategy' } },
  { args: ['analyze', '--json'], schema: 'error', fields: { command: 'analyze' } },
  { args: ['precommit', '--json'], schema: 'error', fields: { command: 'precommit' } },
  { args: ['learn', '--json'], schema: 'error', fields: { command: 'learn' } },
  { args: ['fossils', 'list', '--json'], schema: 'error', fields: { command: 'fossils' } },
  { args: ['strategy', '--format', 'json'], schema: 'error', fields: { command: 'strategy' } },
  {
    args: ['strategy', '--json', '--mode', 'fast'],
    schema: 'error',
    fields: { command: 'strategy' },
  },
  { args: ['--json'], schema: 'error', fields: { command: null } },
  { args: ['validate', '--json', '--strategy', 'x.json'], schema: 'validation', fields: {} },
  { args: ['validate', '--json'], schema: 'validation', fields: { file: null } },
  { args: ['commit', '--json', '--yes'], schema: 'commit', fields: { result: 'refused' } },
  { args: ['commit', '--json'], schema: 'commit', fields: { result: 'refused' } },
  { args: ['undo', '--json'], schema: 'undo', fields: { result: 'refused' } },
  { args: ['init', '--json'], schema: 'error', fields: { command: 'init' } },
  { args: ['init', '--uninstall', '--json'], schema: 'error', fields: { command: 'init' } },
];

describe('--json usage errors outside a repository', () => {
  let folder: string;
  before(() => {
    folder = realpathSync(mkdtempSync(path.join(tmpdir(), 'footprint-no-repo-')));
  });
  after(() => rmSync(folder, { recursive: true, force: true }));

  for (const { args, schema, fields } of CASES) {
    test(`${args.join(' ')} prints one document`, () => {
      const result = runFootprint(folder, args);
      const document = JSON.parse(result.stdout) as Record<string, unknown>;
      const firstLine = result.stderr.split('\n')[0] ?? '';
      const reason = firstLine.replace(/^\S+ /, '');

      assert.equal(result.status, 2, result.stderr);
      assert.deepEqual(validateDocument(schema, document), []);
      for (const [key, value] of Object.entries(fields)) assert.equal(document[key], value, key);
      assert.ok(reason.length > 0, result.stderr);
      assert.ok(result.stdout.includes(JSON.stringify(reason).slice(1, -1)), result.stdout);
    });
  }

  test('validate names the unreadable file', () => {
    const result = runFootprint(folder, ['validate', '--json', '--strategy', 'x.json']);
    const document = JSON.parse(result.stdout) as {
      file: string;
      stagedTree: string | null;
      valid: boolean;
      problems: Array<{ code: string }>;
    };

    assert.equal(document.file, path.join(folder, 'x.json'));
    assert.equal(document.stagedTree, null);
    assert.equal(document.valid, false);
    assert.deepEqual(
      document.problems.map((problem) => problem.code),
      ['unreadable-file'],
    );
  });

  test('validate without --strategy is a usage error', () => {
    const result = runFootprint(folder, ['validate', '--json']);
    const document = JSON.parse(result.stdout) as { problems: Array<{ code: string }> };

    assert.deepEqual(
      document.problems.map((problem) => problem.code),
      ['usage-error'],
    );
  });

  test('error document keeps the exit code', () => {
    const result = runFootprint(folder, ['strategy', '--json']);
    const document = JSON.parse(result.stdout) as { error: { exitCode: number; message: string } };

    assert.equal(document.error.exitCode, result.status);
    assert.match(document.error.message, /is not inside a git repository/);
  });
});

test('usage error in a repository prints one document', () => {
  const repo = createTempRepo();
  try {
    repo.write('footprint.config.json', '{ "mode": "fast" }\n');
    repo.write('a.txt', 'a\n');
    repo.git(['add', '-A']);

    const result = runFootprint(repo.dir, ['analyze', '--json']);
    const document = JSON.parse(result.stdout) as { command: string; error: { message: string } };

    assert.equal(result.status, 2, result.stderr);
    assert.equal(document.command, 'analyze');
    assert.match(document.error.message, /"mode" is "fast"/);
  } finally {
    repo.cleanup();
  }
});
