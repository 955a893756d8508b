import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, realpathSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, test } from 'node:test';
import { createDefaultConfig } from '../../src/config/defaults.js';
import { loadConfig } from '../../src/config/load.js';
import { isUserError } from '../../src/errors.js';
import { createTempRepo, type TempRepo } from '../helpers/repo.js';

let repo: TempRepo;

beforeEach(() => {
  repo = createTempRepo();
});

afterEach(() => {
  repo.cleanup();
});

/** Loads the configuration and returns the UserError it throws. */
async function loadError(
  options: Parameters<typeof loadConfig>[1] = {},
): Promise<{ message: string; exitCode: number }> {
  try {
    await loadConfig(repo.dir, { env: {}, ...options });
  } catch (error) {
    assert.ok(isUserError(error), `expected a UserError, got ${String(error)}`);
    return { message: error.message, exitCode: error.exitCode };
  }
  assert.fail('loadConfig did not throw');
}

describe('loadConfig sources', () => {
  test('defaults without files', async () => {
    const source = await loadConfig(repo.dir, { env: {} });
    assert.equal(source.file, null);
    assert.deepEqual(source.config, createDefaultConfig());
  });

  test('package.json without footprint key', async () => {
    repo.write('package.json', JSON.stringify({ name: 'app', version: '1.0.0' }));
    const source = await loadConfig(repo.dir, { env: {} });
    assert.equal(source.file, null);
    assert.equal(source.config.mode, 'balanced');
  });

  test('package.json footprint key', async () => {
    repo.write('package.json', JSON.stringify({ name: 'app', footprint: { mode: 'aggressive' } }));
    const source = await loadConfig(repo.dir, { env: {} });
    assert.equal(source.file, path.join(repo.dir, 'package.json'));
    assert.equal(source.config.mode, 'aggressive');
  });

  test('config file wins over package.json', async () => {
    repo.write(
      'package.json',
      JSON.stringify({ footprint: { mode: 'aggressive', failClosed: true } }),
    );
    repo.write('footprint.config.json', JSON.stringify({ mode: 'conservative' }));
    const source = await loadConfig(repo.dir, { env: {} });
    assert.equal(source.file, path.join(repo.dir, 'footprint.config.json'));
    assert.equal(source.config.mode, 'conservative');
    assert.equal(source.config.failClosed, false, 'package.json is not read when the file exists');
  });

  test('nested keys merge with defaults', async () => {
    repo.write(
      'footprint.config.json',
      JSON.stringify({
        $schema: './node_modules/footprint/schemas/config.schema.json',
        llm: { timeoutMs: 1500 },
        blockOn: { balanced: ['medium', 'high', 'critical'] },
        risk: { disable: ['large-file'] },
      }),
    );
    const { config } = await loadConfig(repo.dir, { env: {} });
    const defaults = createDefaultConfig();

    assert.equal(config.llm.timeoutMs, 1500);
    assert.equal(config.llm.provider, defaults.llm.provider);
    assert.equal(config.llm.maxRequestBytes, defaults.llm.maxRequestBytes);
    assert.deepEqual(config.blockOn.balanced, ['medium', 'high', 'critical']);
    assert.deepEqual(config.blockOn.conservative, defaults.blockOn.conservative);
    assert.deepEqual(config.risk.disable, ['large-file']);
    assert.equal(config.risk.maxFileBytes, defaults.risk.maxFileBytes);
    assert.equal('$schema' in config, false);
  });

  test('array in file replaces default', async () => {
    repo.write(
      'footprint.config.json',
      JSON.stringify({ blockOn: { conservative: ['critical'] } }),
    );
    const { config } = await loadConfig(repo.dir, { env: {} });
    assert.deepEqual(config.blockOn.conservative, ['critical']);
  });

  test('file with a byte order mark', async () => {
    repo.write('footprint.config.json', '\uFEFF{"mode": "aggressive"}');
    const { config } = await loadConfig(repo.dir, { env: {} });
    assert.equal(config.mode, 'aggressive');
  });

  test('defaults are fresh per load', async () => {
    const first = await loadConfig(repo.dir, { env: {} });
    first.config.risk.disable.push('changed');
    const second = await loadConfig(repo.dir, { env: {} });
    assert.deepEqual(second.config.risk.disable, []);
  });
});

