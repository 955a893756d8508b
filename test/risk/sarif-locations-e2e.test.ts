import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { Ajv } from 'ajv';
import { createTempRepo, type TempRepo } from '../helpers/repo.js';
import { fakeGithubToken } from './secret-parts.js';
import { SARIF_SCHEMA } from './sarif-schema.js';

interface SarifLocation {
  id?: number;
  physicalLocation?: {
    artifactLocation?: { uri?: string; uriBaseId?: string };
    region?: { startLine?: unknown };
  };
  message?: { text: string };
}

interface SarifResult {
  ruleId: string;
  message: { text: string };
  locations?: SarifLocation[];
  relatedLocations?: SarifLocation[];
}

interface SarifOutcome {
  log: { runs: Array<{ results: SarifResult[] }> };
  results: SarifResult[];
  stdout: string;
}

const lines = (...texts: string[]): string => texts.map((text) => `${text}\n`).join('');

/** Configuration that reports a change of 2 or more batches, as a small fixture makes. */
const TWO_BATCHES = { risk: { rules: { 'unrelated-batches': { options: { minBatches: 2 } } } } };

function createRepo(config: object): TempRepo {
  const repo = createTempRepo();
  repo.write('README.md', lines('# Demo', '', 'Run it.'));
  repo.write('src/math.js', lines('function add(a, b) {', '  return a + b;', '}'));
  repo.write('footprint.config.json', `${JSON.stringify(config)}\n`);
  repo.git(['add', '-A']);
  repo.git(['commit', '-q', '-m', 'start'], { env: { FOOTPRINT: '0' } });
  return repo;
}

/** Stages a new source file and a README edit, which the analysis splits into 2 batches. */
function stageTwoBatches(repo: TempRepo): void {
  repo.write('src/discount.js', lines('function discount(p, r) {', '  return p * (1 - r);', '}'));
  repo.write('README.md', lines('# Demo shop', '', 'Run it with node.'));
  repo.git(['add', '-A']);
}

function analyzeSarif(repo: TempRepo): SarifOutcome {
  const result = repo.footprint(['analyze', '--format', 'sarif', '--no-llm']);
  assert.equal(result.status, 0, result.stderr);
  const log = JSON.parse(result.stdout) as SarifOutcome['log'];
  return { log, results: log.runs[0]?.results ?? [], stdout: result.stdout };
}

function firstUri(result: SarifResult | undefined): string | undefined {
  return result?.locations?.[0]?.physicalLocation?.artifactLocation?.uri;
}

/** Lists what code scanning would reject in each result: a missing file or start line. */
function locationProblems(results: readonly SarifResult[]): string[] {
  const problems: string[] = [];
  for (const result of results) {
    const physical = result.locations?.[0]?.physicalLocation;
    const uri = physical?.artifactLocation?.uri;
    const startLine = physical?.region?.startLine;
    if (typeof uri !== 'string' || uri === '') problems.push(`${result.ruleId}: no uri`);
    if (!Number.isInteger(startLine) || (startLine as number) < 1) {
      problems.push(`${result.ruleId}: start line ${String(startLine)}`);
    }
  }
  return problems;
}

function batchFirstPaths(repo: TempRepo): string[] {
  const result = repo.footprint(['analyze', '--json', '--no-llm']);
  const document = JSON.parse(result.stdout) as {
    batches: Array<{ changes: Array<{ path: string }> }>;
  };
  return document.batches.map((batch) => batch.changes[0]?.path ?? '');
}

