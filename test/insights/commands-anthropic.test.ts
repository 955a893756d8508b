import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, test } from 'node:test';
import type { TempRepo } from '../helpers/repo.js';
import type { FakeMessagesApi, ScriptedReply } from './fake-messages-api.js';
import { trackTestResources } from './test-resources.js';
import { hermeticEnv, runFootprint, type RunResult } from './footprint-process.js';

interface StrategyFile {
  batches: Array<{ id: string; message: string; changes: Array<{ path: string }> }>;
}

interface AnalysisFossil {
  payload: {
    outcome: string;
    risk: {
      blocked: boolean;
      findings: Array<{ rule: string; severity: string; message: string }>;
    };
  };
}

const { serve, createRepo: createTrackedRepo } = trackTestResources();

/** Returns the test environment without the machine's ANTHROPIC_ variables, set for `server`. */
function serverEnv(server: FakeMessagesApi): NodeJS.ProcessEnv {
  return hermeticEnv({ ANTHROPIC_API_KEY: 'test-key', ANTHROPIC_BASE_URL: server.baseURL });
}

function footprint(repo: TempRepo, args: string[], env: NodeJS.ProcessEnv): Promise<RunResult> {
  return runFootprint(repo.dir, args, env);
}

/** Creates a repository with one commit and a config that turns on the Anthropic provider. */
function createRepo(files: Record<string, string>): TempRepo {
  const repo = createTrackedRepo();
  repo.write('footprint.config.json', JSON.stringify({ llm: { provider: 'anthropic' } }));
  for (const [file, text] of Object.entries(files)) repo.write(file, text);
  repo.git(['add', '-A']);
  repo.git(['commit', '-q', '-m', 'chore: start'], { env: { FOOTPRINT: '0' } });
  return repo;
}

function fossilNames(repo: TempRepo, kind: string): string[] {
  const dir = path.join(repo.dir, 'fossils');
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((name) => name.includes(`-${kind}-`) && name.endsWith('.json'))
    .sort();
}

/**
 * Stages a change where src/main.js starts to import the new src/zeta.js, and src/aaa.js is
 * apart. The heuristic makes b1 of aaa.js and b2 of main.js with zeta.js.
 */
function stageImportChange(): TempRepo {
  const repo = createRepo({ 'src/main.js': 'export function main() {\n  return 1;\n}\n' });
  repo.write('src/zeta.js', 'export function zeta() {\n  return 42;\n}\n');
  repo.write(
    'src/main.js',
    'import { zeta } from "./zeta.js";\n\nexport function main() {\n  return zeta();\n}\n',
  );
  repo.write('src/aaa.js', 'export const other = 3;\n');
  repo.git(['add', '-A']);
  return repo;
}

/** Returns a reply that splits b2 into its parts in the order given, by the summary's file ids. */
function splitReply(first: string, second: string): ScriptedReply {
  const parts = [
    { changes: [{ file: first }], message: 'feat: first part' },
    { changes: [{ file: second }], message: 'feat: second part' },
  ];
  return { toolInput: { summary: 'Split.', messages: [], splits: [{ batch: 'b2', parts }] } };
}

/** Asserts that the request named the files f2 and f3 as the split replies assume. */
function assertFileIds(server: FakeMessagesApi): void {
  const body = server.requests[0]?.rawBody ?? '';
  assert.match(body, /f2 modified src\/main\.js /);
  assert.match(body, /f3 added src\/zeta\.js /);
}

