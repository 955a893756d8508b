import assert from 'node:assert/strict';
import { mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, test } from 'node:test';
import { recordOutcome } from '../../src/fossils/record-outcome.js';
import type { OutcomeFossilPayload } from '../../src/fossils/outcome-types.js';
import { validateFossil } from '../../src/schemas-runtime/validate-fossil.js';
import { createTempRepo, gitTestEnv, type TempRepo } from '../helpers/repo.js';

let repo: TempRepo;

beforeEach(() => {
  repo = createTempRepo();
  repo.write('README.md', '# Demo\n');
  repo.git(['add', 'README.md']);
  repo.git(['commit', '-q', '-m', 'docs: start']);
  const init = repo.footprint(['init']);
  assert.equal(init.status, 0, init.stderr);
  repo.git(['add', '-A']);
  repo.git(['commit', '-q', '--no-verify', '-m', 'chore: install footprint']);
});

afterEach(() => {
  repo.cleanup();
});

function fossils(kind: string): Array<{ id: string; payload: unknown; file: string }> {
  const dir = path.join(repo.dir, 'fossils');
  return readdirSync(dir)
    .filter((name) => name.includes(`-${kind}-`))
    .sort()
    .map((name) => {
      const file = path.join(dir, name);
      const fossil = JSON.parse(readFileSync(file, 'utf8')) as { id: string; payload: unknown };
      return { id: fossil.id, payload: fossil.payload, file };
    });
}

function outcomes(): OutcomeFossilPayload[] {
  return fossils('outcome').map((fossil) => fossil.payload as OutcomeFossilPayload);
}

/** Stages a new module with its test and an unrelated docs edit: two batches. */
function stageTwoBatches(): void {
  repo.write('src/price.ts', 'export function price(n: number): number {\n  return n * 2;\n}\n');
  repo.write('src/price.test.ts', "import { price } from './price.js';\ntest(price(1));\n");
  repo.write('README.md', '# Demo\n\nPrices double.\n');
  repo.git(['add', '-A']);
}

