import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseCommandLine } from '../../src/cli/args.js';
import { createTempRepo } from '../helpers/repo.js';

/** Every common option, with a value other than its default. */
const COMMON_FLAGS = [
  '--json',
  '--mode',
  'aggressive',
  '--no-llm',
  '--color',
  'never',
  '--debug',
  '--cwd',
  '/tmp',
];

/** Each command that takes the common options, with the arguments it needs besides them. */
const COMMANDS: Array<{ name: string; argv: string[] }> = [
  { name: 'precommit', argv: ['precommit'] },
  { name: 'analyze', argv: ['analyze'] },
  { name: 'strategy', argv: ['strategy'] },
  { name: 'validate', argv: ['validate', '--strategy', 'plan.json'] },
  { name: 'commit', argv: ['commit', '--dry-run'] },
  { name: 'undo', argv: ['undo'] },
  { name: 'learn', argv: ['learn'] },
  { name: 'fossils', argv: ['fossils', 'list'] },
  { name: 'init', argv: ['init'] },
];

for (const command of COMMANDS) {
  test(`${command.name} accepts every common flag`, () => {
    const line = parseCommandLine([...command.argv, ...COMMON_FLAGS]);

    assert.equal(line.command, command.name);
    assert.equal(line.json, true);
    assert.equal(line.mode, 'aggressive');
    assert.equal(line.noLlm, true);
    assert.equal(line.color, 'never');
    assert.equal(line.debug, true);
    assert.equal(line.cwd, '/tmp');
  });
}

test('undo with --mode and --no-llm runs', () => {
  const repo = createTempRepo();
  try {
    const result = repo.footprint(['undo', '--mode', 'aggressive', '--no-llm', '--json']);

    assert.equal(result.status, 1, 'refused, not a usage error');
    assert.match(result.stderr, /No commit run is recorded in .*, so there is nothing to undo/);
    assert.doesNotMatch(result.stderr, /is for footprint/);
  } finally {
    repo.cleanup();
  }
});