describe('loadConfig overrides', () => {
  test('--mode wins over the file', async () => {
    repo.write('footprint.config.json', JSON.stringify({ mode: 'conservative' }));
    const { config } = await loadConfig(repo.dir, { mode: 'aggressive', env: {} });
    assert.equal(config.mode, 'aggressive');
  });

  test('--no-llm disables the provider', async () => {
    repo.write('footprint.config.json', JSON.stringify({ llm: { provider: 'anthropic' } }));
    const { config } = await loadConfig(repo.dir, { noLlm: true, env: {} });
    assert.equal(config.llm.enabled, false);
    assert.equal(config.llm.provider, 'anthropic');
  });

  test('FOOTPRINT_LLM=0 disables the provider', async () => {
    const { config } = await loadConfig(repo.dir, { env: { FOOTPRINT_LLM: '0' } });
    assert.equal(config.llm.enabled, false);
  });

  test('FOOTPRINT_LLM=1 keeps the file setting', async () => {
    const { config } = await loadConfig(repo.dir, { env: { FOOTPRINT_LLM: '1' } });
    assert.equal(config.llm.enabled, true);
  });

  test('invalid --mode value', async () => {
    const error = await loadError({ mode: 'fast' as 'balanced' });
    assert.equal(error.exitCode, 2);
    assert.equal(
      error.message,
      '--mode is "fast"; expected one of conservative, balanced, aggressive.',
    );
  });
});

