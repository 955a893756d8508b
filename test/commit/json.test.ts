import assert from 'node:assert/strict';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, test } from 'node:test';

import { validateDocument } from '../../src/schemas-runtime/validators.js';
import { createTempRepo, type TempRepo } from '../helpers/repo.js';

let repo: TempRepo | undefined;
afterEach(() => repo?.cleanup());

/** Creates a repository with one commit and two unrelated staged changes. */
function stagedRepo(): TempRepo {
  const created = createTempRepo();
  repo = created;
  created.write('src/cart.js', 'export const total = () => 0;\n');
  created.write('README.md', '# Shop\n');
  created.git(['add', '-A']);
  created.git(['commit', '-qm', 'chore: start']);
  created.write('src/cart.js', 'export const total = (items) => items.length;\n');
  created.write('docs/guide.md', '# Guide\n\nHow to pay.\n');
  created.git(['add', '-A']);
  return created;
}

/** Parses stdout as exactly one JSON document. */
function parseDocument(stdout: string): Record<string, unknown> {
  assert.ok(stdout.endsWith('}\n'), `stdout ends with ${JSON.stringify(stdout.slice(-20))}`);
  return JSON.parse(stdout) as Record<string, unknown>;
}

function revParse(created: TempRepo, rev: string): string {
  return created.git(['rev-parse', rev]).trim();
}

interface CommitEntry {
  batch: string;
  oid: string | null;
  tree: string;
  message: string;
  changes: { path: string; totalHunks: number }[];
}

test('commit --json --dry-run prints the plan', () => {
  const created = stagedRepo();
  const head = revParse(created, 'HEAD');

  const result = created.footprint(['commit', '--json', '--dry-run']);
  const document = parseDocument(result.stdout);
  const commits = document['commits'] as CommitEntry[];

  assert.equal(result.status, 0, result.stderr);
  assert.deepEqual(validateDocument('commit', document), []);
  assert.equal(document['result'], 'planned');
  assert.equal(document['ref'], 'refs/heads/main');
  assert.equal(document['startHead'], head);
  assert.equal(document['finalHead'], null);
  assert.equal(document['stagedTree'], created.git(['write-tree']).trim());
  assert.equal(document['fossil'], null);
  assert.deepEqual(
    commits.flatMap((commit) => commit.changes.map((change) => change.path)).sort(),
    ['docs/guide.md', 'src/cart.js'],
  );
  assert.ok(commits.every((commit) => commit.oid === null));
  assert.equal(commits.at(-1)?.tree, document['stagedTree']);
  assert.equal(revParse(created, 'HEAD'), head);
});

test('commit and undo print JSON results', () => {
  const created = stagedRepo();
  const start = revParse(created, 'HEAD');

  const result = created.footprint(['commit', '--json', '--yes']);
  const document = parseDocument(result.stdout);
  const commits = document['commits'] as CommitEntry[];

  assert.equal(result.status, 0, result.stderr);
  assert.deepEqual(validateDocument('commit', document), []);
  assert.equal(document['result'], 'committed');
  assert.equal(document['startHead'], start);
  assert.equal(document['finalHead'], revParse(created, 'HEAD'));
  assert.equal(document['commitMsgHook'], 'absent');
  assert.equal(document['signing'], null);
  const written = created
    .git(['rev-list', '--reverse', `${start}..HEAD`])
    .trim()
    .split('\n');
  assert.deepEqual(
    commits.map((commit) => commit.oid),
    written,
  );
  for (const commit of commits) {
    assert.equal(commit.tree, revParse(created, `${commit.oid}^{tree}`));
    assert.equal(
      commit.message,
      created
        .git(['cat-file', 'commit', commit.oid ?? ''])
        .split('\n\n')
        .slice(1)
        .join('\n\n'),
    );
  }
  assert.match(String(document['fossil']), /^fossils\/[^/]+-commit-run-[^/]+\.json$/);
  assert.ok(existsSync(path.join(created.dir, String(document['fossil']))));

  const undo = created.footprint(['undo', '--json']);
  const undone = parseDocument(undo.stdout);

  assert.equal(undo.status, 0, undo.stderr);
  assert.deepEqual(validateDocument('undo', undone), []);
  assert.deepEqual(undone, {
    schemaVersion: 1,
    command: 'undo',
    ref: 'refs/heads/main',
    from: document['finalHead'],
    to: start,
    commits: commits.length,
    fossilId: undone['fossilId'],
  });
  assert.ok(String(document['fossil']).includes(String(undone['fossilId'])));
  assert.equal(revParse(created, 'HEAD'), start);
});

