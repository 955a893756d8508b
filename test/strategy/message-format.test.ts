import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, test } from 'node:test';
import { main } from '../../src/cli/main.js';
import { validateValidationDocument } from '../../src/schemas-runtime/validators.js';
import { checkMessageFormat } from '../../src/strategy/message-format.js';
import type { StrategyShape } from '../../src/strategy/shape.js';
import { captureIo } from '../cli/cli-io.js';
import { createTempRepo, gitTestEnv, type TempRepo } from '../helpers/repo.js';

const LONG_SUBJECT = `feat: ${'add the discount module '.repeat(4).trim()}`;

interface StrategyFile {
  batches: Array<{ id: string; message: string }>;
}

let repo: TempRepo;
let strategyFile: string;

beforeEach(async () => {
  repo = createTempRepo();
  repo.write('README.md', '# shop\n');
  repo.git(['add', 'README.md']);
  repo.git(['commit', '-q', '--no-verify', '-m', 'docs: start']);
  repo.write('src/discount.js', 'export const half = (amount) => amount / 2;\n');
  repo.git(['add', '-A']);
  strategyFile = path.join(repo.dir, 'plan.json');
  const written = await run('strategy', '--no-llm', '--output', strategyFile);
  assert.equal(written.code, 0, written.stderr);
});

afterEach(() => {
  repo.cleanup();
});

async function run(...argv: string[]) {
  const { io, stdout, stderr } = captureIo({ cwd: repo.dir, env: gitTestEnv() });
  const code = await main(argv, io);
  return { code, stdout: stdout.text, stderr: stderr.text };
}

function setFirstMessage(message: string): void {
  const strategy = JSON.parse(readFileSync(strategyFile, 'utf8')) as StrategyFile;
  const batch = strategy.batches[0];
  assert.ok(batch !== undefined);
  batch.message = message;
  writeFileSync(strategyFile, JSON.stringify(strategy, null, 2));
}

function shapeWith(...messages: string[]): StrategyShape {
  return {
    head: null,
    stagedTree: null,
    batches: messages.map((message, index) => ({
      id: `b${index + 1}`,
      message,
      changes: [{ path: 'a.txt' }],
      dependsOn: [],
    })),
  };
}

const cases: Array<{ name: string; message: string; codes: string[] }> = [
  { name: 'plain header', message: 'fix(cart): count quantity', codes: [] },
  { name: 'breaking change mark', message: 'feat(api)!: drop the v1 routes', codes: [] },
  { name: 'header and body', message: 'docs: add usage\n\nWhy it helps.', codes: [] },
  { name: 'header of 72 characters', message: `chore: ${'x'.repeat(65)}`, codes: [] },
  { name: 'header of 73 characters', message: `chore: ${'x'.repeat(66)}`, codes: ['long-subject'] },
  { name: 'sentence', message: 'Added discount stuff', codes: ['not-conventional'] },
  { name: 'no space after colon', message: 'feat:add discount', codes: ['not-conventional'] },
  { name: 'comment line', message: '# feat: add discount', codes: ['not-conventional'] },
  { name: 'other type', message: 'wip: add discount', codes: ['unknown-commit-type'] },
  {
    name: 'long sentence',
    message: `Added ${'x'.repeat(80)}`,
    codes: ['not-conventional', 'long-subject'],
  },
];

describe('checkMessageFormat', () => {
  for (const { name, message, codes } of cases) {
    test(name, () => {
      const warnings = checkMessageFormat(shapeWith(message));

      assert.deepEqual(
        warnings.map((warning) => warning.code),
        codes,
      );
      for (const warning of warnings) assert.equal(warning.batch, 'b1');
    });
  }

  test('counts characters, not UTF-16 units', () => {
    const warnings = checkMessageFormat(shapeWith(`docs: ${'🎉'.repeat(66)}`));

    assert.deepEqual(warnings, []);
  });

  test('leaves an empty message alone', () => {
    const warnings = checkMessageFormat(shapeWith(' \n\n'));

    assert.deepEqual(warnings, []);
  });
});

describe('validate of batch messages', () => {
  test('long subject warns, still valid', async () => {
    setFirstMessage(LONG_SUBJECT);

    const result = await run('validate', '--strategy', strategyFile);

    assert.equal(result.code, 0, result.stdout + result.stderr);
    assert.match(result.stdout, /is valid for the staged change/);
    assert.match(result.stdout, /1 warning\./);
    assert.match(
      result.stdout,
      /long-subject {2}b1 {2}Batch b1 has a subject line of 101 characters/,
    );
  });

  test('non-conventional message warns in json', async () => {
    setFirstMessage('Added discount stuff');

    const result = await run('validate', '--strategy', strategyFile, '--json');
    const document = JSON.parse(result.stdout) as Record<string, unknown>;

    assert.equal(result.code, 0, result.stderr);
    assert.deepEqual(validateValidationDocument(document), []);
    assert.equal(document['valid'], true);
    assert.deepEqual(document['problems'], []);
    const warnings = document['warnings'] as Array<Record<string, unknown>>;
    assert.equal(warnings.length, 1);
    assert.equal(warnings[0]?.['code'], 'not-conventional');
    assert.equal(warnings[0]?.['batch'], 'b1');
  });

  test('generated strategy has no warnings', async () => {
    const result = await run('validate', '--strategy', strategyFile, '--json');
    const document = JSON.parse(result.stdout) as Record<string, unknown>;

    assert.equal(result.code, 0, result.stderr);
    assert.deepEqual(document['warnings'], []);
  });

  test('commit dry run gives the same warning', async () => {
    setFirstMessage(LONG_SUBJECT);

    const result = await run('commit', '--strategy', strategyFile, '--dry-run');

    assert.equal(result.code, 0, result.stderr);
    assert.match(result.stderr, /(⚠|\[!\]) Batch b1 has a subject line of 101 characters/);
  });
});
