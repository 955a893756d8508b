/**
 * The launcher that `bin/footprint.js` requires, built to `dist/main.cjs`. It runs the CLI
 * bundle, `dist/footprint.cjs`, through V8's code cache. node 20 compiles a script again in every
 * process, which for the 2 MB bundle costs more than most stages of the hook. Code cached by
 * an earlier run loads in a few milliseconds instead. node 22 offers the same with
 * `module.enableCompileCache()`.
 */
import { isAscii } from 'node:buffer';
import { createHash } from 'node:crypto';
import {
  appendFileSync,
  closeSync,
  fstatSync,
  mkdirSync,
  openSync,
  readFileSync,
  readSync,
  renameSync,
  rmSync,
  statSync,
  writeFileSync,
  type BigIntStats,
} from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { setFlagsFromString } from 'node:v8';
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
   * Writes the code compiled so far to the cache when it had none usable, or when an early run
   * of the cache compiled much more than it held (see REFRESH_RUNS). Returns the file written,
   * or null when nothing was written: the cache was used as it is, or its folder is read-only.
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
export const WRAPPER_START =
  '(function (exports, require, module, __filename, __dirname, __footprintImport) { ';
const WRAPPER_END = '\n})';
const WRAPPER_START_BYTES = Buffer.from(WRAPPER_START, 'latin1');

const debug = createDebug('launch');

/** Runs footprint with `argv` (the arguments after the script) and returns the exit code. */
export async function main(argv: string[]): Promise<number> {
  if (delayOptimization(process.execArgv)) debug(`V8 flag ${OPTIMIZATION_DELAY_FLAG}`);
  const dir = path.dirname(fileURLToPath(import.meta.url));
  const bundle = loadCliBundle(path.join(dir, BUNDLE_FILE), commandOf(argv));
  debug(`code cache ${bundle.cache}`);
  const exitCode = await bundle.exports.main(argv);
  const written = bundle.saveCache();
  if (written !== null) debug(`code cache written to ${written}`);
  exitWhenFlushed(exitCode);
  return exitCode;
}

/**
 * V8's interrupt budget at eight times its default in node 20 (66 KiB of bytecode), so that a
 * function must run eight times as long before V8 compiles it with TurboFan. A hook run lasts
 * 100 to 200 ms, and with the default V8 compiled some 30 functions on a background thread
 * that competed for the machine's cores and finished too late to pay back. Four times the
 * budget took 10% off a hook run with 20 files staged and 13% with 200 (bench/hook, 2 cores).
 * Eight times took another 10 to 14% of CPU time off a real change of 21 files and 184 hunks
 * (svelte). It cost 2 to 4% of wall time with 200 and 400 generated files, whose diffs and
 * batch analysis run long enough to need TurboFan. Turning it off doubled the time of a change
 * of 318 files.
 * NOTE: newer V8 versions start from 132 KiB, where this value is four times the default.
 */
export const OPTIMIZATION_DELAY_FLAG = '--interrupt-budget=540672';

/**
 * node's modules that a hook run loads after the launcher. V8 rejects the code that node's
 * binary caches for its own modules once a flag has changed, and compiled from source they
 * cost about 4 ms, so they are loaded before the flag is set. The stdout and stderr streams are
 * created first for the same reason: a terminal or a pipe loads `tty` or `net`.
 */
const BUILTINS_BEFORE_FLAG = [
  'node:fs/promises',
  'node:os',
  'node:zlib',
  'node:path/posix',
] as const;

/**
 * Sets OPTIMIZATION_DELAY_FLAG before the bundle is compiled, unless node was started with an
 * interrupt budget of its own, after loading the node modules the bundle uses. Returns true
 * when it set the flag.
 */
export function delayOptimization(execArgv: readonly string[]): boolean {
  if (execArgv.some((flag) => /^--interrupt[-_]budget(=|$)/.test(flag))) return false;

  for (const name of BUILTINS_BEFORE_FLAG) process.getBuiltinModule(name);
  void process.getBuiltinModule('node:util').parseArgs;
  void process.stdout;
  void process.stderr;

  setFlagsFromString(OPTIMIZATION_DELAY_FLAG);
  return true;
}

