import assert from 'node:assert/strict';
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, test } from 'node:test';
import { createDefaultConfig } from '../../src/config/defaults.js';
import { learnHistory } from '../../src/learn/learn.js';
import { loadModel } from '../../src/learn/load-model.js';
import { createTempRepo, gitTestEnv, type TempRepo } from '../helpers/repo.js';
import { commitHistory, knownHistory } from './history-fixture.js';

let repo: TempRepo;

beforeEach(() => {
  repo = createTempRepo();
});

afterEach(() => {
  repo.cleanup();
});

function learn(full = false) {
  return learnHistory({ cwd: repo.dir, env: gitTestEnv(), maxCommits: 2000, since: null, full });
}

function modelFiles(): string[] {
  return readdirSync(path.join(repo.dir, 'fossils')).filter((name) => name.includes('-model-'));
}

describe('load model', () => {
  test('no model fossil gives null', async () => {
    const warnings: string[] = [];

    assert.equal(
      await loadModel(repo.dir, createDefaultConfig(), { onWarning: (w) => warnings.push(w) }),
      null,
    );
    assert.deepEqual(warnings, []);
  });

  test('corrupt newest model is skipped with one warning', async () => {
    commitHistory(repo, knownHistory());
    await learn();
    // An hour ahead: newer than the model learn wrote, and not so far ahead that it counts as misdated.
    const later = new Date(Date.now() + 60 * 60 * 1000).toISOString().replace(/[-:]/g, '');
    const corrupt = `${later}-model-0000abcd.json`;
    writeFileSync(path.join(repo.dir, 'fossils', corrupt), '{"schemaVersion": 1, "kind": "mod');
    const warnings: string[] = [];
    const model = await loadModel(repo.dir, createDefaultConfig(), {
      onWarning: (w) => warnings.push(w),
    });

    assert.equal(model?.commits, 16, 'the older model is used');
    assert.equal(warnings.length, 1);
    assert.match(
      warnings[0] ?? '',
      new RegExp(`^fossils/${corrupt.replace(/\./g, '\\.')}: skipped because it is not valid JSON`),
    );
  });

  test('learn keeps two models at most', async () => {
    commitHistory(repo, knownHistory().slice(0, 4));
    await learn();
    commitHistory(repo, knownHistory().slice(4, 8));
    await learn();
    commitHistory(repo, knownHistory().slice(8));
    await learn();

    assert.equal(modelFiles().length, 2);
    assert.equal((await loadModel(repo.dir, createDefaultConfig()))?.commits, 16);
  });

  test('model fossil is one line', async () => {
    commitHistory(repo, knownHistory());
    const result = await learn();
    assert.ok(result.fossil);
    const text = readFileSync(result.fossil, 'utf8');

    assert.equal(text.split('\n').length, 2, 'one line and the final newline');
  });
});
