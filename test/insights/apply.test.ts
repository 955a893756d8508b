import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { Batch, BatchAnalysis } from '../../src/batches/types.js';
import { WHITESPACE_CLEANUP } from '../../src/commit/message-problem.js';
import { applyInsights } from '../../src/insights/apply.js';
import type { BatchProposal, Insights, RiskNote } from '../../src/insights/types.js';
import type { MessageCleanup } from '../../src/message/cleanup-setting.js';
import { scoreFindings } from '../../src/risk/score.js';
import type { Finding, RiskReport, Severity } from '../../src/risk/types.js';
import { lines, makeFootprint } from '../helpers/footprint-builder.js';

const input = makeFootprint([
  { path: 'src/a.ts', new: lines('export const a = 1;') },
  { path: 'src/b.ts', old: lines('1', '2', '3'), new: lines('one', '2', 'three') },
  { path: 'README.md', old: lines('x'), new: lines('y') },
]);
const { footprint } = input;
const hunksOfB = footprint.files[1]!.hunks;

function batch(id: string, path: string, dependsOn: string[] = []): Batch {
  return {
    id,
    message: `chore: change ${path}`,
    type: 'chore',
    scope: null,
    rationale: 'test batch',
    changes: [{ path }],
    dependsOn,
  };
}

function analysisOf(batches: Batch[], splitSuggested = true): BatchAnalysis {
  return { mode: 'balanced', batches, splitSuggested };
}

const chain = analysisOf([
  batch('b1', 'src/a.ts'),
  batch('b2', 'src/b.ts', ['b1']),
  batch('b3', 'README.md', ['b2']),
]);
const independent = analysisOf([
  batch('b1', 'src/a.ts'),
  batch('b2', 'src/b.ts', ['b1']),
  batch('b3', 'README.md'),
]);

const conflictFinding: Finding = {
  rule: 'conflict-markers',
  severity: 'high',
  path: 'src/b.ts',
  line: 1,
  message: 'Conflict marker',
  fix: 'Resolve the conflict.',
};
const todoFinding: Finding = {
  rule: 'todo',
  severity: 'low',
  path: 'src/a.ts',
  message: 'TODO left',
  fix: 'Do it.',
};

function riskOf(findings: Finding[], blocked: boolean): RiskReport {
  return { score: scoreFindings(findings), blocked, findings };
}

function insightsWith(change: Partial<Insights>): Insights {
  return {
    provider: 'anthropic',
    model: 'claude-haiku-5-5',
    durationMs: 10,
    cached: false,
    summary: 'summary',
    messages: {},
    riskNotes: [],
    ...change,
  };
}

function apply(
  analysis: BatchAnalysis,
  change: Partial<Insights>,
  risk: RiskReport = riskOf([], false),
  cleanup: MessageCleanup = WHITESPACE_CLEANUP,
  blockOn: Severity[] = ['high', 'critical'],
) {
  return applyInsights({
    footprint,
    content: input.content,
    analysis,
    risk,
    insights: insightsWith(change),
    blockOn,
    cleanup,
  });
}

function merge(batches: string[], message: string): BatchProposal {
  return { kind: 'merge', batches, message };
}

function note(finding: Finding, severity: RiskNote['severity']): RiskNote {
  return { rule: finding.rule, path: finding.path, severity, note: 'because' };
}

/** A change where src/main.js starts to import the new src/zeta.js, and src/aaa.js is apart. */
const importInput = makeFootprint([
  {
    path: 'src/main.js',
    old: lines('export function main() {', '  return 1;', '}'),
    new: lines(
      'import { zeta } from "./zeta.js";',
      '',
      'export function main() {',
      '  return zeta();',
      '}',
    ),
  },
  { path: 'src/zeta.js', new: lines('export function zeta() {', '  return 42;', '}') },
  { path: 'src/aaa.js', new: lines('export const other = 3;') },
]);
const importAnalysis = analysisOf([
  batch('b1', 'src/aaa.js'),
  { ...batch('b2', 'src/main.js'), changes: [{ path: 'src/main.js' }, { path: 'src/zeta.js' }] },
]);

