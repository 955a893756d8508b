import { readFile, stat } from 'node:fs/promises';

import { parseJsonText, startsComment } from '../config/parse-json.js';
import { UserError } from '../errors.js';
import { strategyNotFileMessage, strategyReadFailedMessage } from '../output/messages.js';
import { shellPath } from '../output/shell-quote.js';
import { findDuplicateKeys, type DuplicateKey } from './duplicate-keys.js';
import { describeKeyPlaces } from './key-places.js';
import { findExcessNesting } from './nesting-depth.js';
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

/**
 * Maximum nesting of arrays and objects in a strategy file. A strategy that footprint writes
 * nests 7 levels (batches, changes, hunks), and deeper files only slow the later checks.
 */
export const MAX_STRATEGY_DEPTH = 64;

/** A strategy file's JSON value, or the problems that make it an invalid strategy. */
export type ParsedStrategy =
  { ok: true; value: unknown } | { ok: false; problems: StrategyProblem[] };

/**
 * Reads and parses a strategy file the same way for `validate` and `commit`. A file that is
 * not JSON is an invalid strategy, like one that fails its schema, and the problem names the
 * line and column. So is a file nested deeper than MAX_STRATEGY_DEPTH, and a file with a key
 * twice in one object, with a problem per key. Only
 * a file that cannot be read is a usage error (UnreadableStrategyError, exit 2). A command in
 * the messages starts with `invocation` (see footprintInvocation).
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
  if (parsed.ok) {
    const tooDeep = excessNestingProblem(file, text, invocation);
    if (tooDeep !== undefined) return { ok: false, problems: [tooDeep] };
    const duplicates = findDuplicateKeys(text);
    if (duplicates.length === 0) return { ok: true, value: parsed.value };
    const problems = duplicates.map((entry) => describeDuplicateKey(file, parsed.value, entry));
    return { ok: false, problems };
  }

  const { line, column } = parsed.problem;
  const command = rewriteCommand(shellPath(file), invocation);
  const comment = startsComment(text, parsed.problem);
  const reason = comment ? 'a comment' : parsed.problem.reason;
  const message =
    `${file} is not valid JSON (line ${line}, column ${column}: ${reason}). ` +
    `${describeJsonFix(file, text, comment)}, or move it away and write the strategy again ` +
    `with ${command}.`;
  return { ok: false, problems: [{ code: 'json', message }] };
}

/** Returns the start of the fix for a strategy file that is not JSON, before the rewrite. */
function describeJsonFix(file: string, text: string, comment: boolean): string {
  if (comment) {
    return 'Strategy files are JSON, which has no comments, so remove the comment';
  }
  if (looksLikeYaml(file, text)) {
    return 'It looks like YAML, and footprint reads strategy files as JSON only. Write it as JSON';
  }
  return 'Fix the JSON syntax';
}

/** Makes nesting deeper than MAX_STRATEGY_DEPTH a problem, which names where it starts. */
function excessNestingProblem(
  file: string,
  text: string,
  invocation: string,
): StrategyProblem | undefined {
  const found = findExcessNesting(text.replace(/^\uFEFF/, ''), MAX_STRATEGY_DEPTH);
  if (found === undefined) return undefined;

  const command = rewriteCommand(shellPath(file), invocation);
  const message =
    `${file} nests arrays and objects more than ${MAX_STRATEGY_DEPTH} levels deep at line ` +
    `${found.line}, column ${found.column}. footprint reads at most ${MAX_STRATEGY_DEPTH} ` +
    `levels, and a strategy needs 7. Remove the extra brackets, or move the file away and ` +
    `write the strategy again with ${command}.`;
  return { code: 'nesting-depth', message };
}

/** A line that starts a YAML mapping or list, such as `batches:` or `- id: b1`. */
const YAML_LINE = /^(?:- )?[\w$-]+:(?: |$)/;

/**
 * Returns true for a file named `.yaml` or `.yml`, or whose text starts as YAML does rather than
 * with a JSON object, such as `batches:`.
 */
function looksLikeYaml(file: string, text: string): boolean {
  if (/\.ya?ml$/i.test(file)) return true;
  const start = text.replace(/^\uFEFF/, '').trimStart();
  // A YAML document may open with its `---` marker line.
  const [first, second] = start.split('\n', 2);
  const line = first?.trimEnd() === '---' ? second : first;
  return !start.startsWith('{') && YAML_LINE.test(line ?? '');
}

/** Returns the JSON value at `segments` under `value`, or undefined where there is none. */
function valueAt(value: unknown, segments: readonly string[]): unknown {
  let current = value;
  for (const segment of segments) {
    if (typeof current !== 'object' || current === null) return undefined;
    current = (current as Record<string, unknown>)[segment];
  }
  return current;
}

function nonEmptyString(value: unknown): string | undefined {
  return typeof value === 'string' && value !== '' ? value : undefined;
}

/**
 * Makes a key that occurs more than once in one object a problem. It names the object as a JSON Pointer,
 * with the id of the batch and the path of the change it is in, as schema problems do.
 */
function describeDuplicateKey(file: string, value: unknown, entry: DuplicateKey): StrategyProblem {
  const [top, index, inner, changeIndex] = entry.segments;
  const inBatch = top === 'batches' && index !== undefined;
  const batch = inBatch ? nonEmptyString(valueAt(value, [top, index, 'id'])) : undefined;
  const inChange = inBatch && inner === 'changes' && changeIndex !== undefined;
  const changePath = inChange
    ? valueAt(value, [top, index, inner, changeIndex, 'path'])
    : undefined;
  const path = nonEmptyString(changePath);

  const escaped = entry.segments.map((segment) => segment.replace(/~/g, '~0').replace(/\//g, '~1'));
  const pointer = escaped.map((segment) => `/${segment}`).join('');
  const named =
    batch === undefined
      ? pointer || 'the top level'
      : pointer.replace(/^\/batches\/\d+/, `$& (batch ${batch})`);
  const key = JSON.stringify(entry.key);
  const times = entry.lines.length === 2 ? 'twice' : `${entry.lines.length} times`;
  const places = describeKeyPlaces(entry);
  const values = entry.lines.length === 2 ? 'the value' : 'the values';
  const message =
    `${file} has the key ${key} ${times} in ${named}, on ${places.all}. ` +
    `footprint reads only the last one, as JSON.parse does, so it ignores ${values} ` +
    `on ${places.ignored}. Keep one ${key} key: merge the values into it, or delete the others.`;
  return {
    code: 'duplicate-key',
    ...(batch === undefined ? {} : { batch }),
    ...(path === undefined ? {} : { path }),
    message,
  };
}
