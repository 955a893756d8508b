import { closestName } from '../cli/closest-name.js';
import type { FileChange } from '../footprint/types.js';
import { unquoteCString } from '../git/c-quote.js';
import { joinWords } from '../output/messages.js';
import { quoteJsonString, quotePath } from '../output/quote-path.js';
import { shellPathspec } from '../output/top-pathspec.js';
import type { StrategyProblem } from './types.js';

/** Staged files a folder hint lists before it only counts the rest. */
const LISTED_FILES = 3;

/** One way a hand-typed path differs from git's name for it, and the fix it calls for. */
interface PathRewrite {
  /** Rewrites the path as git would name it, or returns it unchanged when this does not apply. */
  apply: (path: string) => string;
  /** The fix, as a phrase after "Name it as git does,". */
  fix: string;
}

/** Staged paths that the hint for an unknown path compares it with. */
export interface StagedPaths {
  files: readonly FileChange[];
  /** Intent-to-add paths (`git add -N`), which have no staged content. */
  intentToAdd: readonly string[];
  /** Absolute path of the worktree root, so an absolute path inside it gets a hint. */
  worktree?: string | undefined;
}

const UNQUOTE_FIX = "without git's quotes and escapes";

/** Returns the rewrites that take a path typed by hand to git's name for it, in order. */
function pathRewrites(staged: StagedPaths): PathRewrite[] {
  const root = staged.worktree?.replaceAll('\\', '/').replace(/\/+$/, '');
  return [
    { apply: (path) => path.trim(), fix: 'without the white space around it' },
    // `git status` and `git diff --name-only` quote names with non-ASCII or control characters.
    { apply: unquoteCString, fix: UNQUOTE_FIX },
    { apply: (path) => path.replaceAll('\\', '/'), fix: 'with / separators' },
    {
      apply: (path) => (root === undefined ? path : stripRoot(path, root)),
      fix: 'relative to the repository root instead of as an absolute path',
    },
    {
      apply: (path) => path.replace(/^(?:\.\/|\/)+/, ''),
      fix: 'from the repository root with no leading ./ or /',
    },
    { apply: (path) => path.replace(/\/{2,}/g, '/'), fix: 'with single / separators' },
    { apply: resolveDotSegments, fix: 'with no . or .. segments' },
    {
      apply: (path) => path.replace(/\/+$/, ''),
      fix: 'without the trailing / that marks a folder',
    },
    // git compares paths byte by byte, even on a file system that ignores case.
    {
      apply: (path) => matchCase(path, staged.files),
      fix: 'in the letter case of the staged path',
    },
  ];
}

/** Returns the staged path that differs from `path` only in letter case, else `path`. */
function matchCase(path: string, files: readonly FileChange[]): string {
  const lower = path.toLowerCase();
  return files.find((file) => file.path.toLowerCase() === lower)?.path ?? path;
}

/** Returns `path` relative to `root` when it is an absolute path inside `root`. */
function stripRoot(path: string, root: string): string {
  return path.startsWith(`${root}/`) ? path.slice(root.length + 1) : path;
}

/**
 * Resolves the `.` and `..` segments of a relative path. Returns the path unchanged when a
 * `..` would climb above the repository root.
 */
function resolveDotSegments(path: string): string {
  const segments: string[] = [];
  for (const segment of path.split('/')) {
    if (segment === '.') continue;
    if (segment !== '..') {
      segments.push(segment);
      continue;
    }
    if (segments.length === 0) return path;
    segments.pop();
  }
  return segments.join('/');
}

/**
 * Rewrites a hand-typed path as git names it, step by step (see pathRewrites). Returns the
 * rewritten path and the fix of each step that changed it.
 */
function rewriteTyped(path: string, staged: StagedPaths) {
  const fixes: string[] = [];
  let typed = path;
  for (const rewrite of pathRewrites(staged)) {
    const rewritten = rewrite.apply(typed);
    if (rewritten !== typed) fixes.push(rewrite.fix);
    typed = rewritten;
  }
  return { typed, fixes };
}

function describeFolder(path: string, inside: readonly FileChange[]): string {
  const listed = inside.slice(0, LISTED_FILES).map((file) => quotePath(file.path));
  const rest = inside.length - LISTED_FILES;
  const names = rest > 0 ? `${listed.join(', ')} and ${rest} more` : listed.join(', ');
  return (
    `${quotePath(path)} is a folder, and a batch takes files one by one. ` +
    `Name its staged files instead: ${names}.`
  );
}

/** Writes each character of a JSON string beyond ASCII as a `\uXXXX` escape. */
function escapeNonAscii(json: string): string {
  return json.replace(
    /[^\x20-\x7e]/g,
    (character) => `\\u${character.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
}

/**
 * Returns the fix for a path that no staged file has, naming the staged path it most likely
 * means: the new path of a rename, the same path in another Unicode normalization form, which
 * looks the same, the path as git names it (see pathRewrites), a folder's files, or the one
 * staged path a typing error or two away (see closestName). An intent-to-add path gets the
 * command that stages it. Returns null when none fits.
 */
function findLikelyFix(path: string, staged: StagedPaths): string | null {
  const { files } = staged;
  if (staged.intentToAdd.includes(path)) {
    return (
      `${quotePath(path)} is only intent-to-add (\`git add -N\`), so none of its content is ` +
      `staged. Stage it with \`git add -- ${shellPathspec(path)}\` and write the strategy ` +
      'again, or remove it from the batch.'
    );
  }

  const renamed = files.find((file) => file.oldPath === path);
  if (renamed) {
    const renames = `${quotePath(path)} is staged as a rename to ${quotePath(renamed.path)}`;
    return `${renames}; name the new path.`;
  }

  const composed = path.normalize('NFC');
  const sameText = files.find((file) => file.path.normalize('NFC') === composed);
  if (sameText) {
    return (
      'It differs from the staged path only in how its accented letters are encoded ' +
      '(Unicode NFC or NFD), so it looks the same. Replace it with the staged path, ' +
      `{ "path": ${escapeNonAscii(quoteJsonString(sameText.path))} }, whose letters beyond ` +
      'ASCII are escaped here so that a copy keeps their encoding.'
    );
  }

  const { typed, fixes } = rewriteTyped(path, staged);
  if (files.some((file) => file.path === typed)) {
    // The terminal form of an unusual name is quoted again, so the JSON form is shown instead.
    const name = fixes.includes(UNQUOTE_FIX)
      ? `{ "path": ${quoteJsonString(typed)} }`
      : quotePath(typed);
    return `Name it as git does, ${joinWords(fixes, 'and')}: ${name}.`;
  }

  const inside = files.filter((file) => file.path.startsWith(`${typed}/`));
  if (inside.length > 0) return describeFolder(typed, inside);

  const paths = files.map((file) => file.path);
  const closest = closestName(typed, paths);
  if (closest === null) return null;
  return (
    `Did you mean ${quotePath(closest)}? Set "path": ${quoteJsonString(closest)}, ` +
    'or remove it from the batch.'
  );
}

/**
 * Reports a path a batch names that is not staged, with the likely fix when there is one. The
 * `statement` is the message without the fix.
 */
export function unknownPath(
  path: string,
  batch: string,
  staged: StagedPaths,
): StrategyProblem & { statement: string } {
  const hint =
    findLikelyFix(path, staged) ??
    `Remove it from the batch, or stage it and write the strategy again.`;
  const statement = `Batch ${batch} names ${quotePath(path)}, which is not in the staged change.`;
  return { code: 'unknown-path', batch, path, message: `${statement} ${hint}`, statement };
}
