import { joinWords } from '../output/messages.js';
import type { DuplicateKey } from './duplicate-keys.js';

/** The places of a repeated key's occurrences: all of them, and those JSON.parse ignores. */
export interface KeyPlaces {
  all: string;
  ignored: string;
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

/**
 * Describes where a repeated key occurs. Lines alone tell the occurrences apart unless two of
 * them share a line, and then every place gets its column.
 */
export function describeKeyPlaces(entry: Pick<DuplicateKey, 'lines' | 'columns'>): KeyPlaces {
  const withColumns = new Set(entry.lines).size < entry.lines.length;
  const places = entry.lines.map((line, index) => ({ line, column: entry.columns[index] ?? 1 }));
  return {
    all: listPlaces(places, withColumns),
    ignored: listPlaces(places.slice(0, -1), withColumns),
  };
}
