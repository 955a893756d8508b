import assert from 'node:assert/strict';
import { mkdirSync, readdirSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, test } from 'node:test';
import { main } from '../../src/cli/main.js';
import { createDefaultConfig } from '../../src/config/defaults.js';
import { buildAnalysisFossil } from '../../src/fossils/build-analysis.js';
import type { OutcomeFossilPayload, OutcomeResult } from '../../src/fossils/outcome-types.js';
import { openFossilStore } from '../../src/fossils/store.js';
import { validateDocument, validateFossil } from '../../src/schemas-runtime/validators.js';
import { captureIo } from '../cli/cli-io.js';
import { createTempRepo, gitTestEnv, type TempRepo } from '../helpers/repo.js';
import { samplePipelineResult } from '../schemas/samples.js';

const START = Date.parse('2026-03-01T10:00:00.000Z');
const HOUR_MS = 60 * 60 * 1000;
const OID = 'a'.repeat(40);

let repo: TempRepo;

beforeEach(() => {
  repo = createTempRepo();
});

afterEach(() => {
  repo.cleanup();
});

function storeAt(hour: number) {
  return openFossilStore(repo.dir, createDefaultConfig(), {
    now: () => new Date(START + hour * HOUR_MS),
  });
}

/** Writes a precommit analysis whose stage times add up to `milliseconds`. */
async function writeAnalysis(
  hour: number,
  blocked: boolean,
  milliseconds: number,
): Promise<string> {
  const result = samplePipelineResult();
  result.risk.blocked = blocked;
  result.timings = { footprint: milliseconds };
  return storeAt(hour).write(
    'analysis',
    buildAnalysisFossil(result, blocked ? 'blocked' : 'passed'),
  );
}

async function writeOutcome(
  hour: number,
  result: OutcomeResult,
  fields: Partial<OutcomeFossilPayload> = {},
): Promise<string> {
  const payload: OutcomeFossilPayload = {
    commit: OID,
    parent: null,
    analysis: '20260301T100000.000Z-analysis-0a1b2c3d',
    exact: true,
    result,
    suggestedBatches: 2,
    matchedBatch: result === 'followed' ? 'b1' : null,
    batchesTouched: ['b1'],
    committedFiles: 1,
    unsuggestedFiles: 0,
    ...fields,
  };
  return storeAt(hour).write('outcome', {
    repository: { head: OID, branch: 'main', stagedTree: OID },
    payload,
  });
}

async function run(...argv: string[]) {
  return runIn(repo.dir, ...argv);
}

/** Runs footprint with `cwd` as the shell's folder. */
async function runIn(cwd: string, ...argv: string[]) {
  const { io, stdout, stderr } = captureIo({ cwd, env: { ...gitTestEnv(), TZ: 'UTC' } });
  const code = await main(argv, io);
  return { code, stdout: stdout.text, stderr: stderr.text };
}

/** Makes the folder `sub` in the repository and returns its path. */
function makeSubfolder(): string {
  const dir = path.join(repo.dir, 'sub');
  mkdirSync(dir, { recursive: true });
  return dir;
}

