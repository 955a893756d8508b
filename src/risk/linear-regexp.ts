let engineEnabled = false;

/**
 * Turns on V8's linear-time regular expression engine (the `l` flag), which Node 20 ships
 * behind a flag. The flag only adds the engine; no other regular expression changes.
 */
function enableLinearEngine(): void {
  if (engineEnabled) return;
  process.getBuiltinModule('node:v8').setFlagsFromString('--enable-experimental-regexp-engine');
  engineEnabled = true;
}

/**
 * Why a pattern cannot be compiled for linear-time matching: `invalid` when it is no valid
 * JavaScript regular expression at all, `unsupported` when it is valid but uses what the
 * linear-time engine rejects (backreferences, lookaround, some flags).
 */
export class LinearRegExpError extends Error {
  constructor(
    message: string,
    readonly kind: 'invalid' | 'unsupported',
    options?: ErrorOptions,
  ) {
    super(message, options);
  }
}

/** V8's flags and separator after the pattern in its message: `/gl: `. */
const FLAGS_IN_MESSAGE = /^[a-z]*: /;

/**
 * Returns V8's reason for rejecting a pattern without the `Invalid regular expression:
 * /source/flags: ` it starts with, because those flags are footprint's (`g`, `l`), not the
 * ones the user wrote.
 */
function describeError(error: unknown, source: string): string {
  const message = error instanceof Error ? error.message : String(error);
  const head = `Invalid regular expression: /${source}/`;
  if (!message.startsWith(head)) return message;
  const rest = message.slice(head.length);
  const flags = FLAGS_IN_MESSAGE.exec(rest);
  return flags === null ? message : rest.slice(flags[0].length);
}

/**
 * Compiles a pattern for V8's linear-time engine, so no input makes it backtrack: matching
 * costs time proportional to the text. Throws a LinearRegExpError of kind `invalid` for a
 * syntax error, and of kind `unsupported` for what the engine rejects: backreferences,
 * lookaround and the `i`, `u` and `y` flags.
 */
export function compileLinearRegExp(source: string, flags: string): RegExp {
  try {
    new RegExp(source, flags);
  } catch (error) {
    throw new LinearRegExpError(describeError(error, source), 'invalid', { cause: error });
  }

  enableLinearEngine();
  try {
    return new RegExp(source, `${flags}l`);
  } catch (error) {
    throw new LinearRegExpError(describeError(error, source), 'unsupported', { cause: error });
  }
}