/** Splits b2 of importAnalysis into two parts, committed in the order given. */
function splitOfImport(first: Batch['changes'], second: Batch['changes']): BatchProposal {
  const message = (changes: Batch['changes']) =>
    changes[0]?.path === 'src/zeta.js' ? 'feat: add zeta' : 'feat: use zeta in main';
  return {
    kind: 'split',
    batch: 'b2',
    parts: [
      { message: message(first), changes: first },
      { message: message(second), changes: second },
    ],
  };
}

function applyToImport(proposal: BatchProposal) {
  return applyInsights({
    footprint: importInput.footprint,
    content: importInput.content,
    analysis: importAnalysis,
    risk: riskOf([], false),
    insights: insightsWith({ proposals: [proposal] }),
    blockOn: ['high', 'critical'],
    cleanup: WHITESPACE_CLEANUP,
  });
}

describe('applyInsights messages', () => {
  test('message sets type and scope', () => {
    const { analysis, insights } = apply(chain, {
      messages: { b2: 'fix(core): handle the third line' },
    });
    const changed = analysis.batches[1];

    assert.equal(changed?.message, 'fix(core): handle the third line');
    assert.equal(changed?.type, 'fix');
    assert.equal(changed?.scope, 'core');
    assert.equal(insights.messages['b2'], 'fix(core): handle the third line');
    assert.equal(insights.messages['b1'], 'chore: change src/a.ts');
  });

  test('message that is no header is ignored', () => {
    const { analysis } = apply(chain, { messages: { b1: 'Looks good to me' } });

    assert.equal(analysis.batches[0]?.message, 'chore: change src/a.ts');
  });

  test('message with bidirectional controls is ignored', () => {
    const { analysis, insights } = apply(chain, {
      messages: { b1: 'docs: add \u202egnp.exe\u202c readme', b2: 'fix: mark\u200f here' },
    });

    assert.equal(analysis.batches[0]?.message, 'chore: change src/a.ts');
    assert.equal(analysis.batches[1]?.message, 'chore: change src/b.ts');
    assert.equal(insights.messages['b1'], 'chore: change src/a.ts');
  });
});

