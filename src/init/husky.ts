import { chmod, readFile, writeFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { quoteShell } from './hook-script.js';
import type { InstallStep } from './install-step.js';

/** Matches a line that already runs footprint's precommit, in any of the forms init writes. */
const FOOTPRINT_LINE = /\bfootprint(?:\.js)?['"]?\s+precommit\b/;
const LINT_STAGED_LINE = /\blint-staged\b/;

/** Header of a new hook file for husky 5 to 8, which run hooks as scripts sourcing husky.sh. */
const HUSKY_V8_HEADER = '#!/usr/bin/env sh\n. "$(dirname -- "$0")/_/husky.sh"\n\n';

export interface HuskyLineOptions {
  worktree: string;
  huskyVersion: 'v9' | 'v8';
  /** Absolute path of footprint's `bin/footprint.js`, used when the repository lacks footprint. */
  footprintBin: string;
}

/**
 * Adds a `footprint precommit` line to `<huskyDir>/pre-commit`. The line goes after the last
 * line that runs lint-staged, or at the end when none does. A missing file is created, and a
 * file that already runs footprint is left as it is.
 */
export async function addHuskyLine(
  huskyDir: string,
  options: HuskyLineOptions,
): Promise<InstallStep[]> {
  const file = path.join(huskyDir, 'pre-commit');
  const line = footprintCommandLine(options);
  const existing = existsSync(file) ? await readFile(file, 'utf8') : null;

  if (existing === null) {
    const header = options.huskyVersion === 'v8' ? HUSKY_V8_HEADER : '';
    await writeFile(file, `${header}${line}\n`, { mode: 0o755 });
    await chmod(file, 0o755);
    return [{ file, action: 'created', detail: `husky hook running \`${line}\`` }];
  }
  if (existing.split('\n').some((text) => FOOTPRINT_LINE.test(text))) {
    return [{ file, action: 'unchanged', detail: 'already runs footprint precommit' }];
  }

  await writeFile(file, insertLine(existing, line));
  const where = LINT_STAGED_LINE.test(existing) ? 'after lint-staged' : 'at the end';
  return [{ file, action: 'appended', detail: `\`${line}\` ${where}` }];
}

/**
 * Chooses the command husky runs. Husky 9 puts node_modules/.bin on PATH, husky 8 does not;
 * without a local install, the absolute path of the footprint that ran init is used.
 */
function footprintCommandLine(options: HuskyLineOptions): string {
  const localBin = path.join(options.worktree, 'node_modules', '.bin', 'footprint');
  if (!existsSync(localBin)) return `node ${quoteShell(options.footprintBin)} precommit`;
  return options.huskyVersion === 'v9'
    ? 'footprint precommit'
    : 'node_modules/.bin/footprint precommit';
}

function insertLine(text: string, line: string): string {
  const lines = text.split('\n');
  const trailingNewline = lines[lines.length - 1] === '';
  if (trailingNewline) lines.pop();

  let index = lines.length;
  for (let i = lines.length - 1; i >= 0; i--) {
    if (LINT_STAGED_LINE.test(lines[i] ?? '')) {
      index = i + 1;
      break;
    }
  }
  lines.splice(index, 0, line);
  return lines.join('\n') + '\n';
}
