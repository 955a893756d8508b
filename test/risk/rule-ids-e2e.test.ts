import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { createTempRepo, type TempRepo } from '../helpers/repo.js';

const lines = (...texts: string[]): string => texts.map((text) => `${text}\n`).join('');

/** Makes a repository whose first commit has `files`, then stages a `debugger` statement. */
function createRepo(files: Record<string, unknown>): TempRepo {
  const repo = createTempRepo();
  repo.write('README.md', '# demo\n');
  for (const [file, value] of Object.entries(files)) {
    repo.write(file, `${JSON.stringify(value)}\n`);
  }
  repo.git(['add', '-A']);
  repo.git(['commit', '-q', '-m', 'start'], { env: { FOOTPRINT: '0' } });
  repo.write('packages/web/src/a.js', lines('debugger;'));
  repo.git(['add', '-A']);
  return repo;
}

describe('rule ids in the configuration', () => {
  test('unknown id in risk.disable exits 2 with a suggestion', () => {
    const repo = createRepo({ 'footprint.config.json': { risk: { disable: ['privat-key'] } } });
    try {
      const result = repo.footprint(['precommit', '--no-llm']);

      assert.equal(result.status, 2);
      assert.match(
        result.stderr,
        /footprint\.config\.json: "risk\.disable\[0\]" is "privat-key", which is not a rule id\. Did you mean private-key\?/,
      );
    } finally {
      repo.cleanup();
    }
  });

  test('unknown id in risk.allow lists the known ids', () => {
    const repo = createRepo({ 'footprint.config.json': { risk: { allow: [{ rule: 'nope' }] } } });
    try {
      const result = repo.footprint(['precommit', '--no-llm']);

      assert.equal(result.status, 2);
      assert.match(result.stderr, /"risk\.allow\[0\]\.rule" is "nope", which is not a rule id/);
      assert.match(result.stderr, /Use one of: private-key, provider-token,/);
    } finally {
      repo.cleanup();
    }
  });

  test('unknown id in package.json names its key', () => {
    const manifest = { name: 'demo', footprint: { risk: { disable: ['debuger'] } } };
    const repo = createRepo({ 'package.json': manifest });
    try {
      const result = repo.footprint(['precommit', '--no-llm']);

      assert.equal(result.status, 2);
      assert.match(
        result.stderr,
        /package\.json: "footprint\.risk\.disable\[0\]" is "debuger", which is not a rule id\. Did you mean debugger\?/,
      );
    } finally {
      repo.cleanup();
    }
  });

  test('custom rule ids count as known', () => {
    const custom = { id: 'no-hack', pattern: 'HACK', severity: 'low' };
    const config = {
      risk: { custom: [custom], disable: ['no-hack'], allow: [{ rule: 'no-hack' }] },
    };
    const repo = createRepo({ 'footprint.config.json': config });
    try {
      const result = repo.footprint(['precommit', '--no-llm']);

      assert.equal(result.status, 1, result.stderr);
      assert.match(result.stderr, /debugger/);
    } finally {
      repo.cleanup();
    }
  });

  test('unknown id in a nested configuration exits 2', () => {
    const repo = createRepo({
      'packages/web/footprint.config.json': { risk: { allow: [{ rule: 'debuger' }] } },
    });
    try {
      const result = repo.footprint(['precommit', '--no-llm']);

      assert.equal(result.status, 2);
      assert.match(
        result.stderr,
        /packages\/web\/footprint\.config\.json: "risk\.allow\[0\]\.rule" is "debuger", which is not a rule id\. Did you mean debugger\?/,
      );
    } finally {
      repo.cleanup();
    }
  });
});

describe('rule ids in FOOTPRINT_SKIP', () => {
  test('unknown id warns once and the run goes on', () => {
    const repo = createRepo({});
    try {
      const result = repo.footprint(['precommit', '--no-llm'], {
        env: { FOOTPRINT_SKIP: 'debuger,privat-key' },
      });
      const warnings = result.stderr.split('\n').filter((line) => line.includes('no rule has'));

      assert.equal(result.status, 1, 'the misspelt skip leaves debugger on');
      assert.deepEqual(warnings, [
        'footprint: FOOTPRINT_SKIP lists "debuger" (did you mean debugger?), "privat-key" (did you mean private-key?), which no rule has; they are ignored.',
      ]);
    } finally {
      repo.cleanup();
    }
  });

  test('known and custom ids give no warning', () => {
    const custom = { id: 'no-hack', pattern: 'HACK', severity: 'low' };
    const repo = createRepo({ 'footprint.config.json': { risk: { custom: [custom] } } });
    try {
      const result = repo.footprint(['precommit', '--no-llm'], {
        env: { FOOTPRINT_SKIP: 'debugger,no-hack' },
      });

      assert.equal(result.status, 0, result.stderr);
      assert.doesNotMatch(result.stderr, /no rule has/);
    } finally {
      repo.cleanup();
    }
  });
});
