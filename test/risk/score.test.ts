import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { isBlocking, scoreFindings } from '../../src/risk/score.js';
import type { Finding, Severity } from '../../src/risk/types.js';

function findings(...severities: Severity[]): Finding[] {
  return severities.map((severity, index) => ({
    rule: `r${index}`,
    severity,
    path: 'a',
    message: 'm',
    fix: 'f',
  }));
}

/** `count` findings of one rule, each on its own path. */
function repeated(rule: string, severity: Severity, count: number): Finding[] {
  return Array.from({ length: count }, (_, index) => ({
    rule,
    severity,
    path: `f${index}`,
    message: 'm',
    fix: 'f',
  }));
}

describe('scoreFindings', () => {
  const cases: Array<{ severities: Severity[]; score: number }> = [
    { severities: [], score: 0 },
    { severities: ['info', 'info'], score: 0 },
    { severities: ['low'], score: 0.1 },
    { severities: ['low', 'low'], score: 0.12 },
    { severities: ['medium'], score: 0.3 },
    { severities: ['high'], score: 0.5 },
    { severities: ['high', 'high'], score: 0.7 },
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

  test('many low findings stay below one critical', () => {
    const lows = [
      ...repeated('hotspot', 'low', 58),
      ...repeated('sensitive-path', 'low', 5),
      ...repeated('unrelated-batches', 'low', 1),
    ];
    const score = scoreFindings(lows);

    assert.ok(score < 0.3, `64 low findings scored ${score}`);
    assert.ok(score < scoreFindings(findings('critical')));
    assert.ok(score < scoreFindings(findings('medium')));
  });

  test('one finding outranks any number of lower ones', () => {
    const order: Severity[] = ['low', 'medium', 'high', 'critical'];
    for (let index = 1; index < order.length; index++) {
      const lower = order[index - 1] as Severity;
      const higher = order[index] as Severity;
      const many = findings(...Array<Severity>(200).fill(lower));

      assert.ok(
        scoreFindings(findings(higher)) >= scoreFindings(many),
        `one ${higher} scored below 200 ${lower} findings of different rules`,
      );
    }
  });

  test('repeats of one rule count less than different rules', () => {
    const sameRule = scoreFindings(repeated('hotspot', 'low', 10));
    const differentRules = scoreFindings(findings(...Array<Severity>(10).fill('low')));

    assert.ok(sameRule < differentRules);
    assert.ok(sameRule > scoreFindings(repeated('hotspot', 'low', 1)));
  });

  test('adding a finding never lowers the score', () => {
    const all: Severity[] = ['info', 'low', 'medium', 'high', 'critical'];
    for (const first of all) {
      for (const second of all) {
        assert.ok(scoreFindings(findings(first, second)) >= scoreFindings(findings(first)));
        const sameRule = [...repeated('r', first, 1), ...repeated('r', second, 1)];
        assert.ok(scoreFindings(sameRule) >= scoreFindings(repeated('r', first, 1)));
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
