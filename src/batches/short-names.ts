import { stemOf } from './paths.js';

/** The mark a name cut at a word boundary ends with, so a reader never takes it as whole. */
export const CUT_MARK = '...';

/** Minimum characters a cut name keeps before its mark, because a shorter prefix names nothing. */
const MIN_CUT_LENGTH = 10;

/**
 * Positions where a name may be cut: before `-`, `_`, `.`, `/` or a space, and between a
 * lower-case letter or digit and an upper-case letter (`parseArgs` at `Args`).
 */
const WORD_BOUNDARY = /(?=[-_./ ])|(?<=[a-z0-9])(?=[A-Z])/g;

/**
 * Shortens a name to at most `room` characters: first its base name without folders (a Go
 * module path, an npm scope), then that name without its extension, then its leading words
 * followed by CUT_MARK. Returns null when no form fits.
 */
export function shortenName(name: string, room: number): string | null {
  const base = lastSegment(name);
  for (const form of [name, base, stemOf(base)]) {
    if (form !== '' && form.length <= room) return form;
  }
  return cutAtWord(base, room - CUT_MARK.length);
}

/**
 * Returns the last `/` segment of a name. A Go module path's major version suffix (`/v2`)
 * names nothing alone, so the segment before it is taken instead.
 */
function lastSegment(name: string): string {
  const segments = name.split('/').filter((segment) => segment !== '');
  const last = segments.pop() ?? name;
  const before = segments.pop();
  return /^v\d+$/.test(last) && before !== undefined ? before : last;
}

/** Returns the longest prefix of `name` that ends at a word boundary and fits, with CUT_MARK. */
function cutAtWord(name: string, room: number): string | null {
  let end = 0;
  for (const match of name.matchAll(WORD_BOUNDARY)) {
    if (match.index > room) break;
    end = match.index;
  }
  if (end < MIN_CUT_LENGTH) return null;
  return name.slice(0, end) + CUT_MARK;
}
