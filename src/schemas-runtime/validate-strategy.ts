import validateStrategy from './generated/strategy.js';
import { formatSchemaErrors } from './schema-error.js';

/**
 * Validates a strategy file, as written by `footprint strategy` and edited by people, and
 * returns one readable line per error, none when it is valid.
 */
export function validateStrategyDocument(document: unknown): string[] {
  if (validateStrategy(document)) return [];
  return formatSchemaErrors(validateStrategy.errors);
}
