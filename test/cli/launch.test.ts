import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import {
  closeSync,
  cpSync,
  existsSync,
  mkdtempSync,
  openSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterEach, beforeEach, describe, test } from 'node:test';

import { COMMANDS } from '../../src/cli/args.js';
import {
  BUNDLE_FILE,
  CACHE_FOLDER,
  CACHED_COMMANDS,
  commandOf,
  delayOptimization,
  WRAPPER_START,
} from '../../src/cli/launch.js';
import { createTempRepo, footprintBin, gitTestEnv, projectRoot } from '../helpers/repo.js';

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

/**
 * A bundle like bundleSource(40) with a large function that runs only when
 * FOOTPRINT_TEST_WIDE is set, so such a run compiles much more than a cache of the other holds.
 */
function growingBundleSource(): string {
  const statements = Array.from(
    { length: 300 },
    (_, index) => `  total += String(${index}).length * ${index % 7};`,
  );
  return [
    "'use strict';",
    'function wide() {',
    '  let total = 0;',
    ...statements,
    '  return total;',
    '}',
    'exports.main = async (argv) => (process.env.FOOTPRINT_TEST_WIDE ? wide() : 40) + argv.length;',
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
function launch(
  bundle: string,
  command: string,
  clock: 'recent' | 'later' = 'recent',
  env: Record<string, string> = {},
): LaunchResult {
  // The clock is set from the bundle's change time, so whether the launcher finds a bundle
  // changed moments ago (`recent`) or an hour ago (`later`) does not depend on the machine's
  // speed.
  const hours = clock === 'later' ? 1n : 0n;
  const options = `{ nowNs: statSync(${JSON.stringify(bundle)}, { bigint: true }).ctimeNs + ${hours}n * 3600000000000n }`;
  const script = [
    "const { statSync } = await import('node:fs');",
    `const { loadCliBundle } = await import(${JSON.stringify(pathToFileURL(launchModule).href)});`,
    `const loaded = loadCliBundle(${JSON.stringify(bundle)}, ${JSON.stringify(command)}, ${options});`,
    "const exitCode = await loaded.exports.main(['a', 'b']);",
    'const platform = await loaded.exports.platform();',
    'const written = loaded.saveCache();',
    'const { cache } = loaded;',
    'const file = loaded.exports.file;',
    'process.stdout.write(JSON.stringify({ cache, exitCode, written, platform, file }));',
  ].join('\n');
  // The script runs from a file: with `-e`, its text (and the bundle path in it) would be part
  // of node's flags, which the cache key includes.
  const scriptDir = mkdtempSync(path.join(tmpdir(), 'footprint-launch-script-'));
  const scriptFile = path.join(scriptDir, 'load.mjs');
  writeFileSync(scriptFile, script);
  const result = spawnSync(process.execPath, ['--import', 'tsx', scriptFile], {
    cwd: projectRoot,
    encoding: 'utf8',
    env: { ...process.env, ...env },
    // A launcher that waits on a named pipe fails the test instead of hanging it.
    timeout: 20_000,
  });
  rmSync(scriptDir, { recursive: true, force: true });
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

  test('copied bundle does not reuse the cache', () => {
    launch(bundle, 'precommit', 'recent');
    const copyDir = mkdtempSync(path.join(tmpdir(), 'footprint-launch-copy-'));
    try {
      const copy = path.join(copyDir, 'footprint.cjs');
      writeFileSync(copy, bundleSource(40));
      cpSync(path.join(dir, CACHE_FOLDER), path.join(copyDir, CACHE_FOLDER), { recursive: true });

      const copied = launch(copy, 'precommit', 'recent');

      assert.equal(copied.cache, 'miss');
      assert.equal(copied.file, copy);
    } finally {
      rmSync(copyDir, { recursive: true, force: true });
    }
  });

  test('changed bundle of the same length gets no stale code', () => {
    launch(bundle, 'precommit');
    writeFileSync(bundle, bundleSource(50));

    const changed = launch(bundle, 'precommit');
    assert.equal(changed.cache, 'miss');
    assert.equal(changed.exitCode, 52);
  });

  test('older bundle is named by its stat data', () => {
    const recent = launch(bundle, 'precommit');
    const first = launch(bundle, 'precommit', 'later');
    assert.equal(first.cache, 'miss');
    assert.ok(first.written !== null);
    assert.notEqual(first.written, recent.written);

    const second = launch(bundle, 'precommit', 'later');
    assert.equal(second.cache, 'hit');
    assert.equal(second.exitCode, 42);
  });

  test('rewritten older bundle gets no stale code', () => {
    launch(bundle, 'precommit', 'later');
    writeFileSync(bundle, bundleSource(50));

    const changed = launch(bundle, 'precommit', 'later');
    assert.equal(changed.cache, 'miss');
    assert.equal(changed.exitCode, 52);
  });

  test('replaced older bundle gets no stale code', () => {
    launch(bundle, 'precommit', 'later');
    const replacement = path.join(dir, 'replacement.cjs');
    writeFileSync(replacement, bundleSource(60));
    renameSync(replacement, bundle);

    const replaced = launch(bundle, 'precommit', 'later');
    assert.equal(replaced.cache, 'miss');
    assert.equal(replaced.exitCode, 62);
  });

  test('early run that compiled more rewrites the cache', () => {
    writeFileSync(bundle, growingBundleSource());
    const first = launch(bundle, 'precommit');
    assert.ok(first.written !== null);
    const firstSize = statSync(first.written).size;

    const wider = launch(bundle, 'precommit', 'recent', { FOOTPRINT_TEST_WIDE: '1' });
    assert.equal(wider.cache, 'hit');
    assert.equal(wider.written, first.written);
    assert.ok(statSync(first.written).size > firstSize * 1.02, 'the cache grew');

    const second = launch(bundle, 'precommit', 'recent', { FOOTPRINT_TEST_WIDE: '1' });
    assert.equal(second.cache, 'hit');
    assert.equal(second.written, null, 'the second run is not a refresh run');
  });

  test('early run that compiled nothing new keeps the cache', () => {
    const first = launch(bundle, 'precommit');
    assert.ok(first.written !== null);
    const before = readFileSync(first.written);

    const again = launch(bundle, 'precommit');
    assert.equal(again.cache, 'hit');
    assert.equal(again.written, null);
    assert.deepEqual(readFileSync(first.written), before);
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

  test('named pipes in the cache folder are not read', () => {
    const first = launch(bundle, 'precommit');
    assert.ok(first.written !== null);
    const counter = first.written.replace(/\.bin$/, '.runs');
    execFileSync('mkfifo', [counter]);

    const counted = launch(bundle, 'precommit');
    rmSync(first.written);
    execFileSync('mkfifo', [first.written]);
    const cached = launch(bundle, 'precommit');

    assert.equal(counted.cache, 'hit');
    assert.equal(counted.exitCode, 42);
    assert.equal(cached.cache, 'miss');
    assert.equal(cached.exitCode, 42);
  });

  test('unwritable cache folder still runs', () => {
    // A file where the folder should be makes every write fail, even for root.
    writeFileSync(path.join(dir, CACHE_FOLDER), 'in the way');

    const result = launch(bundle, 'precommit');
    assert.equal(result.exitCode, 42);
    assert.equal(result.written, null);
    assert.deepEqual(readdirSync(dir).sort(), [CACHE_FOLDER, 'footprint.cjs']);
  });

  test('wrapped bundle runs as written', () => {
    writeFileSync(bundle, `${WRAPPER_START}${bundleSource(70)}\n})\n//# sourceMappingURL=x.map\n`);

    const result = launch(bundle, 'precommit');
    assert.equal(result.exitCode, 72);
    assert.equal(result.file, bundle);
  });

  test('built bundle starts with the wrapper', () => {
    const built = readFileSync(path.join(projectRoot, 'dist', BUNDLE_FILE), 'latin1');
    assert.ok(built.startsWith(WRAPPER_START), built.slice(0, 120));
  });

  test('bundle can import and sees its own file', () => {
    const result = launch(bundle, 'precommit');
    assert.equal(result.platform, process.platform);
    assert.equal(result.file, bundle);
  });
});

describe('launcher command names', () => {
  test('cached commands match the CLI', () => {
    assert.deepEqual([...CACHED_COMMANDS].sort(), [...COMMANDS].sort());
  });

  test('command picks its cache', () => {
    assert.equal(commandOf(['--no-llm', 'precommit']), 'precommit');
  });

  test('unknown words share one cache', () => {
    assert.equal(commandOf(['typo-one']), 'other');
    assert.equal(commandOf(['typo-two', '--json']), 'other');
  });
});

describe('optimization delay', () => {
  /** Runs `node [nodeFlags] bin/footprint.js --version` with the launcher's debug lines on. */
  function runVersion(nodeFlags: string[]): { stdout: string; stderr: string } {
    const result = spawnSync(process.execPath, [...nodeFlags, footprintBin, '--version'], {
      cwd: projectRoot,
      encoding: 'utf8',
      env: { ...process.env, FOOTPRINT_DEBUG: 'launch' },
    });
    assert.equal(result.status, 0, result.stderr);
    return result;
  }

  test('launcher sets the interrupt budget', () => {
    const { stdout, stderr } = runVersion([]);
    const lines = stderr.split('\n').filter((line) => line.includes('footprint:launch'));
    assert.match(lines[0] ?? '', /V8 flag --interrupt-budget=540672 /);
    assert.match(lines[1] ?? '', /code cache (hit|miss|rejected)/);
    assert.match(stdout, /^\d+\.\d+\.\d+/);
  });

  test('budget given to node is kept', () => {
    const { stdout, stderr } = runVersion(['--interrupt-budget=100000']);
    assert.doesNotMatch(stderr, /V8 flag/);
    assert.match(stderr, /code cache/);
    assert.match(stdout, /^\d+\.\d+\.\d+/);
  });

  test('hook run loads no module after the flag', () => {
    const repo = createTempRepo();
    const scratch = mkdtempSync(path.join(tmpdir(), 'footprint-launch-modules-'));
    try {
      repo.write('src/parse.js', 'export function parse(text) {\n  return text.trim();\n}\n');
      repo.write(
        'src/main.js',
        "import { parse } from './parse.js';\nconsole.log(parse(' a '));\n",
      );
      repo.write('README.md', '# Demo\n\nA demo.\n');
      repo.git(['add', '.']);
      repo.git(['commit', '-q', '-m', 'Add the parser']);
      repo.write(
        'src/parse.js',
        'export function parse(text) {\n  return text.trim().toLowerCase();\n}\n',
      );
      repo.write('README.md', '# Demo\n\nA small demo.\n');
      repo.git(['add', '.']);

      // The preload records node's list of loaded modules when the launcher sets the flag.
      const preload = path.join(scratch, 'record-modules.cjs');
      const report = path.join(scratch, 'modules.json');
      writeFileSync(
        preload,
        [
          "const v8 = require('node:v8');",
          "const fs = require('node:fs');",
          'const setFlags = v8.setFlagsFromString;',
          'let loadedAtFlag = null;',
          'v8.setFlagsFromString = (flags) => {',
          '  loadedAtFlag = process.moduleLoadList.length;',
          '  setFlags(flags);',
          '};',
          "process.on('exit', () => {",
          '  const later = loadedAtFlag === null ? null : process.moduleLoadList.slice(loadedAtFlag);',
          `  fs.writeFileSync(${JSON.stringify(report)}, JSON.stringify(later));`,
          '});',
        ].join('\n'),
      );
      const stdoutFile = path.join(scratch, 'stdout.txt');
      const stdoutFd = openSync(stdoutFile, 'w');
      const result = spawnSync(
        process.execPath,
        ['--require', preload, footprintBin, 'precommit', '--no-llm'],
        { cwd: repo.dir, env: gitTestEnv(), stdio: ['ignore', stdoutFd, 'pipe'], encoding: 'utf8' },
      );
      closeSync(stdoutFd);

      assert.equal(result.status, 0, result.stderr);
      assert.match(result.stderr, /src\/parse\.js/);
      assert.equal(readFileSync(stdoutFile, 'utf8'), '');
      const later = JSON.parse(readFileSync(report, 'utf8')) as string[] | null;
      assert.ok(later !== null, 'the launcher never set the flag');
      assert.deepEqual(
        later.filter((entry) => entry.startsWith('NativeModule ')),
        [],
      );
    } finally {
      repo.cleanup();
      rmSync(scratch, { recursive: true, force: true });
    }
  });

  test('either flag spelling counts as given', () => {
    assert.equal(delayOptimization(['--interrupt_budget=5000']), false);
    assert.equal(delayOptimization(['--inspect', '--interrupt-budget=5000']), false);
  });
});
