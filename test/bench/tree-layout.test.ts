import assert from 'node:assert/strict';
import { test } from 'node:test';

import { planTree } from '../../bench/hook/tree-layout.js';

test('planTree plans the requested count of distinct paths', () => {
  for (const count of [1, 3, 50, 2000]) {
    const plan = planTree(count, 1);
    assert.equal(plan.length, count, `count ${count}`);
    assert.equal(new Set(plan.map((file) => file.path)).size, count, `count ${count}`);
  }
});

test('planTree is deterministic for a seed', () => {
  assert.deepEqual(planTree(500, 3), planTree(500, 3));
  assert.notDeepEqual(planTree(500, 3), planTree(500, 4));
});

test('planTree mixes modules, tests, JSON and Markdown', () => {
  const kinds = new Set(planTree(2000, 1).map((file) => file.kind));
  assert.deepEqual([...kinds].sort(), ['json', 'markdown', 'module', 'test']);
});

test('planTree points each test at a planned module', () => {
  const plan = planTree(2000, 1);
  const modules = new Set(plan.filter((file) => file.kind === 'module').map((file) => file.path));
  const tests = plan.filter((file) => file.kind === 'test');
  assert.ok(tests.length > 0);
  for (const file of tests)
    assert.ok(modules.has(file.subject ?? ''), `${file.path} has no subject`);
});
