/**
 * A namespaced debug logger, off by default. `--debug` or `FOOTPRINT_DEBUG=1` turns every
 * namespace on; `FOOTPRINT_DEBUG=git,risk` turns on the listed ones. Lines go to stderr with
 * the milliseconds since the previous line, so a slow step stands out.
 */
import { nowMs } from './clock.js';

export type DebugLogger = (message: string) => void;

let enabledSpec: string | undefined = process.env['FOOTPRINT_DEBUG'];
let lastTime = nowMs();
let redactLine: (line: string) => string = (line) => line;

/** Turns debug output on for every namespace, as `--debug` does. */
export function enableDebug(): void {
  enabledSpec = '1';
}

/**
 * Sets the function that masks secrets in each debug line before it is written. The CLI sets
 * it to the provider-token mask, so a token in a branch name, a path or an argument is masked
 * on stderr. The launcher sets none, because the secret rules would make it slow to load.
 */
export function setDebugRedaction(redact: (line: string) => string): void {
  redactLine = redact;
}

function isEnabled(namespace: string): boolean {
  if (!enabledSpec || enabledSpec === '0' || enabledSpec === 'false') return false;
  if (enabledSpec === '1' || enabledSpec === 'true' || enabledSpec === '*') return true;
  return enabledSpec.split(',').some((name) => name.trim() === namespace);
}

/** Returns a logger for `namespace` that checks at each call whether it is enabled. */
export function createDebug(namespace: string): DebugLogger {
  return (message: string) => {
    if (!isEnabled(namespace)) return;
    const now = nowMs();
    const elapsed = Math.round(now - lastTime);
    lastTime = now;
    process.stderr.write(`footprint:${namespace} ${redactLine(message)} +${elapsed}ms\n`);
  };
}
