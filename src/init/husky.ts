import { chmod, readFile, rm, writeFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { quoteShell } from './hook-script.js';
import type { InstallStep } from './install-step.js';

const LINT_STAGED_LINE = /\blint-staged\b/;

/** Header of a new hook file for husky 5 to 8, which run hooks as scripts sourcing husky.sh. */
const HUSKY_V8_HEADER = '#!/usr/bin/env sh\n. "$(dirname -- "$0")/_/husky.sh"\n\n';

export interface HuskyLineOptions {
  worktree: string;
  huskyVersion: 'v9' | 'v8';
  /** Absolute path of footprint's `bin/footprint.js`, used when the repository lacks footprint. */
  footprintBin: string;
}

/** One husky hook file and the footprint arguments its line runs, e.g. `precommit`. */
export interface HuskyHook {
  name: string;
  command: string;
}

/**
 * Adds a line that runs `footprint <command>` to `<huskyDir>/<hook>`. In pre-commit it goes
 * after the last line that runs lint-staged, so footprint sees the files lint-staged fixed;
 * elsewhere, and without lint-staged, at the end. A missing file is created, and a file that
 * already runs the command is left as it is.
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
    const header = options.huskyVersion === 'v8' ? HUSKY_V8_HEADER : '';
    await writeFile(file, `${header}${line}\n`, { mode: 0o755 });
    await chmod(file, 0o755);
    return [{ file, action: 'created', detail: `husky hook running \`${line}\`` }];
  }
  const runsFootprint = footprintLinePattern(hook.command);
  if (existing.split('\n').some((text) => runsFootprint.test(text))) {
    return [{ file, action: 'unchanged', detail: `already runs footprint ${firstWord(hook)}` }];
  }

  const afterLintStaged = hook.name === 'pre-commit' && LINT_STAGED_LINE.test(existing);
  await writeFile(file, insertLine(existing, line, afterLintStaged));
  return [
    {
      file,
      action: 'appended',
      detail: `\`${line}\` ${afterLintStaged ? 'after lint-staged' : 'at the end'}`,
    },
  ];
}

/**
 * Removes the lines that run `footprint <command>` from `<huskyDir>/<hook>`. The file is
 * deleted when nothing but footprint's line and husky's header was in it.
 */
export async function removeHuskyLine(huskyDir: string, hook: HuskyHook): Promise<InstallStep[]> {
  const file = path.join(huskyDir, hook.name);
  if (!existsSync(file)) return [];
  const existing = await readFile(file, 'utf8');
  const runsFootprint = footprintLinePattern(hook.command);
  const lines = existing.split('\n');
  const remaining = lines.filter((text) => !runsFootprint.test(text));
  if (remaining.length === lines.length) return [];

  const rest = remaining.join('\n');
  if (rest.trim() === '' || rest === HUSKY_V8_HEADER || `${rest}\n` === HUSKY_V8_HEADER) {
    await rm(file);
    return [{ file, action: 'removed', detail: 'it only ran footprint' }];
  }
  await writeFile(file, rest);
  return [{ file, action: 'updated', detail: `line running footprint ${firstWord(hook)} removed` }];
}

/** Matches a line that runs footprint with the hook's first argument, in any form init writes. */
function footprintLinePattern(command: string): RegExp {
  const word = command.split(/\s/)[0] ?? command;
  const escaped = word.replace(/[.*+?^${}()|[\]\\-]/g, '\\$&');
  return new RegExp(`\\bfootprint(?:\\.js)?['"]?\\s+${escaped}(?![\\w-])`);
}

function firstWord(hook: HuskyHook): string {
  return hook.command.split(/\s/)[0] ?? hook.command;
}

/**
 * Chooses the command husky runs. Husky 9 puts node_modules/.bin on PATH, husky 8 does not;
 * without a local install, the absolute path of the footprint that ran init is used.
 */
function footprintCommandLine(command: string, options: HuskyLineOptions): string {
  const localBin = path.join(options.worktree, 'node_modules', '.bin', 'footprint');
  if (!existsSync(localBin)) return `node ${quoteShell(options.footprintBin)} ${command}`;
  return options.huskyVersion === 'v9'
    ? `footprint ${command}`
    : `node_modules/.bin/footprint ${command}`;
}

function insertLine(text: string, line: string, afterLintStaged: boolean): string {
  const lines = text.split('\n');
  const trailingNewline = lines[lines.length - 1] === '';
  if (trailingNewline) lines.pop();

  let index = lines.length;
  for (let i = lines.length - 1; afterLintStaged && i >= 0; i--) {
    if (LINT_STAGED_LINE.test(lines[i] ?? '')) {
      index = i + 1;
      break;
    }
  }
  lines.splice(index, 0, line);
  return lines.join('\n') + '\n';
}
