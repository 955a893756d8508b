import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { analyzeBatches } from '../../src/batches/analyze.js';
import type { BatchAnalysis, Mode } from '../../src/batches/types.js';
import { createDefaultConfig } from '../../src/config/defaults.js';
import { toCoChangeModel } from '../../src/learn/co-change-adapter.js';
import { learnHistory } from '../../src/learn/learn.js';
import { loadModel } from '../../src/learn/load-model.js';
import type { Model } from '../../src/learn/model-types.js';
import { lines, makeFootprint, type FileSpec } from '../helpers/footprint-builder.js';
import { createTempRepo, gitTestEnv, type TempRepo } from '../helpers/repo.js';
import { commitHistory, repeat } from './history-fixture.js';

const ONE = 'alpha/one.ts';
const TWO = 'beta/two.ts';
const THREE = 'gamma/three.ts';
const FOUR = 'delta/four.ts';

/** Four modules in unrelated folders that share no import, name or identifier. */
const CHANGE: FileSpec[] = [
  { path: ONE, old: lines('export const red = 1;'), new: lines('export const red = 2;') },
  { path: TWO, old: lines('export const green = 1;'), new: lines('export const green = 2;') },
  { path: THREE, old: lines('export const blue = 1;'), new: lines('export const blue = 2;') },
  { path: FOUR, old: lines('export const cyan = 1;'), new: lines('export const cyan = 2;') },
];

let repo: TempRepo;
let model: Model;

before(async () => {
  repo = createTempRepo();
  // one and two change together six times, one and four once; three changes alone.
  commitHistory(repo, [
    ...repeat(6, { message: 'feat: one and two', files: { [ONE]: 'one', [TWO]: 'two' } }),
    { message: 'feat: one and four', files: { [ONE]: 'once', [FOUR]: 'four' } },
    ...repeat(3, { message: 'feat: three', files: { [THREE]: 'three' } }),
  ]);
  await learnHistory({
    cwd: repo.dir,
    env: gitTestEnv(),
    maxCommits: 2000,
    since: null,
    full: false,
  });
  const loaded = await loadModel(repo.dir, createDefaultConfig());
  assert.ok(loaded);
  model = loaded;
});

after(() => {
  repo.cleanup();
});

function groups(analysis: BatchAnalysis): string[][] {
  return analysis.batches
    .map((batch) => batch.changes.map((change) => change.path).sort())
    .sort((a, b) => (a[0] ?? '').localeCompare(b[0] ?? ''));
}

function analyze(mode: Mode, withModel: boolean): string[][] {
  const options = withModel ? { mode, model: toCoChangeModel(model) } : { mode };
  return groups(analyzeBatches(makeFootprint(CHANGE), options));
}

describe('grouping with a learned model', () => {
  test('co-change strength of the pairs', () => {
    const coChange = toCoChangeModel(model);

    assert.equal(coChange.coChange(ONE, TWO), 6 / 7, 'confidence 1, support 6 of 7');
    assert.equal(coChange.coChange(ONE, FOUR), 0, 'one commit is not a habit');
    assert.equal(coChange.coChange(ONE, THREE), 0);
  });

  test('without a model each module is its own batch', () => {
    assert.deepEqual(analyze('balanced', false), [[ONE], [TWO], [FOUR], [THREE]]);
    assert.deepEqual(analyze('aggressive', false), [[ONE], [TWO], [FOUR], [THREE]]);
  });

  test('balanced joins the pair', () => {
    assert.deepEqual(analyze('balanced', true), [[ONE, TWO], [FOUR], [THREE]]);
  });

  test('conservative joins small edits either way', () => {
    assert.deepEqual(analyze('conservative', false), [[ONE, TWO, FOUR, THREE]]);
    assert.deepEqual(analyze('conservative', true), [[ONE, TWO, FOUR, THREE]]);
  });

  test('a joined batch names co-change as its reason', () => {
    const analysis = analyzeBatches(makeFootprint(CHANGE), {
      mode: 'balanced',
      model: toCoChangeModel(model),
    });
    const joined = analysis.batches.find((batch) => batch.changes.length === 2);

    assert.match(joined?.rationale ?? '', /changed together/);
  });
});
