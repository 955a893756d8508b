import { test } from 'node:test';
import assert from 'node:assert/strict';
import { findFrameworkStage } from '../../src/cli/framework-stage.js';

const HOOK_IMPL = ['python3', '-mpre_commit', 'hook-impl', '--config=.pre-commit-config.yaml'];

/** Cases keyed by name: the environment, the parent's arguments and the stage expected. */
const CASES: {
  name: string;
  env: Record<string, string>;
  parent: string[] | null;
  expected: string | null;
}[] = [
  {
    name: 'commit-msg hook type',
    env: { PRE_COMMIT: '1' },
    parent: [...HOOK_IMPL, '--hook-type=commit-msg', '--', '.git/COMMIT_EDITMSG'],
    expected: 'commit-msg',
  },
  {
    name: 'pre-commit hook type',
    env: { PRE_COMMIT: '1' },
    parent: [...HOOK_IMPL, '--hook-type=pre-commit', '--hook-dir', '/r/.git/hooks', '--'],
    expected: 'pre-commit',
  },
  {
    name: 'old stage name in run',
    env: { PRE_COMMIT: '1' },
    parent: ['pre-commit', 'run', '--hook-stage', 'merge-commit'],
    expected: 'pre-merge-commit',
  },
  {
    name: 'run without a stage',
    env: { PRE_COMMIT: '1' },
    parent: ['pre-commit', 'run', '--all-files'],
    expected: null,
  },
  {
    name: 'exported stage first',
    env: { PRE_COMMIT: '1', PRE_COMMIT_HOOK_STAGE: 'pre-push' },
    parent: [...HOOK_IMPL, '--hook-type=commit-msg'],
    expected: 'pre-push',
  },
  {
    name: 'outside pre-commit',
    env: {},
    parent: [...HOOK_IMPL, '--hook-type=commit-msg'],
    expected: null,
  },
  {
    name: 'unreadable parent',
    env: { PRE_COMMIT: '1' },
    parent: null,
    expected: null,
  },
];

for (const { name, env, parent, expected } of CASES) {
  test(`framework stage: ${name}`, async () => {
    assert.equal(await findFrameworkStage(env, () => Promise.resolve(parent)), expected);
  });
}

test('process arguments from ps', { skip: process.platform === 'win32' }, async () => {
  const { readProcessArguments } = await import('../../src/cli/process-arguments.js');
  const words = readProcessArguments(process.pid);
  assert.ok(words !== null, 'ps printed the command line of this process');
  assert.match(words[0] ?? '', /node/);
});
