import type { FileChange, FileContent } from '../footprint/types.js';
import type { CommitType } from './types.js';
import { isCode } from './categories.js';

/** A commit type and the reason it was chosen, which the batch rationale repeats. */
export interface TypeChoice {
  type: CommitType;
  reason: string;
  /** New files of earlier batches that this batch starts to use, when that made it a `feat`. */
  uses?: string[];
}

/** A share of added lines that also appear among the removed lines above which code only moved. */
const MOVED_SHARE = 0.6;

const EXPORTED_DECLARATION =
  /^\s*export\s+(?:default\s+)?(?:declare\s+)?(?:abstract\s+)?(?:async\s+)?(?:function\*?|class|const|let|var|interface|type|enum|namespace)\s+([A-Za-z_$][\w$]*)/;

type ContentMap = ReadonlyMap<string, FileContent>;

function linesOf(files: readonly FileChange[], content: ContentMap, side: 'added' | 'removed') {
  return files.flatMap((file) => content.get(file.path)?.hunks.flatMap((hunk) => hunk[side]) ?? []);
}

function exportedNames(lines: readonly string[]): Set<string> {
  const names = new Set<string>();
  for (const line of lines) {
    const name = EXPORTED_DECLARATION.exec(line)?.[1];
    if (name !== undefined) names.add(name);
  }
  return names;
}

/** Returns the names a modified file newly exports: declared on added lines, not on removed ones. */
export function newExports(file: FileChange, content: ContentMap): string[] {
  const added = exportedNames(linesOf([file], content, 'added'));
  const removed = exportedNames(linesOf([file], content, 'removed'));
  return [...added].filter((name) => !removed.has(name));
}

/** Returns the share of non-blank added lines whose trimmed text was also removed, or 1 when none were added. */
export function movedShare(files: readonly FileChange[], content: ContentMap): number {
  const removed = new Map<string, number>();
  for (const line of linesOf(files, content, 'removed')) {
    const key = line.trim();
    if (key !== '') removed.set(key, (removed.get(key) ?? 0) + 1);
  }

  let added = 0;
  let moved = 0;
  for (const line of linesOf(files, content, 'added')) {
    const key = line.trim();
    if (key === '') continue;
    added += 1;
    const count = removed.get(key) ?? 0;
    if (count > 0) {
      moved += 1;
      removed.set(key, count - 1);
    }
  }
  return added === 0 ? 1 : moved / added;
}

/**
 * Chooses the type for changed code. It is `feat` when the code adds files or exports, or
 * starts to use new files of earlier batches. It is `refactor` when the code only renames,
 * removes or moves lines, that is when most added lines were removed elsewhere in the batch.
 * Otherwise it is `fix`, because changing existing lines without new exports most often
 * corrects behaviour. The guess cannot tell a fix from other changes in behaviour, so the user
 * may retype it.
 */
function chooseCodeType(
  code: readonly FileChange[],
  content: ContentMap,
  usesNew: readonly string[],
): TypeChoice {
  if (code.some((file) => file.status === 'added' || file.status === 'copied')) {
    return { type: 'feat', reason: 'it adds source files' };
  }
  if (code.some((file) => newExports(file, content).length > 0)) {
    return { type: 'feat', reason: 'it adds exports to existing source' };
  }
  if (usesNew.length > 0) {
    return { type: 'feat', reason: 'it starts to use files the change adds', uses: [...usesNew] };
  }
  if (movedShare(code, content) >= MOVED_SHARE) {
    return { type: 'refactor', reason: 'it renames, removes or moves code without new lines' };
  }
  return { type: 'fix', reason: 'it changes existing source lines without adding exports' };
}

/** Returns `only LABEL` when every file is in `category`, else `LABEL and no OTHERS`. */
function describeShare(
  files: readonly FileChange[],
  category: string,
  label: string,
  others: string,
) {
  const all = files.every((file) => file.category === category);
  return all ? `it changes only ${label}` : `it changes ${label} and no ${others}`;
}

/**
 * Chooses the Conventional Commits type of a batch from its most significant files: code, then
 * tests, docs, CI, build files and dependencies, configuration, and anything else. `usesNew`
 * lists the new files of earlier batches that the batch's code imports.
 */
export function chooseCommitType(
  files: readonly FileChange[],
  content: ContentMap,
  usesNew: readonly string[] = [],
): TypeChoice {
  const code = files.filter(isCode);
  if (code.length > 0) return chooseCodeType(code, content, usesNew);

  const has = (...categories: string[]) => files.some((file) => categories.includes(file.category));
  if (has('test')) return { type: 'test', reason: describeShare(files, 'test', 'tests', 'code') };
  if (has('docs')) {
    return { type: 'docs', reason: describeShare(files, 'docs', 'documentation', 'code or tests') };
  }
  if (has('ci')) {
    return { type: 'ci', reason: describeShare(files, 'ci', 'CI files', 'code, tests or docs') };
  }
  if (has('dependency-manifest', 'lockfile', 'build')) {
    return { type: 'build', reason: 'it changes build files or dependencies' };
  }
  return { type: 'chore', reason: 'it changes no code, tests or documentation' };
}
