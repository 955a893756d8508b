import assert from 'node:assert/strict';
import { test } from 'node:test';

import { fileKindOf, planStagedChange } from '../../bench/hook/stage-change.js';

const candidates = Array.from(
  { length: 300 },
  (_, index) => `packages/p${index % 7}/src/m${index}.ts`,
);

test('planStagedChange stages the requested count', () => {
  const plan = planStagedChange(candidates, 200, 1);
  assert.equal(plan.modified.length + plan.added.length, 200);
});

test('planStagedChange adds one file in ten', () => {
  assert.equal(planStagedChange(candidates, 1, 1).added.length, 0);
  assert.equal(planStagedChange(candidates, 20, 1).added.length, 2);
  assert.equal(planStagedChange(candidates, 200, 1).added.length, 20);
});

test('planStagedChange is deterministic for a seed', () => {
  assert.deepEqual(planStagedChange(candidates, 20, 4), planStagedChange(candidates, 20, 4));
  assert.notDeepEqual(planStagedChange(candidates, 20, 4), planStagedChange(candidates, 20, 5));
});

test('planStagedChange adds new paths beside modified files', () => {
  const plan = planStagedChange(candidates, 50, 2);
  const folders = new Set(plan.modified.map((file) => file.slice(0, file.lastIndexOf('/'))));
  for (const added of plan.added) {
    assert.equal(candidates.includes(added), false, `${added} already exists`);
    assert.ok(
      folders.has(added.slice(0, added.lastIndexOf('/'))),
      `${added} is beside no modified file`,
    );
  }
  assert.equal(new Set(plan.added).size, plan.added.length);
});

test('fileKindOf tells tests from modules', () => {
  assert.equal(fileKindOf('src/a.test.ts'), 'test');
  assert.equal(fileKindOf('src/a.spec.js'), 'test');
  assert.equal(fileKindOf('src/a.ts'), 'module');
  assert.equal(fileKindOf('src/App.svelte'), 'module');
  assert.equal(fileKindOf('src/a.mjs'), 'module');
});

test('fileKindOf skips lockfiles and unknown kinds', () => {
  assert.equal(fileKindOf('package-lock.json'), null);
  assert.equal(fileKindOf('apps/web/package-lock.json'), null);
  assert.equal(fileKindOf('logo.png'), null);
  assert.equal(fileKindOf('package.json'), 'json');
  assert.equal(fileKindOf('docs/intro.md'), 'markdown');
});
