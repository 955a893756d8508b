import assert from 'node:assert/strict';
import { afterEach, beforeEach, describe, test } from 'node:test';
import { refineFileKind } from '../../src/learn/commit-kind.js';
import { readMessageFacts } from '../../src/learn/commit-message.js';
import { decodeCounts, encodeCounts } from '../../src/learn/counts-document.js';
import { chooseKindScope, chooseKindType, kindOfBatch } from '../../src/learn/kind-types.js';
import {
  createModelCounts,
  keepRecentKindTypes,
  RECENT_KIND_COMMITS,
  type KindHeader,
} from '../../src/learn/model-counts.js';
import { createTempRepo, type TempRepo } from '../helpers/repo.js';
import { commitHistory, repeat, type HistoryCommit } from './history-fixture.js';

interface StrategyBatch {
  message: string;
  type: string;
  scope: string | null;
  rationale: string;
  changes: Array<{ path: string }>;
}

let repo: TempRepo;

beforeEach(() => {
  repo = createTempRepo();
});

afterEach(() => {
  repo.cleanup();
});

function dependencyUpdates(count: number, type: string): HistoryCommit[] {
  return repeat(count, {
    message: `${type}(deps): update dependencies`,
    files: { 'package.json': 'manifest', 'package-lock.json': 'lock' },
  });
}

function manifest(version: string): string {
  return `${JSON.stringify({ name: 'shop', dependencies: { 'left-pad': version } }, null, 2)}\n`;
}

function lockfile(version: string): string {
  const packages = { '': { name: 'shop' }, 'node_modules/left-pad': { version } };
  return `${JSON.stringify({ name: 'shop', lockfileVersion: 3, packages }, null, 2)}\n`;
}

/** Commits valid manifests after the history, then stages a bump of left-pad and a CI edit. */
function stageBump(): void {
  repo.write('package.json', manifest('1.2.0'));
  repo.write('package-lock.json', lockfile('1.2.0'));
  repo.write('.github/workflows/ci.yml', 'on: push\n');
  repo.git(['add', '-A']);
  repo.git(['commit', '-q', '--no-verify', '-m', 'feat: set up the shop']);

  repo.write('package.json', manifest('1.3.0'));
  repo.write('package-lock.json', lockfile('1.3.0'));
  repo.write('.github/workflows/ci.yml', 'on: [push, pull_request]\n');
  repo.git(['add', '-A']);
}

function strategyBatches(): StrategyBatch[] {
  const result = repo.footprint(['strategy', '--no-llm', '--json']);
  assert.equal(result.status, 0, result.stderr);
  return (JSON.parse(result.stdout) as { batches: StrategyBatch[] }).batches;
}

/** Learns a model and returns what `fossils show` prints for it. */
function showModel(): string {
  assert.equal(repo.footprint(['learn']).status, 0);
  const listed = repo.footprint(['fossils', 'list', '--json']);
  const fossils = JSON.parse(listed.stdout) as { fossils: Array<{ type: string; id: string }> };
  const model = fossils.fossils.find((fossil) => fossil.type === 'model');
  const output = repo.footprint(['fossils', 'show', model?.id ?? 'missing']);
  assert.equal(output.status, 0, output.stderr);
  return output.stdout;
}

function dependencyBatch(batches: readonly StrategyBatch[]): StrategyBatch | undefined {
  return batches.find((batch) => batch.changes.some((change) => change.path === 'package.json'));
}

describe('commit types learned per kind of files', () => {
  test('dependency update typed as history does', () => {
    commitHistory(repo, dependencyUpdates(6, 'build'));
    stageBump();
    const before = dependencyBatch(strategyBatches());
    assert.equal(repo.footprint(['learn']).status, 0);
    const after = dependencyBatch(strategyBatches());

    assert.equal(before?.message, 'chore(deps): bump left-pad to 1.3.0');
    assert.equal(after?.message, 'build(deps): bump left-pad to 1.3.0');
    assert.match(after?.rationale ?? '', /commits of only such files are build$/);
  });

  test('dependency update stays first', () => {
    commitHistory(repo, dependencyUpdates(6, 'chore'));
    stageBump();
    assert.equal(repo.footprint(['learn']).status, 0);
    const batches = strategyBatches();

    // `ci` and `chore` share a rank, so the CI file's path would win without the `build` wording.
    assert.deepEqual(
      batches.map((batch) => batch.type),
      ['chore', 'ci'],
    );
  });

  test('split history keeps the default type', () => {
    commitHistory(repo, [...dependencyUpdates(3, 'chore'), ...dependencyUpdates(3, 'build')]);
    stageBump();
    assert.equal(repo.footprint(['learn']).status, 0);

    assert.equal(dependencyBatch(strategyBatches())?.type, 'chore');
  });

  test('CI edit keeps the learned scope', () => {
    const workflow = '.github/workflows/ci.yml';
    commitHistory(
      repo,
      repeat(6, { message: 'chore(ci): run the tests', files: { [workflow]: 'on: push' } }),
    );
    repo.write(workflow, 'on: [push, pull_request]\n');
    repo.git(['add', '-A']);
    assert.equal(repo.footprint(['learn']).status, 0);
    const [batch] = strategyBatches();

    assert.equal(batch?.message, 'chore(ci): update ci.yml');
    assert.equal(batch?.scope, 'ci');
  });

  test('fossil summary names the habit', () => {
    commitHistory(repo, dependencyUpdates(6, 'chore'));
    stageBump();

    assert.match(showModel(), /habits by kind: build chore\(deps\)$/m);
  });

  test('fossil summary names a scope habit', () => {
    const edit = (message: string) => ({ message, files: { '.github/workflows/ci.yml': 'on' } });
    commitHistory(repo, [...repeat(3, edit('ci: tune')), ...repeat(3, edit('chore: tune'))]);
    stageBump();

    assert.match(showModel(), /habits by kind: ci no scope$/m);
  });
});

