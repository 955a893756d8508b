// Realistic documents of every type in schemas/, written by hand, for schema and fossil tests.
// Each function returns a fresh object, so a test may break its copy.
import type { Batch } from '../../src/batches/types.js';
import type { Footprint } from '../../src/footprint/types.js';
import type { PipelineResult } from '../../src/pipeline/types.js';
import type { Finding } from '../../src/risk/types.js';
import type { Strategy } from '../../src/strategy/types.js';
import { createDefaultConfig } from '../../src/config/defaults.js';

export const HEAD_OID = 'e83c5163316f89bfbde7d9ab23ca2e25604af290';
export const HEAD_TREE = '9bd6c0a8b1bc3c2d7c0d4f2fdb2b4e0c8e7d1a23';
export const STAGED_TREE = 'c3f1e6a2b5d4c7e8f9a0b1c2d3e4f5a6b7c8d9e0';

export function sampleFootprint(): Footprint {
  return {
    head: { oid: HEAD_OID, ref: 'refs/heads/main', detached: false },
    headTree: HEAD_TREE,
    stagedTree: STAGED_TREE,
    operation: null,
    files: [
      {
        path: 'src/parser/tokens.ts',
        status: 'modified',
        oldMode: '100644',
        newMode: '100644',
        oldOid: '1111111111111111111111111111111111111111',
        newOid: '2222222222222222222222222222222222222222',
        size: 2048,
        oldSize: 1900,
        binary: false,
        lfs: false,
        symlink: false,
        category: 'source',
        language: 'typescript',
        additions: 7,
        deletions: 2,
        hunks: [
          { oldStart: 10, oldLines: 2, newStart: 10, newLines: 4 },
          { oldStart: 40, oldLines: 0, newStart: 43, newLines: 5 },
        ],
      },
      {
        path: 'test/parser/tokens.test.ts',
        status: 'added',
        oldMode: null,
        newMode: '100644',
        oldOid: null,
        newOid: '3333333333333333333333333333333333333333',
        size: 640,
        oldSize: null,
        binary: false,
        lfs: false,
        symlink: false,
        category: 'test',
        language: 'typescript',
        additions: 20,
        deletions: 0,
        hunks: [{ oldStart: 0, oldLines: 0, newStart: 1, newLines: 20 }],
      },
      {
        path: 'docs/parser guide.md',
        oldPath: 'docs/parser.md',
        status: 'renamed',
        oldMode: '100644',
        newMode: '100644',
        oldOid: '4444444444444444444444444444444444444444',
        newOid: '4444444444444444444444444444444444444444',
        similarity: 100,
        size: 512,
        oldSize: 512,
        binary: false,
        lfs: false,
        symlink: false,
        category: 'docs',
        language: 'markdown',
        additions: 0,
        deletions: 0,
        hunks: [],
      },
      {
        path: 'assets/logo.png',
        status: 'added',
        oldMode: null,
        newMode: '100644',
        oldOid: null,
        newOid: '5555555555555555555555555555555555555555',
        size: 90_000,
        oldSize: null,
        binary: true,
        lfs: false,
        symlink: false,
        opaque: 'binary',
        category: 'asset',
        language: null,
        additions: 0,
        deletions: 0,
        hunks: [],
      },
    ],
    unmerged: [],
    intentToAdd: [],
    totals: { files: 4, additions: 27, deletions: 2, hunks: 3 },
  };
}

export function sampleBatches(): Batch[] {
  return [
    {
      id: 'b1',
      message: 'feat(parser): add tokens for templates',
      type: 'feat',
      scope: 'parser',
      rationale: 'tokens.test.ts tests tokens.ts',
      changes: [
        {
          path: 'src/parser/tokens.ts',
          hunks: [{ oldStart: 10, oldLines: 2, newStart: 10, newLines: 4 }],
        },
        { path: 'test/parser/tokens.test.ts' },
      ],
      dependsOn: [],
    },
    {
      id: 'b2',
      message: 'docs: rename the parser guide',
      type: 'docs',
      scope: null,
      rationale: 'documentation only',
      changes: [
        {
          path: 'src/parser/tokens.ts',
          hunks: [{ oldStart: 40, oldLines: 0, newStart: 43, newLines: 5 }],
        },
        { path: 'docs/parser guide.md' },
        { path: 'assets/logo.png' },
      ],
      dependsOn: ['b1'],
    },
  ];
}

