import validateFossilEnvelope from './generated/fossil.js';
import validateFossilAnalysis from './generated/fossil-analysis.js';
import validateFossilCommitRun from './generated/fossil-commit-run.js';
import validateFossilInsightCache from './generated/fossil-insight-cache.js';
import validateFossilModel from './generated/fossil-model.js';
import validateFossilOutcome from './generated/fossil-outcome.js';
import validateFossilStrategy from './generated/fossil-strategy.js';
import validateFossilUndo from './generated/fossil-undo.js';
import type { CompiledValidator } from './generated/fossil.js';
import { formatSchemaErrors } from './schema-error.js';

/** Fossil kinds whose payload has its own schema. Other kinds are checked by the envelope. */
const FOSSIL_VALIDATORS = new Map<string, CompiledValidator>([
  ['analysis', validateFossilAnalysis],
  ['strategy', validateFossilStrategy],
  ['commit-run', validateFossilCommitRun],
  ['insight-cache', validateFossilInsightCache],
  ['model', validateFossilModel],
  ['outcome', validateFossilOutcome],
  ['undo', validateFossilUndo],
]);

/**
 * Validates a fossil of `kind`: against `schemas/fossil-<kind>.schema.json` when the kind has
 * one, else against the envelope every fossil shares. The document's `kind` must equal
 * `kind` either way. Returns one readable line per error, none when it is valid.
 */
export function validateFossil(kind: string, document: unknown): string[] {
  const validate = FOSSIL_VALIDATORS.get(kind) ?? validateFossilEnvelope;
  const errors = validate(document) ? [] : formatSchemaErrors(validate.errors);
  const actualKind = (document as { kind?: unknown } | null)?.kind;
  if (actualKind !== kind && !errors.some((line) => line.startsWith('/kind:'))) {
    errors.push(`/kind: must be ${JSON.stringify(kind)}`);
  }
  return errors;
}

/** Returns true when a fossil kind has a payload schema of its own. */
export function hasFossilSchema(kind: string): boolean {
  return FOSSIL_VALIDATORS.has(kind);
}
