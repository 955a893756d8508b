import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import {
  existsSync,
  readFileSync,
  readdirSync,
  symlinkSync,
  utimesSync,
  writeFileSync,
} from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, test } from 'node:test';
import { createDefaultConfig } from '../../src/config/defaults.js';
import type { Config } from '../../src/config/types.js';
import { buildAnalysisFossil } from '../../src/fossils/build-analysis.js';
import { buildStrategyFossil } from '../../src/fossils/build-strategy.js';
import { FossilSchemaError } from '../../src/fossils/fossil-schema-error.js';
import { openFossilStore, type FossilStoreOptions } from '../../src/fossils/store.js';
import type { FossilDraft } from '../../src/fossils/types.js';
import { createTempRepo, projectRoot, type TempRepo } from '../helpers/repo.js';
import { samplePipelineResult, sampleStrategy } from '../schemas/samples.js';

const TOOL = { name: 'footprint', version: '9.9.9-test' };
const START = Date.parse('2026-03-01T10:00:00.000Z');
const DAY_MS = 24 * 60 * 60 * 1000;

let repo: TempRepo;

beforeEach(() => {
  repo = createTempRepo();
});

afterEach(() => {
  repo.cleanup();
});

function configWith(change: (config: Config) => void = () => {}): Config {
  const config = createDefaultConfig();
  change(config);
  return config;
}

/** A store whose clock returns the given times in turn, then keeps the last one. */
function storeAt(times: number[], config = configWith(), options: FossilStoreOptions = {}) {
  let index = 0;
  const now = () => new Date(times[Math.min(index++, times.length - 1)] ?? START);
  return openFossilStore(repo.dir, config, { tool: TOOL, now, ...options });
}

function analysisDraft(): FossilDraft<'analysis'> {
  return buildAnalysisFossil(samplePipelineResult(), 'passed');
}

function strategyDraft(): FossilDraft<'strategy'> {
  const { footprint, risk } = samplePipelineResult();
  return buildStrategyFossil(sampleStrategy(), footprint, risk.findings);
}

function fossilFiles(dir: string): string[] {
  return readdirSync(dir)
    .filter((name) => name.endsWith('.json'))
    .sort();
}