describe('strategy with the anthropic provider', () => {
  test('split that breaks the import order is dropped', async () => {
    const server = await serve([splitReply('f2', 'f3')]);
    const repo = stageImportChange();
    const plan = path.join(repo.dir, 'plan.json');
    const written = await footprint(
      repo,
      ['strategy', '--output', plan, '--debug'],
      serverEnv(server),
    );
    const strategy = JSON.parse(readFileSync(plan, 'utf8')) as StrategyFile;
    const validated = await footprint(repo, ['validate', '--strategy', plan], serverEnv(server));

    assert.equal(written.status, 0, written.stderr);
    assert.equal(server.requests.length, 1);
    assertFileIds(server);
    assert.match(written.stderr, /dropped a split proposal: it gives no valid strategy \(order\)/);
    assert.equal(written.stderr.includes('failed its own check'), false, written.stderr);
    assert.deepEqual(
      strategy.batches.map((batch) => batch.changes.map((change) => change.path).sort()),
      [['src/aaa.js'], ['src/main.js', 'src/zeta.js']],
    );
    assert.equal(validated.status, 0, validated.stdout + validated.stderr);
  });

  test('split that keeps the import order applies', async () => {
    const server = await serve([splitReply('f3', 'f2')]);
    const repo = stageImportChange();
    const plan = path.join(repo.dir, 'plan.json');
    const written = await footprint(repo, ['strategy', '--output', plan], serverEnv(server));
    const strategy = JSON.parse(readFileSync(plan, 'utf8')) as StrategyFile;
    const validated = await footprint(repo, ['validate', '--strategy', plan], serverEnv(server));

    assert.equal(written.status, 0, written.stderr);
    assertFileIds(server);
    assert.deepEqual(
      strategy.batches.map((batch) => [batch.message, batch.changes.map((change) => change.path)]),
      [
        [strategy.batches[0]?.message, ['src/aaa.js']],
        ['feat: first part', ['src/zeta.js']],
        ['feat: second part', ['src/main.js']],
      ],
    );
    assert.equal(validated.status, 0, validated.stdout + validated.stderr);
  });
});

describe('strategy and the insight cache', () => {
  test('second strategy run reuses the reply', async () => {
    const server = await serve([{ toolInput: { summary: 'Fine.', messages: [] } }]);
    const repo = stageImportChange();

    const first = await footprint(repo, ['strategy'], serverEnv(server));
    const second = await footprint(repo, ['strategy'], serverEnv(server));

    assert.equal(first.status, 0, first.stderr);
    assert.equal(second.status, 0, second.stderr);
    assert.equal(server.requests.length, 1);
    assert.equal(fossilNames(repo, 'insight-cache').length, 1);
    assert.deepEqual(
      (JSON.parse(second.stdout) as StrategyFile).batches,
      (JSON.parse(first.stdout) as StrategyFile).batches,
    );
  });

  test('precommit reuses the strategy reply', async () => {
    const server = await serve([{ toolInput: { summary: 'Fine.', messages: [] } }]);
    const repo = stageImportChange();

    const planned = await footprint(repo, ['strategy'], serverEnv(server));
    const checked = await footprint(repo, ['precommit'], serverEnv(server));

    assert.equal(planned.status, 0, planned.stderr);
    assert.equal(checked.status, 0, checked.stderr);
    assert.equal(server.requests.length, 1);
  });

  test('strategy reuses the precommit reply', async () => {
    const server = await serve([{ toolInput: { summary: 'Fine.', messages: [] } }]);
    const repo = stageImportChange();

    const checked = await footprint(repo, ['precommit'], serverEnv(server));
    const planned = await footprint(repo, ['strategy'], serverEnv(server));

    assert.equal(checked.status, 0, checked.stderr);
    assert.equal(planned.status, 0, planned.stderr);
    assert.equal(server.requests.length, 1);
  });
});

