import assert from 'node:assert/strict';
import { readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import { formatCrashReport, writeCrashReport } from '../../src/cli/crash-report.js';
import { fakeGithubToken } from '../risk/secret-parts.js';

test('crash reports get names of their own', async () => {
  const details = { argv: ['precommit'], cwd: '/repo' };
  const first = await writeCrashReport(new Error('first'), details);
  const second = await writeCrashReport(new Error('second'), details);
  try {
    assert.ok(first !== null);
    assert.ok(second !== null);
    assert.notEqual(first, second);
    assert.equal(path.dirname(first), tmpdir());
    assert.match(path.basename(first), /^footprint-crash-.+-\d+-[0-9a-f]{8}\.txt$/);
    assert.equal(statSync(first).mode & 0o777, 0o600);
    assert.match(readFileSync(first, 'utf8'), /Error: first/);
    assert.match(readFileSync(second, 'utf8'), /Error: second/);
  } finally {
    for (const file of [first, second]) if (file !== null) rmSync(file, { force: true });
  }
});

test('crash report masks provider tokens', () => {
  const token = fakeGithubToken();
  const error = new Error(`cannot read keys/${token}.txt`);
  const details = { argv: ['precommit', '--cwd', `/work/${token}`], cwd: `/work/${token}` };

  const report = formatCrashReport(error, details);

  assert.equal(report.includes(token), false);
  assert.match(report, /^arguments: \["precommit","--cwd","\/work\/ghp_\*{8}"\]$/m);
  assert.match(report, /^cwd: \/work\/ghp_\*{8}$/m);
  assert.match(report, /Error: cannot read keys\/ghp_\*{8}\.txt/);
});