test('commit --json needs --yes or --dry-run', () => {
  const created = stagedRepo();
  const head = revParse(created, 'HEAD');

  const result = created.footprint(['commit', '--json']);
  const document = parseDocument(result.stdout);

  assert.equal(result.status, 2);
  assert.equal(document['result'], 'refused');
  assert.match(String(document['reason']), /so it cannot ask for confirmation/);
  assert.deepEqual(document['problems'], []);
  assert.match(result.stderr, /--json prints one JSON document, so it cannot ask for confirmation/);
  assert.equal(revParse(created, 'HEAD'), head);
});

test('commit --json prints a refusal', () => {
  const created = stagedRepo();
  created.git(['commit', '-qm', 'chore: take the staged change'], { env: { FOOTPRINT: '0' } });

  const result = created.footprint(['commit', '--json', '--dry-run']);
  const document = parseDocument(result.stdout);

  assert.equal(result.status, 1, result.stderr);
  assert.deepEqual(validateDocument('commit', document), []);
  assert.equal(document['command'], 'commit');
  assert.equal(document['result'], 'refused');
  assert.match(String(document['reason']), /^Nothing is staged, so there is nothing to commit\./);
  assert.equal(document['file'], null);
  assert.deepEqual(document['problems'], []);
  assert.match(result.stderr, /Nothing is staged, so there is nothing to commit\./);
});

interface StrategyFile {
  batches: Array<{ id: string; changes: Array<{ path: string }> }>;
}

/** Writes the strategy of the staged change to plan.json and returns its absolute path. */
function writeStrategy(created: TempRepo): string {
  const file = path.join(created.dir, 'plan.json');
  const written = created.footprint(['strategy', '--no-llm', '--output', file]);
  assert.equal(written.status, 0, written.stderr);
  return file;
}

test('commit --json lists invalid strategy problems', () => {
  const created = stagedRepo();
  const file = writeStrategy(created);
  const strategy = JSON.parse(readFileSync(file, 'utf8')) as StrategyFile;
  const change = strategy.batches
    .flatMap((batch) => batch.changes)
    .find((entry) => entry.path === 'src/cart.js');
  assert.ok(change !== undefined);
  change.path = 'src/carts.js';
  writeFileSync(file, JSON.stringify(strategy, null, 2));

  const result = created.footprint(['commit', '--json', '--dry-run', '--strategy', file]);
  const document = parseDocument(result.stdout);
  const validated = parseDocument(
    created.footprint(['validate', '--json', '--strategy', file]).stdout,
  );
  const problems = document['problems'] as Array<Record<string, string>>;

  assert.equal(result.status, 1, result.stderr);
  assert.deepEqual(validateDocument('commit', document), []);
  assert.equal(document['result'], 'refused');
  assert.equal(document['file'], file);
  assert.deepEqual(
    problems.map((problem) => problem.code),
    ['unknown-path', 'missing-path'],
  );
  assert.equal(problems[0]?.path, 'src/carts.js');
  assert.equal(problems[1]?.path, 'src/cart.js');
  assert.deepEqual(problems, validated['problems']);
  assert.match(String(document['reason']), /is invalid \(2 problems\), so no commit was made\./);
  assert.match(result.stderr, /is invalid \(2 problems\)/);
});

