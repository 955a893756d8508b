import { statSync } from 'node:fs';
import path from 'node:path';
import { isUserError, UserError } from '../errors.js';
import { describeDamagedIndex } from '../git/damaged-index.js';
import { NoWorktreeError } from '../git/no-worktree.js';
import { describeCorruptObject } from '../git/unreadable-object.js';
import { nowMs } from '../log/clock.js';
import { createDebug, enableDebug, setDebugRedaction } from '../log/debug.js';
import {
  cwdNotFoundMessage,
  damagedRepositoryMessage,
  hookBypassMessage,
  interruptedMessage,
  missingCommandMessage,
  stdoutWriteFailedMessage,
  userErrorMessage,
} from '../output/messages.js';
import { createStyle, type OutputStream, type Style } from '../output/style.js';
import { stringifyJsonForTerminal } from '../output/terminal-text.js';
import { maskNameSecrets } from '../risk/secrets/name-secrets.js';
import {
  parseCommandLine,
  scanJsonRequest,
  type CommandLine,
  type CommandName,
  type JsonRequest,
} from './args.js';
import { commandStartWith } from './advice-invocation.js';
import type { CliIo, CommandContext } from './context.js';
import { EXIT_BLOCKED, EXIT_INTERRUPTED, EXIT_OK, EXIT_USAGE } from './exit-codes.js';
import { readFailClosed } from './fail-closed.js';
import { handleBug } from './handle-bug.js';
import { helpText } from './help.js';
import { readPackageVersion } from './package-info.js';

const debug = createDebug('cli');
setDebugRedaction(maskNameSecrets);

type CommandModule = { run(context: CommandContext): Promise<number> };

/** Each command loads on first use, so the hook path never imports what `init` needs. */
const COMMAND_LOADERS: Record<CommandName, () => Promise<CommandModule>> = {
  precommit: () => import('./commands/precommit.js'),
  analyze: () => import('./commands/analyze.js'),
  strategy: () => import('./commands/strategy.js'),
  validate: () => import('./commands/validate.js'),
  init: () => import('./commands/init.js'),
  'prepare-commit-msg': () => import('./commands/prepare-commit-msg.js'),
  commit: () => import('./commands/commit.js'),
  undo: () => import('./commands/undo.js'),
  learn: () => import('./commands/learn.js'),
  fossils: () => import('./commands/fossils.js'),
};

/**
 * Runs footprint with `argv` (the arguments after the script) and returns the exit code.
 * A UserError prints its message and exits with its code. Any other error is a bug, which
 * gets a crash report (see handleBug). Ctrl-C exits 130.
 */
export async function main(argv: string[], callerIo: CliIo = processIo()): Promise<number> {
  const startedAt = nowMs();
  const stdout = watchWrites(callerIo.stdout);
  const io: CliIo = { ...callerIo, stdout: stdout.stream };
  let style = createStyle(io.stderr, io.env, 'auto');
  let line: CommandLine | undefined;
  const stopInterrupts = exitOnInterrupt(io, () => style);
  try {
    line = parseCommandLine(argv);
    style = createStyle(io.stderr, io.env, line.color);
    if (line.debug) enableDebug();
    debug(`footprint ${argv.join(' ')}`);
    return await dispatch(line, io, startedAt);
  } catch (caught) {
    const error = withAdviceStart(
      describeDamagedIndex(caught) ?? describeCorruptObject(caught) ?? caught,
      io,
      line === undefined,
    );
    if (isUserError(error) && error.exitsByFailClosed && line?.command === 'precommit') {
      return reportDamagedRepository(error, { argv, line, io, style }, stdout.written());
    }
    if (isUserError(error)) {
      // A command that printed its own document before the error keeps it as the only one.
      if (!stdout.written()) await writeErrorDocument(error, argv, line, io);
      io.stderr.write(userErrorMessage(style, error.message));
      if (line?.command === 'precommit' && runsInCommitHook(io.env)) {
        io.stderr.write(hookBypassMessage());
      }
      return error.exitCode;
    }
    const command = line?.command ?? (argv.includes('precommit') ? 'precommit' : null);
    return handleBug(error, { argv, cwd: resolveCwd(line, io), command, io, style });
  } finally {
    stopInterrupts();
  }
}

/** The start of a command quoted in a usage message, such as `` `footprint init --help` ``. */
const QUOTED_COMMAND = '`footprint ';

/**
 * Returns `error` with advice that names the command that runs this footprint from the
 * process's folder, for errors raised below the command line, which cannot know it. A usage
 * error of the command line itself (`parsing`) gets it in each command it quotes too.
 */
function withAdviceStart(error: unknown, io: CliIo, parsing: boolean): unknown {
  if (error instanceof NoWorktreeError) {
    return error.withCommandStart(commandStartWith(io.env, path.resolve(io.cwd)));
  }
  if (!parsing || !isUserError(error) || !error.message.includes(QUOTED_COMMAND)) return error;

  const start = commandStartWith(io.env, path.resolve(io.cwd));
  if (start === 'footprint') return error;
  const message = error.message.replaceAll(QUOTED_COMMAND, `\`${start} `);
  return new UserError(message, { exitCode: error.exitCode, cause: error });
}

/**
 * Reports a damaged repository, or a change too large to check, in `precommit`. As after an
 * internal error, the commit goes ahead (exit 0) unless the configuration sets `failClosed`
 * (exit 1), because git can still commit the change that footprint could not check. Only a
 * blocked run gets an error document, because its schema has no exit code 0.
 */
