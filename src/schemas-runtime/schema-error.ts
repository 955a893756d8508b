/** A JSON Schema node as the compiled validators report it. */
export interface SchemaNode {
  description?: string;
  type?: string | string[];
  enum?: unknown[];
  const?: unknown;
  properties?: Record<string, SchemaNode>;
  items?: SchemaNode;
  minimum?: number;
  maximum?: number;
  minLength?: number;
  minItems?: number;
  pattern?: string;
  $ref?: string;
}

/**
 * One failed check, in the shape of ajv's `ErrorObject`. `parentSchema` and `data` are set only
 * for schemas compiled with `verbose` (the configuration and the strategy).
 */
export interface SchemaError {
  keyword: string;
  /** JSON pointer of the failing value, empty for the document itself. */
  instancePath: string;
  schemaPath: string;
  params: Record<string, unknown>;
  /** Set for errors in a key name checked by `propertyNames`. */
  propertyName?: string;
  message?: string;
  parentSchema?: SchemaNode;
  data?: unknown;
}

/** Returns the names a `properties` schema allows, sorted, or an empty list. */
export function knownKeys(schema: SchemaNode | undefined): string[] {
  return Object.keys(schema?.properties ?? {}).sort();
}

/** Formats a list of allowed values for a message: `a, b, c`. */
export function formatAllowedValues(values: unknown[]): string {
  return values
    .map((value) => (typeof value === 'string' ? value : JSON.stringify(value)))
    .join(', ');
}

function describeType(type: unknown): string {
  const types = Array.isArray(type) ? type : [type];
  return types.map(String).join(' or ');
}

function formatMessage(error: SchemaError): string {
  const { params } = error;
  switch (error.keyword) {
    case 'additionalProperties':
    case 'unevaluatedProperties': {
      const key = String(params['additionalProperty'] ?? params['unevaluatedProperty']);
      const known = knownKeys(error.parentSchema);
      const suffix = known.length > 0 ? ` (known keys: ${known.join(', ')})` : '';
      return `unknown key "${key}"${suffix}`;
    }
    case 'required':
      return `missing required key "${String(params['missingProperty'])}"`;
    case 'enum':
      return `must be one of ${formatAllowedValues(params['allowedValues'] as unknown[])}`;
    case 'const':
      return `must be ${JSON.stringify(params['allowedValue'])}`;
    case 'type':
      return `must be ${describeType(params['type'])}`;
    case 'pattern': {
      const description = error.parentSchema?.description?.replace(/\.$/, '');
      const base = `must match pattern "${String(params['pattern'])}"`;
      return description === undefined ? base : `${base} (${description})`;
    }
    default:
      return error.message ?? `fails "${error.keyword}"`;
  }
}

/**
 * Formats one error as `/batches/0/changes/1/hunks/0/oldStart: must be integer`: the JSON
 * pointer of the failing value (`/` for the document itself), then what is wrong with it.
 */
export function formatSchemaError(error: SchemaError): string {
  const pointer = error.instancePath === '' ? '/' : error.instancePath;
  const message = formatMessage(error);
  if (error.propertyName !== undefined) return `${pointer}: key "${error.propertyName}" ${message}`;
  return `${pointer}: ${message}`;
}

/**
 * Formats the errors of one validation, one string each and no repeats. The summary error of
 * `propertyNames` is dropped because the error on the key name itself is more precise.
 */
export function formatSchemaErrors(errors: readonly SchemaError[] | null | undefined): string[] {
  const lines = (errors ?? [])
    .filter((error) => error.keyword !== 'propertyNames')
    .map(formatSchemaError);
  return [...new Set(lines)];
}
