import validateConfig from './generated/config.js';
import { formatSchemaErrors, type SchemaError } from './schema-error.js';

/**
 * Validates the contents of `footprint.config.json` or of `package.json`'s `footprint` key and
 * returns the raw errors, which carry the failing value and its schema for messages.
 */
export function findConfigSchemaErrors(document: unknown): SchemaError[] {
  if (validateConfig(document)) return [];
  return [...(validateConfig.errors ?? [])];
}

/** Validates a configuration and returns one readable line per error, none when valid. */
export function validateConfigDocument(document: unknown): string[] {
  return formatSchemaErrors(findConfigSchemaErrors(document));
}
