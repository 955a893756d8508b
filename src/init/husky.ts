import { chmod, readFile, rm, writeFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { footprintWords } from './hook-script.js';
import { machineLineCommand, machinePathLine, MACHINE_LINE_START } from './husky-machine-line.js';
import { placeLine, type LineRequest } from './husky-placement.js';
import type { InstallStep } from './install-step.js';
import { readProjectInstall } from './project-install.js';
import { isCommandLine, scanShellLines } from './shell-lines.js';

const LINT_STAGED_LINE = /\blint-staged\b/;
/** Hooks whose footprint line goes after lint-staged, which checks the same staged files. */
const LINT_STAGED_HOOKS: ReadonlySet<string> = new Set(['pre-commit', 'pre-merge-commit']);

/** Header of a new hook file for husky 5 to 8, which run hooks as scripts sourcing husky.sh. */
const HUSKY_V8_HEADER = '#!/usr/bin/env sh\n. "$(dirname -- "$0")/_/husky.sh"\n\n';

export interface HuskyLineOptions {
  worktree: string;
  huskyVersion: 'v9' | 'v8';
  /** Absolute path of footprint's `bin/footprint.js`, used when the repository lacks footprint. */
  footprintBin: string;
  /** Absolute path of the node that ran init, the line's fallback when PATH lacks node. */
  node: string;
}

/** One husky hook file and the footprint arguments its line runs, e.g. `precommit`. */
export interface HuskyHook {
  name: string;
  command: string;
}

/**
 * Adds a line that runs `footprint <command>` to `<huskyDir>/<hook>`. In pre-commit and
 * pre-merge-commit it goes after the last line that runs lint-staged, so footprint reads the
 * files lint-staged fixed. Elsewhere, and without lint-staged, it goes at the end. It always
 * goes above a final `exit` or `exec COMMAND` line, since nothing after those runs (see
 * placeLine). A missing file is created. A file that already runs the command is left as it
 * is, unless that line sits below such an end, where it moves up. The step's action is
 * `appended` for a line added last, else `inserted`, with the line's number in its detail.
 */
export async function addHuskyLine(
  huskyDir: string,
  hook: HuskyHook,
  options: HuskyLineOptions,
): Promise<InstallStep[]> {
  const file = path.join(huskyDir, hook.name);
  const line = footprintCommandLine(hook.command, options);
  const existing = existsSync(file) ? await readFile(file, 'utf8') : null;

  if (existing === null) {
    await createHuskyFile(file, line, options.huskyVersion);
    return [{ file, action: 'created', detail: `husky hook running \`${line}\`` }];
  }

  const placement = placeLine(file, existing, lineRequest(hook, line));
  if (placement.action === 'unchanged') {
    const replaced = replaceMachinePath(existing, hook, line);
    if (replaced !== null) {
      await writeFile(file, replaced);
      const replacedWhat = MACHINE_PATH.test(line)
        ? "footprint's earlier line"
        : "this machine's path";
      return [{ file, action: 'updated', detail: `${replacedWhat} replaced by \`${line}\`` }];
    }
    const detail = `already runs footprint ${footprintWords(hook.command)}`;
    return [{ file, action: 'unchanged', detail }];
  }
  await writeFile(file, placement.text);
  if (placement.action === 'moved') {
    return [{ file, action: 'updated', detail: `\`${line}\` moved ${placement.where}` }];
  }
  if (placement.atEnd) {
    return [{ file, action: 'appended', detail: `\`${line}\` ${placement.where}` }];
  }
  const detail = `\`${line}\` as line ${placement.lineNumber}, ${placement.where}`;
  return [{ file, action: 'inserted', detail }];
}

/**
 * Throws when footprint cannot place its line in `<huskyDir>/<hook>` (see placeLine). Called
 * for every hook before any file is written.
 */
export async function checkHuskyFile(
  huskyDir: string,
  hook: HuskyHook,
  options: HuskyLineOptions,
): Promise<void> {
  const file = path.join(huskyDir, hook.name);
  if (!existsSync(file)) return;

  const line = footprintCommandLine(hook.command, options);
  placeLine(file, await readFile(file, 'utf8'), lineRequest(hook, line));
}

function lineRequest(hook: HuskyHook, line: string): LineRequest {
  const afterLintStaged = LINT_STAGED_HOOKS.has(hook.name);
  return {
    line,
    existing: footprintLinePattern(hook.command),
    after: afterLintStaged ? { pattern: LINT_STAGED_LINE, where: 'after lint-staged' } : null,
  };
}

/**
 * Removes the command lines that run `footprint <command>` from `<huskyDir>/<hook>` and end
 * there, as init writes them, and no comment, string or heredoc text that mentions it. A line
 * with more after the command, such as `npx footprint precommit --no-llm`, was written by hand
 * and stays. The file is deleted when nothing but footprint's line and husky's header was in it.
 */
export async function removeHuskyLine(huskyDir: string, hook: HuskyHook): Promise<InstallStep[]> {
  const file = path.join(huskyDir, hook.name);
  if (!existsSync(file)) return [];
  const existing = await readFile(file, 'utf8');
  const runsFootprint = footprintLinePattern(hook.command);
  const scanned = scanShellLines(existing);
  const remaining = scanned.filter(
    (line) =>
      !(isCommandLine(line) && runsFootprint.test(line.text) && endsInCommand(line.text, hook)),
  );
  if (remaining.length === scanned.length) return [];

  const joined = remaining.map((line) => `${line.text}\n`).join('');
  // init keeps a missing final newline (see placeLine), and so does this.
  const rest = existing.endsWith('\n') ? joined : joined.replace(/\n$/, '');
  if (rest.trim() === '' || rest === HUSKY_V8_HEADER || `${rest}\n` === HUSKY_V8_HEADER) {
    await rm(file);
    return [{ file, action: 'removed', detail: 'it only ran footprint' }];
  }
  await writeFile(file, rest);
  return [
    {
      file,
      action: 'updated',
      detail: `line running footprint ${footprintWords(hook.command)} removed`,
    },
  ];
}

/** Returns true when a line that runs footprint ends with the hook's command, as init writes it. */
function endsInCommand(text: string, hook: HuskyHook): boolean {
  if (machineLineCommand(text) === hook.command) return true;
  return text
    .trim()
    .replace(/\s*\|\|\s*true$/, '')
    .endsWith(hook.command);
}

/**
 * Creates a husky hook file as that husky version creates its own. husky 9 runs hook files
 * with `sh -e`, and `husky init` (9.1.7) writes `.husky/pre-commit` without a `#!` line and
 * with the default mode (0644 under umask 022). An executable file without `#!` would trip
 * footprint's executable-bit rule once committed. husky 5 to 8 execute the file itself, so
 * it gets `#!` and mode 0755.
 */
async function createHuskyFile(file: string, line: string, version: 'v9' | 'v8'): Promise<void> {
  if (version === 'v9') {
    await writeFile(file, `${line}\n`);
    return;
  }
  await writeFile(file, `${HUSKY_V8_HEADER}${line}\n`, { mode: 0o755 });
  await chmod(file, 0o755);
}

/**
 * Matches a line that starts with a command running the hook's footprint subcommand, in any
 * form init writes or a user would: `footprint`, `npx footprint`, `node_modules/.bin/footprint`
 * or `node '/path/bin/footprint.js'`. A comment or an `echo` that mentions it does not match.
 */
function footprintLinePattern(command: string): RegExp {
  const words = footprintWords(command)
    .split(' ')
    .map((word) => word.replace(/[.*+?^${}()|[\]\\-]/g, '\\$&'));
  const runner = String.raw`(?:(?:npx(?:\s+--no(?:-install)?)?|pnpm\s+exec|yarn|bunx)\s+)?`;
  const program = String.raw`(?:'(?:[^']*/)?footprint(?:\.js)?'|"(?:[^"]*/)?footprint(?:\.js)?"|(?:[^\s'"]*/)?footprint(?:\.js)?)`;
  // The guard that init writes before a line naming an absolute path (see footprintCommandLine).
  const guard = String.raw`(?:\[[^\]]*\]\s+(?:&&|\|\|)\s+)*`;
  const start = String.raw`(?:${guard}${runner}(?:node\s+)?|${MACHINE_LINE_START})`;
  return new RegExp(String.raw`^\s*${start}${program}\s+${words.join(String.raw`\s+`)}(?![\w-])`);
}

/**
 * A command that runs footprint by an absolute path: `node '/…/footprint.js'`, or the node
 * command of machinePathLine, which ends in `)"`.
 */
const MACHINE_PATH = /(?:\bnode|\)")\s+'\/[^']*footprint\.js'/;
/**
 * The start or the ending of such a line as init writes it: machinePathLine's, or the guard
 * and `|| true` of an earlier footprint.
 */
const INIT_WRITTEN =
  /^\s*if \[ -f '|^\s*\[ "\$\{FOOTPRINT:-\}" = 0 \] && \[ ! -f '|\|\|\s*true\s*$/;

/**
 * Returns the file with its line that runs footprint by an absolute path replaced by `line`,
 * or null when there is nothing to replace. init writes such a line when the project lacks
 * footprint, and its message directs the user to run init again after installing footprint,
 * or after the path has gone. The path exists on one machine only, and an earlier footprint
 * wrote a line without a message for a missing path. A line written by hand stays.
 */
function replaceMachinePath(existing: string, hook: HuskyHook, line: string): string | null {
  const runsFootprint = footprintLinePattern(hook.command);
  const lines = existing.split('\n');
  const index = lines.findIndex(
    (text) => runsFootprint.test(text) && MACHINE_PATH.test(text) && INIT_WRITTEN.test(text),
  );
  const current = lines[index];
  if (current === undefined || current.replace(/\r$/, '') === line) return null;
  lines[index] = current.endsWith('\r') ? `${line}\r` : line;
  return lines.join('\n');
}

/** Returns true when a command line of a shell script runs `footprint <command>`. */
export function runsFootprintCommand(text: string, command: string): boolean {
  const pattern = footprintLinePattern(command);
  return scanShellLines(text).some((line) => isCommandLine(line) && pattern.test(line.text));
}

/**
 * Returns true when a husky file of `hooks` runs footprint by an absolute path, as in
 * `node '/…/footprint.js' precommit`, which init writes when the project lacks footprint.
 */
export async function runsMachinePath(
  huskyDir: string,
  hooks: readonly HuskyHook[],
): Promise<boolean> {
  for (const hook of hooks) {
    const file = path.join(huskyDir, hook.name);
    if (!existsSync(file)) continue;

    const runsFootprint = footprintLinePattern(hook.command);
    const lines = (await readFile(file, 'utf8')).split('\n');
    if (lines.some((text) => runsFootprint.test(text) && MACHINE_PATH.test(text))) return true;
  }
  return false;
}

/** Returns true when the worktree's `node_modules/.bin` has footprint. */
export function hasLocalFootprint(worktree: string): boolean {
  return existsSync(path.join(worktree, 'node_modules', '.bin', 'footprint'));
}

/**
 * Returns true when husky can run the project's own footprint: it is installed, or package.json
 * lists footprint-cli, as in a fresh clone before its dependencies are installed.
 */
export function projectRunsFootprint(worktree: string): boolean {
  return hasLocalFootprint(worktree) || readProjectInstall(worktree)?.installsFootprint === true;
}

/**
 * Chooses the command husky runs. Husky 9 puts node_modules/.bin on PATH, husky 8 does not;
 * when the project neither installs nor lists footprint, the absolute path of the footprint
 * that ran init is used.
 */
function footprintCommandLine(command: string, options: HuskyLineOptions): string {
  if (!projectRunsFootprint(options.worktree)) {
    return machinePathLine(command, options.footprintBin, options.node);
  }
  return options.huskyVersion === 'v9'
    ? `footprint ${command}`
    : `node_modules/.bin/footprint ${command}`;
}
