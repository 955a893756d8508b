import type { Hunk } from './types.js';

/** Returns a key that names a hunk of one file by its four numbers, as `3,1,3,2`. */
export function hunkKey(hunk: Hunk): string {
  return `${hunk.oldStart},${hunk.oldLines},${hunk.newStart},${hunk.newLines}`;
}
