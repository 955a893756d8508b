import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { afterEach, describe, test } from 'node:test';
import type { Hunk } from '../../src/footprint/types.js';
import { runCli } from '../cli/cli-io.js';
import type { TempRepo } from '../helpers/repo.js';
import { createStrategyRepo } from '../helpers/strategy-repo.js';

interface PlanChange {
  path: string;
  hunks?: Hunk[];
}

interface PlanBatch {
  id: string;
  message: string;
  type: string;
  scope: string | null;
  rationale: string;
  changes: PlanChange[];
  dependsOn: string[];
}

/** Builds forty numbered lines, replacing each line whose number is a key of `edits`. */
function numberedLines(edits: Record<number, string> = {}): string {
  const lines = [];
  for (let line = 1; line <= 40; line += 1) lines.push(edits[line] ?? `const v${line} = ${line};`);
  return `${lines.join('\n')}\n`;
}

const BEFORE = numberedLines();
const FIRST_EDIT = { 3: 'const v3 = 33;' };
const BOTH_EDITS = { ...FIRST_EDIT, 37: 'const v37 = 3737;' };

function readBatches(file: string): PlanBatch[] {
  return (JSON.parse(readFileSync(file, 'utf8')) as { batches: PlanBatch[] }).batches;
}

/** Rewrites the strategy file with other batches, keeping its other keys. */
function writeBatches(file: string, batches: PlanBatch[]): void {
  const strategy = JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>;
  writeFileSync(file, `${JSON.stringify({ ...strategy, batches }, null, 2)}\n`);
}

function changeOf(batches: readonly PlanBatch[], path: string): PlanChange | undefined {
  return batches.flatMap((batch) => batch.changes).find((change) => change.path === path);
}

describe('strategy hunk entries', () => {
  let repo: TempRepo | undefined;
  afterEach(() => repo?.cleanup());

  test('whole modified file lists hunks', async () => {
    const fixture = await createStrategyRepo(
      { 'a.js': BEFORE },
      { 'a.js': numberedLines(BOTH_EDITS) },
    );
    repo = fixture.repo;
    const batches = readBatches(fixture.strategyFile);

    assert.equal(batches.length, 1);
    assert.deepEqual(batches[0]?.changes, [
      {
        path: 'a.js',
        hunks: [
          { oldStart: 3, oldLines: 1, newStart: 3, newLines: 1 },
          { oldStart: 37, oldLines: 1, newStart: 37, newLines: 1 },
        ],
      },
    ]);
  });

  test('strategy writes one hunk per line', async () => {
    const fixture = await createStrategyRepo(
      { 'a.js': BEFORE },
      { 'a.js': numberedLines(BOTH_EDITS) },
    );
    repo = fixture.repo;
    const lines = readFileSync(fixture.strategyFile, 'utf8').split('\n');

    assert.ok(
      lines.includes('            { "oldStart": 3, "oldLines": 1, "newStart": 3, "newLines": 1 },'),
      lines.join('\n'),
    );
    assert.ok(
      lines.includes(
        '            { "oldStart": 37, "oldLines": 1, "newStart": 37, "newLines": 1 }',
      ),
      lines.join('\n'),
    );
  });

  test('analyze json lists hunks too', async () => {
    const fixture = await createStrategyRepo(
      { 'a.js': BEFORE },
      { 'a.js': numberedLines(BOTH_EDITS) },
    );
    repo = fixture.repo;
    const result = await runCli(repo.dir, 'analyze', '--no-llm', '--json');
    const document = JSON.parse(result.stdout) as { batches: PlanBatch[] };

    assert.equal(result.code, 0, result.stderr);
    assert.equal(changeOf(document.batches, 'a.js')?.hunks?.length, 2);
  });

  test('moved hunk validates and commits', async () => {
    const fixture = await createStrategyRepo(
      { 'a.js': BEFORE },
      { 'a.js': numberedLines(BOTH_EDITS) },
    );
    repo = fixture.repo;
    const [only] = readBatches(fixture.strategyFile);
    assert.ok(only !== undefined);
    const [change] = only.changes;
    const second = change?.hunks?.pop();
    assert.ok(second !== undefined);
    const moved: PlanBatch = {
      ...only,
      id: 'b2',
      message: 'fix: raise v37',
      type: 'fix',
      scope: null,
      changes: [{ path: 'a.js', hunks: [second] }],
    };
    writeBatches(fixture.strategyFile, [{ ...only, message: 'fix: raise v3', type: 'fix' }, moved]);
    const stagedTree = repo.git(['write-tree']).trim();

    const validation = await runCli(repo.dir, 'validate', '--strategy', fixture.strategyFile);
    assert.equal(validation.code, 0, validation.stdout + validation.stderr);
    const commit = await runCli(repo.dir, 'commit', '--strategy', fixture.strategyFile, '--yes');
    assert.equal(commit.code, 0, commit.stdout + commit.stderr);

    const subjects = repo.git(['log', '--format=%s', '-3']).trim().split('\n');
    assert.deepEqual(subjects, ['fix: raise v37', 'fix: raise v3', 'chore: start']);
    assert.equal(repo.git(['show', 'HEAD~1:a.js']), numberedLines(FIRST_EDIT));
    assert.equal(repo.git(['show', 'HEAD:a.js']), numberedLines(BOTH_EDITS));
    assert.equal(repo.git(['rev-parse', 'HEAD^{tree}']).trim(), stagedTree);
  });

  test('modified file without hunks validates', async () => {
    const fixture = await createStrategyRepo(
      { 'a.js': BEFORE },
      { 'a.js': numberedLines(BOTH_EDITS) },
    );
    repo = fixture.repo;
    const [only] = readBatches(fixture.strategyFile);
    assert.ok(only !== undefined);
    writeBatches(fixture.strategyFile, [{ ...only, changes: [{ path: 'a.js' }] }]);

    const validation = await runCli(repo.dir, 'validate', '--strategy', fixture.strategyFile);

    assert.equal(validation.code, 0, validation.stdout + validation.stderr);
  });

  test('unsplittable files stay whole entries', async () => {
    const fixture = await createStrategyRepo(
      {
        'image.bin': Buffer.from([1, 0, 2, 0, 3]).toString('latin1'),
        'run.sh': '#!/bin/sh\necho run\n',
        'gone.txt': 'old text\n',
        'before.md': '# Title\n\nSome text that stays the same.\nAnd a second line.\n',
      },
      {
        'added.txt': 'new text\n',
        'image.bin': Buffer.from([1, 0, 9, 0, 3]).toString('latin1'),
      },
    );
    repo = fixture.repo;
    repo.git(['update-index', '--chmod=+x', 'run.sh']);
    repo.git(['rm', '-q', 'gone.txt']);
    repo.git(['mv', 'before.md', 'after.md']);
    writeFileSync(fixture.strategyFile, '');
    const written = await runCli(
      repo.dir,
      'strategy',
      '--no-llm',
      '--output',
      fixture.strategyFile,
    );
    assert.equal(written.code, 0, written.stderr);
    const batches = readBatches(fixture.strategyFile);

    for (const path of ['added.txt', 'image.bin', 'run.sh', 'gone.txt', 'after.md']) {
      const change = changeOf(batches, path);
      assert.ok(change !== undefined, `${path} is in no batch`);
      assert.equal(change.hunks, undefined, `${path} lists hunks`);
    }
  });
});
