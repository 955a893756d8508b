import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import { writeStarterConfig } from '../../src/init/starter-files.js';

/** Returns the texts a reader saw of `file` while `writing` ran, leaving out a missing file. */
async function readWhile(file: string, writing: Promise<unknown>): Promise<string[]> {
  const seen: string[] = [];
  let done = false;
  void writing.finally(() => {
    done = true;
  });
  while (!done) {
    try {
      seen.push(readFileSync(file, 'utf8'));
    } catch {
      // Not created yet.
    }
    await new Promise((resolve) => setImmediate(resolve));
  }
  return seen;
}

test('starter config is never half written', async () => {
  const worktree = mkdtempSync(path.join(tmpdir(), 'footprint-starter-'));
  try {
    const file = path.join(worktree, 'footprint.config.json');
    const writers = Promise.all(Array.from({ length: 20 }, () => writeStarterConfig(worktree)));

    const seen = await readWhile(file, writers);
    const steps = await writers;

    assert.deepEqual(
      seen.filter((text) => !text.endsWith('}\n')),
      [],
    );
    assert.equal(steps.filter((step) => step.action === 'created').length, 1);
    assert.equal(JSON.parse(readFileSync(file, 'utf8')).mode, 'balanced');
  } finally {
    rmSync(worktree, { recursive: true, force: true });
  }
});

test('starter config keeps an existing file', async () => {
  const worktree = mkdtempSync(path.join(tmpdir(), 'footprint-starter-'));
  try {
    const file = path.join(worktree, 'footprint.config.json');
    writeFileSync(file, '{ "mode": "aggressive" }\n');

    const step = await writeStarterConfig(worktree);

    assert.equal(step.action, 'unchanged');
    assert.equal(readFileSync(file, 'utf8'), '{ "mode": "aggressive" }\n');
  } finally {
    rmSync(worktree, { recursive: true, force: true });
  }
});
