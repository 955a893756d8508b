import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { classifyCommitKind } from '../../src/learn/commit-kind.js';
import { readMessageFacts, type MessageFacts } from '../../src/learn/commit-message.js';

const CASES: Array<[string, MessageFacts]> = [
  [
    'feat(parser): add tokens',
    { type: 'feat', scope: 'parser', fix: false, revert: false, release: false },
  ],
  [
    'fix: handle empty input\n\nbody',
    { type: 'fix', scope: null, fix: true, revert: false, release: false },
  ],
  [
    'Fix(UI)!: drop the old API',
    { type: 'fix', scope: 'UI', fix: true, revert: false, release: false },
  ],
  [
    'chore(deps-dev): bump vite',
    { type: 'chore', scope: 'deps-dev', fix: false, revert: false, release: false },
  ],
  [
    'hotfix: restore login',
    { type: 'hotfix', scope: null, fix: true, revert: false, release: false },
  ],
  [
    'revert: feat(parser): add tokens',
    { type: 'revert', scope: null, fix: true, revert: true, release: false },
  ],
  [
    'Revert "feat: add tokens"',
    { type: null, scope: null, fix: true, revert: true, release: false },
  ],
  [
    'Fixes the crash on start',
    { type: null, scope: null, fix: true, revert: false, release: false },
  ],
  [
    'Add a bugfix note to the docs',
    { type: null, scope: null, fix: true, revert: false, release: false },
  ],
  [
    'Update prefix handling',
    { type: null, scope: null, fix: false, revert: false, release: false },
  ],
  ['feat(): empty scope', { type: 'feat', scope: null, fix: false, revert: false, release: false }],
  ['feat:no space', { type: null, scope: null, fix: false, revert: false, release: false }],
  [
    'docs(a very long scope that is really a sentence): x',
    { type: 'docs', scope: null, fix: false, revert: false, release: false },
  ],
  [
    'chore(release): v1.7.0 (#6744)',
    { type: 'chore', scope: 'release', fix: false, revert: false, release: true },
  ],
  [
    'chore(changeset): release',
    { type: 'chore', scope: 'changeset', fix: false, revert: false, release: true },
  ],
  [
    'fix: releases the lock on exit',
    { type: 'fix', scope: null, fix: true, revert: false, release: false },
  ],
];

describe('commit message facts', () => {
  for (const [message, expected] of CASES) {
    test(`reads ${JSON.stringify(message.split('\n')[0])}`, () => {
      assert.deepEqual(readMessageFacts(message), expected);
    });
  }
});

describe('commit kind', () => {
  const facts = (message: string) => readMessageFacts(message);

  test('conventional type wins', () => {
    assert.equal(classifyCommitKind(facts('feature: x'), ['README.md']), 'feat');
    assert.equal(classifyCommitKind(facts('constructor: x'), ['a.ts']), 'constructor');
  });

  test('reverts and fixes by subject', () => {
    assert.equal(classifyCommitKind(facts('Revert "x"'), ['a.ts']), 'revert');
    assert.equal(classifyCommitKind(facts('Fix the crash'), ['a.ts']), 'fix');
  });

  test('files decide without a type', () => {
    assert.equal(classifyCommitKind(facts('Update'), ['README.md', 'docs/guide.md']), 'docs');
    assert.equal(
      classifyCommitKind(facts('Update'), ['package.json', 'package-lock.json']),
      'build',
    );
    assert.equal(classifyCommitKind(facts('Update'), ['.github/workflows/ci.yml']), 'ci');
    assert.equal(classifyCommitKind(facts('Update'), ['src/a.ts', 'README.md']), 'other');
    assert.equal(classifyCommitKind(facts('Update'), []), 'other');
  });
});
