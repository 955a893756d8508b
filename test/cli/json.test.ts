import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import {
  validateAnalysisDocument,
  validateStrategyDocument,
  validateValidationDocument,
} from '../../src/schemas-runtime/validators.js';
import {
  createTempRepo,
  footprintBin,
  gitTestEnv,
  plainPath,
  type TempRepo,
} from '../helpers/repo.js';
import {
  commitStartingProject,
  fakePrivateKey,
  listFossils,
  stageTangledChange,
} from '../e2e/project.js';

function createStagedRepo(): TempRepo {
  const repo = createTempRepo();
  commitStartingProject(repo);
  stageTangledChange(repo);
  return repo;
}

/** Parses stdout as exactly one JSON document. */
function parseDocument(stdout: string): Record<string, unknown> {
  assert.ok(stdout.endsWith('}\n'), `stdout ends with ${JSON.stringify(stdout.slice(-20))}`);
  return JSON.parse(stdout) as Record<string, unknown>;
}

test('analyze --json prints one valid analysis document', () => {
  const repo = createStagedRepo();
  try {
    const result = repo.footprint(['analyze', '--json']);
    const document = parseDocument(result.stdout);

    assert.equal(result.status, 0, result.stderr);
    assert.deepEqual(validateAnalysisDocument(document), []);
    assert.equal(document['command'], 'analyze');
    assert.ok(Array.isArray(document['batches']));
    assert.equal(result.stderr, '');
    assert.equal(listFossils(repo).length, 0);
  } finally {
    repo.cleanup();
  }
});

test('analyze never blocks', () => {
  const repo = createStagedRepo();
  try {
    repo.write('deploy/key.pem', fakePrivateKey());
    repo.git(['add', 'deploy/key.pem']);

    const result = repo.footprint(['analyze']);

    assert.equal(result.status, 0, result.stderr);
    assert.match(result.stdout, /A commit would be blocked by 1 finding \(private-key\)/);
    assert.ok(!result.stdout.includes('\u001b['));
  } finally {
    repo.cleanup();
  }
});

test('precommit --json prints the document and keeps the exit code', () => {
  const repo = createStagedRepo();
  try {
    repo.write('deploy/key.pem', fakePrivateKey());
    repo.git(['add', 'deploy/key.pem']);

    const result = repo.footprint(['precommit', '--json', '--no-llm']);
    const document = parseDocument(result.stdout);

    assert.equal(result.status, 1, result.stderr);
    assert.deepEqual(validateAnalysisDocument(document), []);
    assert.equal((document['risk'] as { blocked: boolean }).blocked, true);
    assert.equal(result.stderr, '');
    assert.equal(listFossils(repo).length, 1);
  } finally {
    repo.cleanup();
  }
});

test('strategy writes a valid file that validate accepts', () => {
  const repo = createStagedRepo();
  try {
    const written = repo.footprint(['strategy', '--output', 'plans/strategy.json']);
    const strategy = JSON.parse(
      readFileSync(path.join(repo.dir, 'plans', 'strategy.json'), 'utf8'),
    ) as unknown;
    const validated = repo.footprint(['validate', '--strategy', 'plans/strategy.json', '--json']);
    const document = parseDocument(validated.stdout);

    assert.equal(written.status, 0, written.stderr);
    assert.equal(written.stdout, '');
    assert.match(written.stderr, /Wrote the strategy \(\d+ batch(es)?\) to plans\/strategy\.json/);
    assert.deepEqual(validateStrategyDocument(strategy), []);
    assert.deepEqual((strategy as { validation: string[] }).validation, [
      'footprint validate --strategy plans/strategy.json',
    ]);
    assert.equal(validated.status, 0, validated.stderr);
    assert.deepEqual(validateValidationDocument(document), []);
    assert.equal(document['valid'], true);
  } finally {
    repo.cleanup();
  }
});

test('strategy names a quoted file to validate', () => {
  const repo = createStagedRepo();
  try {
    const written = repo.footprint(['strategy', '--output', "it's my plan.json"]);

    assert.equal(written.status, 0, written.stderr);
    assert.ok(
      written.stderr.includes("`footprint validate --strategy 'it'\\''s my plan.json'`"),
      written.stderr,
    );
  } finally {
    repo.cleanup();
  }
});

