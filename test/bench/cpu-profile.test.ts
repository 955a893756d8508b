import assert from 'node:assert/strict';
import { test } from 'node:test';

import { summarizeProfile, type CpuProfile } from '../../bench/hook/cpu-profile.js';

const profile: CpuProfile = {
  nodes: [
    { id: 1, callFrame: { functionName: '(root)', url: '', lineNumber: -1 } },
    {
      id: 2,
      callFrame: {
        functionName: 'inflate',
        url: 'file:///p/node_modules/pako/lib/inflate.js',
        lineNumber: 10,
      },
    },
    {
      id: 3,
      callFrame: {
        functionName: 'readIndex',
        url: 'file:///p/node_modules/isomorphic-git/index.js',
        lineNumber: 5,
      },
    },
    {
      id: 4,
      callFrame: { functionName: '', url: 'node:internal/modules/esm/loader', lineNumber: 3 },
    },
  ],
  samples: [2, 2, 3, 4, 2],
  timeDeltas: [0, 1000, 1000, 2000, 500, 1000],
};

test('summarizeProfile sums self time per function', () => {
  const summary = summarizeProfile(profile, 10);
  assert.deepEqual(summary.functions[0], { name: 'inflate node_modules/pako', selfMs: 3 });
  assert.deepEqual(summary.functions[1], {
    name: 'readIndex node_modules/isomorphic-git',
    selfMs: 2,
  });
  assert.deepEqual(summary.functions[2], {
    name: '(anonymous) node:internal/modules/esm/loader',
    selfMs: 0.5,
  });
});

test('summarizeProfile sums self time per file', () => {
  const summary = summarizeProfile(profile, 10);
  assert.deepEqual(
    summary.files.map((spot) => spot.name),
    ['node_modules/pako', 'node_modules/isomorphic-git', 'node:internal/modules/esm/loader'],
  );
  assert.equal(summary.totalMs, 5.5);
});

test('summarizeProfile keeps the top entries only', () => {
  assert.equal(summarizeProfile(profile, 1).functions.length, 1);
});
