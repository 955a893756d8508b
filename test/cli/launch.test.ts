import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, test } from 'node:test';

import { CACHE_FOLDER } from '../../src/cli/launch.js';
import { projectRoot } from '../helpers/repo.js';

const launchModule = path.join(projectRoot, 'src', 'cli', 'launch.ts');

/** A CommonJS bundle whose `main` returns `value` plus the argument count. */
function bundleSource(value: number): string {
  return [
    "'use strict';",
    `exports.main = async (argv) => ${value} + argv.length;`,
    "exports.platform = () => __footprintImport('node:os').then((os) => os.platform());",
    'exports.file = __filename;',
  ].join('\n');
}

interface LaunchResult {
  cache: string;
  exitCode: number;
  written: string | null;
  platform: string;
  file: string;
}

/**
 * Loads the bundle in a fresh node, as `bin/footprint.js` does: V8 keeps scripts it compiled
 * in memory, so a second load in the same process would never read the cache file.
 */
function launch(bundle: string, command: string): LaunchResult {
  const script = [
    `const { loadCliBundle } = await import(${JSON.stringify(launchModule)});`,
    `const loaded = loadCliBundle(${JSON.stringify(bundle)}, ${JSON.stringify(command)});`,
    "const exitCode = await loaded.exports.main(['a', 'b']);",
    'const platform = await loaded.exports.platform();',
    'const written = loaded.saveCache();',
    'const { cache } = loaded;',
    'const file = loaded.exports.file;',
    'process.stdout.write(JSON.stringify({ cache, exitCode, written, platform, file }));',
  ].join('\n');
  const result = spawnSync(
    process.execPath,
    ['--import', 'tsx', '--input-type=module', '-e', script],
    { cwd: projectRoot, encoding: 'utf8' },
  );
  assert.equal(result.status, 0, result.stderr);
  return JSON.parse(result.stdout) as LaunchResult;
}

describe('CLI bundle launcher', () => {
  let dir: string;
  let bundle: string;

  beforeEach(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'footprint-launch-'));
    bundle = path.join(dir, 'footprint.cjs');
    writeFileSync(bundle, bundleSource(40));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  test('first run compiles and caches', () => {
    const first = launch(bundle, 'precommit');
    assert.equal(first.cache, 'miss');
    assert.equal(first.exitCode, 42);
    assert.ok(first.written !== null);
    assert.ok(existsSync(first.written));
    assert.match(path.basename(first.written), /^[0-9a-f]{20}-precommit\.bin$/);
  });

  test('second run uses the cache', () => {
    launch(bundle, 'precommit');
    const second = launch(bundle, 'precommit');
    assert.equal(second.cache, 'hit');
    assert.equal(second.exitCode, 42);
    assert.equal(second.written, null);
  });

  test('each command has its own cache', () => {
    launch(bundle, 'precommit');
    assert.equal(launch(bundle, 'analyze').cache, 'miss');
  });

  test('changed bundle of the same length gets no stale code', () => {
    launch(bundle, 'precommit');
    writeFileSync(bundle, bundleSource(50));

    const changed = launch(bundle, 'precommit');
    assert.equal(changed.cache, 'miss');
    assert.equal(changed.exitCode, 52);
  });

  test('damaged cache is rejected and replaced', () => {
    const { written } = launch(bundle, 'precommit');
    assert.ok(written !== null);
    writeFileSync(written, Buffer.from('not a code cache'));

    const damaged = launch(bundle, 'precommit');
    assert.equal(damaged.cache, 'rejected');
    assert.equal(damaged.exitCode, 42);
    assert.equal(damaged.written, written);
    assert.equal(launch(bundle, 'precommit').cache, 'hit');
  });

  test('unwritable cache folder still runs', () => {
    // A file where the folder should be makes every write fail, even for root.
    writeFileSync(path.join(dir, CACHE_FOLDER), 'in the way');

    const result = launch(bundle, 'precommit');
    assert.equal(result.exitCode, 42);
    assert.equal(result.written, null);
    assert.deepEqual(readdirSync(dir).sort(), [CACHE_FOLDER, 'footprint.cjs']);
  });

  test('bundle can import and sees its own file', () => {
    const result = launch(bundle, 'precommit');
    assert.equal(result.platform, process.platform);
    assert.equal(result.file, bundle);
  });
});
