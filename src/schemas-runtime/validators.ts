/**
 * Typed wrappers around the validators that `scripts/compile-schemas.js` compiles from
 * `schemas/`. Only the generated code and ajv's small runtime helpers load, never ajv's
 * compiler. Importing this module loads every validator, so code on the hook's path imports
 * the one it needs from `validate-config.js`, `validate-strategy.js` or `validate-fossil.js`.
 */
import validateAnalysis from './generated/analysis.js';
import validateCommit from './generated/commit.js';
import validateConfig from './generated/config.js';
import validateError from './generated/error.js';
import validateFootprint from './generated/footprint.js';
import validateInsightsTool from './generated/insights-tool.js';
import validateFossilEnvelope from './generated/fossil.js';
import validateFossilAnalysis from './generated/fossil-analysis.js';
import validateFossilCommitRun from './generated/fossil-commit-run.js';
import validateFossilInsightCache from './generated/fossil-insight-cache.js';
import validateFossilModel from './generated/fossil-model.js';
import validateFossilOutcome from './generated/fossil-outcome.js';
import validateFossilsList from './generated/fossils-list.js';
import validateFossilsPrune from './generated/fossils-prune.js';
import validateFossilsStats from './generated/fossils-stats.js';
import validateInit from './generated/init.js';
import validateLearn from './generated/learn.js';
import validateModelCounts from './generated/model-counts.js';
import validateFossilStrategy from './generated/fossil-strategy.js';
import validateFossilUndo from './generated/fossil-undo.js';
import validateStrategy from './generated/strategy.js';
import validateUndo from './generated/undo.js';
import validateValidation from './generated/validation.js';
import validateVersion from './generated/version.js';
import type { CompiledValidator } from './generated/analysis.js';
import { formatSchemaErrors, type SchemaError } from './schema-error.js';

export { findConfigSchemaErrors, validateConfigDocument } from './validate-config.js';
export { hasFossilSchema, validateFossil } from './validate-fossil.js';
export { validateStrategyDocument } from './validate-strategy.js';
export type { SchemaError } from './schema-error.js';

/** Document types with a schema in `schemas/`, by schema file name without `.schema.json`. */
const VALIDATORS = {
  analysis: validateAnalysis,
  commit: validateCommit,
  config: validateConfig,
  error: validateError,
  footprint: validateFootprint,
  'insights-tool': validateInsightsTool,
  fossil: validateFossilEnvelope,
  'fossil-analysis': validateFossilAnalysis,
  'fossil-commit-run': validateFossilCommitRun,
  'fossil-insight-cache': validateFossilInsightCache,
  'fossil-model': validateFossilModel,
  'fossil-outcome': validateFossilOutcome,
  'fossils-list': validateFossilsList,
  'fossils-prune': validateFossilsPrune,
  'fossils-stats': validateFossilsStats,
  init: validateInit,
  learn: validateLearn,
  'model-counts': validateModelCounts,
  'fossil-strategy': validateFossilStrategy,
  'fossil-undo': validateFossilUndo,
  strategy: validateStrategy,
  undo: validateUndo,
  validation: validateValidation,
  version: validateVersion,
} satisfies Record<string, CompiledValidator>;

export type DocumentType = keyof typeof VALIDATORS;

export const DOCUMENT_TYPES = Object.keys(VALIDATORS) as DocumentType[];

/** Validates `document` against `schemas/<type>.schema.json` and returns the raw errors. */
export function findSchemaErrors(type: DocumentType, document: unknown): SchemaError[] {
  const validate = VALIDATORS[type];
  if (validate(document)) return [];
  return [...(validate.errors ?? [])];
}

/** Validates `document` and returns one readable line per error, none when it is valid. */
export function validateDocument(type: DocumentType, document: unknown): string[] {
  return formatSchemaErrors(findSchemaErrors(type, document));
}

/** Validates the output of `footprint analyze --json` and `footprint precommit --json`. */
export function validateAnalysisDocument(document: unknown): string[] {
  return validateDocument('analysis', document);
}

/** Validates the `--json` document of a usage or configuration error. */
export function validateErrorDocument(document: unknown): string[] {
  return validateDocument('error', document);
}

export function validateFootprintDocument(document: unknown): string[] {
  return validateDocument('footprint', document);
}

/** Validates the output of `footprint validate --json`. */
export function validateValidationDocument(document: unknown): string[] {
  return validateDocument('validation', document);
}