test('strategy without --output prints the strategy', () => {
  const repo = createStagedRepo();
  try {
    const result = repo.footprint(['strategy']);
    const strategy = parseDocument(result.stdout);

    assert.equal(result.status, 0, result.stderr);
    assert.deepEqual(validateStrategyDocument(strategy), []);
    assert.equal(strategy['kind'], 'strategy');
  } finally {
    repo.cleanup();
  }
});

test('validate reports a stale strategy', () => {
  const repo = createStagedRepo();
  try {
    assert.equal(repo.footprint(['strategy', '--output', 'strategy.json']).status, 0);
    repo.write('src/extra.js', 'export const extra = 1;\n');
    repo.git(['add', 'src/extra.js']);

    const result = repo.footprint(['validate', '--strategy', 'strategy.json']);

    assert.equal(result.status, 1, result.stderr);
    assert.match(result.stdout, /strategy\.json is invalid/);
    assert.match(result.stdout, /stale/);
    assert.match(result.stdout, /footprint strategy --output strategy\.json/);
  } finally {
    repo.cleanup();
  }
});

test('validate names a missing strategy file', () => {
  const repo = createStagedRepo();
  try {
    const result = repo.footprint(['validate', '--strategy', 'missing.json']);

    assert.equal(result.status, 2);
    assert.match(result.stderr, /missing\.json/);
    assert.match(result.stderr, /footprint strategy --output/);
  } finally {
    repo.cleanup();
  }
});

