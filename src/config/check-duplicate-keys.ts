import { UserError } from '../errors.js';
import { findDuplicateKeys, type DuplicateKey } from '../strategy/duplicate-keys.js';
import { describeKeyPlaces } from '../strategy/key-places.js';
import { formatKeyPath, type ConfigLocation } from './describe-config-error.js';

/**
 * Rejects a configuration whose text, valid JSON, has a key twice in one object, such as
 * `{"mode": "balanced", "mode": "aggressive"}`. JSON.parse keeps the last value and silently
 * drops the others. In `package.json` only the `footprint` key and the keys it contains count.
 */
export function checkDuplicateKeys(text: string, location: ConfigLocation): void {
  const prefix = location.keyPrefix;
  const duplicates = findDuplicateKeys(text.replace(/^\uFEFF/, '')).filter((entry) => {
    const keys = [...entry.segments, entry.key];
    return prefix.every((key, index) => keys[index] === key);
  });
  if (duplicates.length === 0) return;

  const lines = duplicates.map((entry) => describeDuplicate(entry, location.label));
  throw new UserError(lines.join('\n'));
}

function describeDuplicate(entry: DuplicateKey, label: string): string {
  const key = `"${formatKeyPath([...entry.segments, entry.key])}"`;
  const times = entry.lines.length === 2 ? 'twice' : `${entry.lines.length} times`;
  const places = describeKeyPlaces(entry);
  const values = entry.lines.length === 2 ? 'the value' : 'the values';
  return (
    `${label}: the key ${key} appears ${times}, on ${places.all}. ` +
    `footprint reads only the last one, as JSON.parse does, so it would ignore ${values} ` +
    `on ${places.ignored}. Keep one ${key} key and delete the others.`
  );
}