test('commit --json lists stale strategy problems', () => {
  const created = stagedRepo();
  const file = writeStrategy(created);
  created.git(['commit', '-qm', 'chore: take the staged change'], { env: { FOOTPRINT: '0' } });
  created.write('docs/guide.md', '# Guide\n\nHow to pay and ship.\n');
  // `git add -A` would stage plan.json too, which validation reports before the stale tree.
  created.git(['add', 'docs/guide.md']);

  const result = created.footprint(['commit', '--json', '--dry-run', '--strategy', file]);
  const document = parseDocument(result.stdout);
  const problems = document['problems'] as Array<Record<string, string>>;

  assert.equal(result.status, 1, result.stderr);
  assert.deepEqual(validateDocument('commit', document), []);
  assert.match(String(document['reason']), /^HEAD moved since the strategy was made/);
  assert.equal(problems[0]?.code, 'stale');
  assert.match(problems[0]?.message ?? '', /is HEAD's tree now: it was committed after the/);
});

test('commit --json names a missing strategy file', () => {
  const created = stagedRepo();
  const head = revParse(created, 'HEAD');
  const file = path.join(created.dir, 'missing.json');

  const result = created.footprint(['commit', '--json', '--yes', '--strategy', 'missing.json']);
  const document = parseDocument(result.stdout);

  assert.equal(result.status, 2, result.stderr);
  assert.deepEqual(validateDocument('commit', document), []);
  assert.equal(document['result'], 'refused');
  assert.equal(document['file'], file);
  assert.deepEqual(document['problems'], [
    {
      code: 'unreadable-file',
      message:
        `Cannot read the strategy file ${file} (ENOENT). ` +
        `Write one with \`footprint strategy --output ${file}\`.`,
    },
  ]);
  assert.equal(
    document['reason'],
    (document['problems'] as Array<{ message: string }>)[0]?.message,
  );
  assert.ok(result.stderr.includes(`Cannot read the strategy file ${file} (ENOENT).`));
  assert.equal(revParse(created, 'HEAD'), head);
});

test('undo --json prints a refusal', () => {
  const created = stagedRepo();
  const committed = created.footprint(['commit', '--json', '--yes']);
  assert.equal(committed.status, 0, committed.stderr);
  const first = created.footprint(['undo', '--json']);
  assert.equal(first.status, 0, first.stderr);

  const second = created.footprint(['undo', '--json']);
  const document = parseDocument(second.stdout);

  assert.equal(second.status, 1, second.stderr);
  assert.deepEqual(validateDocument('undo', document), []);
  assert.equal(document['command'], 'undo');
  assert.equal(document['result'], 'refused');
  assert.match(String(document['reason']), /was already undone at .* Nothing was changed\./);
  assert.match(second.stderr, /was already undone at /);
});

test('refusal documents match their schemas', () => {
  const problem = { code: 'missing-path', path: 'a.js', message: 'a.js is in no batch.' };
  const warning = { code: 'long-subject', batch: 'b1', message: 'Batch b1 has a long subject.' };
  const commitRefusal = {
    schemaVersion: 1,
    command: 'commit',
    result: 'refused',
    reason: 'No.',
    file: '/tmp/plan.json',
    problems: [problem],
    warnings: [warning],
  };
  const undoRefusal = { schemaVersion: 1, command: 'undo', result: 'refused', reason: 'No.' };
  const withoutProblems = {
    schemaVersion: 1,
    command: 'commit',
    result: 'refused',
    reason: 'No.',
    file: null,
    warnings: [],
  };

  assert.deepEqual(validateDocument('commit', commitRefusal), []);
  assert.deepEqual(validateDocument('commit', { ...withoutProblems, problems: [] }), []);
  assert.notDeepEqual(validateDocument('commit', withoutProblems), []);
  assert.notDeepEqual(validateDocument('commit', { ...commitRefusal, warnings: undefined }), []);
  assert.notDeepEqual(
    validateDocument('commit', { ...commitRefusal, problems: [{ ...problem, fix: 'x' }] }),
    [],
  );
  assert.deepEqual(validateDocument('undo', undoRefusal), []);
  assert.notDeepEqual(validateDocument('commit', undoRefusal), []);
  assert.notDeepEqual(validateDocument('undo', { ...undoRefusal, reason: '' }), []);
  assert.notDeepEqual(validateDocument('commit', { ...commitRefusal, ref: 'refs/heads/main' }), []);
});