describe('fossil store write', () => {
  test('first write creates folder and .gitignore', async () => {
    const store = storeAt([START]);
    assert.equal(existsSync(store.dir), false, 'opening creates nothing');

    const file = await store.write('analysis', analysisDraft());

    assert.equal(store.dir, path.join(repo.dir, 'fossils'));
    assert.equal(path.dirname(file), store.dir);
    assert.equal(
      readFileSync(path.join(store.dir, '.gitignore'), 'utf8'),
      '# footprint fossil store: git ignores this whole folder.\n*\n',
    );
    assert.equal(
      repo.git(['check-ignore', path.relative(repo.dir, file)]).trim(),
      path.relative(repo.dir, file),
    );
    // Ignored, not untracked: git status lists nothing, and clean -fd leaves the store alone.
    assert.equal(repo.git(['status', '--porcelain']), '');
    repo.git(['clean', '-fdq']);
    assert.ok(existsSync(path.join(store.dir, '.gitignore')), 'clean -fd keeps the .gitignore');
    assert.equal(repo.git(['status', '--porcelain', '--untracked-files=all']), '');
  });

  test('existing .gitignore kept', async () => {
    repo.write('fossils/.gitignore', '*.json\n');
    await storeAt([START]).write('analysis', analysisDraft());
    assert.equal(readFileSync(path.join(repo.dir, 'fossils', '.gitignore'), 'utf8'), '*.json\n');
  });

  test('file name and envelope', async () => {
    const file = await storeAt([START]).write('analysis', analysisDraft());
    const name = path.basename(file);
    assert.match(name, /^20260301T100000\.000Z-analysis-[0-9a-f]{8}\.json$/);

    const fossil = JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>;
    assert.equal(fossil['schemaVersion'], 1);
    assert.equal(fossil['kind'], 'analysis');
    assert.equal(fossil['id'], name.slice(0, -'.json'.length));
    assert.equal(fossil['createdAt'], '2026-03-01T10:00:00.000Z');
    assert.deepEqual(fossil['tool'], TOOL);
    assert.deepEqual(fossil['repository'], {
      head: samplePipelineResult().footprint.head.oid,
      branch: 'main',
      stagedTree: samplePipelineResult().footprint.stagedTree,
    });
  });

  test('tool version from package.json', async () => {
    const store = openFossilStore(repo.dir, configWith(), { now: () => new Date(START) });
    const file = await store.write('strategy', strategyDraft());
    const manifest = JSON.parse(readFileSync(path.join(projectRoot, 'package.json'), 'utf8')) as {
      version: string;
    };
    const fossil = JSON.parse(readFileSync(file, 'utf8')) as { tool: unknown };
    assert.deepEqual(fossil.tool, { name: 'footprint', version: manifest.version });
  });

  test('write leaves no temporary files', async () => {
    const store = storeAt([START]);
    const file = await store.write('analysis', analysisDraft());
    assert.deepEqual(readdirSync(store.dir).sort(), ['.gitignore', path.basename(file)]);
  });

  test('concurrent writes all land', async () => {
    const store = storeAt([START]);
    const files = await Promise.all(
      Array.from({ length: 12 }, () => store.write('analysis', analysisDraft())),
    );

    assert.equal(new Set(files).size, 12);
    assert.deepEqual(fossilFiles(store.dir), files.map((file) => path.basename(file)).sort());
    assert.deepEqual(
      readdirSync(store.dir).filter((name) => name.endsWith('.tmp')),
      [],
    );
  });

  test('fossilDir from the configuration', async () => {
    const config = configWith((c) => (c.fossilDir = '.footprint/fossils'));
    const file = await storeAt([START], config).write('analysis', analysisDraft());
    assert.equal(path.dirname(file), path.join(repo.dir, '.footprint', 'fossils'));
    assert.ok(existsSync(path.join(repo.dir, '.footprint', 'fossils', '.gitignore')));
  });

  test('invalid fossil raises a bug and writes nothing', async () => {
    const draft = analysisDraft();
    (draft.payload.risk as { score: number }).score = 7;
    const store = storeAt([START]);

    await assert.rejects(store.write('analysis', draft), (error: unknown) => {
      assert.ok(error instanceof FossilSchemaError);
      assert.match(
        error.message,
        /^Bug: the analysis fossil does not match schemas\/fossil-analysis\.schema\.json/,
      );
      assert.deepEqual(error.problems, ['/payload/risk/score: must be <= 1']);
      return true;
    });
    assert.equal(existsSync(store.dir), false);
  });
});

