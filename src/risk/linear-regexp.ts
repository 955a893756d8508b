import v8 from 'node:v8';

let engineEnabled = false;

/**
 * Turns on V8's linear-time regular expression engine (the `l` flag), which Node 20 ships
 * behind a flag. The flag only adds the engine; no other regular expression changes.
 */
function enableLinearEngine(): void {
  if (engineEnabled) return;
  v8.setFlagsFromString('--enable-experimental-regexp-engine');
  engineEnabled = true;
}

/** Why a pattern cannot be compiled for linear-time matching. */
export class LinearRegExpError extends Error {}

/**
 * Compiles a pattern for V8's linear-time engine, so no input makes it backtrack: matching
 * costs time proportional to the text. The engine rejects backreferences, lookaround and the
 * `i`, `u` and `y` flags; those throw a LinearRegExpError.
 */
export function compileLinearRegExp(source: string, flags: string): RegExp {
  enableLinearEngine();
  try {
    return new RegExp(source, `${flags}l`);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new LinearRegExpError(reason, { cause: error });
  }
}
