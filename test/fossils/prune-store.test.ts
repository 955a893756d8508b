import assert from 'node:assert/strict';
import { existsSync, mkdirSync, readdirSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, test } from 'node:test';
import { createDefaultConfig } from '../../src/config/defaults.js';
import { buildAnalysisFossil } from '../../src/fossils/build-analysis.js';
import { buildStrategyFossil } from '../../src/fossils/build-strategy.js';
import { pruneStore, type PruneRequest } from '../../src/fossils/prune-store.js';
import { selectExpired } from '../../src/fossils/prune.js';
import { retentionPolicyFor } from '../../src/fossils/retention.js';
import { openFossilStore } from '../../src/fossils/store.js';
import { FOSSIL_SCHEMA_VERSION } from '../../src/fossils/types.js';
import { parseFossilName, type FossilName } from '../../src/fossils/fossil-name.js';
import { createTempRepo, type TempRepo } from '../helpers/repo.js';
import { samplePipelineResult, sampleStrategy } from '../schemas/samples.js';

const START = Date.parse('2026-03-01T10:00:00.000Z');
const DAY_MS = 24 * 60 * 60 * 1000;

let repo: TempRepo;

beforeEach(() => {
  repo = createTempRepo();
});

afterEach(() => {
  repo.cleanup();
});

/** Writes `count` fossils of `kind`, one a day from START, with retention that keeps all. */
async function writeFossils(kind: 'analysis' | 'strategy', count: number): Promise<string[]> {
  const config = createDefaultConfig();
  config.fossils = { keep: 1000, maxAgeDays: 100_000 };
  const ids: string[] = [];
  const sample = samplePipelineResult();
  for (let day = 0; day < count; day++) {
    const store = openFossilStore(repo.dir, config, { now: () => new Date(START + day * DAY_MS) });
    const file =
      kind === 'analysis'
        ? await store.write('analysis', buildAnalysisFossil(samplePipelineResult(), 'passed'))
        : await store.write(
            'strategy',
            buildStrategyFossil(sampleStrategy(), sample.footprint, sample.risk.findings),
          );
    ids.push(path.basename(file, '.json'));
  }
  return ids;
}

function remaining(): string[] {
  return readdirSync(path.join(repo.dir, 'fossils'))
    .filter((name) => name.endsWith('.json'))
    .map((name) => name.slice(0, -5))
    .sort();
}

function dir(): string {
  return path.join(repo.dir, 'fossils');
}