describe('loadConfig errors', () => {
  test('wrong enum value', async () => {
    repo.write('footprint.config.json', JSON.stringify({ mode: 'fast' }));
    const error = await loadError();
    assert.equal(error.exitCode, 2);
    assert.equal(
      error.message,
      'footprint.config.json: "mode" is "fast"; expected one of conservative, balanced, aggressive.',
    );
  });

  test('deeply nested wrong value', async () => {
    const nested = `${'['.repeat(20_000)}1${']'.repeat(20_000)}`;
    repo.write('footprint.config.json', `{"mode":${nested}}`);
    const error = await loadError();
    assert.equal(error.exitCode, 2);
    assert.equal(
      error.message,
      `footprint.config.json: "mode" is ${'['.repeat(57)}...; expected one of conservative, balanced, aggressive.`,
    );
  });

  test('unknown top-level key', async () => {
    repo.write('footprint.config.json', JSON.stringify({ mdoe: 'balanced' }));
    const error = await loadError();
    assert.equal(error.exitCode, 2);
    assert.match(error.message, /^footprint\.config\.json: unknown key "mdoe"\./);
    assert.match(error.message, /Did you mean "mode"\?/);
    assert.match(
      error.message,
      /Known keys at the top level: \$schema, blockOn, failClosed, fossilDir, fossils, llm, maxDiffBytes, mode, risk\.$/,
    );
  });

  test('unknown nested key', async () => {
    repo.write('footprint.config.json', JSON.stringify({ llm: { apiKey: 'sk-test' } }));
    const error = await loadError();
    assert.match(error.message, /unknown key "llm\.apiKey"/);
    assert.match(
      error.message,
      /Known keys in "llm": baseURL, enabled, maxRequestBytes, maxRequestTokens, model, provider, timeoutMs\./,
    );
    assert.doesNotMatch(error.message, /sk-test/, 'the value of an unknown key is not echoed');
  });

  test('number out of range', async () => {
    repo.write('footprint.config.json', JSON.stringify({ llm: { timeoutMs: 5 } }));
    const error = await loadError();
    assert.equal(
      error.message,
      'footprint.config.json: "llm.timeoutMs" is 5; expected an integer from 100 to 600000.',
    );
  });

  test('wrong type', async () => {
    repo.write('footprint.config.json', JSON.stringify({ failClosed: 'yes' }));
    const error = await loadError();
    assert.equal(
      error.message,
      'footprint.config.json: "failClosed" is "yes"; expected true or false.',
    );
  });

  test('wrong list item', async () => {
    repo.write(
      'footprint.config.json',
      JSON.stringify({ blockOn: { balanced: ['high', 'severe'] } }),
    );
    const error = await loadError();
    assert.equal(
      error.message,
      'footprint.config.json: "blockOn.balanced[1]" is "severe"; expected one of info, low, medium, high, critical.',
    );
  });

  test('missing required key in a list item', async () => {
    repo.write('footprint.config.json', JSON.stringify({ risk: { allow: [{ path: 'test/**' }] } }));
    const error = await loadError();
    assert.equal(
      error.message,
      'footprint.config.json: "risk.allow[0].rule" is missing; expected a non-empty string.',
    );
  });

  test('repeated list value', async () => {
    repo.write(
      'footprint.config.json',
      JSON.stringify({ risk: { disable: ['large-file', 'large-file'] } }),
    );
    const error = await loadError();
    assert.equal(
      error.message,
      'footprint.config.json: "risk.disable" lists "large-file" more than once; expected each value once.',
    );
  });

  test('every error on its own line', async () => {
    repo.write('footprint.config.json', JSON.stringify({ mode: 'fast', fossils: { keep: 0 } }));
    const error = await loadError();
    const lines = error.message.split('\n');
    assert.equal(lines.length, 2);
    assert.ok(
      lines.includes(
        'footprint.config.json: "mode" is "fast"; expected one of conservative, balanced, aggressive.',
      ),
    );
    assert.ok(
      lines.includes(
        'footprint.config.json: "fossils.keep" is 0; expected an integer from 1 to 100000.',
      ),
    );
  });

  test('top-level value not an object', async () => {
    repo.write('footprint.config.json', '[]');
    const error = await loadError();
    assert.match(
      error.message,
      /^footprint\.config\.json: the configuration is \[\]; expected an object with keys /,
    );
  });

  test('package.json key path', async () => {
    repo.write('package.json', JSON.stringify({ name: 'app', footprint: { mode: 3 } }));
    const error = await loadError();
    assert.equal(
      error.message,
      'package.json: "footprint.mode" is 3; expected one of conservative, balanced, aggressive.',
    );
  });

  test('package.json key not an object', async () => {
    repo.write('package.json', JSON.stringify({ name: 'app', footprint: true }));
    const error = await loadError();
    assert.match(
      error.message,
      /^package\.json: "footprint" is true; expected an object with keys /,
    );
  });

  test('invalid JSON in config file', async () => {
    repo.write(
      'footprint.config.json',
      '{\n  "mode": "balanced",\n  "llm": { "enabled": true, }\n}\n',
    );
    const error = await loadError();
    assert.equal(error.exitCode, 2);
    assert.equal(
      error.message,
      'footprint.config.json: invalid JSON at line 3, column 29: Expected double-quoted property name. ' +
        'Fix the JSON syntax, because footprint reads this file as its configuration.',
    );
  });

  test('duplicate key in config file', async () => {
    repo.write('footprint.config.json', '{"mode":"balanced",\n "mode":"aggressive"}\n');
    const error = await loadError();

    assert.equal(error.exitCode, 2);
    assert.equal(
      error.message,
      'footprint.config.json: the key "mode" appears twice, on lines 1 and 2. footprint reads ' +
        'only the last one, as JSON.parse does, so it would ignore the value on line 1. ' +
        'Keep one "mode" key and delete the others.',
    );
  });

  test('nested duplicate keys each named', async () => {
    repo.write(
      'footprint.config.json',
      '{\n  "llm": {\n    "enabled": true,\n    "enabled": false\n  },\n' +
        '  "risk": { "disable": [], "disable": [], "disable": [] }\n}\n',
    );
    const error = await loadError();
    const lines = error.message.split('\n');

    assert.equal(lines.length, 2, error.message);
    assert.match(
      lines[0] ?? '',
      /^footprint\.config\.json: the key "llm\.enabled" appears twice, on lines 3 and 4\./,
    );
    assert.match(
      lines[1] ?? '',
      /the key "risk\.disable" appears 3 times, on line 6, columns 13, 28 and 43\./,
    );
    assert.match(lines[1] ?? '', /ignore the values on line 6, columns 13 and 28\./);
  });

  test('duplicate key in the footprint key', async () => {
    repo.write(
      'package.json',
      '{\n  "name": "app",\n  "footprint": {\n    "mode": "balanced",\n    "mode": "aggressive"\n  }\n}\n',
    );
    const error = await loadError();

    assert.match(
      error.message,
      /^package\.json: the key "footprint\.mode" appears twice, on lines 4 and 5\./,
    );
  });

  test('duplicate key outside the footprint key', async () => {
    repo.write('package.json', '{"name": "a", "name": "b", "footprint": {"mode": "aggressive"}}');
    const source = await loadConfig(repo.dir, { env: {} });

    assert.equal(source.config.mode, 'aggressive');
  });

  test('line comment in config file', async () => {
    repo.write('footprint.config.json', '{\n  // the default\n  "mode": "balanced"\n}\n');
    const error = await loadError();

    assert.equal(error.exitCode, 2);
    assert.equal(
      error.message,
      'footprint.config.json: invalid JSON at line 2, column 3: a comment. Comments are not ' +
        'allowed in footprint.config.json, because JSON has none. Remove the comment.',
    );
  });

  test('block comment after a value', async () => {
    repo.write('footprint.config.json', '{ "mode": "balanced" /* for now */ }\n');
    const error = await loadError();

    assert.match(
      error.message,
      /^footprint\.config\.json: invalid JSON at line 1, column 22: a comment\./,
    );
  });

  test('comment in package.json', async () => {
    repo.write('package.json', '{ "name": "app", // ours\n "footprint": {} }');
    const error = await loadError();

    assert.match(error.message, /^package\.json: invalid JSON at line 1, column 18: a comment\./);
    assert.match(error.message, /Comments are not allowed in package\.json/);
  });

  test('slash inside a string is no comment', async () => {
    repo.write('footprint.config.json', '{ "fossilDir": "fossils//x", }\n');
    const error = await loadError();

    assert.doesNotMatch(error.message, /comment/i);
    assert.match(error.message, /Fix the JSON syntax/);
  });

  test('invalid JSON in package.json', async () => {
    repo.write('package.json', '{ "name": "app", "footprint": }');
    const error = await loadError();
    assert.equal(error.exitCode, 2);
    assert.match(
      error.message,
      /^package\.json: invalid JSON at line 1, column 31: Unexpected token '\}'\./,
    );
    assert.match(error.message, /for its "footprint" key\.$/);
  });

  test('config path is a folder', async () => {
    repo.write('footprint.config.json/readme.txt', 'not a file');
    const error = await loadError();
    assert.equal(error.exitCode, 2);
    assert.match(error.message, /^footprint\.config\.json: cannot be read \(EISDIR\)\./);
  });

  test('config path is a named pipe', async () => {
    execFileSync('mkfifo', [path.join(repo.dir, 'footprint.config.json')]);
    const error = await loadError();
    assert.equal(error.exitCode, 2);
    assert.match(error.message, /^footprint\.config\.json: is not a regular file\. Make .* a file/);
  });

  test('config path links to a missing file', async () => {
    symlinkSync('settings/footprint.json', path.join(repo.dir, 'footprint.config.json'));
    const error = await loadError();
    assert.equal(error.exitCode, 2);
    assert.match(
      error.message,
      /^footprint\.config\.json: links to settings\/footprint\.json, which leads to no file\./,
    );
  });

  test('config path links through a file', async () => {
    repo.write('settings', 'a file, not a folder\n');
    symlinkSync('settings/footprint.json', path.join(repo.dir, 'footprint.config.json'));
    const error = await loadError();
    assert.equal(error.exitCode, 2);
    assert.match(
      error.message,
      /^footprint\.config\.json: links to settings\/footprint\.json, which cannot be opened \(ENOTDIR\)\. Fix or remove the link /,
    );
  });

  test('config path is a link to itself', async () => {
    symlinkSync('footprint.config.json', path.join(repo.dir, 'footprint.config.json'));
    const error = await loadError();
    assert.equal(error.exitCode, 2);
    assert.match(
      error.message,
      /^footprint\.config\.json: links to footprint\.config\.json, which cannot be opened \(ELOOP\)\./,
    );
  });
});

