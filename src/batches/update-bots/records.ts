/** Returns true for a parsed JSON or YAML mapping, which is no array and not null. */
export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Returns the texts of a list, leaving out items that are no text, or [] for no list. */
export function readTexts(value: unknown): string[] {
  if (!Array.isArray(value)) return [];
  return value.filter((item): item is string => typeof item === 'string');
}

/**
 * The deepest nesting of collections that the YAML and JSON5 readers accept. Real update bot
 * configurations nest fewer than 10 deep, and the limit keeps a hostile file from exhausting
 * the stack of the recursive YAML reader.
 */
export const MAX_NESTING_DEPTH = 100;