/**
 * Ends the process as soon as the command is done and stdout and stderr hold no unwritten
 * output. Every step of a command is awaited before it returns, yet node kept the process
 * alive 10 to 15 ms longer after a hook run until its event loop was empty (10,000 files, 20
 * staged). Output still buffered, as on an asynchronous pipe (macOS), is left to drain.
 */
function exitWhenFlushed(exitCode: number): void {
  if (process.stdout.writableLength > 0 || process.stderr.writableLength > 0) return;
  // A write to stdout that failed at once (a redirect to a full disk) has marked the stream
  // but reports its error on the next tick, so the error's handler ends the process instead.
  // Waiting a turn of the event loop in every run cost 5 to 8 ms of a hook run.
  if (process.stdout.errored !== null) return;
  process.exit(exitCode);
}

/**
 * Nanoseconds a file's change time must lie in the past before its stat data names its
 * content. A second write within the file system's timestamp granularity can leave size,
 * inode and times as they were (git calls such index entries "racy clean"). A bundle changed
 * this recently is therefore named by a hash of its bytes. Two seconds covers the coarsest
 * timestamps in use (FAT).
 */
const RACY_WINDOW_NS = 2_000_000_000n;

/** Options of loadCliBundle; tests set the clock. */
export interface LoadOptions {
  /** Current time in nanoseconds since the epoch, compared with the bundle's change time. */
  nowNs?: bigint;
}

/**
 * Compiles and runs a CommonJS bundle with the code cached for its exact content, the running
 * node and its flags, and `command`. V8 checks a cache against the length of the source, not
 * its content, so the cache file is named after the bundle file's device, inode, size and
 * modification and change times, which every write changes. A bundle written in the last two
 * seconds is named by a SHA-1 of its bytes instead (see RACY_WINDOW_NS).
 */
export function loadCliBundle(
  file: string,
  command: string,
  options: LoadOptions = {},
): LoadedBundle {
  const { source, stats } = readBundle(file);
  const nowNs = options.nowNs ?? BigInt(Date.now()) * 1_000_000n;
  const key = cacheKey(file, source, stats, nowNs, command);
  const cacheFile = path.join(path.dirname(file), CACHE_FOLDER, `${key}.bin`);
  const cachedData = readOptionalFile(cacheFile);

  const script = new Script(scriptSource(source), {
    filename: file,
    ...(cachedData === null ? {} : { cachedData }),
  });
  let cache: LoadedBundle['cache'] = 'hit';
  if (cachedData === null) cache = 'miss';
  else if (script.cachedDataRejected === true) cache = 'rejected';

  const hitRun = cache === 'hit' ? countHitRun(cacheFile) : 0;

  const module = { exports: {} as CliBundle };
  const run = script.runInThisContext() as BundleFunction;
  const importExternal = (specifier: string): Promise<unknown> => import(specifier);
  run(module.exports, createRequire(file), module, file, path.dirname(file), importExternal);

  const saveCache = (): string | null => {
    if (cache !== 'hit') return writeCache(cacheFile, script.createCachedData());
    if (!REFRESH_RUNS.has(hitRun)) return null;
    const data = script.createCachedData();
    const cachedLength = (cachedData as Buffer).length;
    return data.length > cachedLength * REFRESH_GROWTH ? writeCache(cacheFile, data) : null;
  };
  return { exports: module.exports, cache, saveCache };
}

/**
 * Runs that used a cache after which it is written again if the run compiled more than it
 * held (by REFRESH_GROWTH): the 1st, 3rd, 7th and so on to the 63rd. A cache holds only what
 * its first run compiled: 580 KB for a first run outside a repository. Every later run then
 * compiled the rest again. With a cache of 684 KB, a change of 20 files at 100,000 files took
 * 13 ms more per run than with the 1.09 MB cache it writes itself. Serializing a cache takes
 * about 6 ms, paid on those six runs only.
 */
const REFRESH_RUNS: ReadonlySet<number> = new Set([1, 3, 7, 15, 31, 63]);
const MAX_COUNTED_RUNS = 63;
const REFRESH_GROWTH = 1.02;

/**
 * Counts a run that used the cache in `<cache>.runs`, one byte per run up to MAX_COUNTED_RUNS,
 * and returns this run's number. Returns 0, so the cache is never serialized again, when the
 * count cannot be written.
 */