describe('loadConfig fossilDir', () => {
  const rejected: Array<[string, string, RegExp]> = [
    ['parent folder', '../x', /which is outside the worktree\./],
    ['dot segments leaving', 'src/../..', /which is outside the worktree\./],
    ['absolute path', '/tmp/fossils', /which is an absolute path\./],
    ['git folder', '.git', /which is a \.git folder\./],
    ['inside git folder', '.git/fossils', /which is inside a \.git folder\./],
    ['nested git folder', 'vendor/lib/.git', /which is a \.git folder\./],
    ['worktree root', 'src/..', /which is the worktree root\./],
  ];
  for (const [name, value, reason] of rejected) {
    test(`rejects ${name}`, async () => {
      repo.write('footprint.config.json', JSON.stringify({ fossilDir: value }));
      const error = await loadError();
      assert.equal(error.exitCode, 2);
      assert.ok(
        error.message.startsWith(
          `footprint.config.json: "fossilDir" is ${JSON.stringify(value)}, `,
        ),
        error.message,
      );
      assert.match(error.message, reason);
      assert.match(
        error.message,
        /Set "fossilDir" to a folder inside the worktree and outside \.git/,
      );
    });
  }

  test('rejects a symlink leaving the worktree', async () => {
    const outside = mkdtempSync(path.join(tmpdir(), 'footprint-outside-'));
    try {
      symlinkSync(outside, path.join(repo.dir, 'store-link'));
      repo.write('footprint.config.json', JSON.stringify({ fossilDir: 'store-link/fossils' }));
      const error = await loadError();
      assert.equal(error.exitCode, 2);
      assert.match(
        error.message,
        /"fossilDir" is "store-link\/fossils", which is outside the worktree once symlinks are followed/,
      );
      assert.ok(error.message.includes(realpathSync(outside)), error.message);
    } finally {
      rmSync(outside, { recursive: true, force: true });
    }
  });

  test('rejects a symlink into .git', async () => {
    symlinkSync(path.join(repo.dir, '.git'), path.join(repo.dir, 'meta'));
    repo.write('footprint.config.json', JSON.stringify({ fossilDir: 'meta' }));
    const error = await loadError();
    assert.match(
      error.message,
      /"fossilDir" is "meta", which is a \.git folder once symlinks are followed/,
    );
  });

  test('rejects a default store linked into .git', async () => {
    mkdirSync(path.join(repo.dir, '.git', 'refs', 'tags'), { recursive: true });
    symlinkSync(path.join(repo.dir, '.git', 'refs', 'tags'), path.join(repo.dir, 'fossils'));
    const error = await loadError();
    assert.match(
      error.message,
      /^The fossil store "fossils" \(the default "fossilDir"\) is inside a \.git folder once symlinks are followed/,
    );
    assert.match(error.message, /Remove or rename "fossils"/);
  });

  test('package.json key names its prefix', async () => {
    repo.write('package.json', JSON.stringify({ footprint: { fossilDir: '../x' } }));
    const error = await loadError();
    assert.match(
      error.message,
      /^package\.json: "footprint\.fossilDir" is "\.\.\/x", which is outside/,
    );
  });

  test('accepts folders inside the worktree', async () => {
    for (const value of ['fossils', '.footprint/store', 'a/../b', 'not-yet/created/store']) {
      repo.write('footprint.config.json', JSON.stringify({ fossilDir: value }));
      const { config } = await loadConfig(repo.dir, { env: {} });
      assert.equal(config.fossilDir, value);
    }
  });
});

