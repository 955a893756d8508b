import { REDACTED, redactSecrets } from './redact.js';

/**
 * Shortest secret value that a request redacts wherever it occurs. A shorter one, such as a
 * PIN or `admin`, would also replace ordinary words and numbers all over the request.
 * NOTE: a shorter value is sent where another file repeats it, unless redactSecrets catches it
 * there. The file whose finding covers it is withheld whatever its length.
 */
export const MIN_REDACTED_VALUE_LENGTH = 6;

/** The redaction of one request's texts, with the exact secret values of its change. */
export interface RequestRedactor {
  /** Replaces the change's known secret values in `text`. */
  redactValues(text: string): string;
  /** Replaces the known secret values, then every secret-like value, in `text` from `path`. */
  redact(text: string, path?: string): string;
}

/**
 * Returns a function that replaces each of `values` in a text with [REDACTED], the longest
 * first where several start at one offset. The values are indexed by their first characters,
 * so a text is read once however many there are.
 */
function createValueReplacer(values: Iterable<string>): (text: string) => string {
  const byPrefix = new Map<string, string[]>();
  const redactable = [...new Set(values)].filter(
    (value) => value.length >= MIN_REDACTED_VALUE_LENGTH && value !== REDACTED,
  );
  for (const value of redactable.sort((a, b) => b.length - a.length)) {
    const prefix = value.slice(0, MIN_REDACTED_VALUE_LENGTH);
    byPrefix.set(prefix, [...(byPrefix.get(prefix) ?? []), value]);
  }
  if (byPrefix.size === 0) return (text) => text;

  return (text) => {
    let redacted = '';
    let copied = 0;
    for (let at = 0; at + MIN_REDACTED_VALUE_LENGTH <= text.length;) {
      const candidates = byPrefix.get(text.slice(at, at + MIN_REDACTED_VALUE_LENGTH));
      const value = candidates?.find((candidate) => text.startsWith(candidate, at));
      if (value === undefined) {
        at += 1;
        continue;
      }
      redacted += text.slice(copied, at) + REDACTED;
      at += value.length;
      copied = at;
    }
    return copied === 0 ? text : redacted + text.slice(copied);
  };
}

/**
 * Returns the redaction of a request whose change contains `values`, the exact secret values
 * that its findings cover. They go first, because a pattern that redacts only part of one would
 * leave the rest to be sent.
 */
export function createRequestRedactor(values: Iterable<string>): RequestRedactor {
  const redactValues = createValueReplacer(values);
  return {
    redactValues,
    redact: (text, path) => redactSecrets(redactValues(text), path),
  };
}
