import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { buildChangeSummary } from '../../src/insights/change-summary.js';
import { parseConventionalHeader } from '../../src/insights/conventional-header.js';
import { readReply } from '../../src/insights/read-reply.js';
import { isToolReply, validateToolReply, type ToolReply } from '../../src/insights/tool-schema.js';
import { lines } from '../helpers/footprint-builder.js';
import { buildInsightRequest } from './insight-request.js';

async function summaryIndex() {
  const request = await buildInsightRequest([
    { path: 'src/b.ts', old: lines('1', '2', '3'), new: lines('one', '2', 'three') },
    { path: 'README.md', old: lines('x'), new: lines('y') },
  ]);
  const risk = {
    score: 0.1,
    blocked: false,
    findings: [
      { rule: 'todo', severity: 'low' as const, path: 'src/b.ts', message: 'TODO', fix: 'Do it.' },
    ],
  };
  return buildChangeSummary({ ...request, risk }, 65536).index;
}

function reply(change: Partial<ToolReply>): ToolReply {
  return { summary: ' A summary. ', messages: [], ...change };
}

describe('readReply', () => {
  test('maps file and hunk numbers to paths and hunks', async () => {
    const read = readReply(
      reply({
        splits: [
          {
            batch: 'b1',
            parts: [
              { changes: [{ file: 'f1', hunks: [2] }], message: 'fix: second' },
              { changes: [{ file: 'f1', hunks: [1] }, { file: 'f2' }], message: 'fix: first' },
            ],
          },
        ],
      }),
      await summaryIndex(),
    );

    assert.deepEqual(read.proposals, [
      {
        kind: 'split',
        batch: 'b1',
        parts: [
          {
            message: 'fix: second',
            changes: [
              { path: 'src/b.ts', hunks: [{ oldStart: 3, oldLines: 1, newStart: 3, newLines: 1 }] },
            ],
          },
          {
            message: 'fix: first',
            changes: [
              { path: 'src/b.ts', hunks: [{ oldStart: 1, oldLines: 1, newStart: 1, newLines: 1 }] },
              { path: 'README.md' },
            ],
          },
        ],
      },
    ]);
  });

  test('split naming an unknown hunk is dropped', async () => {
    const read = readReply(
      reply({
        splits: [
          {
            batch: 'b1',
            parts: [
              { changes: [{ file: 'f1', hunks: [3] }], message: 'fix: none' },
              { changes: [{ file: 'f2' }], message: 'fix: first' },
            ],
          },
        ],
      }),
      await summaryIndex(),
    );

    assert.deepEqual(read.proposals, []);
  });

  test('unknown ids and bad headers are dropped', async () => {
    const read = readReply(
      reply({
        messages: [
          { batch: 'b1', message: 'fix: keep this' },
          { batch: 'b7', message: 'fix: no such batch' },
          { batch: 'b1', message: 'approve this commit' },
        ],
        merges: [{ batches: ['b1', 'b8'], message: 'fix: join' }],
        riskNotes: [
          { finding: 'r1', severity: 'high', note: 'Tracks an open bug.' },
          { finding: 'r5', severity: 'critical', note: 'No such finding.' },
        ],
      }),
      await summaryIndex(),
    );

    assert.deepEqual(read.messages, { b1: 'fix: keep this' });
    assert.deepEqual(read.proposals, []);
    assert.deepEqual(read.riskNotes, [
      { rule: 'todo', path: 'src/b.ts', severity: 'high', note: 'Tracks an open bug.' },
    ]);
    assert.equal(read.summary, 'A summary.');
  });

  test('note text is redacted', async () => {
    const read = readReply(
      reply({ riskNotes: [{ finding: 'r1', severity: 'high', note: 'uses token=abc123secret' }] }),
      await summaryIndex(),
    );

    assert.equal(read.riskNotes[0]?.note, 'uses token=[REDACTED]');
  });
});

describe('tool schema', () => {
  test('accepts a minimal reply', () => {
    assert.equal(isToolReply({ summary: '', messages: [] }), true);
  });

  test('rejects unknown keys and wrong ids', () => {
    assert.deepEqual(validateToolReply({ summary: '', messages: [], approve: true }), [
      '/: unknown key "approve"',
    ]);
    assert.equal(
      isToolReply({ summary: '', messages: [{ batch: 'x1', message: 'fix: a' }] }),
      false,
    );
    assert.equal(
      isToolReply({
        summary: '',
        messages: [],
        riskNotes: [{ finding: 'r1', severity: 'none', note: 'x' }],
      }),
      false,
    );
  });
});

describe('parseConventionalHeader', () => {
  const valid: Array<[string, string, string | null]> = [
    ['feat: add a tokenizer', 'feat', null],
    ['fix(parser): handle empty input', 'fix', 'parser'],
    ['refactor(core)!: drop the old reader', 'refactor', 'core'],
  ];
  for (const [header, type, scope] of valid) {
    test(`parses ${header}`, () => {
      assert.deepEqual(parseConventionalHeader(header), { type, scope });
    });
  }

  const invalid: Array<[string, string]> = [
    ['unknown type', 'wip: something'],
    ['no subject', 'feat: '],
    ['no colon', 'feat add a thing'],
    ['two lines', 'feat: add\n\nbody'],
    ['trailing blank', 'feat: add a thing '],
    ['72 characters', `feat: ${'x'.repeat(66)}`],
    ['prose', 'Looks good, approve this commit'],
    ['tab', 'feat: add\ta thing'],
    ['C1 control', 'feat: add \u009b31m a thing'],
    ['right-to-left override', 'docs: add \u202egnp.exe\u202c readme'],
    ['left-to-right mark', 'feat: add\u200e a thing'],
    ['Arabic letter mark', 'fix: handle\u061c input'],
    ['first strong isolate', 'feat: add \u2068x\u2069'],
  ];
  for (const [name, header] of invalid) {
    test(`rejects ${name}`, () => {
      assert.equal(parseConventionalHeader(header), null);
    });
  }

  test('accepts 71 characters', () => {
    assert.notEqual(parseConventionalHeader(`feat: ${'x'.repeat(65)}`), null);
  });
});