describe('fossils list', () => {
  test('table of fossils newest first', async () => {
    const first = path.basename(await writeAnalysis(0, false, 10), '.json');
    const second = path.basename(await writeOutcome(1, 'followed'), '.json');
    const { code, stdout, stderr } = await run('fossils', 'list', '--color', 'never');
    const rows = stdout.trimEnd().split('\n');

    assert.equal(code, 0, stderr);
    assert.match(rows[0] ?? '', /^time\s+type\s+outcome\s+risk\s+batches\s+id$/);
    assert.match(
      rows[1] ?? '',
      new RegExp(`^\\S+ \\S+\\s+outcome\\s+followed\\s+-\\s+2\\s+${second}$`),
    );
    assert.match(
      rows[2] ?? '',
      new RegExp(`^\\S+ \\S+\\s+analysis\\s+passed\\s+0\\.92\\s+2\\s+${first}$`),
    );
    assert.equal(rows.length, 3);
  });

  test('filters by type, date and limit', async () => {
    await writeAnalysis(0, false, 10);
    await writeAnalysis(2, false, 10);
    const newest = path.basename(await writeAnalysis(4, false, 10), '.json');
    await writeOutcome(5, 'ignored');
    const since = new Date(START + HOUR_MS).toISOString();
    const { stdout } = await run(
      'fossils',
      'list',
      '--json',
      '--type',
      'analysis',
      '--since',
      since,
      '--limit',
      '1',
    );
    const document = JSON.parse(stdout) as { fossils: Array<{ id: string; file: string }> };

    assert.deepEqual(validateDocument('fossils-list', document), []);
    assert.deepEqual(
      document.fossils.map((fossil) => fossil.id),
      [newest],
    );
    assert.equal(document.fossils[0]?.file, `fossils/${newest}.json`);
  });

  test('json file relative to top folder', async () => {
    const id = path.basename(await writeAnalysis(0, false, 10), '.json');
    const { code, stdout } = await runIn(makeSubfolder(), 'fossils', 'list', '--json');
    const document = JSON.parse(stdout) as { fossils: Array<{ file: string }> };

    assert.equal(code, 0);
    assert.equal(document.fossils[0]?.file, `fossils/${id}.json`);
  });

  test('until leaves out newer fossils', async () => {
    const old = path.basename(await writeAnalysis(0, false, 10), '.json');
    await writeAnalysis(3, false, 10);
    const until = new Date(START + HOUR_MS).toISOString();
    const { stdout } = await run('fossils', 'list', '--json', '--until', until);

    assert.deepEqual(
      (JSON.parse(stdout) as { fossils: Array<{ id: string }> }).fossils.map((f) => f.id),
      [old],
    );
  });

  test('corrupt fossil is skipped with one warning naming it', async () => {
    await writeAnalysis(0, false, 10);
    const corrupt = '20260301T120000.000Z-analysis-0badf00d.json';
    writeFileSync(path.join(repo.dir, 'fossils', corrupt), '{ "schemaVersion": 1,');
    const { code, stdout, stderr } = await run('fossils', 'list', '--json');
    const document = JSON.parse(stdout) as { fossils: unknown[]; warnings: string[] };

    assert.equal(code, 0);
    assert.equal(document.fossils.length, 1);
    assert.equal(document.warnings.length, 1);
    assert.equal(stderr.trimEnd().split('\n').length, 1);
    assert.match(
      stderr,
      new RegExp(`fossils/${corrupt.replace(/\./g, '\\.')}: skipped because it is not valid JSON`),
    );
  });

  test('empty store', async () => {
    const { code, stdout } = await run('fossils', 'list');

    assert.equal(code, 0);
    assert.equal(stdout, 'No fossils in fossils/.\n');
  });

  test('filter that matches nothing', async () => {
    await writeAnalysis(0, false, 10);

    const { code, stdout } = await run(
      'fossils',
      'list',
      '--type',
      'model',
      '--since',
      '2026-01-01',
    );

    assert.equal(code, 0);
    assert.equal(stdout, 'No fossil in fossils/ matches --type model --since 2026-01-01.\n');
  });
});

