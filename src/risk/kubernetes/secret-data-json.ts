import type { SecretDataEntry } from './secret-data.js';

type JsonObject = Record<string, unknown>;

function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Returns the Secrets of a parsed manifest: the manifest itself, or the items of a List. */
function listSecrets(manifest: unknown): JsonObject[] {
  if (!isObject(manifest)) return [];
  if (manifest['kind'] === 'Secret') return [manifest];
  const items = manifest['items'];
  if (!Array.isArray(items)) return [];
  return items.filter((item): item is JsonObject => isObject(item) && item['kind'] === 'Secret');
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Counts lines forward through a text, for offsets that only grow. */
function createLineCounter(text: string): (offset: number) => number {
  let counted = 0;
  let line = 1;
  return (offset) => {
    for (let at = text.indexOf('\n', counted); at !== -1 && at < offset;) {
      line++;
      counted = at + 1;
      at = text.indexOf('\n', counted);
    }
    return line;
  };
}

/** Returns where a `"key": "value"` pair is written after `from`, else where the key is. */
function findPair(text: string, key: string, value: string, from: number): number {
  const quotedKey = escapeRegExp(JSON.stringify(key));
  const pair = new RegExp(`${quotedKey}\\s*:\\s*${escapeRegExp(JSON.stringify(value))}`, 'g');
  pair.lastIndex = from;
  const match = pair.exec(text);
  // A value written with escapes JSON.stringify does not use (`\/`) is found by its key.
  return match?.index ?? text.indexOf(JSON.stringify(key), from);
}

/**
 * Returns the `data` entries of the Secrets in a JSON manifest, as `kubectl get -o json`
 * writes one Secret or a List of them. Each entry's line is where its `"key": "value"` pair
 * is written, found in order after the previous one. Text that is not JSON has no entries.
 */
export function readJsonSecretData(text: string): SecretDataEntry[] {
  let manifest: unknown;
  try {
    manifest = JSON.parse(text);
  } catch {
    return [];
  }

  const entries: SecretDataEntry[] = [];
  const lineAt = createLineCounter(text);
  let from = 0;
  for (const secret of listSecrets(manifest)) {
    const data = secret['data'];
    if (!isObject(data)) continue;
    for (const [key, value] of Object.entries(data)) {
      if (typeof value !== 'string') continue;
      const at = findPair(text, key, value, from);
      if (at === -1) continue;
      from = at + 1;
      const line = lineAt(at);
      entries.push({ key, value, line, lastLine: line });
    }
  }
  return entries;
}
