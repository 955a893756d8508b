import assert from 'node:assert/strict';
import { test } from 'node:test';

import {
  footprintRatios,
  formatExitCodes,
  formatTable,
  type CaseResult,
} from '../../bench/hook/report.js';
import type { CommandTimings } from '../../bench/hook/time-case.js';

function timings(
  name: string,
  medianMs: number,
  medianCpuMs: number | null = null,
  peakMaxKib: number | null = null,
): CommandTimings {
  return {
    name,
    wallMs: [medianMs],
    cpuMs: medianCpuMs === null ? [] : [medianCpuMs],
    peakKib: [],
    medianMs,
    medianCpuMs,
    peakMaxKib,
    exitCodes: { '0': 1 },
    changed: [],
    failure: null,
  };
}

test('footprintRatios divides footprint by lint-staged', () => {
  const ratios = footprintRatios([timings('footprint', 150, 90), timings('lint-staged', 120, 120)]);
  assert.equal(ratios.ratio, 1.25);
  assert.equal(ratios.cpuRatio, 0.75);
});

test('footprintRatios without CPU times', () => {
  const ratios = footprintRatios([timings('footprint', 150), timings('lint-staged', 120)]);
  assert.equal(ratios.ratio, 1.25);
  assert.equal(ratios.cpuRatio, null);
});

test('footprintRatios without footprint', () => {
  assert.deepEqual(footprintRatios([timings('lint-staged', 120)]), { ratio: null, cpuRatio: null });
});

test('formatExitCodes prints one code when all agree', () => {
  assert.equal(formatExitCodes({ '0': 17 }), '0');
});

test('formatExitCodes counts each code when they differ', () => {
  assert.equal(formatExitCodes({ '0': 15, '2': 2 }), '0 x15, 2 x2');
  assert.equal(formatExitCodes(undefined), 'n/a');
});

test('formatTable prints one row per case', () => {
  const result: CaseResult = {
    label: 'generated 10k / 20 staged',
    dir: '/tmp/repo',
    files: 10000,
    packBytes: 12 * 1024 * 1024,
    commits: 30,
    staged: { files: 20, hunks: 37 },
    commands: [
      timings('footprint', 150.4, 90, 80 * 1024),
      timings('git diff', 14.25),
      timings('lint-staged', 120, 120),
    ],
    ratio: 1.2533,
    cpuRatio: 0.75,
    probe: null,
    profile: null,
  };
  const lines = formatTable([result]).split('\n');
  assert.equal(lines.length, 3);
  assert.equal(
    lines[2],
    '| generated 10k / 20 staged | 10000 | 12.0 | 20 | 37 | 150 | n/a | 14.3 | 120 | n/a | 1.25 | 0.75 | 80.0 | n/a | 0 |',
  );
});

test('formatTable prints git commit cases with hook ratios', () => {
  const result: CaseResult = {
    label: 'svelte / 21 staged, in git commit',
    dir: '/tmp/repo',
    files: 9082,
    packBytes: 118 * 1024 * 1024,
    commits: 1,
    staged: { files: 21, hunks: 23 },
    commands: [
      timings('footprint', 127, null, 69 * 1024),
      timings('lint-staged', 136),
      timings('git commit', 22),
    ],
    ratio: 127 / 136,
    cpuRatio: null,
    probe: null,
    profile: null,
  };
  const lines = formatTable([result]).split('\n');
  assert.equal(lines.length, 3);
  assert.match(lines[0] ?? '', /commit, footprint hook ms \| commit, lint-staged hook ms/);
  assert.equal(
    lines[2],
    '| svelte / 21 staged, in git commit | 9082 | 21 | 23 | 127 | 136 | 22.0 | 0.93 | 0.92 | 69.0 |',
  );
});
