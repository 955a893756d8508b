import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { createTempRepo, type TempRepo } from '../helpers/repo.js';
import { fakeAwsAccessKeyId, fakeGithubToken } from '../risk/secret-parts.js';

/** Commits a README, then stages a new source file. */
function stageNewFile(repo: TempRepo): void {
  repo.write('README.md', '# app\n');
  repo.git(['add', '-A']);
  repo.git(['commit', '-q', '-m', 'base'], { env: { FOOTPRINT: '0' } });
  repo.write('src/a.js', 'export const a = 1;\n');
  repo.git(['add', '-A']);
}

test('strategy command records a strategy fossil', () => {
  const repo = createTempRepo();
  try {
    stageNewFile(repo);

    const result = repo.footprint(['strategy', '--output', 'plan.json', '--no-llm']);
    const names = readdirSync(path.join(repo.dir, 'fossils')).filter((name) =>
      name.endsWith('.json'),
    );
    const strategies = names.filter((name) => /-strategy-[0-9a-f]{8}\.json$/.test(name));

    assert.equal(result.status, 0, result.stderr);
    assert.equal(strategies.length, 1, names.join(', '));
    const fossil = JSON.parse(
      readFileSync(path.join(repo.dir, 'fossils', strategies[0] as string), 'utf8'),
    ) as { kind: string; payload: { batches: unknown[] } };
    assert.equal(fossil.kind, 'strategy');
    assert.equal(fossil.payload.batches.length, 1);

    const showResult = repo.footprint(['fossils', 'show', (strategies[0] as string).slice(0, -5)]);
    assert.equal(showResult.status, 0, showResult.stderr);
  } finally {
    repo.cleanup();
  }
});

test('strategy --json names the strategy fossil', () => {
  const repo = createTempRepo();
  try {
    stageNewFile(repo);

    const result = repo.footprint(['strategy', '--json', '--no-llm']);
    const document = JSON.parse(result.stdout) as { fossil: string | null };

    assert.equal(result.status, 0, result.stderr);
    assert.match(document.fossil ?? '', /fossils\/\d{8}T\d{6}\.\d{3}Z-strategy-[0-9a-f]{8}\.json$/);
  } finally {
    repo.cleanup();
  }
});

interface StrategyFossil {
  payload: {
    batches: Array<{ message: string; rationale: string; changes: Array<{ path: string }> }>;
    mitigations: Array<{ rule: string; path: string; message: string; fix: string }>;
  };
}

function readStrategyFossils(repo: TempRepo): Array<{ name: string; text: string }> {
  const dir = path.join(repo.dir, 'fossils');
  return readdirSync(dir)
    .filter((name) => /-strategy-[0-9a-f]{8}\.json$/.test(name))
    .map((name) => ({ name, text: readFileSync(path.join(dir, name), 'utf8') }));
}

test('strategy fossil masks token paths', () => {
  const token = fakeGithubToken();
  const keyId = fakeAwsAccessKeyId();
  const repo = createTempRepo();
  try {
    stageNewFile(repo);
    repo.write(`keys/${token}.js`, 'export const b = 2;\ndebugger;\n');
    repo.git(['add', '-A']);
    const plan = `plans/${keyId}.json`;

    const result = repo.footprint(['strategy', '--output', plan, '--no-llm']);
    const fossils = readStrategyFossils(repo);

    assert.equal(result.status, 0, result.stderr);
    assert.equal(fossils.length, 1);
    const text = fossils[0]?.text ?? '';
    assert.equal(text.includes(token), false, 'the fossil holds the path token');
    assert.equal(text.includes(keyId), false, 'the fossil holds the file name token');
    const { payload } = JSON.parse(text) as StrategyFossil;
    const paths = payload.batches.flatMap((batch) => batch.changes.map((change) => change.path));
    assert.ok(paths.includes('keys/ghp_********.js'), paths.join(', '));
    const debuggerFinding = payload.mitigations.find((finding) => finding.rule === 'debugger');
    assert.equal(debuggerFinding?.path, 'keys/ghp_********.js');
  } finally {
    repo.cleanup();
  }
});

test('strategy file keeps staged paths', () => {
  const token = fakeGithubToken();
  const repo = createTempRepo();
  try {
    stageNewFile(repo);
    repo.write(`keys/${token}.js`, 'export const b = 2;\n');
    repo.git(['add', '-A']);

    const written = repo.footprint(['strategy', '--output', 'plan.json', '--no-llm']);
    const checked = repo.footprint(['validate', '--strategy', 'plan.json']);

    assert.equal(written.status, 0, written.stderr);
    assert.equal(checked.status, 0, checked.stdout);
    const plan = readFileSync(path.join(repo.dir, 'plan.json'), 'utf8');
    assert.ok(plan.includes(`keys/${token}.js`), 'footprint commit needs the staged path');
  } finally {
    repo.cleanup();
  }
});
