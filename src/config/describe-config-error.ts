import {
  formatAllowedValues,
  knownKeys,
  type SchemaError,
  type SchemaNode,
} from '../schemas-runtime/schema-error.js';
import { closestName } from '../cli/closest-name.js';
import { JSON_UNESCAPED_CONTROL, quoteJsonString } from '../output/quote-path.js';
import { escapeJsonUnit } from '../output/terminal-text.js';
import { SEVERITIES } from '../risk/types.js';
import { findClosestKey } from './closest-key.js';
import { describeNumberReading } from './number-literal.js';
import { compactJsonSource, findValueSource } from './value-source.js';

/** Location of a configuration in its file, for messages. */
export interface ConfigLocation {
  /** File name as messages show it, e.g. `footprint.config.json`. */
  label: string;
  /** Keys that lead to the configuration inside the file: `['footprint']` in package.json. */
  keyPrefix: string[];
}

const MAX_VALUE_LENGTH = 60;

function decodePointer(pointer: string): string[] {
  if (pointer === '') return [];
  return pointer
    .split('/')
    .slice(1)
    .map((segment) => segment.replace(/~1/g, '/').replace(/~0/g, '~'));
}

/**
 * Writes a key path as the messages name it: `llm.model`, or `risk.custom[0].pattern`. Control,
 * bidirectional and invisible characters in a key are written as JSON escapes such as `\u202e`.
 */
export function formatKeyPath(keys: readonly string[]): string {
  return keys.reduce((text, key) => {
    if (/^\d+$/.test(key)) return `${text}[${key}]`;
    const name = quoteJsonString(key).slice(1, -1);
    return text === '' ? name : `${text}.${name}`;
  }, '');
}

/**
 * Writes a value for a message: as `source`, its text in the file, when that is known, so
 * `1e400` is not shown as null, else as JSON. An object or list loses its whitespace, and a
 * long value is cut to MAX_VALUE_LENGTH characters.
 */
function formatValue(value: unknown, source: string | undefined): string {
  const written = source === undefined ? undefined : compactJsonSource(source, MAX_VALUE_LENGTH);
  const json = written ?? previewJson(value, MAX_VALUE_LENGTH);
  // JSON text has no raw C0 controls, but it may have C1 and bidirectional controls.
  const text = json.replace(JSON_UNESCAPED_CONTROL, escapeJsonUnit);
  const shown = text.length > MAX_VALUE_LENGTH ? `${text.slice(0, MAX_VALUE_LENGTH - 3)}...` : text;
  return typeof value === 'number' && written !== undefined
    ? `${shown}${describeNumberReading(written)}`
    : shown;
}

/**
 * Writes `value` as JSON, stopping once the text passes `limit` characters. Each level of
 * nesting adds a character, so a value nested thousands of levels deep costs at most `limit`
 * calls, where JSON.stringify overflowed the stack.
 */
function previewJson(value: unknown, limit: number): string {
  if (limit <= 0) return '';
  if (Array.isArray(value)) {
    let text = '[';
    for (const item of value) {
      if (text.length > limit) break;
      text += `${text === '[' ? '' : ','}${previewJson(item, limit - text.length)}`;
    }
    return `${text}]`;
  }
  if (typeof value === 'object' && value !== null) {
    let text = '{';
    for (const [key, item] of Object.entries(value)) {
      if (text.length > limit) break;
      const entry = `${JSON.stringify(key)}:`;
      text += `${text === '{' ? '' : ','}${entry}${previewJson(item, limit - text.length - entry.length)}`;
    }
    return `${text}}`;
  }
  if (typeof value === 'number' && !Number.isFinite(value)) return String(value);
  return JSON.stringify(value) ?? String(value);
}

function describeNumber(noun: string, schema: SchemaNode): string {
  const { minimum, maximum } = schema;
  if (minimum !== undefined && maximum !== undefined)
    return `${noun} from ${minimum} to ${maximum}`;
  if (minimum !== undefined) return `${noun} >= ${minimum}`;
  if (maximum !== undefined) return `${noun} <= ${maximum}`;
  return noun;
}

function describeString(schema: SchemaNode): string {
  if (schema.pattern !== undefined) return `a string matching ${schema.pattern}`;
  if ((schema.minLength ?? 0) > 0) return 'a non-empty string';
  return 'a string';
}

function describeList(schema: SchemaNode): string {
  const items = schema.items;
  const list = (schema.minItems ?? 0) > 0 ? 'a non-empty list' : 'a list';
  if (items?.enum) return `${list} of values from ${formatAllowedValues(items.enum)}`;
  if (items?.type === 'string') return `${list} of strings`;
  if (items?.type === 'object')
    return `${list} of objects with keys ${knownKeys(items).join(', ')}`;
  return list;
}

function describeType(type: string, schema: SchemaNode): string {
  switch (type) {
    case 'integer':
      return describeNumber('an integer', schema);
    case 'number':
      return describeNumber('a number', schema);
    case 'string':
      return describeString(schema);
    case 'boolean':
      return 'true or false';
    case 'array':
      return describeList(schema);
    case 'object':
      return `an object with keys ${knownKeys(schema).join(', ')}`;
    default:
      return type;
  }
}

