// Realistic documents of the learning and fossil-record schemas, written by hand, for schema
// tests: schemas/fossil-model, fossil-outcome, model-counts, learn, fossils-list,
// fossils-prune and fossils-stats.
import { packCounts } from '../../src/learn/counts-blob.js';
import type { CountsDocument } from '../../src/learn/counts-document.js';

const ENVELOPE = {
  schemaVersion: 1,
  createdAt: '2026-01-01T12:00:00.000Z',
  tool: { name: 'footprint', version: '0.1.0' },
  repository: { head: 'e'.repeat(40), branch: 'main', stagedTree: null },
};

/** Counts of three commits: a lexer and its test changed together twice, a fix once. */
export function sampleModelCounts(): CountsDocument {
  return {
    commits: 3,
    coChangeCommits: 3,
    fixCommits: 1,
    pathsOnlyCommits: 0,
    span: { oldest: 1_767_225_600, newest: 1_767_232_800 },
    paths: ['src/lexer.test.ts', 'src/lexer.ts'],
    files: [2, 2, 0, 0, 3, 3, 1, 4],
    pairs: [0, 1, 2],
    folders: ['src'],
    folderCommits: [3],
    folderPairs: [],
    sizes: { files: [1, 1, 2, 2], hunks: [1, 1, 2, 2], lines: [6, 1, 12, 2] },
    messages: {
      conventional: 3,
      types: [
        ['feat', 2],
        ['fix', 1],
      ],
      scopes: [['lexer', 3]],
      scopeFolders: [0, 0, 3],
    },
    kinds: { names: ['feat', 'fix'], transitions: [0, 0, 1, 0, 1, 1] },
  };
}

export function sampleModelFossil(): Record<string, unknown> {
  const counts = sampleModelCounts();
  return {
    ...structuredClone(ENVELOPE),
    kind: 'model',
    id: '20260101T120000.000Z-model-0a1b2c3d',
    payload: {
      head: 'e'.repeat(40),
      options: { maxCommits: 2000, since: null, coChangeMaxFiles: 50 },
      commits: 3,
      coChangeCommits: 3,
      fixCommits: 1,
      pathsOnlyCommits: 0,
      span: counts.span,
      digest: {
        paths: ['src/lexer.test.ts', 'src/lexer.ts'],
        files: [2, 2, 0, 0, 500, 3, 3, 1, 4, 1000],
        pairs: [0, 1, 2],
        folders: ['src'],
        folderCommits: [3],
        folderPairs: [],
        sizes: counts.sizes,
        messages: counts.messages,
        kinds: counts.kinds,
      },
      counts: packCounts(counts),
    },
  };
}

export function sampleOutcomeFossil(): Record<string, unknown> {
  return {
    ...structuredClone(ENVELOPE),
    kind: 'outcome',
    id: '20260101T120000.000Z-outcome-0a1b2c3d',
    payload: {
      commit: 'c'.repeat(40),
      parent: 'e'.repeat(40),
      analysis: '20260101T115959.000Z-analysis-0a1b2c3d',
      exact: false,
      result: 'followed',
      suggestedBatches: 2,
      matchedBatch: 'b1',
      batchesTouched: ['b1'],
      committedFiles: 2,
      unsuggestedFiles: 0,
    },
  };
}

export function sampleLearnDocument(): Record<string, unknown> {
  return {
    schemaVersion: 1,
    command: 'learn',
    result: 'updated',
    fossil: 'fossils/20260101T120000.000Z-model-0a1b2c3d.json',
    head: 'e'.repeat(40),
    commits: 2012,
    newCommits: 12,
    pathsOnlyCommits: 1,
    shallowCommits: 0,
    files: 6698,
    pairs: 42348,
    durationMs: 412,
  };
}

export function sampleFossilsListDocument(): Record<string, unknown> {
  return {
    schemaVersion: 1,
    fossils: [
      {
        id: '20260101T120000.000Z-outcome-0a1b2c3d',
        type: 'outcome',
        createdAt: '2026-01-01T12:00:00.000Z',
        file: 'fossils/20260101T120000.000Z-outcome-0a1b2c3d.json',
        outcome: 'followed',
        risk: null,
        batches: 2,
      },
      {
        id: '20260101T115959.000Z-analysis-0a1b2c3d',
        type: 'analysis',
        createdAt: '2026-01-01T11:59:59.000Z',
        file: 'fossils/20260101T115959.000Z-analysis-0a1b2c3d.json',
        outcome: 'passed',
        risk: 0.1,
        batches: 2,
      },
    ],
    warnings: [
      'fossils/20260101T110000.000Z-analysis-0badf00d.json: skipped because it is not valid JSON (Unexpected end of JSON input at line 1, column 20).',
    ],
  };
}

export function sampleFossilsPruneDocument(): Record<string, unknown> {
  return {
    schemaVersion: 1,
    dryRun: true,
    removed: [
      {
        id: '20251101T120000.000Z-analysis-0a1b2c3d',
        type: 'analysis',
        createdAt: '2025-11-01T12:00:00.000Z',
      },
    ],
    kept: 41,
    keptNewestModel: [],
    keptNewerVersion: ['20251102T120000.000Z-analysis-0e1f2a3b'],
    keptUnreadable: [],
  };
}

export function sampleFossilsStatsDocument(): Record<string, unknown> {
  return {
    schemaVersion: 1,
    from: '2025-12-01T09:00:00.000Z',
    to: '2026-01-01T12:00:00.000Z',
    types: [
      { type: 'analysis', count: 40 },
      { type: 'outcome', count: 31 },
      { type: 'model', count: 1 },
    ],
    hook: {
      runs: 40,
      blocked: 3,
      blockedShare: 0.075,
      medianMs: 48.2,
      blockingRules: [
        { rule: 'private-key', runs: 2 },
        { rule: 'conflict-marker', runs: 1 },
      ],
    },
    suggestions: {
      outcomes: 31,
      followed: 12,
      partial: 4,
      ignored: 15,
      followedShare: 0.387,
      commitRuns: 2,
    },
    warnings: [],
  };
}
