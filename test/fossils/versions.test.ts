import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, test } from 'node:test';
import { createDefaultConfig } from '../../src/config/defaults.js';
import { openFossilStore } from '../../src/fossils/store.js';
import { learnHistory } from '../../src/learn/learn.js';
import { loadModel } from '../../src/learn/load-model.js';
import { createTempRepo, gitTestEnv, type TempRepo } from '../helpers/repo.js';
import { commitHistory, knownHistory } from '../learn/history-fixture.js';

let repo: TempRepo;

beforeEach(() => {
  repo = createTempRepo();
  commitHistory(repo, knownHistory());
});

afterEach(() => {
  repo.cleanup();
});

async function learnedFossil(): Promise<{ file: string; fossil: Record<string, unknown> }> {
  const result = await learnHistory({
    cwd: repo.dir,
    env: gitTestEnv(),
    maxCommits: 2000,
    since: null,
    full: false,
  });
  assert.ok(result.fossil);
  return {
    file: result.fossil,
    fossil: JSON.parse(readFileSync(result.fossil, 'utf8')) as Record<string, unknown>,
  };
}

/**
 * A fossil name's time an hour after this run, later than the fossil learn writes and not so
 * far ahead that the store takes it for a misdated one.
 */
const LATER = new Date(Date.now() + 60 * 60 * 1000).toISOString().replace(/[-:]/g, '');

/** Writes `fossil` under a new name one hour later, as another footprint would have. */
function writeAs(fossil: Record<string, unknown>, id: string): string {
  const file = path.join(repo.dir, 'fossils', `${id}.json`);
  writeFileSync(file, JSON.stringify({ ...fossil, id }));
  return file;
}

describe('fossil versions', () => {
  test('model from an older footprint reads', async () => {
    const { fossil } = await learnedFossil();
    writeAs(
      { ...fossil, tool: { name: 'footprint', version: '0.0.1' } },
      `${LATER}-model-00000001`,
    );
    const listing = await openFossilStore(repo.dir, createDefaultConfig()).list({ kind: 'model' });

    assert.equal(listing.fossils[0]?.fossil.tool.version, '0.0.1');
    assert.deepEqual(listing.warnings, []);
    assert.equal((await loadModel(repo.dir, createDefaultConfig()))?.commits, 16);
  });

  test('model from a newer fossil format is skipped with a warning', async () => {
    const { fossil } = await learnedFossil();
    writeAs({ ...fossil, schemaVersion: 2 }, `${LATER}-model-00000002`);
    const warnings: string[] = [];
    const model = await loadModel(repo.dir, createDefaultConfig(), {
      onWarning: (w) => warnings.push(w),
    });

    assert.equal(model?.commits, 16, 'the model this version wrote is used');
    assert.equal(warnings.length, 1);
    assert.match(
      warnings[0] ?? '',
      new RegExp(
        `${LATER.replace('.', '\\.')}-model-00000002\\.json: skipped because a newer footprint wrote it`,
      ),
    );
  });

  test('model failing its schema is skipped', async () => {
    const { fossil } = await learnedFossil();
    const payload = { ...(fossil['payload'] as Record<string, unknown>), commits: -1 };
    writeAs({ ...fossil, payload }, `${LATER}-model-00000003`);
    const warnings: string[] = [];
    await loadModel(repo.dir, createDefaultConfig(), { onWarning: (w) => warnings.push(w) });

    assert.equal(warnings.length, 1);
    assert.match(warnings[0] ?? '', /does not match its schema \(\/payload\/commits: must be >= 0/);
  });
});
