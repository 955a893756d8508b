import { shellQuote } from './shell-quote.js';

/** ASCII characters that may start a path in the short form `:/PATH`. */
const PLAIN_ASCII_START = /^[A-Za-z0-9.]/;

/** Characters that make git read a pathspec as a glob: `*`, `?`, `[` and the escape `\`. */
const GLOB_CHARACTER = /[*?[\\]/;

/**
 * Writes `path`, relative to the worktree's top folder, as a pathspec that matches that one
 * path from any folder of the worktree, because advice printed by a hook is pasted elsewhere.
 * A plain path gets the short `:/path`, any other the long `:(top,literal)path`.
 */
export function topPathspec(path: string): string {
  if (startsPlain(path) && !GLOB_CHARACTER.test(path)) return `:/${path}`;
  return `:(top,literal)${path}`;
}

/** Writes topPathspec(path) quoted for a POSIX shell, for a command that footprint prints. */
export function shellPathspec(path: string): string {
  return shellQuote(topPathspec(path));
}

/**
 * Reports whether git reads the first character of `path` after `:/` as part of the path. git
 * 2.39 reads a leading `!` or `^` as exclude magic and fails on `_`, `@` and most other ASCII
 * punctuation, so every path that starts with ASCII punctuation takes the long form.
 */
function startsPlain(path: string): boolean {
  const first = path.codePointAt(0) ?? 0;
  return first > 0x7f || PLAIN_ASCII_START.test(path);
}
