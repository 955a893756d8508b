import { readFileSync } from 'node:fs';
import path from 'node:path';
import { findPackageRoot } from '../cli/package-info.js';
import validateInsightsTool from '../schemas-runtime/generated/insights-tool.js';
import { formatSchemaErrors } from '../schemas-runtime/schema-error.js';
import type { Severity } from '../risk/types.js';

/** Name of the one tool the request forces the model to call. */
export const TOOL_NAME = 'record_insights';

const TOOL_SCHEMA_FILE = path.join('schemas', 'insights-tool.schema.json');

/** Keys of the schema file that describe the file itself rather than the tool's input. */
const FILE_KEYS = ['$schema', '$id', 'title'];

/** The tool input a reply carries, as schemas/insights-tool.schema.json describes it. */
export interface ToolReply {
  summary: string;
  messages: Array<{ batch: string; message: string }>;
  merges?: Array<{ batches: string[]; message: string }>;
  splits?: Array<{
    batch: string;
    parts: Array<{ changes: Array<{ file: string; hunks?: number[] }>; message: string }>;
  }>;
  riskNotes?: Array<{ finding: string; severity: Severity; note: string }>;
}

let cachedInputSchema: Record<string, unknown> | undefined;

/**
 * Returns the tool's input schema as a request sends it: schemas/insights-tool.schema.json
 * without the keys that describe the file. Read from footprint's package folder on first use.
 */
export function readToolInputSchema(): Record<string, unknown> {
  if (cachedInputSchema !== undefined) return cachedInputSchema;

  const file = path.join(findPackageRoot(), TOOL_SCHEMA_FILE);
  const schema = JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>;
  for (const key of FILE_KEYS) delete schema[key];
  cachedInputSchema = schema;
  return schema;
}

/** Validates a reply's tool input and returns one readable line per error, none when valid. */
export function validateToolReply(value: unknown): string[] {
  if (validateInsightsTool(value)) return [];
  return formatSchemaErrors(validateInsightsTool.errors);
}

/** Returns true when `value` is a valid tool input, narrowing its type. */
export function isToolReply(value: unknown): value is ToolReply {
  return validateToolReply(value).length === 0;
}