describe('fossil store retention', () => {
  test('keeps exactly the newest N of a kind', async () => {
    const config = configWith((c) => (c.fossils.keep = 3));
    const times = [START, START + 1000, START + 2000, START + 3000, START + 4000, START + 5000];
    const store = storeAt(times, config);

    const strategyFile = await store.write('strategy', strategyDraft());
    const analysisFiles: string[] = [];
    for (let i = 0; i < 5; i++) analysisFiles.push(await store.write('analysis', analysisDraft()));

    const remaining = fossilFiles(store.dir);
    const newestAnalysis = analysisFiles.slice(2).map((file) => path.basename(file));
    assert.deepEqual(
      remaining.filter((name) => name.includes('-analysis-')),
      newestAnalysis.sort(),
    );
    assert.ok(remaining.includes(path.basename(strategyFile)), 'other kinds are not pruned');
  });

  test('removes fossils older than maxAgeDays', async () => {
    const config = configWith((c) => (c.fossils.maxAgeDays = 30));
    const store = storeAt([START - 31 * DAY_MS, START - 29 * DAY_MS, START], config);

    const tooOld = await store.write('analysis', analysisDraft());
    const recent = await store.write('analysis', analysisDraft());
    const newest = await store.write('analysis', analysisDraft());

    assert.deepEqual(fossilFiles(store.dir), [path.basename(recent), path.basename(newest)]);
    assert.equal(existsSync(tooOld), false);
  });

  test('stale temporary files removed', async () => {
    const store = storeAt([START]);
    await store.write('analysis', analysisDraft());
    const stale = path.join(store.dir, '.x.json.1-aa.tmp');
    const fresh = path.join(store.dir, '.y.json.2-bb.tmp');
    writeFileSync(stale, '{');
    writeFileSync(fresh, '{');
    const twoHoursAgo = new Date(START - 2 * 60 * 60 * 1000);
    utimesSync(stale, twoHoursAgo, twoHoursAgo);
    utimesSync(fresh, new Date(START), new Date(START));

    await store.write('analysis', analysisDraft());

    assert.equal(existsSync(stale), false);
    assert.equal(existsSync(fresh), true);
  });

  test('retention keeps a newer version', async () => {
    const config = configWith((c) => (c.fossils.keep = 1));
    const older = await storeAt([START]).write('analysis', analysisDraft());
    const written = JSON.parse(readFileSync(older, 'utf8')) as Record<string, unknown>;
    writeFileSync(older, JSON.stringify({ ...written, schemaVersion: 2 }, null, 2));
    const plain = await storeAt([START + 1000]).write('analysis', analysisDraft());

    const newest = await storeAt([START + 2000], config).write('analysis', analysisDraft());

    assert.deepEqual(fossilFiles(path.dirname(newest)), [
      path.basename(older),
      path.basename(newest),
    ]);
    assert.equal(existsSync(plain), false);
  });

  test('unrelated files left alone', async () => {
    const store = storeAt([START]);
    await store.write('analysis', analysisDraft());
    writeFileSync(path.join(store.dir, 'strategy.json'), '{}');
    const config = configWith((c) => (c.fossils.keep = 1));
    await storeAt([START + 1000], config).write('analysis', analysisDraft());
    assert.ok(existsSync(path.join(store.dir, 'strategy.json')));
  });
});

