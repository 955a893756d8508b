import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, test } from 'node:test';
import {
  validateDocument,
  validateValidationDocument,
} from '../../src/schemas-runtime/validators.js';
import { checkMessageFormat } from '../../src/strategy/message-format.js';
import type { StrategyShape } from '../../src/strategy/shape.js';
import { runCli } from '../cli/cli-io.js';
import type { TempRepo } from '../helpers/repo.js';
import { createStrategyRepo } from '../helpers/strategy-repo.js';

const LONG_SUBJECT = `feat: ${'add the discount module '.repeat(4).trim()}`;

interface StrategyFile {
  batches: Array<{ id: string; message: string; type: string; scope: string | null }>;
}

let repo: TempRepo;
let strategyFile: string;

beforeEach(async () => {
  ({ repo, strategyFile } = await createStrategyRepo(
    { 'README.md': '# shop\n' },
    { 'src/discount.js': 'export const half = (amount) => amount / 2;\n' },
  ));
});

afterEach(() => {
  repo.cleanup();
});

const run = (...argv: string[]) => runCli(repo.dir, ...argv);

function setFirstMessage(message: string): void {
  setFirstBatch({ message });
}

/** Replaces fields of the strategy file's first batch. */
function setFirstBatch(fields: Partial<StrategyFile['batches'][number]>): void {
  const strategy = JSON.parse(readFileSync(strategyFile, 'utf8')) as StrategyFile;
  const batch = strategy.batches[0];
  assert.ok(batch !== undefined);
  Object.assign(batch, fields);
  writeFileSync(strategyFile, JSON.stringify(strategy, null, 2));
}

