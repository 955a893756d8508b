import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import {
  validateAnalysisDocument,
  validateConfigDocument,
  validateDocument,
  validateFootprintDocument,
  validateFossil,
  validateStrategyDocument,
  validateValidationDocument,
  type DocumentType,
} from '../../src/schemas-runtime/validators.js';
import {
  sampleAnalysisDocument,
  sampleAnalysisFossil,
  sampleCommitRunFossil,
  sampleConfigFile,
  sampleErrorDocument,
  sampleFootprint,
  sampleInsightCacheFossil,
  sampleInsightsToolReply,
  sampleModelFossil,
  sampleStrategy,
  sampleStrategyFossil,
  sampleUndoFossil,
  sampleValidationDocument,
  sampleVersionDocument,
} from './samples.js';
import {
  sampleFossilsListDocument,
  sampleFossilsPruneDocument,
  sampleFossilsStatsDocument,
  sampleLearnDocument,
  sampleModelCounts,
  sampleModelFossil as sampleLearnedModelFossil,
  sampleOutcomeFossil,
} from '../fossils/samples.js';
import { sampleCommitDocument, sampleUndoDocument } from '../commit/result-samples.js';
import { sampleInitDocument } from '../init/result-samples.js';

/* eslint-disable @typescript-eslint/no-explicit-any -- tests break samples at arbitrary depths */

const samples: Record<DocumentType, () => unknown> = {
  analysis: sampleAnalysisDocument,
  commit: sampleCommitDocument,
  config: sampleConfigFile,
  error: sampleErrorDocument,
  footprint: sampleFootprint,
  fossil: sampleModelFossil,
  'fossil-analysis': sampleAnalysisFossil,
  'fossil-commit-run': sampleCommitRunFossil,
  'fossil-insight-cache': sampleInsightCacheFossil,
  'fossil-model': sampleLearnedModelFossil,
  'fossil-outcome': sampleOutcomeFossil,
  'fossils-list': sampleFossilsListDocument,
  'fossils-prune': sampleFossilsPruneDocument,
  'fossils-stats': sampleFossilsStatsDocument,
  init: sampleInitDocument,
  learn: sampleLearnDocument,
  'model-counts': sampleModelCounts,
  'insights-tool': sampleInsightsToolReply,
  'fossil-strategy': sampleStrategyFossil,
  'fossil-undo': sampleUndoFossil,
  strategy: sampleStrategy,
  undo: sampleUndoDocument,
  validation: sampleValidationDocument,
  version: sampleVersionDocument,
};

describe('sample documents', () => {
  for (const [type, sample] of Object.entries(samples)) {
    test(`${type} sample is valid`, () => {
      assert.deepEqual(validateDocument(type as DocumentType, sample()), []);
    });
  }

  test('empty config is valid', () => {
    assert.deepEqual(validateConfigDocument({}), []);
  });

  test('fossil sample passes validateFossil', () => {
    assert.deepEqual(validateFossil('analysis', sampleAnalysisFossil()), []);
    assert.deepEqual(validateFossil('strategy', sampleStrategyFossil()), []);
    assert.deepEqual(validateFossil('insight-cache', sampleInsightCacheFossil()), []);
    assert.deepEqual(validateFossil('model', sampleLearnedModelFossil()), []);
    assert.deepEqual(validateFossil('outcome', sampleOutcomeFossil()), []);
    assert.deepEqual(validateFossil('commit-run', sampleCommitRunFossil()), []);
    assert.deepEqual(validateFossil('undo', sampleUndoFossil()), []);
  });
});

interface BrokenCase {
  name: string;
  validate: (document: unknown) => string[];
  build: () => unknown;
  expected: string;
}

function broken<T>(sample: () => T, change: (document: any) => void): () => unknown {
  return () => {
    const document = sample();
    change(document);
    return document;
  };
}

