import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { ecosystemOfFile, GITHUB_ACTIONS } from '../../src/batches/update-bots/ecosystems.js';
import { readRenovateConfig } from '../../src/batches/update-bots/renovate.js';
import type { DependencyUpdate } from '../../src/batches/update-bots/types.js';

const FILE = 'renovate.json';

function npmUpdate(dependencyTypes: string[] = ['dependencies']): DependencyUpdate {
  const ecosystem = ecosystemOfFile('package.json');
  assert.ok(ecosystem, 'package.json has an ecosystem');
  return { ecosystem, folder: '', dependencyTypes };
}

const ACTIONS: DependencyUpdate = { ecosystem: GITHUB_ACTIONS, folder: null, dependencyTypes: [] };

/** Returns the convention `config` gives `update`, or undefined when it states none at all. */
function conventionOf(config: Record<string, unknown>, update: DependencyUpdate = npmUpdate()) {
  return readRenovateConfig(config, FILE)?.conventionFor(update);
}

describe('readRenovateConfig', () => {
  test('names its bot and file', () => {
    const config = readRenovateConfig({ semanticCommitType: 'fix' }, FILE);

    assert.equal(config?.bot, 'Renovate');
    assert.equal(config?.file, FILE);
  });

  const cases: Array<{ name: string; config: Record<string, unknown>; expected: unknown }> = [
    {
      name: 'type',
      config: { semanticCommitType: 'fix' },
      expected: { type: 'fix', scope: 'deps' },
    },
    {
      name: 'type and scope',
      config: { semanticCommitType: 'build', semanticCommitScope: 'npm' },
      expected: { type: 'build', scope: 'npm' },
    },
    {
      name: 'null scope',
      config: { semanticCommitType: 'build', semanticCommitScope: null },
      expected: { type: 'build', scope: null },
    },
    {
      name: 'empty scope',
      config: { semanticCommitType: 'build', semanticCommitScope: '' },
      expected: { type: 'build', scope: null },
    },
    {
      name: 'commit message prefix',
      config: { semanticCommitType: 'fix', commitMessagePrefix: 'build(npm):' },
      expected: { type: 'build', scope: 'npm' },
    },
    {
      name: 'type preset',
      config: { extends: ['config:recommended', ':semanticCommitType(fix)'] },
      expected: { type: 'fix', scope: 'deps' },
    },
    {
      name: 'default preset prefix',
      config: { extends: ['default:semanticCommitType(perf)'] },
      expected: { type: 'perf', scope: 'deps' },
    },
    {
      name: 'chore prefix preset',
      config: { extends: [':semanticPrefixChore', ':semanticCommitScope(npm)'] },
      expected: { type: 'chore', scope: 'npm' },
    },
    {
      name: 'scope disabled preset',
      config: { extends: [':semanticCommitScopeDisabled'], semanticCommitType: 'fix' },
      expected: { type: 'fix', scope: null },
    },
    {
      name: 'own type over preset',
      config: { extends: [':semanticCommitType(fix)'], semanticCommitType: 'build' },
      expected: { type: 'build', scope: 'deps' },
    },
    {
      name: 'type-all preset over own type',
      config: { extends: [':semanticCommitTypeAll(chore)'], semanticCommitType: 'fix' },
      expected: { type: 'chore', scope: 'deps' },
    },
    {
      name: 'matching package rule',
      config: {
        semanticCommitType: 'chore',
        packageRules: [{ matchManagers: ['npm'], semanticCommitType: 'build' }],
      },
      expected: { type: 'build', scope: 'deps' },
    },
    {
      name: 'later package rule',
      config: {
        packageRules: [
          { matchManagers: ['npm'], semanticCommitType: 'build' },
          { matchDepTypes: ['dependencies'], semanticCommitType: 'fix', groupName: 'prod' },
        ],
      },
      expected: { type: 'fix', scope: 'deps' },
    },
    {
      name: 'rule of another dependency type',
      config: {
        semanticCommitType: 'fix',
        packageRules: [{ matchDepTypes: ['devDependencies'], semanticCommitType: 'chore' }],
      },
      expected: { type: 'fix', scope: 'deps' },
    },
    {
      name: 'rule with an unread matcher',
      config: {
        semanticCommitType: 'fix',
        packageRules: [{ matchPackageNames: ['eslint'], semanticCommitType: 'chore' }],
      },
      expected: { type: 'fix', scope: 'deps' },
    },
    {
      name: 'rule without matchers',
      config: { semanticCommitType: 'fix', packageRules: [{ semanticCommitType: 'chore' }] },
      expected: { type: 'fix', scope: 'deps' },
    },
    { name: 'unknown type', config: { semanticCommitType: 'deps' }, expected: null },
    { name: 'type not text', config: { semanticCommitType: 1 }, expected: null },
    {
      name: 'template scope',
      config: { semanticCommitType: 'fix', semanticCommitScope: '{{parentDir}}' },
      expected: null,
    },
    {
      name: 'non-conventional prefix',
      config: { semanticCommitType: 'fix', commitMessagePrefix: '[skip ci]' },
      expected: null,
    },
  ];

  for (const { name, config, expected } of cases) {
    test(`reads ${name}`, () => {
      assert.deepEqual(conventionOf(config), expected);
    });
  }

  test('rule types a development update', () => {
    const config = {
      semanticCommitType: 'fix',
      packageRules: [{ matchDepTypes: ['devDependencies'], semanticCommitType: 'chore' }],
    };

    assert.deepEqual(conventionOf(config, npmUpdate(['devDependencies'])), {
      type: 'chore',
      scope: 'deps',
    });
  });

  test('rule types actions only', () => {
    const config = {
      packageRules: [{ matchManagers: ['github-actions'], semanticCommitType: 'ci' }],
    };

    assert.deepEqual(conventionOf(config, ACTIONS), { type: 'ci', scope: 'deps' });
    assert.equal(conventionOf(config), null);
  });

  describe('fix for dependencies preset', () => {
    const presets = [
      'config:recommended',
      'config:base',
      'config:best-practices',
      'config:js-lib',
      ':semanticPrefixFixDepsChoreOthers',
      'default:semanticPrefixFixDepsChoreOthers',
    ];
    for (const preset of presets) {
      test(`${preset} types production fix`, () => {
        const config = { extends: [preset], semanticCommitType: 'build' };

        assert.deepEqual(conventionOf(config), { type: 'fix', scope: 'deps' });
      });
    }

    const chores: Array<{ name: string; types: string[] }> = [
      { name: 'development', types: ['devDependencies'] },
      { name: 'peer', types: ['peerDependencies'] },
      { name: 'optional', types: ['optionalDependencies'] },
      { name: 'unknown', types: [] },
    ];
    for (const { name, types } of chores) {
      test(`types ${name} dependencies chore`, () => {
        const config = { extends: ['config:recommended'], semanticCommitType: 'build' };

        assert.deepEqual(conventionOf(config, npmUpdate(types)), { type: 'chore', scope: 'deps' });
      });
    }

    test('types mixed dependencies fix', () => {
      const update = npmUpdate(['devDependencies', 'dependencies']);

      assert.deepEqual(conventionOf({ extends: ['config:recommended'] }, update), {
        type: 'fix',
        scope: 'deps',
      });
    });

    test('types actions chore', () => {
      const config = { extends: ['config:recommended'], semanticCommitType: 'ci' };

      assert.deepEqual(conventionOf(config, ACTIONS), { type: 'chore', scope: 'deps' });
    });

    test('keeps the configured scope', () => {
      const config = { extends: ['config:recommended'], semanticCommitScope: 'npm' };

      assert.deepEqual(conventionOf(config), { type: 'fix', scope: 'npm' });
    });

    test('ignored preset keeps own type', () => {
      const config = {
        extends: ['config:recommended'],
        ignorePresets: [':semanticPrefixFixDepsChoreOthers'],
        semanticCommitType: 'build',
      };

      assert.deepEqual(conventionOf(config), { type: 'build', scope: 'deps' });
    });

    test('own package rule wins', () => {
      const config = {
        extends: ['config:recommended'],
        packageRules: [{ matchDepTypes: ['dependencies'], semanticCommitType: 'build' }],
      };

      assert.deepEqual(conventionOf(config), { type: 'build', scope: 'deps' });
    });

    test('later type-all preset wins', () => {
      const config = { extends: ['config:recommended', ':semanticCommitTypeAll(perf)'] };

      assert.deepEqual(conventionOf(config), { type: 'perf', scope: 'deps' });
    });

    test('earlier type-all preset loses', () => {
      const config = { extends: [':semanticCommitTypeAll(perf)', 'config:recommended'] };

      assert.deepEqual(conventionOf(config), { type: 'fix', scope: 'deps' });
    });

    test('prefix still decides alone', () => {
      const config = { extends: ['config:recommended'], commitMessagePrefix: 'build:' };

      assert.deepEqual(conventionOf(config), { type: 'build', scope: null });
    });
  });

  const ignored: Array<{ name: string; config: unknown }> = [
    {
      name: 'disabled semantic commits',
      config: { semanticCommits: 'disabled', semanticCommitType: 'fix' },
    },
    {
      name: 'disabled by preset',
      config: { extends: [':semanticCommitsDisabled'], semanticCommitType: 'fix' },
    },
    { name: 'no semantic settings', config: { extends: ['config:semverAllMonthly'] } },
    {
      name: 'ignored fix preset',
      config: {
        extends: ['config:recommended'],
        ignorePresets: [':semanticPrefixFixDepsChoreOthers'],
      },
    },
    {
      name: 'recommended but disabled',
      config: { extends: ['config:recommended'], semanticCommits: 'disabled' },
    },
    { name: 'only a scope', config: { semanticCommitScope: 'npm' } },
    { name: 'a list', config: ['fix'] },
    { name: 'a string', config: 'fix' },
    { name: 'rules not a list', config: { packageRules: { matchManagers: ['npm'] } } },
  ];

  for (const { name, config } of ignored) {
    test(`reads nothing from ${name}`, () => {
      assert.equal(readRenovateConfig(config, FILE), null);
    });
  }
});
