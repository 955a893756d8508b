/**
 * The entry `bin/footprint.js` imports (built to `dist/main.js`). It runs the CLI bundle,
 * `dist/footprint.cjs`, through V8's code cache. node 20 compiles a script again in every
 * process, which for the 2 MB bundle costs more than most stages of the hook. Code cached by
 * an earlier run loads in a few milliseconds instead. node 22 offers the same with
 * `module.enableCompileCache()`.
 */
import { isAscii } from 'node:buffer';
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Script } from 'node:vm';

import { createDebug } from '../log/debug.js';

/** The CLI bundle's exports that the launcher calls. */
export interface CliBundle {
  main(argv: string[]): Promise<number>;
}

/** A loaded bundle, and the step that stores its compiled code for later runs. */
export interface LoadedBundle {
  exports: CliBundle;
  /** Use of the code cache: `hit`, `miss` (none yet) or `rejected` (V8 rejected it). */
  cache: 'hit' | 'miss' | 'rejected';
  /**
   * Writes the code compiled so far to the cache when it had none usable. Returns the file
   * written, or null when nothing was written: the cache was used, or its folder is read-only.
   */
  saveCache(): string | null;
}

/** Name of the CommonJS bundle next to this module. */
export const BUNDLE_FILE = 'footprint.cjs';
/** Folder next to the bundle with the cached code, one file per bundle content and command. */
export const CACHE_FOLDER = 'code-cache';

/**
 * Parameters of the function the bundle runs in: CommonJS's five, then the function that
 * stands for `import()`. A script compiled with `vm.Script` cannot call `import()` on node 20
 * without --experimental-vm-modules, so the build rewrites the bundle's `import()` of external
 * packages into calls of `__footprintImport`, which this ES module implements.
 */
const WRAPPER_START =
  '(function (exports, require, module, __filename, __dirname, __footprintImport) { ';
const WRAPPER_END = '\n})';

const debug = createDebug('launch');

/** Runs footprint with `argv` (the arguments after the script) and returns the exit code. */
export async function main(argv: string[]): Promise<number> {
  const dir = path.dirname(fileURLToPath(import.meta.url));
  const bundle = loadCliBundle(path.join(dir, BUNDLE_FILE), commandOf(argv));
  debug(`code cache ${bundle.cache}`);
  const exitCode = await bundle.exports.main(argv);
  const written = bundle.saveCache();
  if (written !== null) debug(`code cache written to ${written}`);
  return exitCode;
}

/**
 * Compiles and runs a CommonJS bundle with the code cached for its exact content, the running
 * node and its flags, and `command`. The cache file is named by a SHA-1 of the bundle's bytes,
 * because V8 checks a cache against the length of the source, not its content.
 */
export function loadCliBundle(file: string, command: string): LoadedBundle {
  const source = readFileSync(file);
  const cacheFile = path.join(path.dirname(file), CACHE_FOLDER, `${cacheKey(source, command)}.bin`);
  const cachedData = readOptionalFile(cacheFile);

  const script = new Script(`${WRAPPER_START}${decodeSource(source)}${WRAPPER_END}`, {
    filename: file,
    ...(cachedData === null ? {} : { cachedData }),
  });
  let cache: LoadedBundle['cache'] = 'hit';
  if (cachedData === null) cache = 'miss';
  else if (script.cachedDataRejected === true) cache = 'rejected';

  const module = { exports: {} as CliBundle };
  const run = script.runInThisContext() as BundleFunction;
  const importExternal = (specifier: string): Promise<unknown> => import(specifier);
  run(module.exports, createRequire(file), module, file, path.dirname(file), importExternal);

  return {
    exports: module.exports,
    cache,
    saveCache: () => (cache === 'hit' ? null : writeCache(cacheFile, script)),
  };
}

/** esbuild writes ASCII by default (option `charset`); Latin-1 decodes ASCII by copying bytes. */
function decodeSource(source: Buffer): string {
  return source.toString(isAscii(source) ? 'latin1' : 'utf8');
}

type BundleFunction = (
  exports: CliBundle,
  require: NodeJS.Require,
  module: { exports: CliBundle },
  filename: string,
  dirname: string,
  importExternal: (specifier: string) => Promise<unknown>,
) => void;

/**
 * Returns the first argument that looks like a command name, which picks the cache: each
 * command compiles different functions. Any other argument only picks a different file.
 */
function commandOf(argv: readonly string[]): string {
  return argv.find((argument) => /^[a-z][a-z-]{0,30}$/.test(argument)) ?? 'none';
}

function cacheKey(source: Buffer, command: string): string {
  const hash = createHash('sha1')
    .update(source)
    .update(`\0${process.version}\0${process.arch}\0${process.execArgv.join(' ')}`)
    .digest('hex');
  return `${hash.slice(0, 20)}-${command}`;
}

function readOptionalFile(file: string): Buffer | null {
  try {
    return readFileSync(file);
  } catch {
    return null;
  }
}

/**
 * Writes the script's compiled code through a temporary file and a rename, so a concurrent
 * run never reads half a cache. A folder that cannot be written means no cache, not an error.
 * NOTE: a read-only `dist/`, as in a global install owned by root, therefore compiles the
 * whole bundle on every run (about 50 ms at 10,000 files); a per-user cache folder would not.
 */
function writeCache(cacheFile: string, script: Script): string | null {
  const temporary = `${cacheFile}.${process.pid}.tmp`;
  try {
    mkdirSync(path.dirname(cacheFile), { recursive: true });
    writeFileSync(temporary, script.createCachedData());
    renameSync(temporary, cacheFile);
    return cacheFile;
  } catch {
    removeQuietly(temporary);
    return null;
  }
}

function removeQuietly(file: string): void {
  try {
    rmSync(file, { force: true });
  } catch {
    // The folder itself is unusable, so there is no file to remove.
  }
}