describe('loadConfig fossil store contents', () => {
  test('rejects a folder with tracked files', async () => {
    repo.write('src/a.js', 'export const a = 1;\n');
    repo.git(['add', '-A']);
    repo.write('footprint.config.json', JSON.stringify({ fossilDir: 'src' }));

    const error = await loadError();

    assert.equal(error.exitCode, 2);
    assert.match(
      error.message,
      /^footprint\.config\.json: "fossilDir" is "src", a folder that contains files other than fossils, such as src\/a\.js\./,
    );
    assert.match(
      error.message,
      /Set "fossilDir" in footprint\.config\.json to a folder of its own, such as "fossils"/,
    );
    assert.equal(existsSync(path.join(repo.dir, 'src', '.gitignore')), false);
  });

  test('rejects a nested folder with a subfolder', async () => {
    repo.write('.husky/_/husky.sh', '#!/bin/sh\n');
    repo.write('package.json', JSON.stringify({ footprint: { fossilDir: '.husky' } }));

    const error = await loadError();

    assert.match(error.message, /^package\.json: "footprint\.fossilDir" is "\.husky", a folder/);
    assert.match(error.message, /such as \.husky\/_\./);
  });

  test('rejects the default folder with other files', async () => {
    repo.write('fossils/notes.md', '# notes\n');

    const error = await loadError();

    assert.match(
      error.message,
      /^The fossil store "fossils" \(the default "fossilDir"\) contains files other than fossils, such as fossils\/notes\.md\./,
    );
    assert.match(error.message, /such as "\.footprint\/fossils"/);
  });

  test('rejects other files beside a foreign .gitignore', async () => {
    repo.write('store/.gitignore', 'build/\n');
    repo.write('store/data.json', '{}\n');
    repo.write('footprint.config.json', JSON.stringify({ fossilDir: 'store' }));

    const error = await loadError();

    assert.match(error.message, /such as store\/data\.json\./);
  });

  test('accepts a store of fossils', async () => {
    repo.write('fossils/.gitignore', '*\n!.gitignore\n');
    repo.write('fossils/20260101T120000.000Z-analysis-0a1b2c3d.json', '{}\n');
    repo.write('fossils/.20260101T120000.000Z-analysis-1a1b2c3d.json.7-ab12cd34.tmp', '');

    const { config } = await loadConfig(repo.dir, { env: {} });

    assert.equal(config.fossilDir, 'fossils');
  });

  test('accepts a strategy file in its own store', async () => {
    repo.write('fossils/.gitignore', '*\n!.gitignore\n');
    repo.write('fossils/strategy.json', '{}\n');

    const { config } = await loadConfig(repo.dir, { env: {} });

    assert.equal(config.fossilDir, 'fossils');
  });

  test('accepts hidden files in its own store', async () => {
    repo.write('fossils/.gitignore', '*\n!.gitignore\n');
    repo.write('fossils/.DS_Store', 'finder\n');

    const { config } = await loadConfig(repo.dir, { env: {} });

    assert.equal(config.fossilDir, 'fossils');
  });

  test('accepts a hidden file in a new store', async () => {
    repo.write('fossils/.DS_Store', 'finder\n');

    const { config } = await loadConfig(repo.dir, { env: {} });

    assert.equal(config.fossilDir, 'fossils');
  });

  test('rejects source files in its own store', async () => {
    repo.write('src/.gitignore', '*\n!.gitignore\n');
    repo.write('src/a.js', 'export const a = 1;\n');
    repo.write('footprint.config.json', JSON.stringify({ fossilDir: 'src' }));

    const error = await loadError();

    assert.match(error.message, /such as src\/a\.js\./);
  });
});

