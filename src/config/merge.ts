import type { Config } from './types.js';

/** A configuration as a file may write it: any key may be missing, at any depth. */
export type ConfigFile = DeepPartial<Config> & { $schema?: string };

type DeepPartial<T> = T extends readonly unknown[]
  ? T
  : T extends object
    ? { [K in keyof T]?: DeepPartial<T[K]> }
    : T;

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function mergeValue(base: unknown, override: unknown): unknown {
  if (override === undefined) return base;
  if (!isPlainObject(base) || !isPlainObject(override)) return override;

  const merged: Record<string, unknown> = { ...base };
  for (const [key, value] of Object.entries(override)) {
    // JSON.parse makes `__proto__` an own key, and assigning it would replace the prototype.
    if (key === '__proto__') continue;
    merged[key] = mergeValue(base[key], value);
  }
  return merged;
}

/**
 * Merges a validated configuration file over `base`: objects merge key by key at every depth,
 * while arrays and scalars in the file replace the base value. `$schema` is dropped.
 */
export function mergeConfig(base: Config, file: ConfigFile): Config {
  const settings: Record<string, unknown> = { ...file };
  delete settings['$schema'];
  return mergeValue(base, settings) as Config;
}
