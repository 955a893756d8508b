import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { analyzeBatches } from '../../src/batches/analyze.js';
import type { Finding, RiskReport, Severity } from '../../src/risk/types.js';
import { validateDocument } from '../../src/schemas-runtime/validators.js';
import { buildStrategy, withStrategyFile } from '../../src/strategy/build.js';
import { HEAD_OID, STAGED_TREE, lines, makeFootprint } from '../helpers/footprint-builder.js';

const NOW = new Date('2026-01-02T03:04:05.000Z');

function finding(severity: Severity): Finding {
  return { rule: `rule-${severity}`, severity, path: 'a', message: 'm', fix: 'f' };
}

const input = makeFootprint([
  { path: 'src/a.ts', new: lines('x') },
  { path: 'README.md', old: lines('a'), new: lines('b') },
]);
const analysis = analyzeBatches(input, { mode: 'aggressive' });
const severities: Severity[] = ['info', 'low', 'medium', 'high', 'critical'];
const risk: RiskReport = { score: 0.5, blocked: true, findings: severities.map(finding) };

describe('buildStrategy', () => {
  test('binds to HEAD and staged tree', () => {
    const strategy = buildStrategy(input.footprint, analysis, risk, NOW);

    assert.equal(strategy.schemaVersion, 1);
    assert.equal(strategy.kind, 'strategy');
    assert.equal(strategy.createdAt, '2026-01-02T03:04:05.000Z');
    assert.equal(strategy.mode, 'aggressive');
    assert.equal(strategy.head, HEAD_OID);
    assert.equal(strategy.stagedTree, STAGED_TREE);
  });

  test('copies the batches', () => {
    const strategy = buildStrategy(input.footprint, analysis, risk, NOW);

    assert.deepEqual(strategy.batches, analysis.batches);
    assert.notEqual(strategy.batches, analysis.batches);
    assert.notEqual(strategy.batches[0], analysis.batches[0]);
  });

  test('mitigations are findings at medium or above', () => {
    const strategy = buildStrategy(input.footprint, analysis, risk, NOW);

    assert.deepEqual(
      strategy.mitigations.map((mitigation) => mitigation.severity),
      ['medium', 'high', 'critical'],
    );
  });

  test('validation names the strategy file', () => {
    const strategy = buildStrategy(input.footprint, analysis, risk, NOW);
    const plain = withStrategyFile(strategy, 'fossils/s.json');
    const spaced = withStrategyFile(strategy, "my plan's.json");

    assert.deepEqual(strategy.validation, ['footprint validate --strategy strategy.json']);

    assert.deepEqual(plain.validation, ['footprint validate --strategy fossils/s.json']);
    assert.deepEqual(spaced.validation, [`footprint validate --strategy 'my plan'\\''s.json'`]);
  });

  test('unborn branch has a null head', () => {
    const unborn = makeFootprint([{ path: 'a.txt', new: 'a' }], { head: null });
    const strategy = buildStrategy(
      unborn.footprint,
      analyzeBatches(unborn, { mode: 'balanced' }),
      risk,
      NOW,
    );

    assert.equal(strategy.head, null);
  });

  test('matches the strategy schema', () => {
    const keyFinding: Finding = {
      rule: 'private-key',
      severity: 'critical',
      path: 'key.pem',
      line: 1,
      message: 'Private key at key.pem:1',
      masked: 'header (masked)',
      fix: 'f',
    };
    const report: RiskReport = { score: 0.9, blocked: true, findings: [keyFinding] };
    const strategy = buildStrategy(input.footprint, analysis, report, NOW);

    assert.deepEqual(validateDocument('strategy', strategy), []);
  });
});
