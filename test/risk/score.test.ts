import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { isBlocking, scoreFindings } from '../../src/risk/score.js';
import type { Finding, Severity } from '../../src/risk/types.js';

function findings(...severities: Severity[]): Finding[] {
  return severities.map((severity) => ({ rule: 'r', severity, path: 'a', message: 'm', fix: 'f' }));
}

describe('scoreFindings', () => {
  const cases: Array<{ severities: Severity[]; score: number }> = [
    { severities: [], score: 0 },
    { severities: ['info', 'info'], score: 0 },
    { severities: ['low'], score: 0.1 },
    { severities: ['medium'], score: 0.25 },
    { severities: ['high'], score: 0.5 },
    { severities: ['high', 'high'], score: 0.75 },
    { severities: ['critical'], score: 0.9 },
    { severities: ['critical', 'medium'], score: 0.925 },
  ];

  for (const { severities, score } of cases) {
    test(`${severities.join(', ') || 'none'} scores ${score}`, () => {
      assert.equal(scoreFindings(findings(...severities)), score);
    });
  }

  test('many critical findings stay within 1', () => {
    const score = scoreFindings(findings(...Array<Severity>(1000).fill('critical')));

    assert.ok(score <= 1);
    assert.ok(score >= 0.99);
  });

  test('adding a finding never lowers the score', () => {
    const all: Severity[] = ['info', 'low', 'medium', 'high', 'critical'];
    for (const first of all) {
      for (const second of all) {
        assert.ok(scoreFindings(findings(first, second)) >= scoreFindings(findings(first)));
      }
    }
  });
});

describe('isBlocking', () => {
  test('critical always blocks', () => {
    assert.equal(isBlocking(findings('critical'), []), true);
  });

  test('listed severity blocks', () => {
    assert.equal(isBlocking(findings('medium'), ['medium']), true);
  });

  test('unlisted severity passes', () => {
    assert.equal(isBlocking(findings('high', 'low'), ['medium']), false);
  });

  test('no findings pass', () => {
    assert.equal(isBlocking([], ['info']), false);
  });
});
