import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { analyzeBatches } from '../../src/batches/analyze.js';
import type { Footprint } from '../../src/footprint/types.js';
import { validateStrategyDocument } from '../../src/schemas-runtime/validate-strategy.js';
import { buildStrategy } from '../../src/strategy/build.js';
import type { StrategyProblem } from '../../src/strategy/types.js';
import { validateStrategy } from '../../src/strategy/validate.js';
import { lines, makeFootprint } from '../helpers/footprint-builder.js';

const input = makeFootprint([
  { path: 'src/a.ts', old: lines('1', '2'), new: lines('one', '2') },
  { path: 'docs/b.md', old: lines('a'), new: lines('b') },
]);
const footprint: Footprint = input.footprint;

/** A batch as a person types it by hand: the id, message and changes, with no other key. */
interface TypedBatch {
  id: string;
  message: string;
  changes: Array<{ path: string; hunks?: unknown[] }>;
  [key: string]: unknown;
}

/** Validates the analysis's strategy with its batches replaced by `batches`, against the schema. */
function schemaProblems(batches: TypedBatch[]): StrategyProblem[] {
  const risk = { score: 0, blocked: false, findings: [] };
  const analysis = analyzeBatches(input, { mode: 'balanced' });
  const base = buildStrategy(footprint, analysis, risk, new Date(0));
  const strategy = { ...base, batches };
  const { problems } = validateStrategy(strategy, footprint, {
    validateSchema: validateStrategyDocument,
  });
  return problems.filter((problem) => problem.code === 'schema');
}

/** Returns the message of the one schema problem that `fragment` is part of. */
function messageWith(problems: readonly StrategyProblem[], fragment: string): string {
  const found = problems.filter((problem) => problem.message.includes(fragment));
  assert.equal(found.length, 1, JSON.stringify(problems));
  return found[0]?.message ?? '';
}

const whole = { type: 'chore', scope: null, rationale: '', dependsOn: [] };

describe('schema problem fixes', () => {
  test('missing keys name their values', () => {
    const problems = schemaProblems([
      { id: 'b1', message: 'docs(guide): say more', changes: [{ path: 'docs/b.md' }] },
      { ...whole, id: 'b2', message: 'fix: one', changes: [{ path: 'src/a.ts' }] },
    ]);

    const type = messageWith(problems, 'missing required key "type"');
    assert.ok(type.endsWith('Add "type": "docs", the type its message starts with.'), type);
    const scope = messageWith(problems, 'missing required key "scope"');
    assert.ok(scope.endsWith('Add "scope": "guide", the scope of its message.'), scope);
    const rationale = messageWith(problems, 'missing required key "rationale"');
    assert.ok(
      rationale.endsWith('Add "rationale": "", or one line on why it is one commit.'),
      rationale,
    );
    const dependsOn = messageWith(problems, 'missing required key "dependsOn"');
    assert.ok(
      dependsOn.endsWith('Add "dependsOn": [], or the ids of earlier batches it needs.'),
      dependsOn,
    );
  });

  test('missing type of unknown header', () => {
    const problems = schemaProblems([
      { id: 'b1', message: 'Say more', changes: [{ path: 'docs/b.md' }], scope: null },
      { ...whole, id: 'b2', message: 'fix: one', changes: [{ path: 'src/a.ts' }] },
    ]);

    const type = messageWith(problems, 'missing required key "type"');
    assert.match(type, /Add "type" with one of feat, fix, .*, style\.$/);
  });

  test('batch without changes says remove', () => {
    const problems = schemaProblems([
      { ...whole, id: 'b1', message: 'docs: b', changes: [{ path: 'docs/b.md' }] },
      { ...whole, id: 'b2', message: 'fix: one', changes: [{ path: 'src/a.ts' }] },
      { ...whole, id: 'b3', message: 'fix: two', changes: [] },
    ]);

    const message = messageWith(problems, '(batch b3)/changes');
    assert.ok(message.endsWith('Remove batch b3, or move changes into it.'), message);
  });

  test('empty hunks list says remove', () => {
    const problems = schemaProblems([
      { ...whole, id: 'b1', message: 'docs: b', changes: [{ path: 'docs/b.md', hunks: [] }] },
      { ...whole, id: 'b2', message: 'fix: one', changes: [{ path: 'src/a.ts' }] },
    ]);

    const message = messageWith(problems, '/hunks');
    const fix =
      'Remove the entry when the batch takes none of its hunks, remove "hunks" to take the ' +
      'whole file, or list the hunks the batch takes.';
    assert.ok(message.endsWith(fix), message);
  });
});