describe('SARIF locations', () => {
  test('change-level finding gets a location', () => {
    const repo = createRepo(TWO_BATCHES);
    try {
      stageTwoBatches(repo);
      const { results } = analyzeSarif(repo);
      const split = results.find((result) => result.ruleId === 'unrelated-batches');
      const firstPaths = batchFirstPaths(repo);

      assert.deepEqual(
        results.map((result) => result.ruleId),
        ['unrelated-batches'],
      );
      assert.deepEqual(locationProblems(results), []);
      assert.equal(firstPaths.length, 2);
      assert.equal(firstUri(split), firstPaths[0]);
      assert.equal(split?.locations?.[0]?.physicalLocation?.region?.startLine, 1);
      assert.match(split?.message.text ?? '', /^The change splits into 2 batches/);
      assert.match(split?.message.text ?? '', /whole change/);
    } finally {
      repo.cleanup();
    }
  });

  test('batch first files are related locations', () => {
    const repo = createRepo(TWO_BATCHES);
    try {
      stageTwoBatches(repo);
      const { results } = analyzeSarif(repo);
      const split = results.find((result) => result.ruleId === 'unrelated-batches');
      const related = split?.relatedLocations ?? [];

      assert.deepEqual(
        related.map((location) => location.physicalLocation?.artifactLocation?.uri),
        batchFirstPaths(repo),
      );
      assert.deepEqual(
        related.map((location) => location.physicalLocation?.region?.startLine),
        [1, 1],
      );
      assert.deepEqual(
        related.map((location) => location.id),
        [1, 2],
      );
    } finally {
      repo.cleanup();
    }
  });

  test('empty change uses the configuration file', () => {
    const repo = createRepo({
      risk: { rules: { 'protected-branch': { options: { branches: ['main'] } } } },
    });
    try {
      const { results } = analyzeSarif(repo);
      const branch = results.find((result) => result.ruleId === 'protected-branch');

      assert.deepEqual(locationProblems(results), []);
      assert.equal(firstUri(branch), 'footprint.config.json');
    } finally {
      repo.cleanup();
    }
  });

  test('empty change says why on stderr', () => {
    const repo = createRepo({});
    try {
      const result = repo.footprint(['analyze', '--format', 'sarif', '--no-llm']);
      const log = JSON.parse(result.stdout) as SarifOutcome['log'];

      assert.equal(result.status, 0, result.stderr);
      assert.deepEqual(log.runs[0]?.results, []);
      assert.match(result.stderr, /^ℹ Nothing is staged, so the log has no results: /);
      assert.ok(result.stderr.includes('`git reset --soft "$(git merge-base origin/main HEAD)"`'));
    } finally {
      repo.cleanup();
    }
  });

  test('staged change prints no note', () => {
    const repo = createRepo(TWO_BATCHES);
    try {
      stageTwoBatches(repo);
      const result = repo.footprint(['analyze', '--format', 'sarif', '--no-llm']);

      assert.equal(result.status, 0, result.stderr);
      assert.equal(result.stderr, '');
    } finally {
      repo.cleanup();
    }
  });

  test('every result has a file and line', () => {
    const repo = createRepo(TWO_BATCHES);
    try {
      stageTwoBatches(repo);
      repo.write('.env', lines('A=1'));
      repo.write('src/pause.js', lines('const a = 1;', 'debugger;'));
      repo.git(['add', '-A']);
      const { log, results } = analyzeSarif(repo);
      const validate = new Ajv({ strict: false, validateFormats: false }).compile(SARIF_SCHEMA);
      const credentials = results.find((result) => result.ruleId === 'credential-file');
      const pause = results.find((result) => result.ruleId === 'debugger');

      assert.equal(validate(log), true, JSON.stringify(validate.errors));
      assert.ok(results.some((result) => result.ruleId === 'unrelated-batches'));
      assert.deepEqual(locationProblems(results), []);
      assert.equal(firstUri(credentials), '.env');
      assert.equal(credentials?.locations?.[0]?.physicalLocation?.region?.startLine, 1);
      assert.equal(pause?.locations?.[0]?.physicalLocation?.region?.startLine, 2);
    } finally {
      repo.cleanup();
    }
  });

  test('change location skips a token path', () => {
    const branches = { 'protected-branch': { options: { branches: ['main'] } } };
    const repo = createRepo({ risk: { rules: { ...TWO_BATCHES.risk.rules, ...branches } } });
    try {
      const token = fakeGithubToken();
      // Git sorts `0/` before every other staged path, so the token path comes first.
      repo.write(`0/${token}.txt`, lines('hello'));
      stageTwoBatches(repo);
      const { results, stdout } = analyzeSarif(repo);
      const branch = results.find((result) => result.ruleId === 'protected-branch');
      const split = results.find((result) => result.ruleId === 'unrelated-batches');
      const uris = [split?.locations ?? [], split?.relatedLocations ?? []]
        .flat()
        .map((location) => location.physicalLocation?.artifactLocation?.uri ?? '');

      assert.equal(stdout.includes(token), false);
      assert.deepEqual(locationProblems(results), []);
      assert.equal(firstUri(branch), 'README.md');
      assert.equal(uris.length > 0, true);
      assert.deepEqual(
        uris.filter((uri) => uri.startsWith('0/')),
        [],
      );
    } finally {
      repo.cleanup();
    }
  });
});
