import assert from 'node:assert/strict';
import { afterEach, beforeEach, describe, test } from 'node:test';
import { loadConfig, readFolderConfig } from '../../src/config/load.js';
import { isUserError } from '../../src/errors.js';
import { createTempRepo, type TempRepo } from '../helpers/repo.js';

let repo: TempRepo;

beforeEach(() => {
  repo = createTempRepo();
});

afterEach(() => {
  repo.cleanup();
});

/** Returns the message of the UserError that `load` throws. */
async function errorOf(load: () => Promise<unknown>): Promise<string> {
  try {
    await load();
  } catch (error) {
    assert.ok(isUserError(error), `expected a UserError, got ${String(error)}`);
    assert.equal(error.exitCode, 2);
    return error.message;
  }
  assert.fail('the configuration loaded');
}

function writeCustom(file: string, custom: unknown[], key?: string): void {
  const settings = { risk: { custom } };
  repo.write(file, JSON.stringify(key === undefined ? settings : { [key]: settings }));
}

describe('loadConfig custom rules', () => {
  test('backreference names the file', async () => {
    writeCustom('footprint.config.json', [{ id: 'twice', pattern: '(a)\\1', severity: 'high' }]);
    const message = await errorOf(() => loadConfig(repo.dir, { env: {} }));

    assert.equal(
      message,
      'footprint.config.json: "risk.custom[0].pattern" is "(a)\\\\1", which cannot be matched ' +
        'in linear time. Write it without backreferences or lookaround.',
    );
  });

  test('syntax error shows no internal flags', async () => {
    writeCustom('footprint.config.json', [
      { id: 'group', pattern: '(', flags: 'ms', severity: 'low' },
    ]);
    const message = await errorOf(() => loadConfig(repo.dir, { env: {} }));

    assert.equal(
      message,
      'footprint.config.json: "risk.custom[0].pattern" is "(", which is not a valid JavaScript ' +
        'regular expression (Unterminated group). Fix its syntax.',
    );
    assert.doesNotMatch(message, /\/[a-z]*g[a-z]*:/);
  });

  test('repeated id names both entries', async () => {
    writeCustom('footprint.config.json', [
      { id: 'todo', pattern: 'x', severity: 'high' },
      { id: 'todo', pattern: 'y', severity: 'low' },
    ]);
    const message = await errorOf(() => loadConfig(repo.dir, { env: {} }));

    assert.equal(
      message,
      'footprint.config.json: "risk.custom[1].id" is "todo", which risk.custom[0] already has. ' +
        'Give each custom rule its own id.',
    );
  });

  test('built-in id is rejected', async () => {
    writeCustom('footprint.config.json', [{ id: 'debugger', pattern: 'x', severity: 'low' }]);
    const message = await errorOf(() => loadConfig(repo.dir, { env: {} }));

    assert.equal(
      message,
      'footprint.config.json: "risk.custom[0].id" is "debugger", which is the id of a built-in ' +
        'rule. Give the custom rule its own id.',
    );
  });

  test('every problem on its own line', async () => {
    writeCustom('footprint.config.json', [
      { id: 'a', pattern: '(?<=x)y', severity: 'low' },
      { id: 'a', pattern: '[', severity: 'low' },
    ]);
    const lines = (await errorOf(() => loadConfig(repo.dir, { env: {} }))).split('\n');

    assert.equal(lines.length, 3);
    assert.match(lines[0] ?? '', /^footprint\.config\.json: "risk\.custom\[0\]\.pattern"/);
    assert.match(lines[1] ?? '', /^footprint\.config\.json: "risk\.custom\[1\]\.id"/);
    assert.match(lines[2] ?? '', /^footprint\.config\.json: "risk\.custom\[1\]\.pattern"/);
  });

  test('package.json key names its prefix', async () => {
    writeCustom(
      'package.json',
      [{ id: 'twice', pattern: '(a)\\1', severity: 'high' }],
      'footprint',
    );
    const message = await errorOf(() => loadConfig(repo.dir, { env: {} }));

    assert.match(message, /^package\.json: "footprint\.risk\.custom\[0\]\.pattern" is "\(a\)/);
  });

  test('nested configuration names its folder', async () => {
    writeCustom('packages/web/footprint.config.json', [
      { id: 'twice', pattern: '(a)\\1', severity: 'high' },
    ]);
    const dir = `${repo.dir}/packages/web`;
    const message = await errorOf(() => readFolderConfig(dir, 'packages/web'));

    assert.match(
      message,
      /^packages\/web\/footprint\.config\.json: "risk\.custom\[0\]\.pattern" is "\(a\)\\\\1"/,
    );
  });

  test('valid custom rules load', async () => {
    writeCustom('footprint.config.json', [
      { id: 'todo', pattern: 'TODO\\(\\w+\\)', flags: 'm', severity: 'low' },
    ]);
    const source = await loadConfig(repo.dir, { env: {} });

    assert.equal(source.config.risk.custom[0]?.id, 'todo');
  });
});
