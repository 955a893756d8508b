import assert from 'node:assert/strict';
import { gzipSync } from 'node:zlib';
import { describe, test } from 'node:test';
import { coChangeStrength, toCoChangeModel } from '../../src/learn/co-change-adapter.js';
import { readMessageFacts } from '../../src/learn/commit-message.js';
import { packCounts, unpackCounts } from '../../src/learn/counts-blob.js';
import { decodeCounts, encodeCounts } from '../../src/learn/counts-document.js';
import { createModel } from '../../src/learn/create-model.js';
import { orderKinds } from '../../src/learn/kind-order.js';
import type { LoggedCommit } from '../../src/learn/log-parser.js';
import { addCommit, createModelCounts, type ModelCounts } from '../../src/learn/model-counts.js';
import { buildDigest } from '../../src/learn/model-digest.js';
import type { ModelPayload } from '../../src/learn/model-payload.js';
import { toRiskModel } from '../../src/learn/risk-adapter.js';
import { percentile } from '../../src/learn/size-targets.js';

const HEAD = 'f'.repeat(40);
let time = 1_700_000_000;

function commit(message: string, files: Record<string, [number, number]>): LoggedCommit {
  time += 60;
  return {
    oid: (time % 1e9).toString(16).padStart(40, '0'),
    parents: [],
    committedAt: time,
    authorEmail: 'dev@example.com',
    message,
    files: Object.entries(files).map(([path, [additions, deletions]]) => ({
      path,
      additions,
      deletions,
    })),
    hunks: Object.keys(files).length,
  };
}

function countsOf(commits: LoggedCommit[]): ModelCounts {
  const counts = createModelCounts();
  for (const entry of commits) addCommit(counts, entry, readMessageFacts(entry.message), 50);
  return counts;
}

function payloadOf(counts: ModelCounts, existing: string[]): ModelPayload {
  const document = encodeCounts(counts);
  return {
    head: HEAD,
    options: { maxCommits: 2000, since: null, coChangeMaxFiles: 50 },
    commits: document.commits,
    coChangeCommits: document.coChangeCommits,
    fixCommits: document.fixCommits,
    pathsOnlyCommits: document.pathsOnlyCommits,
    span: document.span,
    digest: buildDigest(counts, new Set(existing)),
    counts: packCounts(document),
  };
}

/** Six commits: a and b together 3 times, a with c once, d alone twice, gone/x twice. */
function sampleCounts(): ModelCounts {
  return countsOf([
    commit('feat(core): a and b', { 'src/a.ts': [3, 0], 'lib/b.ts': [2, 0] }),
    commit('feat(core): a and b', { 'src/a.ts': [1, 1], 'lib/b.ts': [1, 1] }),
    commit('fix(core): a and b', { 'src/a.ts': [1, 4], 'lib/b.ts': [1, 1] }),
    commit('chore: a and c', { 'src/a.ts': [1, 1], 'src/c.ts': [5, 0] }),
    commit('refactor: d', { 'd.ts': [2, 2], 'gone/x.ts': [1, 0] }),
    commit('refactor: d', { 'd.ts': [2, 2], 'gone/x.ts': [1, 1] }),
  ]);
}

const EXISTING = ['src/a.ts', 'lib/b.ts', 'src/c.ts', 'd.ts'];

