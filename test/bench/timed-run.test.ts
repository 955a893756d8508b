import assert from 'node:assert/strict';
import { test } from 'node:test';

import { findGnuTime, parseGnuTimeOutput, runTimed } from '../../bench/hook/timed-run.js';

test('parseGnuTimeOutput reads CPU time and peak', () => {
  assert.deepEqual(parseGnuTimeOutput('0.21 0.04 38044\n'), { cpuMs: 250, peakKib: 38044 });
});

test('parseGnuTimeOutput skips the exit status line', () => {
  const output = 'Command exited with non-zero status 1\n1.50 0.00 61234\n';
  assert.deepEqual(parseGnuTimeOutput(output), { cpuMs: 1500, peakKib: 61234 });
});

test('parseGnuTimeOutput returns null for no number', () => {
  assert.equal(parseGnuTimeOutput('Command terminated by signal 9\n'), null);
  assert.equal(parseGnuTimeOutput('38044\n'), null);
  assert.equal(parseGnuTimeOutput(''), null);
});

test('runTimed records the exit code and output', () => {
  const sample = runTimed(
    {
      name: 'node',
      file: process.execPath,
      args: ['-e', 'process.stdout.write("out"); process.exit(3)'],
      cwd: process.cwd(),
      env: process.env,
    },
    findGnuTime(),
  );
  assert.equal(sample.exitCode, 3);
  assert.equal(sample.stdout, 'out');
  assert.ok(sample.wallMs > 0);
});

test('runTimed measures peak memory under GNU time', { skip: findGnuTime() === null }, () => {
  const allocate = 'const b = Buffer.alloc(64 * 1024 * 1024, 1); process.exit(b[0] - 1)';
  const sample = runTimed(
    {
      name: 'node',
      file: process.execPath,
      args: ['-e', allocate],
      cwd: process.cwd(),
      env: process.env,
    },
    findGnuTime(),
  );
  assert.equal(sample.exitCode, 0);
  assert.ok((sample.peakKib ?? 0) > 64 * 1024, `peak ${sample.peakKib} KiB`);
  assert.notEqual(sample.cpuMs, null);
});
