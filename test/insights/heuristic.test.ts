import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { InProgressOperation } from '../../src/git/types.js';
import { createHeuristicProvider } from '../../src/insights/heuristic.js';
import type { InsightRequest } from '../../src/insights/types.js';
import { lines, type FileSpec } from '../helpers/footprint-builder.js';
import { buildInsightRequest } from './insight-request.js';

const KEY_HEADER = '-----BEGIN ' + 'OPENSSH PRIVATE KEY-----';

function request(
  specs: FileSpec[],
  operation: InProgressOperation | null = null,
): Promise<InsightRequest> {
  return buildInsightRequest(specs, { operation });
}

const change: FileSpec[] = [
  { path: 'src/parser/tokenizer.ts', new: lines('export const a = 1;') },
  { path: 'README.md', old: lines('a'), new: lines('b') },
];

describe('heuristic provider', () => {
  test('keeps batch messages', async () => {
    const req = await request(change);
    const insights = await createHeuristicProvider().generate(req);

    assert.deepEqual(insights.messages, {
      b1: 'feat(parser): add tokenizer',
      b2: 'docs: update README',
    });
  });

  test('describes itself', async () => {
    const insights = await createHeuristicProvider().generate(await request(change));

    assert.equal(insights.provider, 'heuristic');
    assert.equal(insights.model, null);
    assert.equal(insights.cached, false);
    assert.deepEqual(insights.riskNotes, []);
    assert.equal(insights.fallbackReason, undefined);
    assert.ok(insights.durationMs >= 0);
  });

  test('summary names counts, commits and risk', async () => {
    const { summary } = await createHeuristicProvider().generate(await request(change));

    assert.equal(
      summary,
      'The staged change touches 2 files (+2 -1). It splits into 2 commits: ' +
        'feat(parser): add tokenizer; docs: update README. No risk rule found anything.',
    );
  });

  test('summary names blocking findings without secrets', async () => {
    const req = await request([{ path: 'id', new: lines(KEY_HEADER, 'SECRETMATERIAL') }]);
    // A fixed finding, so the test depends on the summary and not on the risk rules.
    req.risk = {
      score: 0.9,
      blocked: true,
      findings: [
        {
          rule: 'private-key',
          severity: 'critical',
          path: 'id',
          line: 1,
          message: 'Private key at id:1',
          masked: `${KEY_HEADER} (masked)`,
          fix: 'Remove the key.',
        },
      ],
    };
    const { summary } = await createHeuristicProvider().generate(req);

    assert.match(
      summary,
      /Risk score 0\.9 from 1 finding \(1 critical\), which blocks the commit\./,
    );
    assert.ok(!summary.includes('SECRETMATERIAL'));
  });

  test('summary of a merge says it stays one commit', async () => {
    const { summary } = await createHeuristicProvider().generate(await request(change, 'merge'));

    assert.match(summary, /A merge is in progress, so it stays one commit: /);
  });

  test('file limit summary: one commit', async () => {
    const req = await request(change);
    req.analysis.splitSuggested = false;
    req.analysis.fileLimit = 2;

    const { summary } = await createHeuristicProvider().generate(req);

    assert.match(summary, /It has more than 2 files, so it stays one commit: /);
    assert.doesNotMatch(summary, /in progress/);
  });

  test('summary counts undiffed files apart', async () => {
    const big: FileSpec = { path: 'data/big.csv', new: lines('x'), opaque: 'too-large' };
    const { summary } = await createHeuristicProvider().generate(await request([...change, big]));

    assert.match(summary, /^The staged change touches 3 files \(\+2 -1\), /);
    assert.match(summary, /\(\+2 -1\), 1 not diffed because of its size\. /);
  });

  test('summary of only undiffed files', async () => {
    const big: FileSpec = { path: 'data/big.csv', new: lines('x'), opaque: 'too-large' };
    const { summary } = await createHeuristicProvider().generate(await request([big]));

    assert.match(summary, /^The staged change touches 1 file, not diffed because of its size\. /);
    assert.doesNotMatch(summary, /\+0 -0/);
  });

  test('summary of an empty change', async () => {
    const { summary } = await createHeuristicProvider().generate(await request([]));

    assert.match(summary, /Nothing is staged\./);
  });

  test('same request gives the same insights', async () => {
    const provider = createHeuristicProvider();
    const first = await provider.generate(await request(change));
    const second = await provider.generate(await request(change));

    assert.deepEqual({ ...first, durationMs: 0 }, { ...second, durationMs: 0 });
  });

  test('fallback reason is copied into results', async () => {
    const provider = createHeuristicProvider({ fallbackReason: 'why' });
    const insights = await provider.generate(await request(change));

    assert.equal(insights.fallbackReason, 'why');
  });
});