describe('fossil store read', () => {
  test('list newest first', async () => {
    const store = storeAt([START, START + 1000, START + 2000]);
    const first = await store.write('analysis', analysisDraft());
    const second = await store.write('strategy', strategyDraft());
    const third = await store.write('analysis', analysisDraft());

    const listing = await store.list();
    assert.deepEqual(
      listing.fossils.map((stored) => stored.file),
      [third, second, first],
    );
    assert.deepEqual(listing.warnings, []);
    assert.equal(listing.fossils[1]?.fossil.kind, 'strategy');
  });

  test('misdated fossil lists last', async () => {
    const store = storeAt([START, START + 1000, START + 2000]);
    const first = await store.write('analysis', analysisDraft());
    const second = await store.write('analysis', analysisDraft());
    const misdated = path.join(store.dir, '20991231T000000.000Z-analysis-0000000e.json');
    writeFileSync(misdated, readFileSync(second));

    const listing = await store.list();
    assert.deepEqual(
      listing.fossils.map((stored) => stored.file),
      [second, first, misdated],
    );
  });

  test('list by kind with a limit', async () => {
    const store = storeAt([START, START + 1000, START + 2000]);
    await store.write('analysis', analysisDraft());
    await store.write('strategy', strategyDraft());
    const newest = await store.write('analysis', analysisDraft());

    const listing = await store.list({ kind: 'analysis', limit: 1 });
    assert.deepEqual(
      listing.fossils.map((stored) => stored.file),
      [newest],
    );
  });

  test('list of a missing store', async () => {
    assert.deepEqual(await storeAt([START]).list(), { fossils: [], warnings: [] });
  });

  test('corrupt fossil skipped with a warning', async () => {
    const store = storeAt([START, START + 2000]);
    const good = await store.write('analysis', analysisDraft());
    const corruptName = '20260301T100001.000Z-analysis-0badf00d.json';
    writeFileSync(path.join(store.dir, corruptName), '{"schemaVersion": 1, "kind": "anal');
    const alsoGood = await store.write('analysis', analysisDraft());

    const listing = await store.list();
    assert.deepEqual(
      listing.fossils.map((stored) => stored.file),
      [alsoGood, good],
    );
    assert.equal(listing.warnings.length, 1);
    assert.match(
      String(listing.warnings[0]),
      new RegExp(
        `^fossils/${corruptName.replace(/\./g, '\\.')}: skipped because it is not valid JSON`,
      ),
    );
  });

  test('link named like a fossil skipped', async () => {
    const store = storeAt([START]);
    const good = await store.write('analysis', analysisDraft());
    const target = path.join(repo.dir, 'outside.json');
    writeFileSync(target, readFileSync(good));
    const linkName = '20260301T100001.000Z-analysis-0000000c.json';
    symlinkSync(target, path.join(store.dir, linkName));

    const listing = await store.list();
    assert.deepEqual(
      listing.fossils.map((stored) => stored.file),
      [good],
    );
    assert.equal(listing.warnings.length, 1);
    assert.equal(
      listing.warnings[0],
      `fossils/${linkName}: skipped because it is not a regular file.`,
    );
  });

  test('retention leaves links alone', async () => {
    const store = storeAt([START]);
    await store.write('analysis', analysisDraft());
    const target = path.join(repo.dir, 'outside.json');
    writeFileSync(target, '{}');
    const link = path.join(store.dir, '20200101T000000.000Z-analysis-0000000d.json');
    symlinkSync(target, link);
    const config = configWith((c) => (c.fossils.keep = 1));
    await storeAt([START + 1000], config).write('analysis', analysisDraft());

    assert.ok(existsSync(link), 'the link stays');
    assert.equal(readdirSync(store.dir).filter((name) => name.endsWith('.json')).length, 2);
  });

  test('fossil failing its schema skipped', async () => {
    const store = storeAt([START]);
    const file = await store.write('analysis', analysisDraft());
    const fossil = JSON.parse(readFileSync(file, 'utf8')) as { payload: { outcome: string } };
    fossil.payload.outcome = 'exploded';
    writeFileSync(file, JSON.stringify(fossil));

    const listing = await store.list();
    assert.deepEqual(listing.fossils, []);
    assert.deepEqual(listing.warnings, [
      `fossils/${path.basename(file)}: skipped because it does not match its schema (/payload/outcome: must be one of passed, blocked, error).`,
    ]);
  });

  test('fossil from a newer version skipped', async () => {
    const store = storeAt([START]);
    const file = await store.write('strategy', strategyDraft());
    const fossil = JSON.parse(readFileSync(file, 'utf8')) as { schemaVersion: number };
    fossil.schemaVersion = 2;
    writeFileSync(file, JSON.stringify(fossil));

    const lookup = await store.read(path.basename(file));
    assert.equal(lookup.fossil, null);
    assert.deepEqual(lookup.warnings, [
      `fossils/${path.basename(file)}: skipped because a newer footprint wrote it (fossil schema version 2, this one reads up to 1).`,
    ]);
  });

  test('read by id', async () => {
    const store = storeAt([START]);
    const file = await store.write('strategy', strategyDraft());
    const id = path.basename(file, '.json');

    const lookup = await store.read(id);
    assert.equal(lookup.fossil?.id, id);
    assert.equal(lookup.fossil?.file, file);
    assert.deepEqual(lookup.fossil?.fossil.payload, strategyDraft().payload);
    assert.deepEqual(lookup.warnings, []);
  });

  test('read of an unknown id', async () => {
    const store = storeAt([START]);
    await store.write('strategy', strategyDraft());
    assert.deepEqual(await store.read('20260301T100000.000Z-strategy-00000000'), {
      fossil: null,
      warnings: [],
    });
  });

  test('read rejects paths outside the store', async () => {
    const store = storeAt([START]);
    await store.write('strategy', strategyDraft());
    assert.deepEqual(await store.read('../package'), { fossil: null, warnings: [] });
    assert.deepEqual(await store.read('/etc/passwd'), { fossil: null, warnings: [] });
  });
});

