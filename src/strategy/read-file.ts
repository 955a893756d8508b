import { readFile, stat } from 'node:fs/promises';

import { parseJsonText } from '../config/parse-json.js';
import { UserError } from '../errors.js';
import { strategyNotFileMessage, strategyReadFailedMessage } from '../output/messages.js';
import { shellPath } from '../output/shell-quote.js';
import { rewriteCommand } from './rewrite-command.js';
import type { StrategyProblem } from './types.js';

/** A strategy file that cannot be read: a usage error (exit 2) that names the file. */
export class UnreadableStrategyError extends UserError {
  /** Absolute path of the strategy file. */
  readonly file: string;

  constructor(file: string, message: string, options: { cause?: unknown } = {}) {
    super(message, options);
    this.file = file;
  }
}

/** A strategy file's JSON value, or the problem that makes it an invalid strategy. */
export type ParsedStrategy = { ok: true; value: unknown } | { ok: false; problem: StrategyProblem };

/**
 * Reads and parses a strategy file the same way for `validate` and `commit`. A file that is
 * not JSON is an invalid strategy, like one that fails its schema, and the problem names the
 * line and column. Only a file that cannot be read is a usage error (UnreadableStrategyError,
 * exit 2). A command in the messages starts with `invocation` (see footprintInvocation).
 */
export async function readStrategyFile(
  file: string,
  invocation = 'footprint',
): Promise<ParsedStrategy> {
  let text: string;
  try {
    // A named pipe would block the read until another process writes to it.
    const stats = await stat(file);
    if (!stats.isFile() && !stats.isDirectory()) {
      throw new UnreadableStrategyError(file, strategyNotFileMessage(file));
    }
    text = await readFile(file, 'utf8');
  } catch (error) {
    if (error instanceof UserError) throw error;
    const code = (error as NodeJS.ErrnoException).code ?? String(error);
    throw new UnreadableStrategyError(file, strategyReadFailedMessage(file, code, invocation), {
      cause: error,
    });
  }

  const parsed = parseJsonText(text);
  if (parsed.ok) return { ok: true, value: parsed.value };

  const { line, column, reason } = parsed.problem;
  const command = rewriteCommand(shellPath(file), invocation);
  const message =
    `${file} is not valid JSON (line ${line}, column ${column}: ${reason}). ` +
    `Fix the JSON syntax, or move it away and write the strategy again with ${command}.`;
  return { ok: false, problem: { code: 'json', message } };
}
