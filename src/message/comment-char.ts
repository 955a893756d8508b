import type { CleanupMode } from './cleanup-setting.js';

/** Characters git chooses from when core.commentChar is `auto`, in its order of preference. */
export const AUTO_CANDIDATES = '#;@!$%^&|:';

/**
 * Returns the string that starts a comment line in the message file. Unset, it is `#`. Under
 * `auto`, git picks a character no message line starts with and writes its own comment lines
 * (the status block at the end of the file) with it, so the last such line shows which one.
 */
export function resolveCommentChar(setting: string | null | undefined, text: string): string {
  if (setting === undefined || setting === null || setting === '') return '#';
  if (setting.toLowerCase() !== 'auto') return setting;

  const lines = text.split('\n');
  for (let index = lines.length - 1; index >= 0; index--) {
    const line = lines[index] ?? '';
    const first = line[0];
    if (first !== undefined && AUTO_CANDIDATES.includes(first) && /^.(?: |$)/.test(line)) {
      return first;
    }
  }
  return '#';
}

/**
 * Returns true when git removes comment lines from an edited message under this
 * `commit.cleanup` mode (see readCleanupMode). `default` and `strip` remove them.
 * `whitespace`, `verbatim` and `scissors` keep them.
 */
export function cleanupStripsComments(mode: CleanupMode): boolean {
  return mode === 'default' || mode === 'strip';
}

/**
 * Returns the comment character that `core.commentChar=auto` gives a message git did not
 * write comments into, such as one from `git commit -F`: `#` when the message has no `#`,
 * else the first candidate that starts no line. Returns null when every candidate starts a
 * line, where git 2.39 stops with "unable to select a comment character".
 */
export function chooseAutoCommentChar(message: string): string | null {
  if (!message.includes('#')) return '#';
  const used = new Set(message.split(/[\r\n]/).map((line) => line[0]));
  return [...AUTO_CANDIDATES].find((candidate) => !used.has(candidate)) ?? null;
}
