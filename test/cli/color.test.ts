import { test } from 'node:test';
import assert from 'node:assert/strict';
import { main } from '../../src/cli/main.js';
import { captureIo } from './cli-io.js';

// `precommit` with FOOTPRINT=0 prints one styled line without running the pipeline.
const ESCAPE = '\u001b[';

async function skippedLine(
  argv: string[],
  env: NodeJS.ProcessEnv,
  isTTY: boolean,
): Promise<string> {
  const { io, stderr } = captureIo({ env: { FOOTPRINT: '0', ...env }, isTTY });
  const code = await main(['precommit', ...argv], io);
  assert.equal(code, 0);
  return stderr.text;
}

test('color never on a terminal', async () => {
  const text = await skippedLine(['--color', 'never'], {}, true);

  assert.equal(text, 'ℹ footprint skipped because FOOTPRINT=0.\n');
});

test('color always off a terminal', async () => {
  const text = await skippedLine(['--color=always'], {}, false);

  assert.ok(text.includes(`${ESCAPE}34mℹ${ESCAPE}39m`), JSON.stringify(text));
});

test('color auto on a terminal', async () => {
  const text = await skippedLine([], {}, true);

  assert.ok(text.includes(ESCAPE));
});

test('color auto off a terminal', async () => {
  const text = await skippedLine([], {}, false);

  assert.ok(!text.includes(ESCAPE));
});

test('NO_COLOR turns auto colour off', async () => {
  const text = await skippedLine([], { NO_COLOR: '1' }, true);

  assert.ok(!text.includes(ESCAPE));
});

test('FORCE_COLOR turns auto colour on off a terminal', async () => {
  const text = await skippedLine([], { FORCE_COLOR: '1' }, false);

  assert.ok(text.includes(ESCAPE));
});

test('CI turns auto colour off', async () => {
  const text = await skippedLine([], { CI: 'true' }, true);

  assert.ok(!text.includes(ESCAPE));
});

test('color always wins over NO_COLOR', async () => {
  const text = await skippedLine(['--color', 'always'], { NO_COLOR: '1' }, false);

  assert.ok(text.includes(ESCAPE));
});

test('ASCII symbol without a UTF-8 locale', async () => {
  const text = await skippedLine(['--color', 'never'], { LC_ALL: 'C' }, false);

  assert.equal(text, '[i] footprint skipped because FOOTPRINT=0.\n');
});