describe('model digest', () => {
  test('keeps files changed twice that exist at HEAD', () => {
    const { digest } = payloadOf(sampleCounts(), EXISTING);

    assert.deepEqual(digest.paths, ['d.ts', 'lib/b.ts', 'src/a.ts']);
  });

  test('keeps pairs seen twice between kept files', () => {
    const model = createModel(payloadOf(sampleCounts(), EXISTING));

    assert.deepEqual(model.coChange('src/a.ts', 'lib/b.ts'), {
      support: 3,
      confidence: 0.75,
      lift: 1.5,
    });
    assert.equal(model.coChange('src/a.ts', 'src/c.ts'), null, 'seen once');
    assert.equal(model.coChange('d.ts', 'gone/x.ts'), null, 'gone/x.ts no longer exists');
    assert.equal(model.coChange('src/a.ts', 'src/a.ts'), null);
    assert.equal(model.coChange('src/a.ts', 'unknown.ts'), null);
  });

  test('folder pairs', () => {
    const model = createModel(payloadOf(sampleCounts(), EXISTING));

    assert.deepEqual(model.folderCoChange('lib', 'src'), { support: 3, confidence: 1, lift: 1.5 });
    assert.deepEqual(model.folderCoChange('', 'gone'), { support: 2, confidence: 1, lift: 3 });
    assert.equal(model.folderCoChange('lib', 'gone'), null);
  });

  test('hotspots rank fixes first', () => {
    const model = createModel(payloadOf(sampleCounts(), EXISTING));

    assert.deepEqual(model.hotspot('src/a.ts'), { changes: 4, fixes: 1, fixLines: 4, score: 1 });
    assert.equal(model.hotspot('lib/b.ts')?.fixLines, 1);
    assert.equal(model.hotspot('src/c.ts'), null, 'changed once');
    assert.ok((model.hotspot('d.ts')?.score ?? 1) < (model.hotspot('lib/b.ts')?.score ?? 0));
  });

  test('adapters for batches and risk', () => {
    const model = createModel(payloadOf(sampleCounts(), EXISTING));
    const coChange = toCoChangeModel(model);
    const risk = toRiskModel(model);

    assert.equal(coChange.coChange('src/a.ts', 'lib/b.ts'), 0.75, 'confidence 1 times 3/4');
    assert.equal(coChange.coChange('src/a.ts', 'src/c.ts'), 0);
    assert.equal(coChange.scopeFor?.(['src/a.ts']), 'core');
    assert.deepEqual(risk.fixHistory('src/a.ts'), { commits: 4, fixes: 1 });
    assert.equal(risk.fixHistory('src/c.ts'), null);
  });

  test('co-change strength needs support and lift', () => {
    const strong = { support: 4, confidence: 0.5, lift: 3 };
    const back = { support: 4, confidence: 1, lift: 3 };

    assert.equal(coChangeStrength(strong, back), 0.8);
    assert.equal(coChangeStrength({ ...strong, support: 1 }, back), 0);
    assert.equal(coChangeStrength({ ...strong, lift: 1 }, back), 0);
    assert.equal(coChangeStrength(null, back), 0);
  });
});

describe('model counts', () => {
  test('pack and unpack give the same counts', () => {
    const counts = sampleCounts();
    const packed = packCounts(encodeCounts(counts));

    assert.deepEqual(encodeCounts(decodeCounts(unpackCounts(packed))), encodeCounts(counts));
    assert.equal(packCounts(encodeCounts(counts)), packed, 'packing is deterministic');
  });

  test('unpack rejects counts of the wrong shape', () => {
    const packed = gzipSync(JSON.stringify({ commits: 'many' })).toString('base64');

    assert.throws(() => unpackCounts(packed), /do not match schemas\/model-counts\.schema\.json/);
    assert.throws(() => unpackCounts('not gzip'), /incorrect header check|unexpected end/i);
  });

  test('counts add up in any order', () => {
    const commits = [
      commit('feat: a', { 'a.ts': [1, 0], 'b.ts': [1, 0] }),
      commit('fix: a', { 'a.ts': [1, 1] }),
      commit('docs: c', { 'c.md': [3, 0] }),
    ];
    const forward = encodeCounts(countsOf(commits));
    const backward = encodeCounts(countsOf([...commits].reverse()));

    assert.deepEqual(backward, forward);
  });
});

describe('model read interface', () => {
  test('size percentiles', () => {
    const histogram = [1, 5, 2, 3, 10, 2];

    assert.equal(percentile(histogram, 0.5), 1);
    assert.equal(percentile(histogram, 0.75), 2);
    assert.equal(percentile(histogram, 0.9), 10);
    assert.equal(percentile([], 0.5), null);
    assert.equal(percentile([0, 4], 0.5), 1, 'at least 1');
  });

  test('conventional commits need five commits', () => {
    const few = createModel(payloadOf(countsOf([commit('feat: a', { 'a.ts': [1, 0] })]), ['a.ts']));
    const many = createModel(payloadOf(sampleCounts(), EXISTING));

    assert.equal(few.usesConventionalCommits, false);
    assert.equal(many.usesConventionalCommits, true);
    assert.deepEqual(many.commitTypes, ['feat', 'refactor', 'chore', 'fix']);
    assert.deepEqual(many.scopes, ['core']);
  });

  test('kind order follows a chain', () => {
    const order = orderKinds([
      { from: 'refactor', to: 'feat', count: 5 },
      { from: 'feat', to: 'test', count: 4 },
      { from: 'test', to: 'docs', count: 3 },
      { from: 'docs', to: 'feat', count: 1 },
      { from: 'feat', to: 'feat', count: 9 },
      { from: 'other', to: 'refactor', count: 7 },
    ]);

    assert.deepEqual(order, ['refactor', 'feat', 'test', 'docs']);
  });
});
