import { redactSecrets } from './redact.js';

/** The environment variable that turns the insight provider off for one run. */
export const LLM_VARIABLE = 'FOOTPRINT_LLM';

/** Values, in any case and with spaces around them, that turn the provider off. */
const OFF_VALUES: readonly string[] = ['0', 'false', 'no', 'off'];
/** Values that leave `llm.enabled` as the configuration sets it, as an unset variable does. */
const ON_VALUES: readonly string[] = ['1', 'true', 'yes', 'on'];

/** Characters of a rejected value that the error shows. */
const MAX_SHOWN_VALUE = 40;

/** Lists values as a sentence does: `0, false, no or off`. */
function listValues(values: readonly string[]): string {
  return `${values.slice(0, -1).join(', ')} or ${values.at(-1) ?? ''}`;
}

/** Quotes a rejected value for the error, redacted and shortened, since it may be a pasted key. */
function showValue(raw: string): string {
  const redacted = redactSecrets(raw);
  const shortened =
    redacted.length > MAX_SHOWN_VALUE ? `${redacted.slice(0, MAX_SHOWN_VALUE - 3)}...` : redacted;
  return JSON.stringify(shortened);
}

/** The setting FOOTPRINT_LLM gives one run. */
export interface LlmSwitch {
  /** True when the variable turns the insight provider off. */
  off: boolean;
  /** The reason an unknown value turned it off, naming the value and the accepted ones, or null. */
  reason: string | null;
}

/**
 * Reads FOOTPRINT_LLM from `env`: off for an off value, on (the configuration decides) when it
 * is unset, blank or an on value. Any other value also turns the provider off, with a reason,
 * because a mistyped off switch must not send the change, and it must not block every commit
 * either.
 */
export function readLlmSwitch(env: NodeJS.ProcessEnv): LlmSwitch {
  const raw = env[LLM_VARIABLE] ?? '';
  const value = raw.trim().toLowerCase();
  if (value === '' || ON_VALUES.includes(value)) return { off: false, reason: null };
  if (OFF_VALUES.includes(value)) return { off: true, reason: null };

  const reason =
    `${LLM_VARIABLE} is ${showValue(raw)}, which is not an accepted value; used the offline ` +
    `heuristic. Set it to ${listValues(OFF_VALUES)} to use the heuristic, or to ` +
    `${listValues(ON_VALUES)} (or unset it) to follow llm.enabled.`;
  return { off: true, reason };
}
