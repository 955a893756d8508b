import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

import type { GitConfig } from './config.js';
import type { IndexFile } from './index-file.js';
import { readPackIndexVersion } from './objects/pack-index.js';
import { listObjectDirectories } from './objects/store.js';
import { isPartialCloneConfig } from './partial-clone.js';
import type { RepositoryLayout } from './types.js';

/** Repository extensions the native reader reads correctly whatever their value. */
const HARMLESS_EXTENSIONS = new Set(['noop', 'noop-v1', 'preciousobjects', 'worktreeconfig']);

/**
 * Lists why the native reader cannot read this repository correctly; empty when it can. Each
 * reason is one short sentence for the debug line that explains a switch to the git command line.
 */
export function checkNativeCapabilities(
  layout: RepositoryLayout,
  config: GitConfig,
  index: IndexFile | null,
  env: NodeJS.ProcessEnv = {},
): string[] {
  return [
    ...checkRepositoryFormat(config),
    ...checkPromisorRemote(config),
    ...checkReplaceRefs(layout, config, env),
    ...checkRefStorage(layout),
    ...(index === null ? [] : checkIndex(index)),
    ...checkPackIndexes(layout),
  ];
}

function checkRepositoryFormat(config: GitConfig): string[] {
  const reasons: string[] = [];
  const version = config.getInt('core.repositoryformatversion') ?? 0;
  if (version > 1) reasons.push(`repository format version ${version} is newer than version 1`);

  for (const entry of config.section('extensions')) {
    const value = (entry.value ?? '').toLowerCase();
    if (entry.subsection !== null || HARMLESS_EXTENSIONS.has(entry.name)) continue;

    if (entry.name === 'objectformat') {
      if (value !== 'sha1') reasons.push(`objects use ${value} ids (extensions.objectFormat)`);
    } else if (entry.name === 'refstorage') {
      if (value !== 'files') reasons.push(`refs are stored as ${value} (extensions.refStorage)`);
    } else if (entry.name === 'partialclone') {
      reasons.push('partial clone: objects may be missing until git fetches them');
    } else {
      reasons.push(`unknown repository extension extensions.${entry.name}`);
    }
  }
  return reasons;
}

/**
 * Reports a partial clone whose config names only a promisor remote, without
 * extensions.partialClone (which checkRepositoryFormat reports). git fetches a missing blob
 * when a command needs it, and the native reader, which never fetches, would report it missing.
 */
function checkPromisorRemote(config: GitConfig): string[] {
  if (config.has('extensions.partialClone') || !isPartialCloneConfig(config)) return [];
  return ['partial clone (a promisor remote): objects may be missing until git fetches them'];
}

/**
 * git reads an object through its replace ref (`git replace`) unless GIT_NO_REPLACE_OBJECTS
 * is set or core.useReplaceRefs is false. The native reader reads objects as stored, so any
 * replace ref sends the repository to the git command line.
 */
function checkReplaceRefs(
  layout: RepositoryLayout,
  config: GitConfig,
  env: NodeJS.ProcessEnv,
): string[] {
  if (env['GIT_NO_REPLACE_OBJECTS'] !== undefined) return [];
  if (config.getBool('core.useReplaceRefs') === false) return [];

  const base = env['GIT_REPLACE_REF_BASE'] || 'refs/replace/';
  const prefix = base.endsWith('/') ? base : `${base}/`;
  const loose = listFiles(path.join(layout.commonDir, ...prefix.split('/'))).length > 0;
  if (loose || packedRefsHavePrefix(layout, prefix)) {
    return [`objects are replaced by refs under ${prefix} (git replace)`];
  }
  return [];
}

/** Returns true when `packed-refs` names a ref that starts with `prefix`. */
function packedRefsHavePrefix(layout: RepositoryLayout, prefix: string): boolean {
  let bytes: Buffer;
  try {
    bytes = readFileSync(path.join(layout.commonDir, 'packed-refs'));
  } catch {
    return false;
  }
  // Each ref line is `<oid> <name>`, so a name that starts with the prefix follows a space.
  return bytes.includes(` ${prefix}`, 0, 'utf8');
}

function checkRefStorage(layout: RepositoryLayout): string[] {
  const hasReftable = existsSync(path.join(layout.commonDir, 'reftable'));
  return hasReftable ? ['refs are stored in a reftable folder'] : [];
}

function checkIndex(index: IndexFile): string[] {
  const reasons: string[] = [];
  for (const signature of new Set(index.extensions)) {
    if (signature === 'link') reasons.push('the index is split (link extension)');
    else if (signature === 'sdir') reasons.push('the index is sparse (sdir extension)');
    else if (isRequiredExtension(signature)) {
      reasons.push(`the index has the unknown required extension ${signature}`);
    }
  }
  return reasons;
}

/** git marks an index extension it may ignore with an uppercase first letter. */
function isRequiredExtension(signature: string): boolean {
  const first = signature.charCodeAt(0);
  return !(first >= 0x41 && first <= 0x5a);
}

function checkPackIndexes(layout: RepositoryLayout): string[] {
  const reasons: string[] = [];
  for (const objectsDir of listObjectDirectories(path.join(layout.commonDir, 'objects'))) {
    const packDir = path.join(objectsDir, 'pack');
    for (const name of listFiles(packDir)) {
      if (!name.endsWith('.idx')) continue;
      const version = readVersionIfPresent(path.join(packDir, name));
      if (version !== null && version !== 1 && version !== 2) {
        reasons.push(`pack index ${name} has version ${version}`);
      }
    }
  }
  return reasons;
}

/** A pack removed by a concurrent repack after the listing has no version to check. */
function readVersionIfPresent(file: string): number | null {
  try {
    return readPackIndexVersion(file);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
}

function listFiles(dir: string): string[] {
  try {
    return readdirSync(dir);
  } catch {
    return [];
  }
}