const brokenCases: BrokenCase[] = [
  {
    name: 'hunk start not an integer',
    validate: validateAnalysisDocument,
    build: broken(
      sampleAnalysisDocument,
      (doc) => (doc.batches[0].changes[0].hunks[0].oldStart = 1.5),
    ),
    expected: '/batches/0/changes/0/hunks/0/oldStart: must be integer',
  },
  {
    name: 'risk score above one',
    validate: validateAnalysisDocument,
    build: broken(sampleAnalysisDocument, (doc) => (doc.risk.score = 1.5)),
    expected: '/risk/score: must be <= 1',
  },
  {
    name: 'finding with a raw match',
    validate: validateAnalysisDocument,
    build: broken(sampleAnalysisDocument, (doc) => (doc.risk.findings[0].match = 'AKIA...')),
    expected: '/risk/findings/0: unknown key "match"',
  },
  {
    name: 'unknown severity',
    validate: validateAnalysisDocument,
    build: broken(sampleAnalysisDocument, (doc) => (doc.risk.findings[1].severity = 'severe')),
    expected: '/risk/findings/1/severity: must be one of info, low, medium, high, critical',
  },
  {
    name: 'file status missing',
    validate: validateFootprintDocument,
    build: broken(sampleFootprint, (doc) => delete doc.files[2].status),
    expected: '/files/2: missing required key "status"',
  },
  {
    name: 'short object id',
    validate: validateFootprintDocument,
    build: broken(sampleFootprint, (doc) => (doc.files[0].newOid = 'abc123')),
    expected: '/files/0/newOid: must match pattern "^([0-9a-f]{40}|[0-9a-f]{64})$"',
  },
  {
    name: 'language neither string nor null',
    validate: validateFootprintDocument,
    build: broken(sampleFootprint, (doc) => (doc.files[0].language = 7)),
    expected: '/files/0/language: must be string or null',
  },
  {
    name: 'batch id with a space',
    validate: validateStrategyDocument,
    build: broken(sampleStrategy, (doc) => (doc.batches[1].id = 'b 2')),
    expected:
      '/batches/1/id: must match pattern "^[A-Za-z0-9_-]+$" (Batch id: letters, digits, `_` and `-`)',
  },
  {
    name: 'negative hunk count',
    validate: validateStrategyDocument,
    build: broken(sampleStrategy, (doc) => (doc.batches[0].changes[0].hunks[0].newLines = -1)),
    expected: '/batches/0/changes/0/hunks/0/newLines: must be >= 0',
  },
  {
    name: 'unknown key in a hunk',
    validate: validateStrategyDocument,
    build: broken(sampleStrategy, (doc) => (doc.batches[0].changes[0].hunks[0].lines = 3)),
    expected:
      '/batches/0/changes/0/hunks/0: unknown key "lines" (known keys: newLines, newStart, oldLines, oldStart)',
  },
  {
    name: 'unknown top-level key',
    validate: validateStrategyDocument,
    build: broken(sampleStrategy, (doc) => (doc.note = 'split later')),
    expected:
      '/: unknown key "note" (known keys: $schema, batches, createdAt, head, kind, mitigations, mode, schemaVersion, stagedTree, validation)',
  },
  {
    name: 'empty hunk list',
    validate: validateStrategyDocument,
    build: broken(sampleStrategy, (doc) => (doc.batches[0].changes[0].hunks = [])),
    expected: '/batches/0/changes/0/hunks: must NOT have fewer than 1 items',
  },
  {
    name: 'newer strategy version',
    validate: validateStrategyDocument,
    build: broken(sampleStrategy, (doc) => (doc.schemaVersion = 2)),
    expected: '/schemaVersion: must be 1',
  },
  {
    name: 'problem code with capitals',
    validate: validateValidationDocument,
    build: broken(sampleValidationDocument, (doc) => (doc.problems[0].code = 'MissingHunk')),
    expected: '/problems/0/code: must match pattern "^[a-z][a-z0-9-]*$"',
  },
  {
    name: 'cycle of one batch',
    validate: validateValidationDocument,
    build: broken(sampleValidationDocument, (doc) => (doc.problems[2].batches = ['b1'])),
    expected: '/problems/2/batches: must NOT have fewer than 2 items',
  },
  {
    name: 'config mode unknown',
    validate: validateConfigDocument,
    build: broken(sampleConfigFile, (doc) => (doc.mode = 'fast')),
    expected: '/mode: must be one of conservative, balanced, aggressive',
  },
  {
    name: 'config timeout too low',
    validate: validateConfigDocument,
    build: broken(sampleConfigFile, (doc) => (doc.llm.timeoutMs = 10)),
    expected: '/llm/timeoutMs: must be >= 100',
  },
  {
    name: 'init husky target without version',
    validate: (document) => validateDocument('init', document),
    build: broken(sampleInitDocument, (doc) => (doc.target.huskyVersion = null)),
    expected: '/target/huskyVersion: must be one of v9, v8',
  },
  {
    name: 'init git-dir target inactive',
    validate: (document) => validateDocument('init', document),
    build: broken(sampleInitDocument, (doc) => {
      doc.target = { kind: 'git-dir', dir: '.git/hooks', huskyVersion: null, active: false };
    }),
    expected: '/target/active: must be true',
  },
  {
    name: 'init step action unknown',
    validate: (document) => validateDocument('init', document),
    build: broken(sampleInitDocument, (doc) => (doc.steps[0].action = 'deleted')),
    expected:
      '/steps/0/action: must be one of created, appended, inserted, chained, unchanged, updated, removed, restored',
  },
];

describe('broken documents', () => {
  for (const { name, validate, build, expected } of brokenCases) {
    test(name, () => {
      const errors = validate(build());
      assert.ok(
        errors.includes(expected),
        `expected "${expected}" in ${JSON.stringify(errors, null, 2)}`,
      );
    });
  }

  test('insight message keyed by a bad batch id', () => {
    const document = sampleAnalysisDocument() as any;
    document.insights.messages['b 1'] = 'fix: x';
    const errors = validateAnalysisDocument(document);
    assert.ok(
      errors.some((line) => line.startsWith('/insights/messages: key "b 1" must match pattern')),
      String(errors),
    );
  });

  test('analysis fossil with insight text', () => {
    const fossil = sampleAnalysisFossil() as any;
    fossil.payload.insights.summary = 'text from the provider';
    assert.deepEqual(validateFossil('analysis', fossil), [
      '/payload/insights: unknown key "summary"',
    ]);
  });

  test('fossil of another kind', () => {
    const errors = validateFossil('strategy', sampleAnalysisFossil());
    assert.ok(errors.includes('/kind: must be "strategy"'), String(errors));
  });

  test('fossil kind checked without a schema', () => {
    assert.deepEqual(validateFossil('future-kind', sampleModelFossil()), [
      '/kind: must be "future-kind"',
    ]);
  });

  test('fossil kind named like a prototype key', () => {
    const errors = validateFossil('constructor', sampleModelFossil());
    assert.deepEqual(errors, ['/kind: must be "constructor"']);
  });

  test('fossil id not matching its pattern', () => {
    const fossil = sampleStrategyFossil() as any;
    fossil.id = 'strategy-1';
    const errors = validateFossil('strategy', fossil);
    assert.equal(errors.length, 1);
    assert.match(String(errors[0]), /^\/id: must match pattern/);
  });

  test('non-object document', () => {
    assert.deepEqual(validateStrategyDocument(null), ['/: must be object']);
    assert.deepEqual(validateConfigDocument([]), ['/: must be object']);
  });
});
