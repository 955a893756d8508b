import { UserError } from '../errors.js';
import { joinWords } from '../output/messages.js';
import { findDuplicateKeys, type DuplicateKey } from '../strategy/duplicate-keys.js';
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
  // Lines alone tell the occurrences apart unless two of them share a line.
  const withColumns = new Set(entry.lines).size < entry.lines.length;
  const places = entry.lines.map((line, index) => ({ line, column: entry.columns[index] ?? 1 }));
  const ignored = places.slice(0, -1);
  const values = ignored.length === 1 ? 'the value' : 'the values';
  return (
    `${label}: the key ${key} appears ${times}, on ${listPlaces(places, withColumns)}. ` +
    `footprint reads only the last one, as JSON.parse does, so it would ignore ${values} ` +
    `on ${listPlaces(ignored, withColumns)}. Keep one ${key} key and delete the others.`
  );
}

interface Place {
  line: number;
  column: number;
}

/**
 * Lists places as `lines 1 and 2`, with columns when asked: `line 1, columns 2 and 20` when
 * all share a line, else `line 1 column 2, line 1 column 20 and line 2 column 5`.
 */
function listPlaces(places: readonly Place[], withColumns: boolean): string {
  const lines = places.map((place) => place.line);
  const columns = places.map((place) => String(place.column));
  const oneLine = new Set(lines).size === 1;
  if (!withColumns) return `${oneLine ? 'line' : 'lines'} ${joinWords(lines.map(String), 'and')}`;
  if (oneLine) {
    const noun = columns.length === 1 ? 'column' : 'columns';
    return `line ${lines[0]}, ${noun} ${joinWords(columns, 'and')}`;
  }
  return joinWords(
    places.map((place) => `line ${place.line} column ${place.column}`),
    'and',
  );
}
