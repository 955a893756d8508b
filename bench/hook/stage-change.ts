import { readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';

import { editText } from './edit-text.js';
import { generateFileContent, hashSeed } from './file-content.js';
import { git } from './git-command.js';
import { createRandom, selectSeeded } from './random.js';
import type { FileKind } from './tree-layout.js';
import { WORDS } from './vocabulary.js';

/** Largest file the benchmark edits, because larger ones are mostly data or bundles. */
const MAX_EDITABLE_BYTES = 256 * 1024;

/** The files one staged change touches. */
export interface StagedChangePlan {
  modified: string[];
  added: string[];
}

/**
 * Chooses the files of a staged change of `count` files among `candidates`: one in ten is a new
 * file next to a modified one, the rest are modified. The same arguments give the same plan.
 */
export function planStagedChange(
  candidates: readonly string[],
  count: number,
  seed: number,
): StagedChangePlan {
  const addedCount = Math.floor(count / 10);
  const modified = selectSeeded(candidates, count - addedCount, seed);

  const existing = new Set(candidates);
  const random = createRandom(seed);
  const added: string[] = [];
  while (added.length < addedCount) {
    const neighbour = random.pick(modified.length > 0 ? modified : candidates);
    const candidate = path.posix.join(
      path.posix.dirname(neighbour),
      `${random.pick(WORDS)}-${random.pick(WORDS)}.ts`,
    );
    if (existing.has(candidate)) continue;
    existing.add(candidate);
    added.push(candidate);
  }
  return { modified, added };
}

/** Returns the kind of edit a path gets, or null for a file the benchmark does not edit. */
export function fileKindOf(filePath: string): FileKind | null {
  if (/\.(test|spec)\.[cm]?[jt]sx?$/.test(filePath)) return 'test';
  if (/\.([cm]?[jt]sx?|svelte|vue)$/.test(filePath)) return 'module';
  if (/(^|\/)(package-lock|composer\.lock)\.json$/.test(filePath)) return null;
  if (filePath.endsWith('.json')) return 'json';
  if (filePath.endsWith('.md')) return 'markdown';
  return null;
}

/**
 * Lists the tracked regular files of a repository that the benchmark may edit: known text
 * kinds, present in the worktree, under 256 KiB. Sorted as git lists them.
 */
export function listEditableFiles(dir: string): string[] {
  const editable: string[] = [];
  for (const record of git(dir, ['ls-files', '-s', '-z']).split('\0')) {
    const match = /^(\d{6}) [0-9a-f]+ 0\t(.*)$/s.exec(record);
    if (!match || (match[1] !== '100644' && match[1] !== '100755')) continue;

    const filePath = match[2] as string;
    if (fileKindOf(filePath) === null) continue;
    const size = statSync(path.join(dir, filePath), { throwIfNoEntry: false })?.size;
    if (size !== undefined && size <= MAX_EDITABLE_BYTES) editable.push(filePath);
  }
  return editable;
}

/** Edits and adds the planned files in the worktree of `dir`, then stages them with git add. */
export function applyStagedChange(dir: string, plan: StagedChangePlan, seed: number): void {
  for (const filePath of plan.modified) {
    const full = path.join(dir, filePath);
    const kind = fileKindOf(filePath) ?? 'markdown';
    const random = createRandom(hashSeed(filePath, seed));
    writeFileSync(full, editText(readFileSync(full, 'utf8'), kind, random));
  }

  const packageModules = plan.modified.filter((filePath) => fileKindOf(filePath) === 'module');
  for (const filePath of plan.added) {
    const file = { path: filePath, kind: 'module' as const, packageDir: '' };
    writeFileSync(path.join(dir, filePath), generateFileContent(file, packageModules, seed));
  }

  // Literal pathspecs, because clones have paths such as `routes/[slug]/` that git would glob.
  const paths = [...plan.modified, ...plan.added];
  git(
    dir,
    ['--literal-pathspecs', 'add', '--pathspec-from-file=-', '--pathspec-file-nul'],
    paths.join('\0'),
  );
}