test('validate --json reports a file that is not JSON', () => {
  const repo = createStagedRepo();
  try {
    repo.write('strategy.json', '{ "batches": [ }');

    const result = repo.footprint(['validate', '--strategy', 'strategy.json', '--json']);
    const document = parseDocument(result.stdout);

    assert.equal(result.status, 1, result.stderr);
    assert.deepEqual(validateValidationDocument(document), []);
    assert.equal(document['valid'], false);
    const problems = document['problems'] as Array<{ code: string; message: string }>;
    assert.deepEqual(
      problems.map((problem) => problem.code),
      ['json'],
    );
    assert.match(
      problems[0]?.message ?? '',
      /strategy\.json is not valid JSON \(line 1, column 16: /,
    );
    assert.match(problems[0]?.message ?? '', /footprint strategy --output /);
  } finally {
    repo.cleanup();
  }
});

test('validate rejects a blank batch message', () => {
  const repo = createStagedRepo();
  try {
    assert.equal(repo.footprint(['strategy', '--output', 'strategy.json']).status, 0);
    const strategy = JSON.parse(readFileSync(path.join(repo.dir, 'strategy.json'), 'utf8')) as {
      batches: Array<{ id: string; message: string }>;
    };
    const first = strategy.batches[0]!;
    first.message = '   ';
    repo.write('strategy.json', JSON.stringify(strategy));

    const result = repo.footprint(['validate', '--strategy', 'strategy.json']);

    assert.equal(result.status, 1, result.stderr);
    assert.match(result.stdout, /strategy\.json is invalid: 1 problem\./);
    assert.ok(
      result.stdout.includes(`empty-message  ${first.id}  Batch ${first.id} has an empty message`),
      result.stdout,
    );
  } finally {
    repo.cleanup();
  }
});

test('invalid configuration exits 2 naming the key', () => {
  const repo = createStagedRepo();
  try {
    repo.write('footprint.config.json', JSON.stringify({ mode: 'reckless' }));

    const result = repo.footprint(['analyze']);

    assert.equal(result.status, 2);
    assert.match(result.stderr, /mode/);
    assert.match(result.stderr, /reckless/);
  } finally {
    repo.cleanup();
  }
});

test('analyze outside a repository exits 2', () => {
  const repo = createTempRepo();
  try {
    const result = repo.footprint(['analyze', '--cwd', path.dirname(repo.dir)], {
      env: { GIT_CEILING_DIRECTORIES: path.dirname(repo.dir) },
    });

    assert.equal(result.status, 2, result.stderr);
    assert.match(result.stderr, /not inside a git repository/);
  } finally {
    repo.cleanup();
  }
});

test('analyze in .git names the worktree', () => {
  const repo = createTempRepo();
  try {
    const result = repo.footprint(['analyze', '--cwd', path.join(repo.dir, '.git')]);

    assert.equal(result.status, 2, result.stderr);
    assert.ok(
      result.stderr.includes(`is the git directory of ${repo.dir}, not a worktree.`),
      result.stderr,
    );
    assert.ok(
      result.stderr.includes(`Run \`footprint --cwd ${repo.dir} analyze\`.`),
      result.stderr,
    );
  } finally {
    repo.cleanup();
  }
});

test('analyze in a linked worktree git directory names the worktree', () => {
  const repo = createTempRepo();
  const linked = `${repo.dir}-linked`;
  try {
    repo.write('a.txt', 'a\n');
    repo.git(['add', 'a.txt']);
    repo.git(['commit', '-q', '-m', 'start'], { env: { FOOTPRINT: '0' } });
    repo.git(['worktree', 'add', '-q', linked]);
    const gitDir = path.join(repo.dir, '.git', 'worktrees', path.basename(linked));

    const result = repo.footprint(['analyze', '--cwd', gitDir]);

    assert.equal(result.status, 2, result.stderr);
    assert.ok(result.stderr.includes(`Run \`footprint --cwd ${linked} analyze\`.`), result.stderr);
    assert.doesNotMatch(result.stderr, /bare/);
  } finally {
    repo.cleanup();
    rmSync(linked, { recursive: true, force: true });
  }
});

test('bare repository advice runs this footprint', () => {
  const repo = createTempRepo({ bare: true });
  try {
    const result = repo.footprint(['learn'], { env: { PATH: plainPath() } });

    assert.equal(result.status, 2, result.stderr);
    assert.ok(
      result.stderr.includes(`Run \`node ${footprintBin} learn\` in a worktree.`),
      result.stderr,
    );
  } finally {
    repo.cleanup();
  }
});

test('precommit writes fossil path from top folder', () => {
  const repo = createStagedRepo();
  try {
    const result = spawnSync(process.execPath, [footprintBin, 'precommit', '--json', '--no-llm'], {
      cwd: path.join(repo.dir, 'src'),
      env: gitTestEnv(),
      encoding: 'utf8',
    });
    const document = parseDocument(result.stdout);

    assert.equal(result.status, 0, result.stderr);
    assert.match(String(document['fossil']), /^fossils\/\S+-analysis-[0-9a-f]{8}\.json$/);
  } finally {
    repo.cleanup();
  }
});

test('precommit by hand blocks no commit', () => {
  const repo = createTempRepo();
  try {
    const outside = path.dirname(repo.dir);
    const env = { GIT_CEILING_DIRECTORIES: outside };
    const byHand = repo.footprint(['precommit', '--cwd', outside], { env });
    const inHook = repo.footprint(['precommit', '--cwd', outside], {
      env: { ...env, GIT_INDEX_FILE: '.git/index' },
    });

    assert.equal(byHand.status, 2, byHand.stderr);
    assert.match(byHand.stderr, /not inside a git repository/);
    assert.doesNotMatch(byHand.stderr, /commit is blocked/);
    assert.equal(inHook.status, 2, inHook.stderr);
    assert.match(inHook.stderr, /The commit is blocked until this is fixed/);
  } finally {
    repo.cleanup();
  }
});

test('cwd flag runs in another folder', () => {
  const repo = createStagedRepo();
  try {
    const result = spawnSync(
      process.execPath,
      [footprintBin, 'analyze', '--json', '--cwd', repo.dir],
      {
        cwd: path.dirname(repo.dir),
        env: gitTestEnv(),
        encoding: 'utf8',
      },
    );
    const document = parseDocument(result.stdout);

    assert.equal(result.status, 0, result.stderr);
    assert.equal((document['footprint'] as { totals: { files: number } }).totals.files, 5);
  } finally {
    repo.cleanup();
  }
});

test('debug flag prints timed debug lines', () => {
  const repo = createStagedRepo();
  try {
    const result = repo.footprint(['analyze', '--debug']);

    assert.equal(result.status, 0, result.stderr);
    assert.match(result.stderr, /^footprint:cli footprint analyze --debug \+\d+ms$/m);
    assert.match(result.stderr, /^footprint:stage footprint took [\d.]+ms \+\d+ms$/m);
  } finally {
    repo.cleanup();
  }
});

test('strategy names an output path it cannot write', () => {
  const repo = createStagedRepo();
  try {
    repo.write('taken', 'a file, not a folder\n');

    const result = repo.footprint(['strategy', '--output', 'taken/strategy.json']);

    assert.equal(result.status, 2, result.stderr);
    assert.match(
      result.stderr,
      /Cannot write the strategy to \S+taken\/strategy\.json \(a part of the path is a file, not a folder, ENOTDIR\)/,
    );
    assert.match(result.stderr, /Pass a writable path to --output/);
  } finally {
    repo.cleanup();
  }
});