async function reportDamagedRepository(
  error: UserError,
  run: { argv: string[]; line: CommandLine; io: CliIo; style: Style },
  documentWritten: boolean,
): Promise<number> {
  const failClosed = await readFailClosed(resolveCwd(run.line, run.io), run.io.env);
  if (failClosed && !documentWritten) {
    const blocked = new UserError(error.message, { exitCode: EXIT_BLOCKED, cause: error });
    await writeErrorDocument(blocked, run.argv, run.line, run.io);
  }
  run.io.stderr.write(damagedRepositoryMessage(run.style, error.message, !failClosed));
  return failClosed ? EXIT_BLOCKED : EXIT_OK;
}

/**
 * Writes the `--json` document of a usage or configuration error when the command line
 * requests JSON, read leniently when it could not be parsed (see userErrorDocument).
 */
async function writeErrorDocument(
  error: UserError,
  argv: string[],
  line: CommandLine | undefined,
  io: CliIo,
): Promise<void> {
  const request = line === undefined ? scanJsonRequest(argv) : jsonRequestOf(line);
  if (request === null) return;

  // Loaded on first use, so that the hook never loads the commit documents.
  const { userErrorDocument } = await import('./json-error.js');
  const cwd = request.cwd === undefined ? io.cwd : path.resolve(io.cwd, request.cwd);
  const document = userErrorDocument(error, request, cwd);
  if (document !== null) io.stdout.write(`${stringifyJsonForTerminal(document, 2)}\n`);
}

function jsonRequestOf(line: CommandLine): JsonRequest | null {
  if (!line.json) return null;
  const request: JsonRequest = { command: line.command };
  if (line.cwd !== undefined) request.cwd = line.cwd;
  if (line.strategy !== undefined) request.strategy = line.strategy;
  return request;
}

/** Wraps `stream` to record whether anything was written to it. */
function watchWrites(stream: OutputStream): { stream: OutputStream; written: () => boolean } {
  let written = false;
  const watched: OutputStream = {
    write(text) {
      written = true;
      return stream.write(text);
    },
  };
  if (stream.isTTY !== undefined) watched.isTTY = stream.isTTY;
  if (stream.columns !== undefined) watched.columns = stream.columns;
  return { stream: watched, written: () => written };
}

/**
 * Returns true when git runs footprint as a commit hook: git sets GIT_INDEX_FILE for the
 * pre-commit, prepare-commit-msg and commit-msg hooks. Run by hand, precommit blocks no commit.
 */
function runsInCommitHook(env: NodeJS.ProcessEnv): boolean {
  return env['GIT_INDEX_FILE'] !== undefined;
}

async function dispatch(line: CommandLine, io: CliIo, startedAt: number): Promise<number> {
  if (line.version) {
    const version = readPackageVersion();
    // With --json, stdout has one document, as for every command (schemas/version.schema.json).
    const text = line.json ? JSON.stringify({ schemaVersion: 1, version }, null, 2) : version;
    io.stdout.write(`${text}\n`);
    return EXIT_OK;
  }
  if (line.help) {
    io.stdout.write(helpText(line.command, line.operands));
    return EXIT_OK;
  }
  if (line.command === null) throw new UserError(missingCommandMessage(), { exitCode: EXIT_USAGE });

  const context = createContext(line, io, startedAt);
  const command = await COMMAND_LOADERS[line.command]();
  return command.run(context);
}

function createContext(line: CommandLine, io: CliIo, startedAt: number): CommandContext {
  const cwd = resolveCwd(line, io);
  if (line.cwd !== undefined && !isDirectory(cwd)) throw new UserError(cwdNotFoundMessage(cwd));
  return {
    line,
    cwd,
    processCwd: path.resolve(io.cwd),
    env: io.env,
    stdout: io.stdout,
    stderr: io.stderr,
    stdoutStyle: createStyle(io.stdout, io.env, line.color),
    stderrStyle: createStyle(io.stderr, io.env, line.color),
    startedAt,
  };
}

function resolveCwd(line: CommandLine | undefined, io: CliIo): string {
  return line?.cwd === undefined ? io.cwd : path.resolve(io.cwd, line.cwd);
}

function isDirectory(dir: string): boolean {
  try {
    return statSync(dir).isDirectory();
  } catch {
    return false;
  }
}

/** Exits 130 on Ctrl-C after one line on stderr. Returns a function that removes the handler. */
function exitOnInterrupt(io: CliIo, currentStyle: () => Style): () => void {
  const onInterrupt = (): void => {
    io.stderr.write(interruptedMessage(currentStyle()));
    process.exit(EXIT_INTERRUPTED);
  };
  process.once('SIGINT', onInterrupt);
  return () => process.off('SIGINT', onInterrupt);
}

function processIo(): CliIo {
  // A closed pipe (`footprint analyze | head -1`) is not a crash: stop writing and exit. Any
  // other failed write, such as to a full disk, loses output, so it fails the command.
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') process.exit(process.exitCode ?? EXIT_OK);
    process.stderr.write(`${stdoutWriteFailedMessage(error.code ?? error.message)}\n`);
    process.exit(EXIT_USAGE);
  });
  return { stdout: process.stdout, stderr: process.stderr, env: process.env, cwd: process.cwd() };
}
