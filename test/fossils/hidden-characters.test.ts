import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, test } from 'node:test';
import { main } from '../../src/cli/main.js';
import { createDefaultConfig } from '../../src/config/defaults.js';
import { buildAnalysisFossil } from '../../src/fossils/build-analysis.js';
import { openFossilStore } from '../../src/fossils/store.js';
import { captureIo } from '../cli/cli-io.js';
import { createTempRepo, gitTestEnv, type TempRepo } from '../helpers/repo.js';
import { samplePipelineResult } from '../schemas/samples.js';

/** CSI, DCS and ST (C1 controls), a right-to-left override, a zero-width space, ESC. */
const HIDDEN = '\u009b\u0090\u009c\u202e\u200b\u2066\u001b';
// eslint-disable-next-line no-control-regex -- control characters are what it finds
const HIDDEN_PATTERN = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u200b\u202a-\u202e\u2066-\u2069]/;
const OID = 'b'.repeat(40);

let repo: TempRepo;

beforeEach(() => {
  repo = createTempRepo();
});

afterEach(() => {
  repo.cleanup();
});

async function run(...argv: string[]) {
  const { io, stdout, stderr } = captureIo({ cwd: repo.dir, env: { ...gitTestEnv(), TZ: 'UTC' } });
  const code = await main(argv, io);
  return { code, stdout: stdout.text, stderr: stderr.text };
}

/** Writes an insight-cache fossil whose reply text contains HIDDEN, as a model could send it. */
async function writeCachedReply(
  fossilDir = 'fossils',
): Promise<{ id: string; reply: Record<string, unknown> }> {
  const reply = {
    summary: `Adds a parser${HIDDEN}[31m red`,
    messages: [{ batch: 'b1', message: `feat: add parser${HIDDEN}` }],
  };
  const store = openFossilStore(repo.dir, { ...createDefaultConfig(), fossilDir });
  const file = await store.write('insight-cache', {
    repository: { head: OID, branch: 'main', stagedTree: OID },
    payload: {
      key: 'c'.repeat(64),
      provider: 'anthropic',
      model: 'claude-test',
      promptVersion: 1,
      durationMs: 12,
      reply,
    },
  });
  return { id: path.basename(file, '.json'), reply };
}

/** Writes an analysis fossil, then edits its branch as anyone with the file can. */
async function writeEditedAnalysis(): Promise<string> {
  const result = samplePipelineResult();
  const store = openFossilStore(repo.dir, createDefaultConfig());
  const file = await store.write('analysis', buildAnalysisFossil(result, 'passed'));
  const fossil = JSON.parse(readFileSync(file, 'utf8')) as {
    repository: { branch: string };
    tool: { version: string };
  };
  fossil.repository.branch = `main${HIDDEN}`;
  fossil.tool.version = `1.0.0${HIDDEN}`;
  writeFileSync(file, JSON.stringify(fossil));
  return path.basename(file, '.json');
}

describe('fossils show hidden characters', () => {
  test('cached reply text escaped', async () => {
    const { id } = await writeCachedReply();
    const { code, stdout } = await run('fossils', 'show', id);

    assert.equal(code, 0);
    assert.doesNotMatch(stdout, HIDDEN_PATTERN);
    assert.match(stdout, /Adds a parser\\u009b\\u0090\\u009c\\u202e\\u200b\\u2066\\u001b\[31m/);
  });

  test('cached reply JSON escaped', async () => {
    const { id } = await writeCachedReply();
    const { stdout } = await run('fossils', 'show', id, '--json');

    assert.doesNotMatch(stdout, HIDDEN_PATTERN);
    assert.match(stdout, /\\u009b\\u0090\\u009c\\u202e\\u200b\\u2066\\u001b/);
  });

  test('cached reply JSON keeps value', async () => {
    const { id, reply } = await writeCachedReply();
    const { stdout } = await run('fossils', 'show', id, '--json');

    const document = JSON.parse(stdout) as { payload: { reply: unknown } };
    assert.deepEqual(document.payload.reply, reply);
  });

  test('edited envelope escaped', async () => {
    const id = await writeEditedAnalysis();
    const { code, stdout } = await run('fossils', 'show', id);

    assert.equal(code, 0);
    assert.doesNotMatch(stdout, HIDDEN_PATTERN);
    assert.match(stdout, /on main\\302\\233\\302\\220\\302\\234\\342\\200\\256/);
    assert.match(stdout, /by footprint 1\.0\.0\\302\\233/);
  });

  test('fossils list output clean', async () => {
    const fossilDir = 'store\u202ex';
    repo.write('footprint.config.json', JSON.stringify({ fossilDir }));
    await writeCachedReply(fossilDir);
    const text = await run('fossils', 'list');
    const json = await run('fossils', 'list', '--json');

    assert.equal(text.code, 0);
    assert.doesNotMatch(text.stdout, HIDDEN_PATTERN);
    assert.doesNotMatch(json.stdout, HIDDEN_PATTERN);
    assert.match(json.stdout, /store\\u202ex/);
  });
});