describe('fossils show', () => {
  test('readable analysis', async () => {
    const id = path.basename(await writeAnalysis(0, true, 10), '.json');
    const { code, stdout } = await run('fossils', 'show', id, '--color', 'never');

    assert.equal(code, 0);
    assert.match(stdout, new RegExp(`^analysis fossil ${id}$`, 'm'));
    assert.match(stdout, /^precommit: blocked, mode balanced, reader native$/m);
    assert.match(stdout, /^Staged: 4 files, \+27 -2 in 3 hunks$/m);
    assert.match(stdout, /^ {2}b1 {2}feat\(parser\): add tokens for templates$/m);
    assert.match(stdout, /^ {2}critical {2}secret\/private-key {2}src\/parser\/tokens\.ts:44/m);
    assert.match(
      stdout,
      /^ {6}src\/parser\/tokens\.ts \(1 of 2 hunks\), test\/parser\/tokens\.test\.ts$/m,
    );
  });

  test('analysis of one file and hunk', async () => {
    const result = samplePipelineResult();
    result.footprint.totals = { files: 1, additions: 1, deletions: 0, hunks: 1 };
    const file = await storeAt(0).write('analysis', buildAnalysisFossil(result, 'passed'));

    const { code, stdout } = await run('fossils', 'show', path.basename(file, '.json'));

    assert.equal(code, 0);
    assert.match(stdout, /^Staged: 1 file, \+1 -0 in 1 hunk$/m);
  });

  test('analysis counts undiffed files apart', async () => {
    const result = samplePipelineResult();
    const [first] = result.footprint.files;
    assert.ok(first !== undefined);
    result.footprint.files = [
      { ...first, opaque: 'too-large', hunks: [], additions: 0, deletions: 0 },
    ];
    result.footprint.totals = { files: 1, additions: 0, deletions: 0, hunks: 0 };
    const file = await storeAt(0).write('analysis', buildAnalysisFossil(result, 'passed'));

    const { code, stdout } = await run('fossils', 'show', path.basename(file, '.json'));

    assert.equal(code, 0);
    assert.match(stdout, /^Staged: 1 file, not diffed$/m);
  });

  test('analysis quotes paths and messages', async () => {
    const result = samplePipelineResult();
    const [batch] = result.analysis.batches;
    assert.ok(batch !== undefined);
    batch.message = 'docs: a\u001b[2J\u001b]0;pwn\u0007red';
    batch.changes = [{ path: 'new\nline.txt' }, { path: 'x\u001b[31mRED.txt' }];
    const file = await storeAt(0).write('analysis', buildAnalysisFossil(result, 'blocked'));

    const { code, stdout } = await run('fossils', 'show', path.basename(file, '.json'));

    assert.equal(code, 0);
    assert.ok(!stdout.includes('\u001b'), stdout);
    assert.ok(!stdout.includes('\u0007'), stdout);
    assert.match(stdout, /^ {2}b1 {2}docs: a\\033\[2J\\033\]0;pwn\\ared$/m);
    assert.ok(stdout.includes('      "new\\nline.txt", "x\\033[31mRED.txt"\n'), stdout);
  });

  test('model quotes learned paths', async () => {
    const odd = 'e\u001b[31mred.txt';
    for (let round = 1; round <= 3; round++) {
      repo.write(odd, `${round}\n`);
      repo.write('plain.txt', `${round}\n`);
      repo.git(['add', '-A']);
      repo.git(['commit', '-q', '-m', `fix: round ${round}`], { env: { FOOTPRINT: '0' } });
    }
    assert.equal((await run('learn')).code, 0);
    const model = readdirSync(path.join(repo.dir, 'fossils')).find((name) =>
      name.includes('-model-'),
    );
    assert.ok(model !== undefined);

    const { code, stdout } = await run('fossils', 'show', model, '--color', 'never');

    assert.equal(code, 0);
    assert.ok(!stdout.includes('\u001b'), stdout);
    assert.match(stdout, /^ {2}"e\\033\[31mred\.txt" {2}3, 3,/m);
  });

  test('readable commit run', async () => {
    const file = await storeAt(0).write('commit-run', {
      repository: { head: OID, branch: 'main', stagedTree: OID },
      payload: {
        ref: 'refs/heads/main',
        startHead: null,
        finalHead: OID,
        stagedTree: OID,
        strategy: {
          source: 'planned',
          file: null,
          createdAt: '2026-03-01T09:00:00.000Z',
          mode: 'balanced',
        },
        commits: [
          { oid: 'b'.repeat(40), tree: OID, batch: 'b1', message: 'build(deps): bump x\n\nbody' },
          { oid: OID, tree: OID, batch: 'b2', message: 'feat: add y\u001b[2J' },
        ],
        signing: null,
        commitMsgHook: 'ran',
      },
    });
    const { code, stdout } = await run('fossils', 'show', path.basename(file, '.json'));

    assert.equal(code, 0);
    assert.match(stdout, /^Moved refs\/heads\/main from an unborn branch to a{40}$/m);
    assert.match(stdout, /^ {2}b{12} {2}b1 {2}build\(deps\): bump x$/m);
    assert.match(stdout, /^ {2}a{12} {2}b2 {2}feat: add y\\033\[2J$/m);
    assert.ok(!stdout.includes('"finalHead"'), stdout);
  });

  test('readable undo', async () => {
    const file = await storeAt(0).write('undo', {
      repository: { head: OID, branch: 'main', stagedTree: OID },
      payload: {
        run: '20260301T100000.000Z-commit-run-0a1b2c3d',
        ref: 'refs/heads/main',
        from: 'b'.repeat(40),
        to: OID,
        commits: 2,
      },
    });
    const { stdout } = await run('fossils', 'show', path.basename(file, '.json'));

    assert.match(stdout, /^Undid commit run 20260301T100000\.000Z-commit-run-0a1b2c3d$/m);
    assert.match(stdout, /^2 commits left the ref$/m);
  });

  test('readable strategy', async () => {
    const file = await storeAt(0).write('strategy', {
      repository: { head: OID, branch: 'main', stagedTree: OID },
      payload: {
        schemaVersion: 1,
        kind: 'strategy',
        createdAt: '2026-03-01T09:00:00.000Z',
        mode: 'balanced',
        head: OID,
        stagedTree: OID,
        batches: [
          {
            id: 'b1',
            message: 'feat: add y',
            type: 'feat',
            scope: null,
            rationale:
              'one edit with no close relation to the rest of the change; feat because it adds source files',
            changes: [{ path: 'src/y.ts' }],
            dependsOn: [],
          },
        ],
        mitigations: [],
        validation: ['npx lint-staged'],
      },
    });
    const { stdout } = await run('fossils', 'show', path.basename(file, '.json'));

    assert.match(stdout, /^ {2}b1 {2}feat: add y$/m);
    assert.match(stdout, /^ {6}src\/y\.ts$/m);
    assert.match(stdout, /^ {2}npx lint-staged$/m);
  });

  test('json is the fossil as stored', async () => {
    const id = path.basename(await writeOutcome(0, 'partial'), '.json');
    const { stdout } = await run('fossils', 'show', `${id}.json`, '--json');
    const fossil = JSON.parse(stdout) as { id: string };

    assert.equal(fossil.id, id);
    assert.deepEqual(validateFossil('outcome', fossil), []);
  });

  test('path as commands print it', async () => {
    const file = await writeOutcome(0, 'partial');
    const id = path.basename(file, '.json');

    const { code, stdout, stderr } = await run('fossils', 'show', `fossils/${id}.json`, '--json');
    const fossil = JSON.parse(stdout) as { id: string };

    assert.equal(code, 0, stderr);
    assert.equal(fossil.id, id);
  });

  test('absolute path to a fossil', async () => {
    const file = await writeOutcome(0, 'partial');

    const { code, stdout, stderr } = await run('fossils', 'show', file, '--json');
    const fossil = JSON.parse(stdout) as { id: string };

    assert.equal(code, 0, stderr);
    assert.equal(fossil.id, path.basename(file, '.json'));
  });

  test('path outside the store', async () => {
    const file = await writeOutcome(0, 'partial');
    mkdirSync(path.join(repo.dir, 'elsewhere'));

    const { code, stderr } = await run('fossils', 'show', `elsewhere/${path.basename(file)}`);

    assert.equal(code, 2);
    assert.match(stderr, /No readable fossil has the id or path 'elsewhere\/.*' in fossils\./);
  });

  test('unknown id', async () => {
    const { code, stderr } = await run('fossils', 'show', '20260101T000000.000Z-analysis-00000000');

    assert.equal(code, 2);
    assert.match(
      stderr,
      /No readable fossil has the id or path '20260101T000000\.000Z-analysis-00000000' in fossils\./,
    );
    assert.match(stderr, /Run `footprint fossils list` to see the ids\.$/m);
  });

  test('paths from a subfolder', async () => {
    const file = await writeOutcome(0, 'partial');
    const id = path.basename(file, '.json');
    const subfolder = makeSubfolder();
    const CASES: Array<[string, string]> = [
      ['relative to the top folder', `fossils/${id}.json`],
      ['relative to the shell folder', `../fossils/${id}.json`],
      ['absolute', file],
      ['id', id],
    ];
    for (const [name, argument] of CASES) {
      const { code, stdout, stderr } = await runIn(
        subfolder,
        'fossils',
        'show',
        argument,
        '--json',
      );

      assert.equal(code, 0, `${name}: ${stderr}`);
      assert.equal((JSON.parse(stdout) as { id: string }).id, id, name);
    }
  });

  test('unknown id names the cwd option', async () => {
    const { code, stderr } = await runIn(
      path.dirname(repo.dir),
      'fossils',
      'show',
      'nope',
      '--cwd',
      repo.dir,
    );

    assert.equal(code, 2);
    assert.ok(stderr.includes(`Run \`footprint --cwd ${repo.dir} fossils list\``), stderr);
  });

  test('second argument names show', async () => {
    const { code, stderr } = await run('fossils', 'show', 'a', 'b');

    assert.equal(code, 2);
    assert.match(stderr, /Unexpected argument 'b' for footprint fossils show\./);
    assert.match(stderr, /Run `footprint fossils show --help`/);
  });

  test('missing id', async () => {
    const { code, stderr } = await run('fossils', 'show');

    assert.equal(code, 2);
    assert.match(stderr, /footprint fossils show needs a fossil id/);
  });
});

describe('fossils prune', () => {
  test('keep with json', async () => {
    await writeAnalysis(0, false, 10);
    await writeAnalysis(1, false, 10);
    const newest = path.basename(await writeAnalysis(2, false, 10), '.json');
    const { code, stdout } = await run('fossils', 'prune', '--keep', '1', '--json');
    const document = JSON.parse(stdout) as { removed: unknown[]; kept: number; dryRun: boolean };
    const listing = await run('fossils', 'list', '--json');

    assert.equal(code, 0);
    assert.deepEqual(validateDocument('fossils-prune', document), []);
    assert.equal(document.removed.length, 2);
    assert.equal(document.kept, 1);
    assert.deepEqual(
      (JSON.parse(listing.stdout) as { fossils: Array<{ id: string }> }).fossils.map((f) => f.id),
      [newest],
    );
  });

  test('dry run says would', async () => {
    await writeAnalysis(0, false, 10);
    await writeAnalysis(1, false, 10);
    const { stdout } = await run(
      'fossils',
      'prune',
      '--older-than',
      '2026-03-01T10:30:00Z',
      '--dry-run',
    );

    assert.match(stdout, /Would remove 1 fossil; 1 fossil kept\.$/m);
    assert.equal(
      (JSON.parse((await run('fossils', 'list', '--json')).stdout) as { fossils: unknown[] })
        .fossils.length,
      2,
    );
  });
});

describe('fossils prune of fossils it cannot read', () => {
  const CORRUPT = '20260301T120000.000Z-analysis-deadbeef';
  const NEWER = '20260301T120001.000Z-analysis-cafebabe';

  function writeUnreadable(): void {
    mkdirSync(path.join(repo.dir, 'fossils'), { recursive: true });
    writeFileSync(path.join(repo.dir, 'fossils', `${CORRUPT}.json`), '{not json\n');
    const newer = JSON.stringify({ schemaVersion: 99, kind: 'analysis' });
    writeFileSync(path.join(repo.dir, 'fossils', `${NEWER}.json`), `${newer}\n`);
  }

  function storeIds(): string[] {
    return readdirSync(path.join(repo.dir, 'fossils'))
      .filter((name) => name.endsWith('.json'))
      .map((name) => path.basename(name, '.json'))
      .sort();
  }

  test('keeps corrupt and newer fossils', async () => {
    writeUnreadable();
    await writeAnalysis(0, false, 10);

    const { code, stdout } = await run('fossils', 'prune', '--keep', '0', '--type', 'analysis');

    assert.equal(code, 0);
    assert.deepEqual(storeIds(), [CORRUPT, NEWER]);
    assert.match(stdout, /Removed 1 fossil; 2 fossils kept\.$/m);
    assert.match(stdout, / Kept 1 fossil that a newer footprint wrote \(fossil schema version/m);
    assert.match(stdout, / Kept 1 fossil that footprint cannot read as JSON\./m);
    assert.match(stdout, /--keep 0 --type analysis --unreadable` to remove it too\.$/m);
  });

  test('dry run reports kept fossils', async () => {
    writeUnreadable();

    const { code, stdout } = await run('fossils', 'prune', '--keep', '0', '--dry-run');

    assert.equal(code, 0);
    assert.deepEqual(storeIds(), [CORRUPT, NEWER]);
    assert.match(stdout, /Would remove 0 fossils; 2 fossils kept\.$/m);
    assert.match(stdout, / Would keep 1 fossil that a newer footprint wrote/m);
    assert.match(stdout, / Would keep 1 fossil that footprint cannot read as JSON\./m);
  });

  test('unreadable option removes corrupt only', async () => {
    writeUnreadable();

    const { code, stdout } = await run('fossils', 'prune', '--keep', '0', '--unreadable');

    assert.equal(code, 0);
    assert.deepEqual(storeIds(), [NEWER]);
    assert.match(stdout, new RegExp(`^${CORRUPT}$`, 'm'));
    assert.doesNotMatch(stdout, /cannot read as JSON/);
  });

  test('json lists kept fossils', async () => {
    writeUnreadable();

    const { stdout } = await run('fossils', 'prune', '--keep', '0', '--json');
    const document = JSON.parse(stdout) as Record<string, unknown>;

    assert.deepEqual(validateDocument('fossils-prune', document), []);
    assert.deepEqual(document['removed'], []);
    assert.deepEqual(document['keptNewerVersion'], [NEWER]);
    assert.deepEqual(document['keptUnreadable'], [CORRUPT]);
  });

  test('unreadable option only for prune', async () => {
    const { code, stderr } = await run('fossils', 'list', '--unreadable');

    assert.equal(code, 2);
    assert.match(stderr, /Option '--unreadable' is for footprint fossils prune/);
  });
});

describe('fossils prune of the newest model', () => {
  function writeModel(id: string): void {
    mkdirSync(path.join(repo.dir, 'fossils'), { recursive: true });
    writeFileSync(path.join(repo.dir, 'fossils', `${id}.json`), '{}\n');
  }

  test('older-than 0d keeps it and says so', async () => {
    writeModel('20260101T100000.000Z-model-0a0a0a0a');
    writeModel('20260102T100000.000Z-model-0b0b0b0b');
    const { code, stdout } = await run(
      'fossils',
      'prune',
      '--older-than',
      '0d',
      '--color',
      'never',
    );

    assert.equal(code, 0);
    assert.match(stdout, /^20260101T100000\.000Z-model-0a0a0a0a$/m);
    assert.match(stdout, /Removed 1 fossil; 1 fossil kept\.$/m);
    assert.match(
      stdout,
      /Kept 20260102T100000\.000Z-model-0b0b0b0b because it is the newest model/,
    );
    assert.ok(
      stdout.includes('Run `footprint fossils prune --keep 0 --type model` to remove it too.\n'),
      stdout,
    );
  });

  test('json names the kept model', async () => {
    writeModel('20260102T100000.000Z-model-0b0b0b0b');
    const { stdout } = await run('fossils', 'prune', '--older-than', '0d', '--json');
    const document = JSON.parse(stdout) as { removed: unknown[]; keptNewestModel: string[] };

    assert.deepEqual(validateDocument('fossils-prune', document), []);
    assert.deepEqual(document.removed, []);
    assert.deepEqual(document.keptNewestModel, ['20260102T100000.000Z-model-0b0b0b0b']);
  });
});

describe('fossils subcommand help', () => {
  const CASES: Array<[string, RegExp]> = [
    ['list', /^Usage: footprint fossils list \[--type TYPE\]/],
    ['show', /^Usage: footprint fossils show ID/],
    ['prune', /^Usage: footprint fossils prune \[--keep N\]/],
    ['stats', /^Usage: footprint fossils stats/],
    ['record-outcome', /^Usage: footprint fossils record-outcome/],
  ];
  for (const [subcommand, usage] of CASES) {
    test(`${subcommand} --help`, async () => {
      const { code, stdout } = await run('fossils', subcommand, '--help');

      assert.equal(code, 0);
      assert.match(stdout, usage);
    });
  }

  test('prune help names the newest model rule', async () => {
    const { stdout } = await run('fossils', 'prune', '--help');

    assert.match(stdout, /Neither option\nremoves the newest model/);
  });

  test('fossils help scopes since', async () => {
    const { stdout } = await run('fossils', '--help');

    assert.match(stdout, /^ {2}--since DATE .*\n {22}.*\(list, stats\)$/m);
    assert.match(stdout, /^ {2}--unreadable {2,}prune: /m);
  });

  test('fossils --help lists every subcommand', async () => {
    const { stdout } = await run('fossils', '--help');

    assert.match(stdout, /^Usage: footprint fossils <list\|show ID\|prune\|stats\|record-outcome>/);
  });
});

describe('fossils stats', () => {
  test('follow, block and hook time figures', async () => {
    await writeAnalysis(0, false, 10);
    await writeAnalysis(1, true, 30);
    await writeAnalysis(2, false, 20);
    await writeOutcome(3, 'followed');
    await writeOutcome(4, 'followed');
    await writeOutcome(5, 'ignored');
    await writeOutcome(6, 'partial');
    const { code, stdout } = await run('fossils', 'stats', '--json');
    const stats = JSON.parse(stdout) as Record<string, Record<string, unknown>>;

    assert.equal(code, 0);
    assert.deepEqual(validateDocument('fossils-stats', stats), []);
    assert.deepEqual(stats['hook'], {
      runs: 3,
      blocked: 1,
      blockedShare: 0.333,
      medianMs: 20,
      blockingRules: [{ rule: 'secret/private-key', runs: 1 }],
    });
    assert.deepEqual(stats['suggestions'], {
      outcomes: 4,
      followed: 2,
      partial: 1,
      ignored: 1,
      followedShare: 0.5,
      commitRuns: 0,
    });
    assert.deepEqual(stats['types'], [
      { type: 'outcome', count: 4 },
      { type: 'analysis', count: 3 },
    ]);
  });

  test('outcome without a suggestion left out', async () => {
    await writeOutcome(1, 'followed');
    await writeOutcome(2, 'ignored', { suggestedBatches: 0, batchesTouched: [] });
    await writeOutcome(3, 'ignored', { committedFiles: 0, batchesTouched: [] });
    const { code, stdout } = await run('fossils', 'stats', '--json');
    const stats = JSON.parse(stdout) as { suggestions: Record<string, unknown> };

    assert.equal(code, 0);
    assert.deepEqual(validateDocument('fossils-stats', stats), []);
    assert.equal(stats.suggestions['outcomes'], 1);
    assert.equal(stats.suggestions['ignored'], 0);
    assert.equal(stats.suggestions['followedShare'], 1);
  });

  test('unreadable fossil left out of counts', async () => {
    await writeAnalysis(1, false, 10);
    const dir = path.join(repo.dir, 'fossils');
    writeFileSync(path.join(dir, '20260101T000000.000Z-analysis-deadbeef.json'), 'junk\n');
    const { code, stdout } = await run('fossils', 'stats', '--json');
    const stats = JSON.parse(stdout) as Record<string, unknown>;

    assert.equal(code, 0);
    assert.deepEqual(stats['types'], [{ type: 'analysis', count: 1 }]);
    assert.notEqual(stats['from'], '2026-01-01T00:00:00.000Z');
    assert.equal((stats['warnings'] as string[]).length, 1);
  });

  test('store that is a file exits 2', async () => {
    writeFileSync(path.join(repo.dir, 'fossils'), 'not a folder\n');
    const { code, stderr } = await run('fossils', 'list');

    assert.equal(code, 2);
    assert.match(stderr, /fossils is not a folder \(ENOTDIR\)\. Point fossilDir/);
  });

  test('store that is a link loop exits 2', async () => {
    symlinkSync('fossils', path.join(repo.dir, 'fossils'));
    const { code, stderr } = await run('fossils', 'list');

    assert.equal(code, 2);
    assert.match(stderr, /fossils is not a folder \(ELOOP\)\. Point fossilDir/);
  });

  test('readable summary', async () => {
    await writeAnalysis(0, true, 30);
    await writeOutcome(1, 'followed');
    const { stdout } = await run('fossils', 'stats', '--color', 'never');

    assert.match(stdout, /^Hook runs: 1, median 30 ms of stage time/m);
    assert.match(stdout, /^Blocked: {3}1 \(100% of runs\)$/m);
    assert.match(stdout, /^ {2}by rule: secret\/private-key 1$/m);
    assert.match(stdout, /^ {2}followed 1 \(100%\), partly 0, ignored 0$/m);
    assert.match(stdout, /^footprint commit runs that stand: 0 \(undone and interrupted/m);
  });
});

describe('fossils usage errors', () => {
  const CASES: Array<[string, string[], RegExp]> = [
    [
      'no subcommand',
      ['fossils'],
      /footprint fossils needs a subcommand: list, show, prune or stats\./,
    ],
    [
      'unknown subcommand',
      ['fossils', 'lsit'],
      /Unknown subcommand 'fossils lsit'\. Did you mean 'fossils list'\? Use one of: list, show, prune, stats, record-outcome\./,
    ],
    [
      'option of prune on list',
      ['fossils', 'list', '--keep', '2'],
      /Option '--keep' is for footprint fossils prune, not footprint fossils list\./,
    ],
    [
      'unknown type',
      ['fossils', 'list', '--type', 'analyses'],
      /Unknown fossil type 'analyses' for --type\./,
    ],
    ['invalid date', ['fossils', 'list', '--since', 'soon'], /Invalid value 'soon' for --since\./],
    [
      'impossible day',
      ['fossils', 'list', '--since', '2026-02-31'],
      /Invalid value '2026-02-31' for --since\./,
    ],
    [
      'impossible hour',
      ['fossils', 'stats', '--until', '2026-02-01T25:00Z'],
      /Invalid value '2026-02-01T25:00Z' for --until\./,
    ],
    [
      'same day for both ends',
      ['fossils', 'list', '--since', '2026-03-01', '--until', '2026-03-01'],
      /name the same time, and --until leaves out fossils written from that time on, so no fossil can match\. For one whole day, give --until the day after\./,
    ],
    [
      'reversed range',
      ['fossils', 'list', '--since', '2030-01-01', '--until', '2020-01-01'],
      /--since 2030-01-01 is later than --until 2020-01-01, so no fossil can match\. Swap the two values\./,
    ],
    [
      'negative keep',
      ['fossils', 'prune', '--keep', '-1'],
      /Invalid value '-1' for --keep: use a whole number of 0 or more \(a number of fossils\), such as '--keep 10'\./,
    ],
    [
      'negative keep inline',
      ['fossils', 'prune', '--keep=-1'],
      /Invalid value '-1' for --keep: use a whole number of 0 or more/,
    ],
    ['negative limit', ['fossils', 'list', '--limit', '-3'], /Invalid value '-3' for --limit/],
    [
      'negative older-than',
      ['fossils', 'prune', '--older-than', '-1d'],
      /Invalid value '-1d' for --older-than\. Use a date such as 2025-01-31 .*or an age such as 30d/,
    ],
    [
      'negative since',
      ['fossils', 'list', '--since', '-2w'],
      /Invalid value '-2w' for --since\. Use a date/,
    ],
    [
      'extra argument',
      ['fossils', 'list', 'extra'],
      /Unexpected argument 'extra' for footprint fossils list\./,
    ],
  ];
  for (const [name, argv, message] of CASES) {
    test(name, async () => {
      const { code, stderr } = await run(...argv);

      assert.equal(code, 2);
      assert.match(stderr, message);
    });
  }
});