/** Adds a path that is not staged to the first batch, so the strategy is invalid. */
function addUnstagedPath(): void {
  const strategy = JSON.parse(readFileSync(strategyFile, 'utf8')) as {
    batches: Array<{ changes: unknown[] }>;
  };
  strategy.batches[0]?.changes.push({ path: 'src/unstaged.js' });
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
  { name: 'scope with a space', message: 'fix(check out): x', codes: ['invalid-scope'] },
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

/** Returns a one-batch strategy whose batch has `message` and the given type and scope fields. */
function shapeWithFields(message: string, type: string, scope: string | null): StrategyShape {
  const shape = shapeWith(message);
  const [batch] = shape.batches;
  assert.ok(batch !== undefined);
  return { ...shape, batches: [{ ...batch, type, scope }] };
}

const fieldCases: Array<{
  name: string;
  message: string;
  type: string;
  scope: string | null;
  codes: string[];
}> = [
  {
    name: 'fields match header',
    message: 'fix(cart): count',
    type: 'fix',
    scope: 'cart',
    codes: [],
  },
  { name: 'no scope on either', message: 'docs: add usage', type: 'docs', scope: null, codes: [] },
  {
    name: 'scope with dot and slash',
    message: 'ci(a/b.c): x',
    type: 'ci',
    scope: 'a/b.c',
    codes: [],
  },
  {
    name: 'breaking mark keeps scope',
    message: 'feat(api)!: drop v1',
    type: 'feat',
    scope: 'api',
    codes: [],
  },
  {
    name: 'type differs',
    message: 'feat(cart): count',
    type: 'fix',
    scope: 'cart',
    codes: ['header-mismatch'],
  },
  {
    name: 'type outside the list',
    message: 'feat(cart): count',
    type: 'feature',
    scope: 'cart',
    codes: [],
  },
  {
    name: 'scope differs',
    message: 'fix(cart): count',
    type: 'fix',
    scope: 'tax',
    codes: ['header-mismatch'],
  },
  {
    name: 'scope missing from header',
    message: 'fix: count',
    type: 'fix',
    scope: 'cart',
    codes: ['header-mismatch'],
  },
  {
    name: 'scope with a space',
    message: 'fix(checkout flow): count',
    type: 'fix',
    scope: 'checkout flow',
    codes: ['invalid-scope'],
  },
  {
    name: 'message scope with a space',
    message: 'fix(checkout flow): count',
    type: 'fix',
    scope: 'checkout',
    codes: ['invalid-scope', 'header-mismatch'],
  },
  {
    name: 'scope with a parenthesis',
    message: 'fix: count',
    type: 'fix',
    scope: 'cart)',
    codes: ['invalid-scope', 'header-mismatch'],
  },
  {
    name: 'unknown header type',
    message: 'wip: count',
    type: 'fix',
    scope: null,
    codes: ['unknown-commit-type'],
  },
  {
    name: 'sentence message',
    message: 'Counted items',
    type: 'fix',
    scope: 'cart',
    codes: ['not-conventional'],
  },
];

describe('checkMessageFormat of type and scope', () => {
  for (const { name, message, type, scope, codes } of fieldCases) {
    test(name, () => {
      const warnings = checkMessageFormat(shapeWithFields(message, type, scope));

      assert.deepEqual(
        warnings.map((warning) => warning.code),
        codes,
      );
      for (const warning of warnings) assert.equal(warning.batch, 'b1');
    });
  }

  test('mismatch names what commit uses', () => {
    const [warning] = checkMessageFormat(shapeWithFields('feat(api): add', 'fix', null));

    assert.equal(
      warning?.message,
      'Batch b1 has type "fix" where its message has "feat" and no scope where its message ' +
        'has scope "api". `footprint commit` commits the message as written, so the commit ' +
        'gets type "feat" and scope "api". Set "type": "feat" and "scope": "api" to match ' +
        'the message, or reword the message.',
    );
  });

  test('same bad scope reported once', () => {
    const warnings = checkMessageFormat(shapeWithFields('fix(a b): x', 'fix', 'a b'));

    assert.equal(warnings.length, 1);
    assert.match(warnings[0]?.message ?? '', /scope "a b" in its message and its scope field,/);
  });

  test('scope with a space suggests a word', () => {
    const [warning] = checkMessageFormat(shapeWithFields('fix: x', 'fix', ' checkout  flow'));

    assert.equal(warning?.code, 'invalid-scope');
    assert.equal(
      warning?.message,
      'Batch b1 has the scope " checkout  flow" in its scope field, which a Conventional ' +
        'Commits header cannot carry because it contains whitespace. Write it as one word, ' +
        'such as "checkout-flow".',
    );
  });

  test('scope with an escape is escaped', () => {
    const [warning] = checkMessageFormat(shapeWithFields('fix: x', 'fix', 'cart\u001b[31m'));

    assert.equal(warning?.code, 'invalid-scope');
    assert.match(warning?.message ?? '', /scope "cart\\u001b\[31m"/);
    assert.match(warning?.message ?? '', /because it contains control or invisible characters/);
    assert.match(warning?.message ?? '', /such as "cart\[31m"\.$/);
    assert.ok(!warning?.message.includes('\u001b'), 'raw escape in the message');
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

  test('edited type and scope warn', async () => {
    setFirstBatch({ type: 'fix', scope: 'checkout flow' });

    const result = await run('validate', '--strategy', strategyFile, '--json');
    const document = JSON.parse(result.stdout) as Record<string, unknown>;
    const warnings = document['warnings'] as Array<Record<string, string>>;

    assert.equal(result.code, 0, result.stderr);
    assert.deepEqual(validateValidationDocument(document), []);
    assert.equal(document['valid'], true);
    assert.deepEqual(
      warnings.map((warning) => warning.code),
      ['invalid-scope', 'header-mismatch'],
    );
    assert.match(
      warnings[1]?.message ?? '',
      /^Batch b1 has type "fix" where its message has "feat"/,
    );
    assert.match(warnings[1]?.message ?? '', /so the commit gets type "feat" and no scope\./);
  });

  test('commit uses the message header', async () => {
    setFirstBatch({ type: 'fix', scope: 'cart' });

    const result = await run('commit', '--strategy', strategyFile, '--dry-run', '--json');
    const document = JSON.parse(result.stdout) as { commits: Array<{ message: string }> };

    assert.equal(result.code, 0, result.stderr);
    assert.match(document.commits[0]?.message ?? '', /^feat: /);
    assert.match(result.stderr, /Batch b1 has type "fix" where its message has "feat" and scope/);
  });

  test('unknown type field names the value', async () => {
    setFirstBatch({ type: 'feature' });

    const result = await run('validate', '--strategy', strategyFile, '--json');
    const document = JSON.parse(result.stdout) as Record<string, unknown>;
    const problems = document['problems'] as Array<Record<string, string>>;

    assert.equal(result.code, 1, result.stderr);
    assert.equal(problems.length, 1);
    assert.equal(problems[0]?.code, 'schema');
    assert.equal(problems[0]?.batch, 'b1');
    assert.match(
      problems[0]?.message ?? '',
      /\/type: must be one of feat, .*, and it is "feature"\./,
    );
    assert.match(problems[0]?.message ?? '', /`footprint commit` commits the message as written/);
  });

  test('commit dry run gives the same warning', async () => {
    setFirstMessage(LONG_SUBJECT);

    const result = await run('commit', '--strategy', strategyFile, '--dry-run');

    assert.equal(result.code, 0, result.stderr);
    assert.match(result.stderr, /(⚠|\[!\]) Batch b1 has a subject line of 101 characters/);
  });

  test('refused commit still warns', async () => {
    setFirstMessage(LONG_SUBJECT);
    addUnstagedPath();

    const result = await run('commit', '--strategy', strategyFile, '--yes');
    const lines = result.stderr.split('\n');
    const warning = lines.findIndex((line) => line.includes('has a subject line of 101'));
    const refusal = lines.findIndex((line) => line.includes('is invalid (1 problem)'));

    assert.equal(result.code, 1, result.stderr);
    assert.match(lines[warning] ?? '', /^(⚠|\[!\]) Batch b1 has a subject line of 101 characters/);
    assert.ok(refusal > warning, result.stderr);
  });

  test('refused commit json lists warnings', async () => {
    setFirstMessage(LONG_SUBJECT);
    addUnstagedPath();

    const result = await run('commit', '--strategy', strategyFile, '--yes', '--json');
    const document = JSON.parse(result.stdout) as Record<string, unknown>;
    const warnings = document['warnings'] as Array<Record<string, string>>;

    assert.equal(result.code, 1, result.stderr);
    assert.deepEqual(validateDocument('commit', document), []);
    assert.equal(document['result'], 'refused');
    assert.deepEqual(
      warnings.map((warning) => [warning['code'], warning['batch']]),
      [['long-subject', 'b1']],
    );
    assert.match(warnings[0]?.['message'] ?? '', /^Batch b1 has a subject line of 101 characters/);
  });

  test('refusal without strategy lists none', async () => {
    repo.git(['reset', '-q']);

    const result = await run('commit', '--yes', '--json');
    const document = JSON.parse(result.stdout) as Record<string, unknown>;

    assert.equal(result.code, 1, result.stderr);
    assert.deepEqual(validateDocument('commit', document), []);
    assert.deepEqual(document['warnings'], []);
  });
});