function schemaTypes(schema: SchemaNode): string[] {
  if (schema.type === undefined) return [];
  return Array.isArray(schema.type) ? schema.type : [schema.type];
}

/** Describes the values a schema accepts: `one of a, b, c`, `an integer from 1 to 10`. */
export function describeExpectedForm(node: SchemaNode | undefined): string {
  const schema = resolveDefinition(node);
  if (schema === undefined) return 'a value its schema accepts';
  if (schema.enum) return `one of ${formatAllowedValues(schema.enum)}`;
  if (schema.const !== undefined) return JSON.stringify(schema.const);

  const types = schemaTypes(schema);
  if (types.length === 0) return 'a value its schema accepts';
  return types.map((type) => describeType(type, schema)).join(' or ');
}

/**
 * The `$defs` of schemas/config.schema.json that a property can name with `$ref`, with the
 * keywords that messages read. The compiled validator reports a `$ref` node as it is, without the
 * definition, and a test compares these with the schema file.
 */
export const CONFIG_DEFINITIONS: Readonly<Record<string, SchemaNode>> = {
  Mode: { enum: ['conservative', 'balanced', 'aggressive'] },
  RiskSeverity: { enum: [...SEVERITIES] },
  SeverityList: { type: 'array', items: { enum: [...SEVERITIES] } },
  GlobList: { type: 'array', items: { type: 'string' } },
};

/** Returns the definition a `$ref` node names, with the node's own keywords over it. */
function resolveDefinition(node: SchemaNode | undefined): SchemaNode | undefined {
  const name = node?.$ref?.match(/^#\/\$defs\/(.+)$/)?.[1];
  const definition = name === undefined ? undefined : CONFIG_DEFINITIONS[name];
  return definition === undefined ? node : { ...definition, ...node };
}

function describeUnknownKey(error: SchemaError, location: ConfigLocation, keys: string[]): string {
  const key = String(error.params['additionalProperty']);
  const known = knownKeys(error.parentSchema);
  const level = keys.length === 0 ? 'at the top level' : `in "${formatKeyPath(keys)}"`;
  const closest = findClosestKey(key, known);
  const hint = closest === undefined ? '' : ` Did you mean "${closest}"?`;
  return (
    `${location.label}: unknown key "${formatKeyPath([...keys, key])}".${hint} ` +
    `Known keys ${level}: ${known.join(', ')}.`
  );
}

function describeWrongValue(
  error: SchemaError,
  location: ConfigLocation,
  keys: string[],
  text: string | undefined,
): string {
  const expected = describeExpectedForm(error.parentSchema);
  const subject = keys.length === 0 ? 'the configuration' : `"${formatKeyPath(keys)}"`;
  const value = formatValue(
    error.data,
    text === undefined ? undefined : findValueSource(text, keys),
  );
  const hint = suggestAllowedValue(error.data, error.parentSchema);
  return `${location.label}: ${subject} is ${value}; expected ${expected}.${hint}`;
}

/** Returns ` Did you mean "aggressive"?` for a string close to one value of an enum, else ''. */
function suggestAllowedValue(value: unknown, node: SchemaNode | undefined): string {
  const allowed = resolveDefinition(node)?.enum;
  if (typeof value !== 'string' || allowed === undefined) return '';
  const names = allowed.filter((name): name is string => typeof name === 'string');
  const closest = closestName(value, names);
  return closest === null ? '' : ` Did you mean ${quoteJsonString(closest)}?`;
}

/**
 * Describes one schema error in a configuration: the key path, the value found and the
 * expected form, e.g. `footprint.config.json: "mode" is "fast"; expected one of
 * conservative, balanced, aggressive.` The error must come from a `verbose` validator.
 * `text`, the file's JSON text, lets the message quote a value as written there.
 */
export function describeConfigError(
  error: SchemaError,
  location: ConfigLocation,
  text?: string,
): string {
  const keys = [...location.keyPrefix, ...decodePointer(error.instancePath)];

  switch (error.keyword) {
    case 'additionalProperties':
      return describeUnknownKey(error, location, keys);
    case 'required': {
      const missing = String(error.params['missingProperty']);
      const expected = describeExpectedForm(error.parentSchema?.properties?.[missing]);
      return `${location.label}: "${formatKeyPath([...keys, missing])}" is missing; expected ${expected}.`;
    }
    case 'uniqueItems': {
      const items = Array.isArray(error.data) ? error.data : [];
      const index = String(error.params['i']);
      const source = text === undefined ? undefined : findValueSource(text, [...keys, index]);
      const repeated = formatValue(items[Number(index)], source);
      return `${location.label}: "${formatKeyPath(keys)}" lists ${repeated} more than once; expected each value once.`;
    }
    default:
      return describeWrongValue(error, location, keys, text);
  }
}
