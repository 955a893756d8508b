import { createDefaultConfig } from '../../src/config/defaults.js';
import type { Batch } from '../../src/batches/types.js';
import type { FileChange, Hunk } from '../../src/footprint/types.js';
import type { PipelineResult } from '../../src/pipeline/types.js';
import type { Finding } from '../../src/risk/types.js';

/** Builds one staged file of a constructed footprint. */
export function makeFile(path: string, hunks: Hunk[], extra: Partial<FileChange> = {}): FileChange {
  const additions = hunks.reduce((sum, hunk) => sum + hunk.newLines, 0);
  const deletions = hunks.reduce((sum, hunk) => sum + hunk.oldLines, 0);
  return {
    path,
    status: 'modified',
    oldMode: '100644',
    newMode: '100644',
    oldOid: '1'.repeat(40),
    newOid: '2'.repeat(40),
    size: 100,
    oldSize: 90,
    binary: false,
    lfs: false,
    symlink: false,
    category: 'source',
    language: 'typescript',
    additions,
    deletions,
    hunks,
    ...extra,
  };
}

export function hunk(newStart: number, newLines: number, oldLines = 0): Hunk {
  return { oldStart: newStart, oldLines, newStart, newLines };
}

export function makeBatch(id: string, message: string, changes: Batch['changes']): Batch {
  return { id, message, type: 'feat', scope: null, rationale: 'test', changes, dependsOn: [] };
}

export function makeFinding(extra: Partial<Finding> = {}): Finding {
  return {
    rule: 'private-key',
    severity: 'critical',
    path: 'keys/deploy.pem',
    line: 1,
    message: 'A private key is staged.',
    masked: '-----BEGIN … (masked)',
    fix: 'Remove the key and rotate it.',
    ...extra,
  };
}

/** A result with three files in two batches and no findings; tests change what they need. */
export function makeResult(overrides: Partial<PipelineResult> = {}): PipelineResult {
  const files = [
    makeFile('src/feature.ts', [hunk(1, 10), hunk(40, 2, 1)]),
    makeFile('test/feature.test.ts', [hunk(1, 20)], { category: 'test' }),
    makeFile('README.md', [hunk(3, 1, 1)], { category: 'docs', language: 'markdown' }),
  ];
  const batches = [
    makeBatch('b1', 'feat(feature): add the feature', [
      { path: 'src/feature.ts', hunks: [hunk(1, 10)] },
      { path: 'test/feature.test.ts' },
    ]),
    makeBatch('b2', 'docs: describe the feature', [
      { path: 'README.md' },
      { path: 'src/feature.ts', hunks: [hunk(40, 2, 1)] },
    ]),
  ];
  return {
    command: 'precommit',
    reader: { reader: 'native', reasons: [] },
    config: { file: null, config: createDefaultConfig() },
    footprint: {
      head: { oid: 'a'.repeat(40), ref: 'refs/heads/main', detached: false },
      headTree: 'b'.repeat(40),
      stagedTree: 'c'.repeat(40),
      operation: null,
      files,
      unmerged: [],
      intentToAdd: [],
      totals: { files: 3, additions: 33, deletions: 2, hunks: 4 },
    },
    analysis: { mode: 'balanced', batches, splitSuggested: true },
    risk: { score: 0, blocked: false, findings: [] },
    insights: {
      provider: 'heuristic',
      model: null,
      durationMs: 1,
      cached: false,
      summary: '',
      messages: {},
      riskNotes: [],
    },
    validation: { valid: true, problems: [] },
    timings: { footprint: 5, batches: 2 },
    fossilPath: null,
    ...overrides,
  };
}