describe('fossils prune', () => {
  test('keep N leaves exactly the newest N of each type', async () => {
    const analyses = await writeFossils('analysis', 6);
    const strategies = await writeFossils('strategy', 4);
    const report = await pruneStore(
      dir(),
      { keep: 3, dryRun: false },
      createDefaultConfig(),
      new Date(START + 6 * DAY_MS),
    );

    assert.deepEqual(remaining(), [...analyses.slice(3), ...strategies.slice(1)].sort());
    assert.equal(report.removed.length, 4);
    assert.equal(report.kept, 6);
  });

  test('keep with a type leaves other types alone', async () => {
    const analyses = await writeFossils('analysis', 3);
    const strategies = await writeFossils('strategy', 3);
    await pruneStore(
      dir(),
      { kind: 'strategy', keep: 1, dryRun: false },
      createDefaultConfig(),
      new Date(),
    );

    assert.deepEqual(remaining(), [...analyses, strategies[2] as string].sort());
  });

  test('older-than removes exactly the older ones', async () => {
    const analyses = await writeFossils('analysis', 5);
    const cutoff = new Date(START + 2 * DAY_MS);
    const report = await pruneStore(
      dir(),
      { olderThan: cutoff, dryRun: false },
      createDefaultConfig(),
      new Date(),
    );

    assert.deepEqual(remaining(), analyses.slice(2));
    assert.deepEqual(
      report.removed.map((name) => name.id),
      [analyses[1], analyses[0]],
      'newest first',
    );
  });

  test('keep zero removes the type', async () => {
    await writeFossils('strategy', 2);
    await pruneStore(
      dir(),
      { kind: 'strategy', keep: 0, dryRun: false },
      createDefaultConfig(),
      new Date(),
    );

    assert.deepEqual(remaining(), []);
  });

  test('dry run lists the same and removes nothing', async () => {
    const analyses = await writeFossils('analysis', 5);
    const dry = await pruneStore(
      dir(),
      { keep: 2, dryRun: true },
      createDefaultConfig(),
      new Date(),
    );

    assert.deepEqual(remaining(), analyses);
    const real = await pruneStore(
      dir(),
      { keep: 2, dryRun: false },
      createDefaultConfig(),
      new Date(),
    );
    assert.deepEqual(dry.removed, real.removed);
    assert.deepEqual(remaining(), analyses.slice(3));
  });

  test('without limits the configuration applies', async () => {
    const analyses = await writeFossils('analysis', 5);
    const config = createDefaultConfig();
    config.fossils = { keep: 10, maxAgeDays: 2 };
    await pruneStore(dir(), { dryRun: false }, config, new Date(START + 4 * DAY_MS));

    assert.deepEqual(remaining(), analyses.slice(2));
  });

  test('corrupt fossils kept by default', async () => {
    await writeFossils('analysis', 1);
    const corrupt = '20200101T000000.000Z-analysis-deadbeef';
    writeFileSync(path.join(dir(), `${corrupt}.json`), 'not json');
    const report = await pruneStore(
      dir(),
      { keep: 1, dryRun: false },
      createDefaultConfig(),
      new Date(),
    );

    assert.deepEqual(report.removed, []);
    assert.deepEqual(
      report.keptUnreadable.map((name) => name.id),
      [corrupt],
    );
    assert.equal(report.kept, 2);
    assert.ok(existsSync(path.join(dir(), `${corrupt}.json`)));
  });

  test('corrupt fossils pruned with unreadable', async () => {
    await writeFossils('analysis', 1);
    const corrupt = '20200101T000000.000Z-analysis-deadbeef';
    writeFileSync(path.join(dir(), `${corrupt}.json`), 'not json');
    const report = await pruneStore(
      dir(),
      { keep: 1, dryRun: false, unreadable: true },
      createDefaultConfig(),
      new Date(),
    );

    assert.deepEqual(
      report.removed.map((name) => name.id),
      [corrupt],
    );
    assert.deepEqual(report.keptUnreadable, []);
    assert.ok(!existsSync(path.join(dir(), `${corrupt}.json`)));
  });

  test('newer fossils kept with unreadable', async () => {
    await writeFossils('analysis', 1);
    const newer = '20200101T000000.000Z-analysis-0000beef';
    const text = JSON.stringify({ schemaVersion: FOSSIL_SCHEMA_VERSION + 1, kind: 'analysis' });
    writeFileSync(path.join(dir(), `${newer}.json`), text);
    const report = await pruneStore(
      dir(),
      { keep: 0, dryRun: false, unreadable: true },
      createDefaultConfig(),
      new Date(),
    );

    assert.equal(report.removed.length, 1);
    assert.deepEqual(
      report.keptNewerVersion.map((name) => name.id),
      [newer],
    );
    assert.ok(existsSync(path.join(dir(), `${newer}.json`)));
  });

  test('links named like fossils are left alone', async () => {
    const [kept] = await writeFossils('analysis', 1);
    const target = path.join(repo.dir, 'outside.txt');
    writeFileSync(target, 'not a fossil');
    const link = '20990101T000000.000Z-analysis-0000000a';
    symlinkSync(target, path.join(dir(), `${link}.json`));

    const report = await pruneStore(
      dir(),
      { keep: 0, dryRun: false },
      createDefaultConfig(),
      new Date(START),
    );

    assert.deepEqual(
      report.removed.map((name) => name.id),
      [kept],
    );
    assert.equal(report.kept, 0);
    assert.ok(existsSync(path.join(dir(), `${link}.json`)), 'the link stays');
    assert.ok(existsSync(target), 'the link target stays');
  });

  test('future-dated fossils go first when over keep', async () => {
    const ids = await writeFossils('analysis', 3);
    const future = '20990101T000000.000Z-analysis-0000000b';
    writeFileSync(path.join(dir(), `${future}.json`), '{}');

    const report = await pruneStore(
      dir(),
      { keep: 2, dryRun: false },
      createDefaultConfig(),
      new Date(START + 3 * DAY_MS),
    );

    assert.deepEqual(report.removed.map((name) => name.id).sort(), [future, ids[0]].sort());
    assert.deepEqual(remaining(), ids.slice(1));
  });

  test('missing store prunes nothing', async () => {
    const report = await pruneStore(
      dir(),
      { keep: 1, dryRun: false },
      createDefaultConfig(),
      new Date(),
    );

    assert.deepEqual(report, {
      removed: [],
      kept: 0,
      keptRegardlessOfAge: [],
      keptNewerVersion: [],
      keptUnreadable: [],
    });
  });
});