/** Returns the headers of `count` commits of one kind and type, an hour apart from `start`. */
function commitsOf(
  kind: string,
  type: string,
  count: number,
  start: number,
  scope = '',
): KindHeader[] {
  return Array.from({ length: count }, (_, index) => [kind, type, scope, start + index * 3600]);
}

describe('repositories that write no scopes', () => {
  test('folder scope dropped once learned', () => {
    commitHistory(
      repo,
      repeat(6, { message: 'feat: extend the lexer', files: { 'src/parser/lexer.ts': 'lexer' } }),
    );
    repo.write('src/parser/lexer.ts', 'export const lex = 1;\n');
    repo.git(['add', '-A']);
    const message = () => strategyBatches()[0]?.message;
    const before = message();
    assert.equal(repo.footprint(['learn']).status, 0);
    const after = message();

    assert.match(before ?? '', /^\w+\(parser\): /);
    assert.match(after ?? '', /^\w+: /);
  });
});

describe('chooseKindType', () => {
  const kindTypes = [
    ...commitsOf('build', 'build', 2, 1000),
    ...commitsOf('build', 'chore', 4, 2000),
    ...commitsOf('ci', 'ci', 4, 1000),
    ...commitsOf('docs', 'chore', 3, 1000),
    ...commitsOf('docs', 'docs', 3, 2000),
  ];

  test('takes a type of most commits', () => {
    assert.equal(chooseKindType('build', kindTypes), 'chore');
  });

  test('needs enough commits of the kind', () => {
    assert.equal(chooseKindType('ci', kindTypes), null);
  });

  test('names no type for split habits', () => {
    assert.equal(chooseKindType('docs', kindTypes), null);
  });

  test('names no kind for mixed paths', () => {
    assert.equal(kindOfBatch(['package.json', 'src/index.ts'], false), null);
    assert.equal(kindOfBatch(['package.json', 'package-lock.json'], false), 'build');
    assert.equal(kindOfBatch(['package.json', 'CHANGELOG.md'], true), 'release');
  });

  test('reads a scope habit', () => {
    const releases = [
      ...commitsOf('release', 'chore', 5, 1000, 'release'),
      ...commitsOf('ci', 'ci', 5, 1000),
    ];

    assert.deepEqual(chooseKindScope('release', releases), { scope: 'release' });
    assert.deepEqual(chooseKindScope('ci', releases), { scope: null });
    assert.equal(chooseKindScope('build', releases), null);
  });

  test('follows a changed habit', () => {
    const older = commitsOf('build', 'chore', 30, 1000);
    const newer = commitsOf('build', 'build', RECENT_KIND_COMMITS, 1000 + 30 * 3600);
    const recent = keepRecentKindTypes([...newer, ...older]);

    assert.equal(recent.length, RECENT_KIND_COMMITS);
    assert.equal(chooseKindType('build', recent), 'build');
  });
});

describe('refineFileKind', () => {
  const cases: Array<[string, string, string, string]> = [
    ['CI edit', 'ci', 'ci: run the tests on Node 22', 'ci'],
    ['Dependabot bump', 'ci', 'chore(deps): bump actions/checkout from 3 to 4', 'actions'],
    ['Renovate update', 'ci', 'chore: update actions/setup-node action to v4', 'actions'],
    ['bump by description', 'ci', 'ci: bump the Cygwin action', 'actions'],
    ['update of node matrix', 'ci', 'ci: update the Node versions', 'ci'],
    ['dependency update', 'build', 'chore(deps): update vite', 'build'],
  ];

  for (const [name, kind, message, expected] of cases) {
    test(name, () => {
      assert.equal(refineFileKind(kind, message, readMessageFacts(message).scope), expected);
    });
  }
});

describe('kind types in the counts document', () => {
  test('survive encoding and decoding', () => {
    const counts = createModelCounts();
    counts.kindTypes = keepRecentKindTypes([
      ...commitsOf('ci', 'ci', 2, 5000),
      ...commitsOf('build', 'chore', 25, 1000),
    ]);
    const document = encodeCounts(counts);

    assert.equal(document.messages.kindTypes?.length, RECENT_KIND_COMMITS + 2);
    assert.deepEqual(document.messages.kindTypes?.[0], ['build', 'chore', '', 1000 + 24 * 3600]);
    assert.deepEqual(decodeCounts(document).kindTypes, counts.kindTypes);
  });

  test('older documents decode without them', () => {
    const document = encodeCounts(createModelCounts());
    delete document.messages.kindTypes;

    assert.deepEqual(decodeCounts(document).kindTypes, []);
  });
});
