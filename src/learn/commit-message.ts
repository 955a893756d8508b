/** Facts footprint reads from a commit message's first line. */
export interface MessageFacts {
  /** Conventional Commits type, lower case, or null when the header does not follow it. */
  type: string | null;
  /** Conventional Commits scope, or null. */
  scope: string | null;
  /** True for fix, bug, revert and hotfix commits. */
  fix: boolean;
  /** True for a revert, by its type or git's `Revert "..."` subject. */
  revert: boolean;
  /** True when a Conventional Commits description releases: `v1.2.0`, `release 1.2.0`. */
  release: boolean;
}

/** `type(scope)!: subject`, as the Conventional Commits 1.0.0 specification writes a header. */
const CONVENTIONAL_HEADER = /^([A-Za-z]+)(?:\(([^()\r\n]*)\))?!?: \S/;

/** Types that name a fix or an undo of a change. */
const FIX_TYPES = new Set(['fix', 'bugfix', 'hotfix', 'revert']);

/** Words of a subject that mark a fix in repositories without Conventional Commits. */
const FIX_WORDS = /\b(?:fix(?:e[sd]|ing)?|bug(?:fix(?:es)?|s)?|hotfix(?:es)?|revert(?:s|ed)?)\b/i;

const GIT_REVERT_SUBJECT = /^Revert "/;

/** A description that releases: a version first, or the word release or publish. */
const RELEASE_DESCRIPTION = /^(?:v?\d+\.\d+\.\d+|(?:release|publish)\b)/i;

/** Scopes longer than this are prose, not a name the repository reuses. */
const MAX_SCOPE_LENGTH = 32;

/** Reads the type, scope and fix marks of a commit message. */
export function readMessageFacts(message: string): MessageFacts {
  const subject = message.trimStart().split('\n', 1)[0] ?? '';
  const header = CONVENTIONAL_HEADER.exec(subject);
  const type = header?.[1]?.toLowerCase() ?? null;
  const scope = normalizeScope(header?.[2]);
  const revert = type === 'revert' || GIT_REVERT_SUBJECT.test(subject);

  const fix = type === null ? FIX_WORDS.test(subject) : FIX_TYPES.has(type);
  const description = header === null ? '' : subject.slice(header[0].length - 1);
  const release = RELEASE_DESCRIPTION.test(description);
  return { type, scope, fix: fix || revert, revert, release };
}

function normalizeScope(scope: string | undefined): string | null {
  const trimmed = scope?.trim() ?? '';
  if (trimmed === '' || trimmed.length > MAX_SCOPE_LENGTH) return null;
  return trimmed;
}
