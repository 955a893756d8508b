import { readdirSync } from 'node:fs';
import path from 'node:path';
import { UserError } from '../errors.js';
import { FOSSIL_EXTENSION, parseFossilName } from '../fossils/fossil-name.js';
import { isStoreGitignoreText } from '../fossils/store-gitignore.js';
import { TEMPORARY_PREFIX, TEMPORARY_SUFFIX } from '../fossils/write-atomic.js';
import type { ConfigLocation } from './describe-config-error.js';
import { readRegularFileSync } from './read-regular-file.js';

const GITIGNORE = '.gitignore';

/**
 * Rejects a fossil store folder that contains files other than fossils, such as `src` or
 * `.husky`. footprint ignores everything in its store with a `.gitignore` of `*`, which would
 * hide new files there from `git status` and `git add -A`. A missing folder, or one that contains
 * only fossils, a `.gitignore` and footprint's temporary files, is accepted. `location` is the
 * configuration file that set `fossilDir`, or null for the default. Throws a UserError (exit 2)
 * that names the folder, a file in it and the fix.
 */
export function checkFossilStore(
  worktree: string,
  fossilDir: string,
  location: ConfigLocation | null,
): void {
  const dir = path.resolve(worktree, fossilDir);
  const other = findOtherEntry(dir);
  if (other === null) return;

  const key = [...(location?.keyPrefix ?? []), 'fossilDir'].join('.');
  const setting =
    location === null
      ? `The fossil store "${fossilDir}" (the default "fossilDir")`
      : `${location.label}: "${key}" is ${JSON.stringify(fossilDir)}, a folder that`;
  const file = path.posix.join(fossilDir.split(path.sep).join('/'), other);
  const configFile = location?.label ?? 'footprint.config.json';
  throw new UserError(
    `${setting} contains files other than fossils, such as ${file}. footprint ignores ` +
      `everything in its store with a .gitignore of "*", which would hide new files there ` +
      `from git status and git add. Set "${key}" in ${configFile} to a folder of its own, ` +
      `such as ${JSON.stringify(suggestFolder(fossilDir))}, or move ${file} out.`,
  );
}

/**
 * Returns the name of an entry in `dir` that is not footprint's, or null when there is none
 * or the folder cannot be listed. A folder that cannot be listed is left to the store, which
 * reports it when it writes.
 */
function findOtherEntry(dir: string): string | null {
  let entries: string[];
  try {
    entries = readdirSync(dir);
  } catch {
    return null;
  }
  if (entries.length === 0) return null;

  // A folder that has footprint's own `.gitignore` is a store footprint made, and git ignores
  // the JSON files that sit there too, such as `footprint strategy --output
  // fossils/strategy.json`. Other files there point to a folder that an older footprint took
  // over. Hidden files, such as the `.DS_Store` that macOS writes, are never a reason to stop.
  // NOTE: such a folder that contains only JSON and hidden files is accepted. Telling it
  // apart needs the index's paths.
  const ownStore =
    entries.includes(GITIGNORE) && isStoreGitignoreText(readText(path.join(dir, GITIGNORE)));
  const other = entries.filter((entry) => !isStoreEntry(entry, ownStore)).sort()[0];
  return other ?? null;
}

function isStoreEntry(entry: string, ownStore: boolean): boolean {
  if (entry === GITIGNORE) return true;
  if (entry.startsWith(TEMPORARY_PREFIX) && entry.endsWith(TEMPORARY_SUFFIX)) return true;
  if (entry.startsWith('.')) return true;
  if (ownStore && entry.endsWith(FOSSIL_EXTENSION)) return true;
  return entry.endsWith(FOSSIL_EXTENSION) && parseFossilName(entry) !== null;
}

function readText(file: string): string | null {
  try {
    return readRegularFileSync(file);
  } catch {
    return null;
  }
}

/** Suggests a store folder next to nothing else: `fossils`, or a hidden one when that is taken. */
function suggestFolder(fossilDir: string): string {
  return fossilDir === 'fossils' ? '.footprint/fossils' : 'fossils';
}