describe('applyInsights proposals', () => {
  test('valid merge joins batches where the order holds', () => {
    const { analysis, insights } = apply(independent, {
      proposals: [merge(['b1', 'b3'], 'feat: add a with its docs')],
    });
    const [first, second] = analysis.batches;

    assert.equal(analysis.batches.length, 2);
    assert.equal(first?.id, 'b1');
    assert.equal(first?.message, 'feat: add a with its docs');
    assert.equal(first?.type, 'feat');
    assert.equal(
      first?.rationale,
      'Joins 2 suggested batches, as the anthropic insight provider proposed.',
    );
    assert.deepEqual(
      first?.changes.map((change) => change.path),
      ['src/a.ts', 'README.md'],
    );
    assert.equal(second?.id, 'b2');
    assert.equal(second?.message, 'chore: change src/b.ts');
    assert.deepEqual(second?.dependsOn, ['b1']);
    assert.equal('proposals' in insights, false);
    assert.deepEqual(Object.keys(insights.messages), ['b1', 'b2']);
  });

  test('merge of split file lists hunks', () => {
    const split = analysisOf([
      batch('b1', 'src/a.ts'),
      { ...batch('b2', 'src/b.ts'), changes: [{ path: 'src/b.ts', hunks: [hunksOfB[0]!] }] },
      { ...batch('b3', 'src/b.ts'), changes: [{ path: 'src/b.ts', hunks: [hunksOfB[1]!] }] },
      batch('b4', 'README.md'),
    ]);
    const { analysis } = apply(split, {
      proposals: [merge(['b2', 'b3'], 'fix: rename one and three')],
    });

    assert.equal(analysis.batches.length, 3);
    assert.deepEqual(analysis.batches[1]?.changes, [{ path: 'src/b.ts', hunks: hunksOfB }]);
  });

  test('merge that breaks the order is dropped', () => {
    const { analysis } = apply(chain, {
      proposals: [merge(['b1', 'b3'], 'feat: join the ends')],
    });

    assert.deepEqual(analysis.batches, chain.batches);
  });

  test('merge with a bad header is dropped', () => {
    const { analysis } = apply(independent, { proposals: [merge(['b1', 'b3'], 'join them')] });

    assert.equal(analysis.batches.length, 3);
  });

  test('merge git would strip is dropped', () => {
    // Under commit.cleanup=strip with core.commentChar=f, git drops each line starting with f.
    const cleanup: MessageCleanup = { mode: 'strip', commentChar: 'f' };
    const proposals = [merge(['b1', 'b3'], 'feat: add a with its docs')];

    const { analysis } = apply(independent, { proposals }, riskOf([], false), cleanup);

    assert.deepEqual(analysis.batches, independent.batches);
  });

  test('merge with a bidirectional control is dropped', () => {
    const { analysis } = apply(independent, {
      proposals: [merge(['b1', 'b3'], 'feat: add \u2066a\u2069 with docs')],
    });

    assert.equal(analysis.batches.length, 3);
    assert.ok(analysis.batches.every((batch) => !/[\u2066-\u2069]/.test(batch.message)));
  });

  test('valid split divides a batch by hunks', () => {
    const proposal: BatchProposal = {
      kind: 'split',
      batch: 'b2',
      parts: [
        { message: 'fix: rename one', changes: [{ path: 'src/b.ts', hunks: [hunksOfB[0]!] }] },
        { message: 'fix: rename three', changes: [{ path: 'src/b.ts', hunks: [hunksOfB[1]!] }] },
      ],
    };
    const { analysis } = apply(chain, { proposals: [proposal] });

    assert.deepEqual(
      analysis.batches.map((item) => [item.id, item.message, item.dependsOn]),
      [
        ['b1', 'chore: change src/a.ts', []],
        ['b2', 'fix: rename one', ['b1']],
        ['b3', 'fix: rename three', ['b1']],
        ['b4', 'chore: change README.md', ['b2', 'b3']],
      ],
    );
    assert.equal(
      analysis.batches[1]?.rationale,
      'Part 1 of 2 of the suggested batch "chore: change src/b.ts", as the anthropic insight provider proposed.',
    );
  });

  test('split that leaves out a hunk is dropped', () => {
    const proposal: BatchProposal = {
      kind: 'split',
      batch: 'b2',
      parts: [
        { message: 'fix: rename one', changes: [{ path: 'src/b.ts', hunks: [hunksOfB[0]!] }] },
        { message: 'feat: add a', changes: [{ path: 'src/a.ts' }] },
      ],
    };
    const { analysis } = apply(chain, { proposals: [proposal] });

    assert.deepEqual(analysis.batches, chain.batches);
  });

  test('split that breaks the import order is dropped', () => {
    const split = splitOfImport([{ path: 'src/main.js' }], [{ path: 'src/zeta.js' }]);
    const { analysis } = applyToImport(split);

    assert.deepEqual(analysis.batches, importAnalysis.batches);
  });

  test('split that keeps the import order applies', () => {
    const split = splitOfImport([{ path: 'src/zeta.js' }], [{ path: 'src/main.js' }]);
    const { analysis } = applyToImport(split);

    assert.deepEqual(
      analysis.batches.map((item) => [item.id, item.message, item.changes]),
      [
        ['b1', 'chore: change src/aaa.js', [{ path: 'src/aaa.js' }]],
        ['b2', 'feat: add zeta', [{ path: 'src/zeta.js' }]],
        ['b3', 'feat: use zeta in main', [{ path: 'src/main.js' }]],
      ],
    );
  });

  test('proposals wait while a merge is in progress', () => {
    const merging = { ...independent, splitSuggested: false };
    const { analysis } = apply(merging, { proposals: [merge(['b1', 'b3'], 'feat: join')] });

    assert.equal(analysis.batches.length, 3);
  });

  test('second proposal on a changed batch is dropped', () => {
    const { analysis } = apply(independent, {
      proposals: [merge(['b1', 'b3'], 'feat: first'), merge(['b2', 'b3'], 'feat: second')],
    });

    assert.equal(analysis.batches.length, 2);
    assert.equal(analysis.batches[0]?.message, 'feat: first');
  });
});

