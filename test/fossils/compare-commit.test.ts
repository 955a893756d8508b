import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { Batch } from '../../src/batches/types.js';
import { compareCommit, type CommittedPath } from '../../src/fossils/compare-commit.js';
import type { AnalysisFossilPayload } from '../../src/fossils/types.js';
import type { FileChange } from '../../src/footprint/types.js';
import { buildAnalysisFossil } from '../../src/fossils/build-analysis.js';
import { samplePipelineResult } from '../schemas/samples.js';

/** Staged blob of each path: `<path>-staged`, so a commit can match it or not. */
function file(path: string, extra: Partial<FileChange> = {}): FileChange {
  const base = samplePipelineResult().footprint.files[0] as FileChange;
  return { ...base, path, status: 'modified', newOid: blob(path), ...extra };
}

function blob(path: string): string {
  let hash = 0;
  for (const character of path) hash = (hash * 31 + character.charCodeAt(0)) >>> 0;
  return hash.toString(16).padStart(40, '7');
}

function batch(id: string, ...changes: Array<string | [string, number]>): Batch {
  return {
    id,
    message: `chore: ${id}`,
    type: 'chore',
    scope: null,
    rationale: 'test',
    changes: changes.map((change) =>
      typeof change === 'string'
        ? { path: change }
        : {
            path: change[0],
            hunks: [{ oldStart: change[1], oldLines: 1, newStart: change[1], newLines: 1 }],
          },
    ),
    dependsOn: [],
  };
}

function analysis(files: FileChange[], batches: Batch[]): AnalysisFossilPayload {
  const payload = buildAnalysisFossil(samplePipelineResult(), 'passed').payload;
  return { ...payload, footprint: { ...payload.footprint, files }, batches };
}

/** Returns the committed paths with the staged blob of each. */
function whole(...paths: string[]): CommittedPath[] {
  return paths.map((path) => ({ path, oid: blob(path) }));
}

const THREE_BATCHES = analysis(
  [file('src/a.ts'), file('test/a.test.ts'), file('README.md'), file('package.json')],
  [
    batch('b1', 'src/a.ts', 'test/a.test.ts'),
    batch('b2', 'README.md'),
    batch('b3', 'package.json'),
  ],
);

describe('compare commit with suggestion', () => {
  test('one whole batch is followed', () => {
    const comparison = compareCommit(whole('README.md'), THREE_BATCHES);

    assert.equal(comparison.result, 'followed');
    assert.equal(comparison.matchedBatch, 'b2');
    assert.deepEqual(comparison.batchesTouched, ['b2']);
    assert.equal(comparison.committedFiles, 1);
    assert.equal(comparison.unsuggestedFiles, 0);
  });

  test('everything at once is ignored', () => {
    const comparison = compareCommit(
      whole('src/a.ts', 'test/a.test.ts', 'README.md', 'package.json'),
      THREE_BATCHES,
    );

    assert.equal(comparison.result, 'ignored');
    assert.equal(comparison.matchedBatch, null);
    assert.deepEqual(comparison.batchesTouched, ['b1', 'b2', 'b3']);
  });

  test('two whole batches of three are partial', () => {
    const comparison = compareCommit(whole('README.md', 'package.json'), THREE_BATCHES);

    assert.equal(comparison.result, 'partial');
  });

  test('part of one batch is partial', () => {
    assert.equal(compareCommit(whole('src/a.ts'), THREE_BATCHES).result, 'partial');
  });

  test('parts of two batches are ignored', () => {
    assert.equal(compareCommit(whole('src/a.ts', 'README.md'), THREE_BATCHES).result, 'ignored');
  });

  test('another blob than staged is not the batch', () => {
    const comparison = compareCommit([{ path: 'README.md', oid: 'e'.repeat(40) }], THREE_BATCHES);

    assert.equal(comparison.result, 'partial');
    assert.equal(comparison.matchedBatch, null);
  });

  test('single suggested batch committed is followed', () => {
    const single = analysis(
      [file('src/a.ts'), file('test/a.test.ts')],
      [batch('b1', 'src/a.ts', 'test/a.test.ts')],
    );

    assert.equal(compareCommit(whole('src/a.ts', 'test/a.test.ts'), single).result, 'followed');
  });

  test('paths the analysis never saw', () => {
    const comparison = compareCommit(whole('README.md', 'other.ts'), THREE_BATCHES);

    assert.equal(comparison.result, 'partial');
    assert.equal(comparison.unsuggestedFiles, 1);
    assert.equal(compareCommit(whole('other.ts'), THREE_BATCHES).result, 'ignored');
  });

  test('rename matches by both paths', () => {
    const renamed = analysis(
      [file('src/new.ts', { status: 'renamed', oldPath: 'src/old.ts' }), file('README.md')],
      [batch('b1', 'src/new.ts'), batch('b2', 'README.md')],
    );
    const committed = [{ path: 'src/old.ts', oid: null }, ...whole('src/new.ts')];

    assert.equal(compareCommit(committed, renamed).matchedBatch, 'b1');
  });

  test('hunks of a shared file match the batch that takes them', () => {
    const shared = analysis(
      [file('src/a.ts'), file('src/b.ts')],
      [batch('b1', ['src/a.ts', 1]), batch('b2', ['src/a.ts', 9], 'src/b.ts')],
    );
    const firstHunks = [{ path: 'src/a.ts', oid: 'd'.repeat(40) }];

    assert.equal(compareCommit(firstHunks, shared).matchedBatch, 'b1');
    assert.equal(compareCommit(whole('src/a.ts', 'src/b.ts'), shared).result, 'ignored');
  });
});

describe('compare commit with a masked path', () => {
  const token = ['gh', 'p_', 'Zq9k'.repeat(9)].join('');
  const tokenPath = `keys/${token}.txt`;

  function flaggedAnalysis(): AnalysisFossilPayload {
    const result = samplePipelineResult();
    result.footprint.files = [file(tokenPath), file('README.md')];
    result.analysis.batches = [batch('b1', tokenPath), batch('b2', 'README.md')];
    result.risk = {
      score: 0.9,
      blocked: true,
      findings: [
        {
          rule: 'secret-in-path',
          severity: 'critical',
          path: 'keys/ghp_********.txt',
          message: 'GitHub token in a staged path',
          masked: 'ghp_********',
          fix: 'Rename the file.',
        },
      ],
    };
    return buildAnalysisFossil(result, 'blocked').payload;
  }

  test('fossil holds the flagged path masked', () => {
    const payload = flaggedAnalysis();

    assert.equal(JSON.stringify(payload).includes(token), false);
    assert.deepEqual(
      payload.footprint.files.map((entry) => entry.path),
      ['keys/ghp_********.txt', 'README.md'],
    );
    assert.deepEqual(payload.batches[0]?.changes, [{ path: 'keys/ghp_********.txt' }]);
  });

  test('committed token path matches its batch', () => {
    const committed = [{ path: tokenPath, oid: blob(tokenPath) }];

    const comparison = compareCommit(committed, flaggedAnalysis());

    assert.equal(comparison.result, 'followed');
    assert.equal(comparison.matchedBatch, 'b1');
    assert.equal(comparison.unsuggestedFiles, 0);
  });
});