function countHitRun(cacheFile: string): number {
  const counter = `${cacheFile.slice(0, -'.bin'.length)}.runs`;
  let run = 1;
  try {
    const stats = statSync(counter);
    // Appending to a named pipe would wait for a reader, so anything but a file counts nothing.
    if (!stats.isFile()) return 0;
    run = stats.size + 1;
  } catch {
    // No run has been counted yet.
  }
  if (run > MAX_COUNTED_RUNS) return run;
  try {
    appendFileSync(counter, '.');
    return run;
  } catch {
    return 0;
  }
}

/**
 * Reads the bundle and the stat data of the same open file, so a bundle replaced by a rename
 * in between cannot pair one file's bytes with another's inode.
 */
function readBundle(file: string): { source: Buffer; stats: BigIntStats } {
  const fd = openSync(file, 'r');
  try {
    const stats = fstatSync(fd, { bigint: true });
    const source = Buffer.allocUnsafe(Number(stats.size));
    let length = 0;
    while (length < source.length) {
      const read = readSync(fd, source, length, source.length - length, null);
      if (read === 0) break;
      length += read;
    }
    return { source: source.subarray(0, length), stats };
  } finally {
    closeSync(fd);
  }
}

/**
 * Returns the bundle as the source of a function expression. scripts/build.js writes the
 * bundle wrapped already, which saves building a second 2 MB string. Any other bundle is
 * wrapped here.
 */
function scriptSource(source: Buffer): string {
  const start = source.subarray(0, WRAPPER_START_BYTES.length);
  if (start.equals(WRAPPER_START_BYTES)) return decodeSource(source);
  return `${WRAPPER_START}${decodeSource(source)}${WRAPPER_END}`;
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
 * Commands that get a code cache of their own, as `COMMANDS` in args.ts lists them (a test
 * compares the two). The launcher does not import args.ts, which would load with the bundle.
 */
export const CACHED_COMMANDS: ReadonlySet<string> = new Set([
  'precommit',
  'analyze',
  'strategy',
  'validate',
  'init',
  'prepare-commit-msg',
  'commit',
  'undo',
  'learn',
  'fossils',
]);

/**
 * Returns the first argument that names a command, which picks the cache: each command
 * compiles different functions. Every other command line, a typo included, shares one file,
 * so arbitrary words never add cache files.
 */
export function commandOf(argv: readonly string[]): string {
  return argv.find((argument) => CACHED_COMMANDS.has(argument)) ?? 'other';
}

/**
 * Names a cache file. The bundle's path is part of it, so a cache copied with the bundle to
 * another folder is never used there: V8 would report the first folder's paths in stack traces.
 */
function cacheKey(
  file: string,
  source: Buffer,
  stats: BigIntStats,
  nowNs: bigint,
  command: string,
): string {
  const hash = createHash('sha1');
  hash.update(`${file}\0`);
  const racy = nowNs - stats.ctimeNs < RACY_WINDOW_NS || source.length !== Number(stats.size);
  if (racy) hash.update(source);
  else {
    const { dev, ino, size, mtimeNs, ctimeNs } = stats;
    hash.update(`stat\0${dev}\0${ino}\0${size}\0${mtimeNs}\0${ctimeNs}`);
  }
  hash.update(`\0${process.version}\0${process.arch}\0${process.execArgv.join(' ')}`);
  return `${hash.digest('hex').slice(0, 20)}-${command}`;
}

/**
 * Reads a regular file, or returns null when there is none. A named pipe in its place would
 * block the read, and with it every hook run, until something wrote to it.
 */
function readOptionalFile(file: string): Buffer | null {
  try {
    return statSync(file).isFile() ? readFileSync(file) : null;
  } catch {
    return null;
  }
}

/**
 * Writes compiled code through a temporary file and a rename, so a concurrent
 * run never reads half a cache. A folder that cannot be written means no cache, not an error.
 * NOTE: a read-only `dist/`, as in a global install owned by root, therefore compiles the
 * whole bundle on every run (about 50 ms at 10,000 files). A per-user cache folder would not.
 */
function writeCache(cacheFile: string, data: Buffer): string | null {
  const temporary = `${cacheFile}.${process.pid}.tmp`;
  try {
    mkdirSync(path.dirname(cacheFile), { recursive: true });
    writeFileSync(temporary, data);
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
