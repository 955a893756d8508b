import { test } from 'node:test';
import assert from 'node:assert/strict';
import { configOfPreCommitScript, scanFootprintHook } from '../../src/init/pre-commit-framework.js';

/** Configurations keyed by case, with the line of the footprint hook or null. */
const CASES: { name: string; lines: string[]; expected: number | null }[] = [
  {
    name: 'local hook without stages',
    lines: ['repos:', '  - repo: local', '    hooks:', '      - id: footprint', '        name: f'],
    expected: 4,
  },
  {
    name: 'stages after the id',
    lines: ['repos:', '- repo: local', '  hooks:', '  - id: footprint', '    stages: [commit]'],
    expected: 4,
  },
  {
    name: 'pre-commit stage in a block list',
    lines: ['  hooks:', '    - id: footprint', '      stages:', '        - pre-commit', ''],
    expected: 2,
  },
  {
    name: 'push stage only',
    lines: ['  hooks:', '    - id: footprint', '      stages: [push]', '    - id: other'],
    expected: null,
  },
  {
    name: 'stages before the id',
    lines: ['  hooks:', '    - name: f', '      stages: [manual]', '      id: footprint'],
    expected: null,
  },
  {
    name: 'stages of the next hook',
    lines: ['  hooks:', '    - id: footprint', '    - id: other', '      stages: [push]'],
    expected: 2,
  },
  {
    name: 'quoted id with a comment',
    lines: ['  hooks:', "    - id: 'footprint' # the split", '      stages: ["commit"]'],
    expected: 2,
  },
  {
    name: 'flow mapping',
    lines: ['  hooks:', '    - {id: footprint, stages: [pre-commit], verbose: true}'],
    expected: 2,
  },
  {
    name: 'flow mapping at push',
    lines: ['  hooks:', '    - {id: footprint, stages: [push]}'],
    expected: null,
  },
  {
    name: 'commented-out hook',
    lines: ['  hooks:', '    # - id: footprint', '    - id: footprints'],
    expected: null,
  },
];

for (const { name, lines, expected } of CASES) {
  test(`config scan: ${name}`, () => {
    assert.equal(scanFootprintHook(lines), expected);
  });
}

test('config of pre-commit script', () => {
  const script = 'ARGS=(hook-impl --config=ci/hooks.yaml --hook-type=pre-commit)\n';
  assert.equal(configOfPreCommitScript(script), 'ci/hooks.yaml');
  assert.equal(configOfPreCommitScript(null), '.pre-commit-config.yaml');
});