describe('fossil store envelopes', () => {
  test('envelope read without the payload', async () => {
    const store = storeAt([START]);
    const file = await store.write('analysis', analysisDraft());
    const text = readFileSync(file, 'utf8');
    writeFileSync(file, text.slice(0, text.indexOf('"command"')));

    const listing = await store.listEnvelopes();
    assert.deepEqual(listing.envelopes, [
      {
        id: path.basename(file, '.json'),
        file,
        kind: 'analysis',
        repository: analysisDraft().repository,
      },
    ]);
    assert.deepEqual(listing.warnings, []);
    assert.equal((await store.list()).fossils.length, 0, 'the full read rejects the cut file');
  });

  test('compact fossil read in full', async () => {
    const store = storeAt([START]);
    const file = await store.write('analysis', analysisDraft());
    writeFileSync(file, JSON.stringify(JSON.parse(readFileSync(file, 'utf8'))));

    const listing = await store.listEnvelopes();
    assert.equal(listing.envelopes[0]?.file, file);
    assert.deepEqual(listing.envelopes[0]?.repository, analysisDraft().repository);
  });

  test('compact corrupt fossil skipped', async () => {
    const store = storeAt([START]);
    const good = await store.write('analysis', analysisDraft());
    const corruptName = '20260301T100001.000Z-analysis-0badf00d.json';
    writeFileSync(path.join(store.dir, corruptName), '{"schemaVersion": 1, "kind": "anal');

    const listing = await store.listEnvelopes();
    assert.deepEqual(
      listing.envelopes.map((envelope) => envelope.file),
      [good],
    );
    assert.equal(listing.warnings.length, 1);
    assert.match(
      String(listing.warnings[0]),
      /0badf00d\.json: skipped because it is not valid JSON/,
    );
  });

  test('nested payload key read in full', async () => {
    const store = storeAt([START]);
    const file = await store.write('analysis', analysisDraft());
    const text = readFileSync(file, 'utf8');
    // "payload" at two spaces inside the tool object, so the parse of the start fails.
    const nested = text.replace('"tool": {\n', '"tool": {\n  "payload": 1,\n');
    writeFileSync(file, nested);

    const listing = await store.listEnvelopes();
    assert.deepEqual(listing.envelopes, []);
    assert.equal(listing.warnings.length, 1);
    assert.match(String(listing.warnings[0]), /does not match its schema/);
  });

  test('envelopes by kind with a limit', async () => {
    const store = storeAt([START, START + 1000, START + 2000]);
    await store.write('analysis', analysisDraft());
    await store.write('strategy', strategyDraft());
    const newest = await store.write('analysis', analysisDraft());

    const listing = await store.listEnvelopes({ kind: 'analysis', limit: 1 });
    assert.deepEqual(
      listing.envelopes.map((envelope) => envelope.file),
      [newest],
    );
  });

  test('link and pipe skipped in envelopes', async () => {
    const store = storeAt([START]);
    const good = await store.write('analysis', analysisDraft());
    const target = path.join(repo.dir, 'outside.json');
    writeFileSync(target, readFileSync(good));
    const linkName = '20260301T100001.000Z-analysis-0000000c.json';
    symlinkSync(target, path.join(store.dir, linkName));
    const pipeName = '20260301T100002.000Z-analysis-0000000f.json';
    execFileSync('mkfifo', [path.join(store.dir, pipeName)]);

    const listing = await store.listEnvelopes();
    assert.deepEqual(
      listing.envelopes.map((envelope) => envelope.file),
      [good],
    );
    assert.deepEqual(listing.warnings, [
      `fossils/${pipeName}: skipped because it is not a regular file.`,
      `fossils/${linkName}: skipped because it is not a regular file.`,
    ]);
  });
});