describe('outcome fossil from the post-commit hook', () => {
  test('commit of every batch at once is ignored', () => {
    stageTwoBatches();
    repo.git(['commit', '-q', '-m', 'feat: prices and docs']);
    const [outcome] = outcomes();
    const [analysis] = fossils('analysis');

    assert.equal(outcome?.result, 'ignored');
    assert.equal(outcome?.exact, true);
    assert.equal(outcome?.analysis, analysis?.id);
    assert.equal(outcome?.suggestedBatches, 2);
    assert.deepEqual(outcome?.batchesTouched, ['b1', 'b2']);
    assert.equal(outcome?.commit, repo.git(['rev-parse', 'HEAD']).trim());
    assert.deepEqual(
      validateFossil(
        'outcome',
        JSON.parse(readFileSync(fossils('outcome')[0]?.file ?? '', 'utf8')),
      ),
      [],
    );
  });

  test('commit of one suggested batch is followed', () => {
    stageTwoBatches();
    assert.equal(repo.footprint(['precommit']).status, 0);
    repo.git(['restore', '--staged', 'README.md']);
    repo.git(['commit', '-q', '-m', 'feat: prices']);
    const [outcome] = outcomes();

    assert.equal(outcome?.result, 'followed');
    assert.equal(outcome?.exact, false, 'compared with the analysis of both batches');
    assert.equal(outcome?.suggestedBatches, 2);
    assert.equal(outcome?.committedFiles, 2);
    assert.notEqual(outcome?.matchedBatch, null);
  });

  test('newer analysis without the paths passed over', () => {
    stageTwoBatches();
    assert.equal(repo.footprint(['precommit']).status, 0);
    repo.git(['reset', '-q']);
    repo.write('notes.txt', 'note\n');
    repo.git(['add', 'notes.txt']);
    assert.equal(repo.footprint(['precommit']).status, 0);
    repo.git(['reset', '-q']);
    repo.git(['add', 'src/price.ts', 'src/price.test.ts']);
    repo.git(['commit', '-q', '--no-verify', '-m', 'feat: prices']);
    const [outcome] = outcomes();
    const [splitAnalysis] = fossils('analysis');

    assert.equal(outcome?.analysis, splitAnalysis?.id);
    assert.equal(outcome?.result, 'followed');
    assert.equal(outcome?.suggestedBatches, 2);
  });

  test('analysis on another parent not parsed', () => {
    stageTwoBatches();
    assert.equal(repo.footprint(['precommit']).status, 0);
    const [analysis] = fossils('analysis');
    const text = readFileSync(analysis?.file ?? '', 'utf8');
    const otherParent = text.replace(/"head": "[0-9a-f]{40}"/, `"head": "${'e'.repeat(40)}"`);
    const cut = otherParent.slice(0, otherParent.indexOf('"files"'));
    const name = `${new Date(Date.now() + 60_000).toISOString().replace(/[-:]/g, '')}`;
    writeFileSync(path.join(repo.dir, 'fossils', `${name}-analysis-0badf00d.json`), cut);
    repo.git(['commit', '-q', '-m', 'feat: prices and docs'], { env: { FOOTPRINT: '0' } });
    const result = repo.footprint(['fossils', 'record-outcome', '--debug']);

    assert.equal(result.status, 0, result.stderr);
    assert.doesNotMatch(result.stderr, /0badf00d/);
    assert.equal(outcomes()[0]?.analysis, analysis?.id);
  });

  test('commit without an analysis gets no outcome', () => {
    repo.write('notes.txt', 'note\n');
    repo.git(['add', 'notes.txt']);
    repo.git(['commit', '-q', '--no-verify', '-m', 'chore: notes']);

    assert.deepEqual(outcomes(), []);
  });

  test('FOOTPRINT=0 skips the hook', () => {
    stageTwoBatches();
    repo.git(['commit', '-q', '-m', 'feat: all'], { env: { FOOTPRINT: '0' } });

    assert.deepEqual(fossils('analysis'), []);
    assert.deepEqual(outcomes(), []);
  });

  test('empty commit gets no outcome', async () => {
    repo.git(['commit', '-q', '--allow-empty', '-m', 'chore: empty']);
    const result = await recordOutcome({ cwd: repo.dir, env: gitTestEnv() });

    assert.equal(fossils('analysis').length, 1, 'the pre-commit hook ran');
    assert.deepEqual(outcomes(), []);
    assert.equal(result.reason, 'the commit changes no path');
  });

  test('empty commit after a split gets no outcome', () => {
    stageTwoBatches();
    assert.equal(repo.footprint(['precommit']).status, 0);
    repo.git(['reset', '-q']);
    repo.git(['commit', '-q', '--allow-empty', '-m', 'chore: empty']);

    assert.equal(fossils('analysis').length, 2);
    assert.deepEqual(outcomes(), []);
  });

  test('commit after an empty analysis gets no outcome', () => {
    assert.equal(repo.footprint(['precommit']).status, 0);
    repo.write('notes.txt', 'note\n');
    repo.git(['add', 'notes.txt']);
    repo.git(['commit', '-q', '--no-verify', '-m', 'chore: notes']);

    assert.equal(fossils('analysis').length, 1);
    assert.deepEqual(outcomes(), []);
  });

  test('merge commit gets no outcome', async () => {
    repo.git(['checkout', '-q', '-b', 'side']);
    repo.write('side.txt', 'side\n');
    repo.git(['add', 'side.txt']);
    repo.git(['commit', '-q', '--no-verify', '-m', 'chore: side']);
    repo.git(['checkout', '-q', 'main']);
    repo.git(['merge', '-q', '--no-ff', '--no-verify', '-m', 'Merge side', 'side'], {
      env: { FOOTPRINT: '0' },
    });
    const result = await recordOutcome({ cwd: repo.dir, env: gitTestEnv() });

    assert.equal(result.fossil, null);
    assert.equal(result.reason, 'HEAD is a merge commit');
  });
});

describe('outcome of non-UTF-8 path names', () => {
  /** `caf<e9>` with a Latin-1 `é`, which is not valid UTF-8. */
  const FOLDER = Buffer.from([0x63, 0x61, 0x66, 0xe9]);

  function writeBytes(name: Buffer, content: string, flag = 'w'): void {
    const file = Buffer.concat([Buffer.from(`${repo.dir}/`), name]);
    writeFileSync(file, content, { flag });
  }

  beforeEach(() => {
    mkdirSync(Buffer.concat([Buffer.from(`${repo.dir}/`), FOLDER]));
    writeBytes(Buffer.concat([FOLDER, Buffer.from('/x.js')]), 'export const x = 1;\n');
    repo.git(['add', '-A']);
    repo.git(['commit', '-q', '--no-verify', '-m', 'feat: x']);
  });

  test('commit of the one suggested batch is followed', () => {
    writeBytes(Buffer.concat([FOLDER, Buffer.from('/x.js')]), 'export const y = 2;\n', 'a');
    repo.git(['add', '-A']);
    repo.git(['commit', '-q', '-m', 'feat: y']);
    const [outcome] = outcomes();

    assert.equal(outcome?.result, 'followed');
    assert.equal(outcome?.matchedBatch, 'b1');
    assert.equal(outcome?.committedFiles, 1);
    assert.equal(outcome?.unsuggestedFiles, 0);
  });

  test('commit of every batch with such a path is ignored', () => {
    writeBytes(Buffer.concat([FOLDER, Buffer.from('/x.js')]), 'export const y = 2;\n', 'a');
    stageTwoBatches();
    repo.git(['commit', '-q', '-m', 'feat: all']);
    const [outcome] = outcomes();

    assert.equal(outcome?.committedFiles, 4);
    assert.equal(outcome?.unsuggestedFiles, 0);
    assert.equal(outcome?.result, 'ignored');
  });
});