describe('retention by type', () => {
  const names = (days: number[]): FossilName[] =>
    days.map((day, index) => {
      const stamp = new Date(START - day * DAY_MS).toISOString().replace(/[-:]/g, '');
      return parseFossilName(`${stamp}-model-0000000${index}`) as FossilName;
    });

  test('models keep two whatever the configuration', () => {
    const policy = retentionPolicyFor('model', { keep: 200, maxAgeDays: 30 });
    const expired = selectExpired(names([1, 2, 3]), policy, new Date(START));

    assert.equal(policy.keep, 2);
    assert.equal(expired.length, 1);
  });

  test('newest model never expires by age', () => {
    const policy = retentionPolicyFor('model', { keep: 200, maxAgeDays: 30 });
    const expired = selectExpired(names([100, 200]), policy, new Date(START));

    assert.deepEqual(
      expired.map((name) => name.id),
      [names([100, 200])[1]?.id],
    );
  });

  test('a future-dated name takes no kept place', () => {
    const policy = { keep: 2, maxAgeDays: 30 };
    const listed = [...names([1, 2, 3]), ...names([-400])];
    const expired = selectExpired(listed, policy, new Date(START));

    assert.deepEqual(expired.map((name) => name.id).sort(), [listed[2]?.id, listed[3]?.id].sort());
  });

  test('other types follow the configuration', () => {
    const policy = retentionPolicyFor('analysis', { keep: 200, maxAgeDays: 30 });
    const expired = selectExpired(names([100, 200]), policy, new Date(START));

    assert.deepEqual(policy, { keep: 200, maxAgeDays: 30 });
    assert.equal(expired.length, 2);
  });
});

describe('prune older-than and the newest model', () => {
  /** Writes model fossils by name, `days` before START; pruning reads names only. */
  function writeModels(days: number[]): string[] {
    mkdirSync(dir(), { recursive: true });
    return days.map((day, index) => {
      const stamp = new Date(START - day * DAY_MS).toISOString().replace(/[-:]/g, '');
      const id = `${stamp}-model-0000000${index}`;
      writeFileSync(path.join(dir(), `${id}.json`), '{}\n');
      return id;
    });
  }

  const sparing: Array<[string, PruneRequest]> = [
    ['older-than', { olderThan: new Date(START), dryRun: false }],
    ['keep zero', { keep: 0, dryRun: false }],
  ];
  for (const [name, request] of sparing) {
    test(`${name} keeps the newest model`, async () => {
      const [newest, older] = writeModels([10, 20]);
      const report = await pruneStore(dir(), request, createDefaultConfig(), new Date(START));

      assert.deepEqual(remaining(), [newest]);
      assert.deepEqual(
        report.removed.map((fossil) => fossil.id),
        [older],
      );
      assert.deepEqual(
        report.keptRegardlessOfAge.map((fossil) => fossil.id),
        [newest],
      );
    });
  }

  test('keep zero of type model removes the newest model', async () => {
    writeModels([10, 20]);
    const report = await pruneStore(
      dir(),
      { kind: 'model', keep: 0, olderThan: new Date(START), dryRun: false },
      createDefaultConfig(),
      new Date(START),
    );

    assert.deepEqual(remaining(), []);
    assert.deepEqual(report.keptRegardlessOfAge, []);
  });

  test('a model newer than the limit is not reported', async () => {
    writeModels([1]);
    const report = await pruneStore(
      dir(),
      { olderThan: new Date(START - 5 * DAY_MS), dryRun: false },
      createDefaultConfig(),
      new Date(START),
    );

    assert.equal(report.removed.length, 0);
    assert.deepEqual(report.keptRegardlessOfAge, []);
  });
});
