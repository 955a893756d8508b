import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, realpathSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { projectRoot } from '../helpers/repo.js';

/** The README's samples of hook output, each a text block that starts with footprint's header. */
const SAMPLE_BLOCK = /```text\n(footprint · [\s\S]*?)```/g;

/**
 * Replaces what differs between runs: the fossil's file name, the hook's time, and the id of
 * the commit the advice resets to, which the demo's commit times change.
 */
function normalize(text: string): string {
  return text
    .replace(/^Fossil fossils\/\S+\.json · \d+ ms$/gm, 'Fossil fossils/ID.json · N ms')
    .replace(/`git reset --soft [0-9a-f]{12}`/g, '`git reset --soft COMMIT`');
}

test('README hook samples match the demo', () => {
  const temp = realpathSync(mkdtempSync(path.join(tmpdir(), 'footprint-readme-')));
  try {
    const demo = spawnSync(process.execPath, [path.join(projectRoot, 'scripts', 'demo.js')], {
      cwd: projectRoot,
      // The samples show a terminal 100 columns wide; on a pipe the hook would not wrap.
      env: {
        ...process.env,
        TMPDIR: temp,
        LC_ALL: 'C.UTF-8',
        NO_COLOR: '1',
        FORCE_COLOR: '0',
        COLUMNS: '100',
      },
      encoding: 'utf8',
    });
    const readme = readFileSync(path.join(projectRoot, 'README.md'), 'utf8');
    const samples = [...readme.matchAll(SAMPLE_BLOCK)].map((match) => normalize(match[1] ?? ''));
    const printed = normalize(`${demo.stdout}\n${demo.stderr}`);

    assert.equal(demo.status, 0, demo.stderr);
    assert.equal(samples.length, 2, 'the tangled commit and the private key');
    for (const sample of samples) {
      assert.ok(printed.includes(sample), `README sample not printed by the demo:\n${sample}`);
    }
  } finally {
    rmSync(temp, { recursive: true, force: true });
  }
});
