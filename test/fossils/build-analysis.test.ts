import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, test } from 'node:test';
import { createDefaultConfig } from '../../src/config/defaults.js';
import type { FileContent, FootprintWithContent } from '../../src/footprint/types.js';
import { buildAnalysisFossil } from '../../src/fossils/build-analysis.js';
import { buildStrategyFossil } from '../../src/fossils/build-strategy.js';
import { openFossilStore } from '../../src/fossils/store.js';
import type { PipelineResult } from '../../src/pipeline/types.js';
import { validateFossil } from '../../src/schemas-runtime/validate-fossil.js';
import { createTempRepo, type TempRepo } from '../helpers/repo.js';
import { samplePipelineResult, sampleStrategy } from '../schemas/samples.js';

// Shaped like an AWS access key and a private key, but made up for this test.
const SECRET_KEY = 'AKIAQWERTYUIOPASDFGH';
const PRIVATE_KEY_LINE = 'MIIEowIBAAKCAQEAplantedsecretlinefortests';

let repo: TempRepo;

beforeEach(() => {
  repo = createTempRepo();
});

afterEach(() => {
  repo.cleanup();
});

/**
 * A pipeline result whose stages were careless: the footprint's content map contains secrets,
 * and objects carry content, a raw match and provider text as extra fields at run time.
 */
// Built from parts so that footprint's own private-key rule does not flag this test file.
const PEM_HEADER = ['-----BEGIN RSA', 'PRIVATE KEY-----'].join(' ');

function resultWithPlantedSecrets(): PipelineResult {
  const result = samplePipelineResult();
  const file = result.footprint.files[0];
  assert.ok(file);

  const content: FileContent = {
    oldText: 'export const tokens = [];\n',
    newText: `export const key = '${SECRET_KEY}';\n${PEM_HEADER}\n${PRIVATE_KEY_LINE}\n`,
    hunks: [{ removed: [], added: [`export const key = '${SECRET_KEY}';`, PRIVATE_KEY_LINE] }],
  };
  const input: FootprintWithContent = {
    footprint: result.footprint,
    content: new Map([[file.path, content]]),
  };

  Object.assign(file, { content, text: content.newText });
  Object.assign(file.hunks[0] ?? {}, { added: content.hunks[0]?.added });
  Object.assign(result.footprint, { content: input.content });
  Object.assign(result.risk.findings[0] ?? {}, { match: SECRET_KEY, raw: PRIVATE_KEY_LINE });
  Object.assign(result.analysis.batches[0] ?? {}, { diff: content.newText });
  Object.assign(result.validation, { strategyText: SECRET_KEY });
  result.insights.summary = `The change adds ${SECRET_KEY}.`;
  result.insights.messages = { b1: `feat: add ${SECRET_KEY}` };
  result.insights.riskNotes = [
    { rule: 'secret/aws', path: file.path, severity: 'critical', note: `Found ${SECRET_KEY}.` },
  ];
  return result;
}

describe('buildAnalysisFossil', () => {
  test('planted secrets stay out of the fossil file', async () => {
    const result = resultWithPlantedSecrets();
    const store = openFossilStore(repo.dir, createDefaultConfig());

    const file = await store.write('analysis', buildAnalysisFossil(result, 'blocked'));
    const text = readFileSync(file, 'utf8');

    assert.equal(text.includes(SECRET_KEY), false, 'the access key leaked');
    assert.equal(text.includes(PRIVATE_KEY_LINE), false, 'the private key leaked');
    assert.equal(text.includes('export const'), false, 'file content leaked');
    assert.equal(text.includes(`${PEM_HEADER} (masked)`), true, 'the masked value is kept');
  });

  test('built fossil matches its schema', async () => {
    const store = openFossilStore(repo.dir, createDefaultConfig());
    const file = await store.write(
      'analysis',
      buildAnalysisFossil(resultWithPlantedSecrets(), 'passed'),
    );
    assert.deepEqual(validateFossil('analysis', JSON.parse(readFileSync(file, 'utf8'))), []);
  });

  test('payload copies the run', () => {
    const result = samplePipelineResult();
    const { payload } = buildAnalysisFossil(result, 'blocked');

    assert.equal(payload.command, 'precommit');
    assert.equal(payload.outcome, 'blocked');
    assert.equal(payload.mode, 'balanced');
    assert.equal(payload.configFile, 'footprint.config.json');
    assert.deepEqual(payload.footprint, result.footprint);
    assert.deepEqual(payload.batches, result.analysis.batches);
    assert.deepEqual(payload.risk, result.risk);
    assert.deepEqual(payload.validation, result.validation);
    assert.deepEqual(payload.timings, result.timings);
    assert.notEqual(payload.footprint.files[0], result.footprint.files[0], 'files are copies');
  });

  test('insights reduced to metadata', () => {
    const result = samplePipelineResult();
    result.insights.fallbackReason = 'anthropic timed out after 3000 ms';
    const { payload } = buildAnalysisFossil(result, 'passed');
    assert.deepEqual(payload.insights, {
      provider: 'heuristic',
      model: null,
      durationMs: 3.5,
      cached: false,
      fallbackReason: 'anthropic timed out after 3000 ms',
    });
  });

  test('defaults give a null config file', () => {
    const result = samplePipelineResult();
    result.config = { file: null, config: createDefaultConfig() };
    assert.equal(buildAnalysisFossil(result, 'error').payload.configFile, null);
  });

  test('detached HEAD has no branch', () => {
    const result = samplePipelineResult();
    result.footprint.head = { oid: result.footprint.head.oid, ref: null, detached: true };
    assert.deepEqual(buildAnalysisFossil(result, 'passed').repository, {
      head: result.footprint.head.oid,
      branch: null,
      stagedTree: result.footprint.stagedTree,
    });
  });

  test('unborn branch has no head', () => {
    const result = samplePipelineResult();
    result.footprint.head = { oid: null, ref: 'refs/heads/trunk', detached: false };
    const { repository } = buildAnalysisFossil(result, 'passed');
    assert.equal(repository.head, null);
    assert.equal(repository.branch, 'trunk');
  });
});

describe('buildStrategyFossil', () => {
  test('mitigations keep masked values only', () => {
    const strategy = sampleStrategy();
    Object.assign(strategy.mitigations[0] ?? {}, { match: SECRET_KEY });
    const { footprint, risk } = samplePipelineResult();
    const draft = buildStrategyFossil(strategy, footprint, risk.findings);

    assert.equal(JSON.stringify(draft).includes(SECRET_KEY), false);
    assert.equal(draft.payload.mitigations[0]?.masked, `${PEM_HEADER} (masked)`);
    assert.deepEqual(draft.payload, sampleStrategy());
  });
});
