import { parseJsonText } from '../config/parse-json.js';
import { validateFossil } from '../schemas-runtime/validate-fossil.js';
import { FOSSIL_SCHEMA_VERSION, type Fossil } from './types.js';

export type FossilParseResult = { ok: true; fossil: Fossil } | { ok: false; warning: string };

/**
 * Upgrades from each older fossil version to the next, keyed by the version they read.
 * Version 1 is the first, so none exist yet. A change to the format adds one here.
 */
const UPGRADES: Record<number, (fossil: Record<string, unknown>) => Record<string, unknown>> = {};

function skip(label: string, reason: string): FossilParseResult {
  return { ok: false, warning: `${label}: skipped because ${reason}.` };
}

function upgrade(fossil: Record<string, unknown>, version: number): Record<string, unknown> {
  let current = fossil;
  for (let from = version; from < FOSSIL_SCHEMA_VERSION; from++) {
    const step = UPGRADES[from];
    if (step === undefined) throw new Error(`no upgrade from fossil schema version ${from}`);
    current = step(current);
  }
  return current;
}

/**
 * Parses a fossil file's text: checks its schema version, upgrades an older version, and
 * validates it against its kind's schema. A fossil that fails any step yields one warning
 * naming `label` (the file) instead of an error, so one bad file never hides the others.
 */
export function parseFossil(text: string, label: string): FossilParseResult {
  const parsed = parseJsonText(text);
  if (!parsed.ok) {
    const { line, column, reason } = parsed.problem;
    return skip(label, `it is not valid JSON (${reason} at line ${line}, column ${column})`);
  }

  const document = parsed.value;
  if (typeof document !== 'object' || document === null || Array.isArray(document)) {
    return skip(label, 'it is not a JSON object');
  }
  const record = document as Record<string, unknown>;
  const version = record['schemaVersion'];
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 1) {
    return skip(label, 'it has no valid schemaVersion');
  }
  if (version > FOSSIL_SCHEMA_VERSION) {
    return skip(
      label,
      `a newer footprint wrote it (fossil schema version ${version}, this one reads up to ${FOSSIL_SCHEMA_VERSION})`,
    );
  }

  const fossil = upgrade(record, version);
  const errors = validateFossil(String(fossil['kind']), fossil);
  if (errors.length > 0) {
    const more = errors.length > 1 ? ` and ${errors.length - 1} more` : '';
    return skip(label, `it does not match its schema (${errors[0]}${more})`);
  }
  return { ok: true, fossil: fossil as unknown as Fossil };
}