describe('built-in rule settings', () => {
  test('every built-in rule takes a severity', async () => {
    const { riskRules } = await import('../../src/risk/rules/index.js');
    const severity = (rule: string) =>
      repo.write(
        'footprint.config.json',
        JSON.stringify({ risk: { rules: { [rule]: { severity: 'low' } } } }),
      );

    for (const rule of riskRules) {
      severity(rule.id);
      const loaded = await loadConfig(repo.dir);
      assert.equal(loaded.config.risk.rules[rule.id]?.severity, 'low', rule.id);
    }
    assert.ok(riskRules.some((rule) => rule.id === 'command-line-password'));
  });
});

describe('configuration definitions in messages', () => {
  test('match the schema file', async () => {
    const { readFileSync } = await import('node:fs');
    const { CONFIG_DEFINITIONS } = await import('../../src/config/describe-config-error.js');
    const { projectRoot } = await import('../helpers/repo.js');
    const schema = JSON.parse(
      readFileSync(`${projectRoot}/schemas/config.schema.json`, 'utf8'),
    ) as { $defs: Record<string, { enum?: unknown; type?: unknown; items?: { enum?: unknown } }> };

    assert.deepEqual(Object.keys(CONFIG_DEFINITIONS).sort(), Object.keys(schema.$defs).sort());
    for (const [name, definition] of Object.entries(CONFIG_DEFINITIONS)) {
      const actual = schema.$defs[name];
      assert.deepEqual(definition.enum, actual?.enum, name);
      assert.deepEqual(definition.items?.enum, actual?.items?.enum, name);
    }
  });

  test('an empty custom rule path list asks for one glob', async () => {
    repo.write(
      'footprint.config.json',
      JSON.stringify({
        risk: { custom: [{ id: 'no-internal', pattern: 'corp', severity: 'high', paths: [] }] },
      }),
    );

    const error = await loadError();

    assert.equal(
      error.message,
      'footprint.config.json: "risk.custom[0].paths" is []; expected a non-empty list of strings.',
    );
  });

  test('a missing custom rule severity lists the severities', async () => {
    repo.write(
      'footprint.config.json',
      JSON.stringify({ risk: { custom: [{ id: 'no-internal', pattern: 'corp' }] } }),
    );

    const error = await loadError();

    assert.equal(
      error.message,
      'footprint.config.json: "risk.custom[0].severity" is missing; expected one of info, low, medium, high, critical.',
    );
  });
});
