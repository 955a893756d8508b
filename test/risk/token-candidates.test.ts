import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { findTokenCandidates } from '../../src/risk/secrets/token-candidates.js';
import { fakeGithubToken, fakeSlackToken } from './secret-parts.js';

// Stops a hang such as catastrophic backtracking. bench/risk/hostile.ts measures speed.
const HANG_TIMEOUT_MS = 120_000;

const AWS_VALUE = ['wJalrXUtnFEMI', 'K7MDENGbPxRfiCYzEXAMPLEKEY'].join('/');
const WEBHOOK = ['https://hooks.slack.com/services/', 'T0000AAAA/B0000BBBB/', 'abcdefgh1234'].join(
  '',
);

describe('findTokenCandidates', () => {
  const cases: Array<{ name: string; text: string; expected: number[] }> = [
    { name: 'GitHub token', text: `t = '${fakeGithubToken()}'`, expected: [5] },
    { name: 'Slack token', text: `SLACK=${fakeSlackToken()}`, expected: [6] },
    { name: 'AWS secret assigned', text: `aws_secret_access_key = ${AWS_VALUE}`, expected: [5] },
    {
      name: 'AWS secret in JSON',
      text: `{"AWS_SECRET_ACCESS_KEY": "${AWS_VALUE}"}`,
      expected: [7],
    },
    {
      name: 'AWS variable name only',
      text: 'key = process.env.AWS_SECRET_ACCESS_KEY;',
      expected: [],
    },
    {
      name: 'npm auth token value',
      text: '//registry.npmjs.org/:_authToken=abc123',
      expected: [22],
    },
    { name: 'npm auth token variable', text: '//r.example/:_authToken=${NPM_TOKEN}', expected: [] },
    { name: 'Slack webhook', text: `url: ${WEBHOOK}`, expected: [13] },
    {
      name: 'Slack webhook base only',
      text: "'https://hooks.slack.com/services/' + path",
      expected: [],
    },
    { name: 'prefix without shape', text: 'const ghp_prefix = "ghp_";', expected: [] },
    {
      name: 'two tokens on a line',
      text: `${fakeGithubToken()} ${fakeGithubToken()}`,
      expected: [0, 41],
    },
  ];

  for (const { name, text, expected } of cases) {
    test(name, () => {
      assert.deepEqual(findTokenCandidates(text, 10), expected);
    });
  }

  test('limit stops the search', () => {
    const text = Array.from({ length: 5 }, () => fakeGithubToken()).join(' ');

    assert.equal(findTokenCandidates(text, 3).length, 3);
  });

  test('AWS names before long space runs', { timeout: HANG_TIMEOUT_MS }, () => {
    const text = `SECRET_ACCESS_KEY${' '.repeat(10_000)}`.repeat(500);
    const assigned = `${text}aws_secret_access_key = ${AWS_VALUE}`;

    assert.deepEqual(findTokenCandidates(text, 500), []);
    assert.deepEqual(findTokenCandidates(assigned, 500), [text.length + 5]);
  });
});
