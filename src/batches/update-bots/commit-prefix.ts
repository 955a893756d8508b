import { COMMIT_TYPES, type CommitType } from '../types.js';
import type { UpdateConvention } from './types.js';

/**
 * A type with an optional scope, then a colon and spaces, or nothing. Dependabot adds a colon
 * after a prefix that ends with a letter, digit or bracket, but none after one that ends with
 * a space, so `build ` writes no Conventional Commits header.
 */
const PREFIX = /^([A-Za-z]+)(?:\(([^()]*)\))?(?::\s*)?$/;

/** Scope text footprint writes: a letter or digit, then letters, digits, `_`, `.`, `-` or `/`. */
const SCOPE_TEXT = /^[A-Za-z0-9][\w./-]*$/;

/** Returns the Conventional Commits type that `text` names, in any case, or null. */
export function readCommitType(text: string): CommitType | null {
  const type = text.toLowerCase();
  return COMMIT_TYPES.find((known) => known === type) ?? null;
}

export function isScopeText(text: string): boolean {
  return SCOPE_TEXT.test(text);
}

/**
 * Reads a commit message prefix such as `build`, `chore(deps)` or `fix(deps):` as a type and
 * scope. Returns null for a prefix that writes no Conventional Commits header.
 */
export function parseCommitPrefix(prefix: string): UpdateConvention | null {
  const match = PREFIX.exec(prefix);
  const type = match?.[1] === undefined ? null : readCommitType(match[1]);
  if (type === null) return null;

  const scope = match?.[2];
  if (scope === undefined) return { type, scope: null };
  return isScopeText(scope) ? { type, scope } : null;
}