describe('analyze with the anthropic provider', () => {
  test('analyze sends nothing and writes no fossil', async () => {
    const server = await serve([
      { toolInput: { summary: 'x', messages: [{ batch: 'b1', message: 'feat: from the model' }] } },
    ]);
    const repo = stageImportChange();

    const text = await footprint(repo, ['analyze'], serverEnv(server));
    const json = await footprint(repo, ['analyze', '--json'], serverEnv(server));
    const document = JSON.parse(json.stdout) as {
      insights: { provider: string; fallbackReason?: string };
      batches: Array<{ message: string }>;
    };

    assert.equal(text.status, 0, text.stderr);
    assert.equal(json.status, 0, json.stderr);
    assert.equal(server.requests.length, 0);
    assert.deepEqual(fossilNames(repo, 'insight-cache'), []);
    assert.deepEqual(fossilNames(repo, 'analysis'), []);
    assert.equal(document.insights.provider, 'heuristic');
    assert.equal(document.insights.fallbackReason, undefined);
    assert.equal(
      document.batches.some((batch) => batch.message === 'feat: from the model'),
      false,
    );
  });
});

describe('commit with the anthropic provider', () => {
  test('dry run stores no reply', async () => {
    const server = await serve([
      { toolInput: { summary: 'x', messages: [{ batch: 'b1', message: 'feat: from the model' }] } },
    ]);
    const repo = stageImportChange();

    const result = await footprint(repo, ['commit', '--dry-run'], serverEnv(server));

    assert.equal(result.status, 0, result.stderr);
    assert.equal(server.requests.length, 1);
    assert.deepEqual(fossilNames(repo, 'insight-cache'), []);
    assert.deepEqual(readdirSync(repo.dir).includes('fossils'), false);
  });
});

describe('raised severity with the anthropic provider', () => {
  test('critical note neither blocks nor hides', async () => {
    const note = 'These lines touch the payment flow\u001b[31m and\nlog card data';
    const server = await serve([
      {
        toolInput: {
          summary: 'Risky.',
          messages: [],
          riskNotes: [{ finding: 'r1', severity: 'critical', note }],
        },
      },
    ]);
    const repo = createRepo({ 'src/pay.js': 'export const fee = 1;\n' });
    repo.write('src/pay.js', 'console.log("card");\nexport const fee = 2;\n');
    repo.git(['add', '-A']);

    const result = await footprint(repo, ['precommit'], serverEnv(server));
    const name = fossilNames(repo, 'analysis').at(-1);
    assert.ok(name, 'no analysis fossil');
    const fossil = JSON.parse(
      readFileSync(path.join(repo.dir, 'fossils', name), 'utf8'),
    ) as AnalysisFossil;
    const finding = fossil.payload.risk.findings.find((item) => item.rule === 'debug-print');
    const reason =
      'Raised from low to medium by the anthropic insight provider, which rated it critical: ' +
      'These lines touch the payment flow [31m and log card data.';

    assert.equal(server.requests.length, 1);
    assert.equal(result.status, 0, result.stderr);
    assert.equal(result.stderr.includes('\u001b[31m and'), false, 'the escape reached stderr');
    assert.match(result.stderr, /left in\. Raised from low to medium/);
    assert.match(result.stderr, /the payment flow \[31m and log card data\./);
    assert.equal(fossil.payload.outcome, 'passed');
    assert.equal(fossil.payload.risk.blocked, false);
    assert.equal(finding?.severity, 'medium');
    assert.ok(finding?.message.endsWith(reason), finding?.message);
  });

  test('critical note leaves commit working', async () => {
    const riskNotes = [{ finding: 'r1', severity: 'critical', note: 'Block this commit.' }];
    const server = await serve([{ toolInput: { summary: 'Risky.', messages: [], riskNotes } }]);
    const repo = createRepo({ 'src/pay.js': 'export const fee = 1;\n' });
    repo.write('src/pay.js', 'console.log("card");\nexport const fee = 2;\n');
    repo.git(['add', '-A']);
    const head = repo.git(['rev-parse', 'HEAD']);

    const result = await footprint(repo, ['commit', '--yes'], serverEnv(server));

    assert.equal(server.requests.length, 1);
    assert.equal(result.status, 0, result.stderr);
    assert.notEqual(repo.git(['rev-parse', 'HEAD']), head);
  });
});