export function sampleFindings(): Finding[] {
  return [
    {
      rule: 'secret/private-key',
      severity: 'critical',
      path: 'src/parser/tokens.ts',
      line: 44,
      message: 'A private key is staged.',
      masked: `${['-----BEGIN RSA', 'PRIVATE KEY-----'].join(' ')} (masked)`,
      fix: 'Remove the key from the file and rotate it.',
    },
    {
      rule: 'large-file',
      severity: 'low',
      path: 'assets/logo.png',
      message: 'assets/logo.png is 90000 bytes.',
      fix: 'Track it with Git LFS or raise risk.maxFileBytes.',
    },
  ];
}

export function samplePipelineResult(): PipelineResult {
  return {
    command: 'precommit',
    reader: { reader: 'native', reasons: [] },
    config: { file: '/tmp/repository/footprint.config.json', config: createDefaultConfig() },
    footprint: sampleFootprint(),
    analysis: { mode: 'balanced', batches: sampleBatches(), splitSuggested: true },
    risk: { score: 0.92, blocked: true, findings: sampleFindings() },
    insights: {
      provider: 'heuristic',
      model: null,
      durationMs: 3.5,
      cached: false,
      summary: 'Adds template tokens with tests and renames the parser guide.',
      messages: { b1: 'feat(parser): tokenize template literals' },
      riskNotes: [
        {
          rule: 'secret/private-key',
          path: 'src/parser/tokens.ts',
          severity: 'critical',
          note: 'A key in source.',
        },
      ],
    },
    validation: { valid: true, problems: [] },
    timings: { footprint: 12.4, batches: 3.1, risk: 1.2, insights: 0.4, validation: 0.3 },
    fossilPath: null,
  };
}

/** Returns the `--json` document of `footprint analyze`, as schemas/analysis.schema.json describes it. */
export function sampleAnalysisDocument(): Record<string, unknown> {
  const result = samplePipelineResult();
  return {
    schemaVersion: 1,
    command: 'analyze',
    reader: result.reader,
    mode: result.analysis.mode,
    splitSuggested: result.analysis.splitSuggested,
    footprint: result.footprint,
    batches: result.analysis.batches,
    risk: result.risk,
    insights: result.insights,
    validation: result.validation,
    timings: result.timings,
    fossil: 'fossils/20260101T120000.000Z-analysis-0a1b2c3d.json',
    config: { file: null },
  };
}

export function sampleStrategy(): Strategy {
  return {
    schemaVersion: 1,
    kind: 'strategy',
    createdAt: '2026-01-01T12:00:00.000Z',
    mode: 'balanced',
    head: HEAD_OID,
    stagedTree: STAGED_TREE,
    batches: sampleBatches(),
    mitigations: sampleFindings(),
    validation: ['npx lint-staged', 'npm test'],
  };
}

export function sampleValidationDocument(): Record<string, unknown> {
  return {
    schemaVersion: 1,
    command: 'validate',
    file: 'fossils/strategy.json',
    stagedTree: STAGED_TREE,
    valid: false,
    problems: [
      {
        code: 'missing-hunk',
        batch: 'b2',
        path: 'src/parser/tokens.ts',
        message: 'Hunk -40,0 +43,5 of src/parser/tokens.ts is in no batch.',
      },
      { code: 'stale', message: 'The staged tree changed since the strategy was made.' },
      {
        code: 'order-cycle',
        batch: 'b1',
        batches: ['b1', 'b3'],
        message: 'The dependencies of batches b1 and b3 form a cycle (b1 → b3 → b1).',
      },
    ],
    warnings: [
      {
        code: 'long-subject',
        batch: 'b1',
        message: 'Batch b1 has a subject line of 80 characters, more than the 72.',
      },
    ],
  };
}

/** Returns the document of `footprint --version --json`. */
export function sampleVersionDocument(): Record<string, unknown> {
  return { schemaVersion: 1, version: '0.1.0' };
}

export function sampleErrorDocument(): Record<string, unknown> {
  return {
    schemaVersion: 1,
    command: 'strategy',
    error: {
      message: '/tmp/app is not inside a git repository. Run footprint inside a git repository.',
      exitCode: 2,
    },
  };
}

export function sampleConfigFile(): Record<string, unknown> {
  return {
    $schema: './node_modules/footprint/schemas/config.schema.json',
    mode: 'conservative',
    fossilDir: '.footprint/fossils',
    blockOn: { balanced: ['medium', 'high', 'critical'] },
    llm: { provider: 'anthropic', timeoutMs: 1500, baseURL: 'http://127.0.0.1:8080' },
    risk: {
      disable: ['large-file'],
      allow: [{ rule: 'secret/private-key', path: 'test/fixtures/**' }],
    },
    fossils: { keep: 50 },
  };
}