describe('applyInsights risk notes', () => {
  test('note raises a severity without blocking', () => {
    const risk = riskOf([todoFinding], false);
    const { risk: raised, insights } = apply(
      chain,
      { riskNotes: [note(todoFinding, 'high')] },
      risk,
    );

    assert.equal(raised.findings[0]?.severity, 'medium');
    assert.equal(
      raised.findings[0]?.message,
      'TODO left. Raised from low to medium by the anthropic insight provider, which rated it ' +
        'high: because.',
    );
    assert.equal(raised.blocked, false);
    assert.ok(raised.score > risk.score);
    assert.equal(insights.riskNotes.length, 1);
  });

  test('note within the threshold raises as given', () => {
    const { risk } = apply(
      chain,
      { riskNotes: [note(todoFinding, 'medium')] },
      riskOf([todoFinding], false),
    );

    assert.equal(risk.findings[0]?.severity, 'medium');
    assert.equal(
      risk.findings[0]?.message,
      'TODO left. Raised from low to medium by the anthropic insight provider: because.',
    );
  });

  const modes: Array<{ blockOn: Severity[]; severity: Severity }> = [
    { blockOn: ['medium', 'high', 'critical'], severity: 'low' },
    { blockOn: ['high', 'critical'], severity: 'medium' },
    { blockOn: ['critical'], severity: 'high' },
    { blockOn: [], severity: 'high' },
    { blockOn: ['low', 'medium', 'high', 'critical'], severity: 'low' },
  ];
  for (const { blockOn, severity } of modes) {
    test(`critical note never blocks on ${blockOn.join(',') || 'an empty list'}`, () => {
      const risk = riskOf([todoFinding], false);
      const notes = [note(todoFinding, 'critical')];
      const { risk: after } = apply(chain, { riskNotes: notes }, risk, WHITESPACE_CLEANUP, blockOn);

      assert.equal(after.blocked, false);
      assert.equal(after.findings[0]?.severity, severity);
      assert.ok(after.score < 0.9, String(after.score));
    });
  }

  test('note that cannot raise still annotates', () => {
    const blockOn: Severity[] = ['medium', 'high', 'critical'];
    const risk = riskOf([todoFinding], false);
    const notes = [note(todoFinding, 'critical')];
    const { risk: after, insights } = apply(
      chain,
      { riskNotes: notes },
      risk,
      WHITESPACE_CLEANUP,
      blockOn,
    );

    assert.equal(after.findings[0]?.severity, 'low');
    assert.equal(
      after.findings[0]?.message,
      'TODO left. Rated critical by the anthropic insight provider: because.',
    );
    assert.equal(after.blocked, false);
    assert.equal(insights.riskNotes.length, 1);
  });

  test('note on a blocking finding annotates it', () => {
    const risk = riskOf([conflictFinding], true);
    const { risk: after } = apply(chain, { riskNotes: [note(conflictFinding, 'critical')] }, risk);

    assert.equal(after.findings[0]?.severity, 'high');
    assert.equal(
      after.findings[0]?.message,
      'Conflict marker. Rated critical by the anthropic insight provider: because.',
    );
    assert.equal(after.blocked, true);
    assert.equal(after.score, risk.score);
  });

  test('raised report keeps skipped rules', () => {
    const risk = { ...riskOf([todoFinding], false), skippedRules: ['provider-token'] };
    const { risk: raised } = apply(chain, { riskNotes: [note(todoFinding, 'high')] }, risk);

    assert.equal(raised.findings[0]?.severity, 'medium');
    assert.deepEqual(raised.skippedRules, ['provider-token']);
  });

  test('highest note gives the reason', () => {
    const notes: RiskNote[] = [
      { ...note(todoFinding, 'medium'), note: 'Worth a look.' },
      { ...note(todoFinding, 'critical'), note: 'It touches the payment flow!' },
      { ...note(todoFinding, 'high'), note: 'Risky.' },
    ];
    const { risk } = apply(chain, { riskNotes: notes }, riskOf([todoFinding], false));

    assert.equal(risk.findings[0]?.severity, 'medium');
    assert.equal(
      risk.findings[0]?.message,
      'TODO left. Raised from low to medium by the anthropic insight provider, which rated it ' +
        'critical: It touches the payment flow!',
    );
  });

  test('reason is redacted, one line and bounded', () => {
    const token = ['ghp', '_', 'A1b2C3d4E5f6G7h8I9j0K1l2M3n4O5p6Q7r8'].join('');
    const text = `Line one\u001b[31m red\r\nline two with ${token} ${'x'.repeat(400)}`;
    const { risk } = apply(
      chain,
      { riskNotes: [{ ...note(todoFinding, 'high'), note: text }] },
      riskOf([todoFinding], false),
    );
    const message = risk.findings[0]?.message ?? '';
    const reason = message.slice(message.indexOf(': ') + 2);

    assert.ok(message.startsWith('TODO left. Raised from low to medium by the anthropic'), message);
    assert.ok(reason.startsWith('Line one [31m red line two with [REDACTED] xxx'), reason);
    assert.equal(message.includes(token), false, 'the token reached the message');
    // eslint-disable-next-line no-control-regex -- control characters are what it looks for
    assert.equal(/[\u0000-\u001f\u007f-\u009f]/.test(message), false, 'a control character');
    assert.equal([...reason].length, 300);
    assert.ok(reason.endsWith('x...'), reason);
  });

  test('reason loses bidirectional overrides', () => {
    const text = 'Payment \u202egnp.exe\u202c flow and \u2066isolated\u2069 text';
    const { risk } = apply(
      chain,
      { riskNotes: [{ ...note(todoFinding, 'high'), note: text }] },
      riskOf([todoFinding], false),
    );
    const message = risk.findings[0]?.message ?? '';

    assert.ok(message.endsWith(': Payment gnp.exe flow and isolated text.'), message);
    assert.equal(/[\u202a-\u202e\u2066-\u2069]/.test(message), false);
  });

  test('reason loses status marks and zero-width spaces', () => {
    const text = 'fine.\u2028✔ Commit passed: no\u200b risk findings.';
    const { risk } = apply(
      chain,
      { riskNotes: [{ ...note(todoFinding, 'high'), note: text }] },
      riskOf([todoFinding], false),
    );
    const message = risk.findings[0]?.message ?? '';

    assert.ok(message.endsWith(': fine. Commit passed: no risk findings.'), message);
  });

  test('notes that lower are dropped and the commit stays blocked', () => {
    const risk = riskOf([conflictFinding, todoFinding], true);
    const { risk: after, insights } = apply(
      chain,
      { riskNotes: [note(conflictFinding, 'info'), note(todoFinding, 'info')] },
      risk,
    );

    assert.equal(after.blocked, true);
    assert.deepEqual(
      after.findings.map((item) => item.severity),
      ['high', 'low'],
    );
    assert.equal(after.findings.length, 2);
    assert.equal(after.score, risk.score);
    assert.deepEqual(insights.riskNotes, []);
  });

  test('no raise keeps the report as it is', () => {
    const risk = riskOf([todoFinding], false);
    const { risk: after } = apply(chain, { riskNotes: [note(todoFinding, 'low')] }, risk);

    assert.equal(after, risk);
  });

  test('note on no finding adds nothing', () => {
    const stray: RiskNote = { rule: 'made-up', path: 'src/a.ts', severity: 'critical', note: 'x' };
    const { risk } = apply(chain, { riskNotes: [stray] }, riskOf([], false));

    assert.deepEqual(risk.findings, []);
    assert.equal(risk.blocked, false);
  });
});
