import type { FootprintWithContent } from '../footprint/types.js';
import type { GitReader } from '../git/types.js';
import { createDebug } from '../log/debug.js';
import { parseManifest } from './manifest-changes.js';
import { findSharedPackageNames } from './package-scopes.js';

const debug = createDebug('batches');

const MANIFEST = 'package.json';

/** A larger package.json is read as none, so a stray blob cannot slow the hook. */
const MAX_MANIFEST_BYTES = 1024 * 1024;

/**
 * Reads the package.json `name` of each staged package whose folder name another staged
 * package shares, by package folder. A staged package.json gives its staged text, and any
 * other comes from HEAD's tree, which the index matches for an unstaged path. It reads
 * nothing when no two staged packages share a name. A package.json that is missing, deleted,
 * unreadable or has no string `name` gives no entry, so that package takes its path as scope.
 */
export async function loadPackageNames(
  reader: Pick<GitReader, 'readTreeFiles'>,
  input: FootprintWithContent,
): Promise<Map<string, string>> {
  const folders = findSharedPackageNames(input.footprint.files.map((file) => file.path));
  const texts = new Map<string, string | null>();
  const unstaged: string[] = [];
  for (const folder of folders) {
    const path = `${folder}/${MANIFEST}`;
    const staged = input.content.get(path);
    if (staged === undefined) unstaged.push(path);
    else texts.set(folder, staged.newText);
  }

  const committed = await readCommitted(reader, input.footprint.headTree, unstaged);
  for (const [path, buffer] of committed) {
    texts.set(path.slice(0, -MANIFEST.length - 1), buffer.toString('utf8'));
  }
  return readNames(texts);
}

/** Reads files of HEAD's tree. A failed read gives none and a debug line. */
async function readCommitted(
  reader: Pick<GitReader, 'readTreeFiles'>,
  tree: string | null,
  paths: readonly string[],
): Promise<Map<string, Buffer>> {
  if (tree === null || paths.length === 0 || reader.readTreeFiles === undefined) return new Map();
  try {
    return await reader.readTreeFiles(tree, paths, MAX_MANIFEST_BYTES);
  } catch (error) {
    // The names only tell packages apart, and their paths do that too.
    debug(`package.json names not read: ${String(error)}`);
    return new Map();
  }
}

function readNames(texts: ReadonlyMap<string, string | null>): Map<string, string> {
  const names = new Map<string, string>();
  for (const [folder, text] of texts) {
    const name = parseManifest(text)?.['name'];
    if (typeof name === 'string') names.set(folder, name);
  }
  return names;
}