const ENVELOPE = {
  schemaVersion: 1,
  createdAt: '2026-01-01T12:00:00.000Z',
  tool: { name: 'footprint', version: '0.1.0' },
  repository: { head: HEAD_OID, branch: 'main', stagedTree: STAGED_TREE },
};

export function sampleAnalysisFossil(): Record<string, unknown> {
  const result = samplePipelineResult();
  return {
    ...structuredClone(ENVELOPE),
    kind: 'analysis',
    id: '20260101T120000.000Z-analysis-0a1b2c3d',
    payload: {
      command: 'precommit',
      outcome: 'blocked',
      mode: 'balanced',
      reader: result.reader,
      configFile: 'footprint.config.json',
      footprint: result.footprint,
      splitSuggested: true,
      batches: result.analysis.batches,
      risk: result.risk,
      insights: { provider: 'heuristic', model: null, durationMs: 3.5, cached: false },
      validation: result.validation,
      timings: result.timings,
    },
  };
}

export function sampleStrategyFossil(): Record<string, unknown> {
  return {
    ...structuredClone(ENVELOPE),
    kind: 'strategy',
    id: '20260101T120000.000Z-strategy-0a1b2c3d',
    payload: sampleStrategy(),
  };
}

/** Returns the input of the insights tool with one entry of each kind. */
export function sampleInsightsToolReply(): Record<string, unknown> {
  return {
    summary: 'Adds a tokenizer and documents it.',
    messages: [{ batch: 'b1', message: 'feat(parser): add tokens for templates' }],
    merges: [{ batches: ['b1', 'b2'], message: 'feat(parser): add tokens with their docs' }],
    splits: [
      {
        batch: 'b1',
        parts: [
          { changes: [{ file: 'f1', hunks: [1] }], message: 'feat(parser): add tokens' },
          { changes: [{ file: 'f1', hunks: [2] }, { file: 'f2' }], message: 'test: cover tokens' },
        ],
      },
    ],
    riskNotes: [{ finding: 'r1', severity: 'critical', note: 'The key is a deploy key.' }],
  };
}

export function sampleInsightCacheFossil(): Record<string, unknown> {
  return {
    ...structuredClone(ENVELOPE),
    kind: 'insight-cache',
    id: '20260101T120000.000Z-insight-cache-0a1b2c3d',
    payload: {
      key: 'a'.repeat(64),
      provider: 'anthropic',
      model: 'claude-haiku-5-5',
      promptVersion: 1,
      durationMs: 812,
      reply: sampleInsightsToolReply(),
    },
  };
}

/** Returns a fossil of a kind that has no payload schema yet, checked by the envelope alone. */
export function sampleModelFossil(): Record<string, unknown> {
  return {
    ...structuredClone(ENVELOPE),
    kind: 'model',
    id: '20260101T120000.000Z-model-0a1b2c3d',
    payload: { commits: 120, pairs: [['src/a.ts', 'test/a.test.ts']] },
  };
}

/** Returns a commit-run fossil of a three-line run of one batch. */
export function sampleCommitRunFossil(): Record<string, unknown> {
  return {
    ...structuredClone(ENVELOPE),
    kind: 'commit-run',
    id: '20260101T120000.000Z-commit-run-0a1b2c3d',
    payload: {
      ref: 'refs/heads/main',
      startHead: '1'.repeat(40),
      finalHead: '2'.repeat(40),
      stagedTree: '3'.repeat(40),
      strategy: {
        source: 'planned',
        file: null,
        createdAt: '2026-01-01T12:00:00.000Z',
        mode: 'balanced',
      },
      commits: [
        { oid: '2'.repeat(40), tree: '3'.repeat(40), batch: 'b1', message: 'feat: add x\n' },
      ],
      signing: null,
      commitMsgHook: 'absent',
    },
  };
}

/** Returns an undo fossil of the run that sampleCommitRunFossil records. */
export function sampleUndoFossil(): Record<string, unknown> {
  return {
    ...structuredClone(ENVELOPE),
    kind: 'undo',
    id: '20260101T120500.000Z-undo-4e5f6a7b',
    createdAt: '2026-01-01T12:05:00.000Z',
    repository: { head: '1'.repeat(40), branch: 'main', stagedTree: null },
    payload: {
      run: '20260101T120000.000Z-commit-run-0a1b2c3d',
      ref: 'refs/heads/main',
      from: '2'.repeat(40),
      to: '1'.repeat(40),
      commits: 1,
    },
  };
}
