import type { CleanupMode } from './cleanup-setting.js';
import { SCISSORS } from './message-text.js';

/** Characters git chooses from when core.commentChar is `auto`, in its order of preference. */
export const AUTO_CANDIDATES = '#;@!$%^&|:';

/**
 * Returns the string that starts a comment line in the message file. Unset, it is `#`. Under
 * `auto`, git 2.39 picks the character from the message before it writes its status block.
 * So the choice is read from that block when the file ends with one. Else it is chosen from
 * the whole file, which is then the message alone (`commit.status=false` or `--no-status`).
 */
export function resolveCommentChar(setting: string | null | undefined, text: string): string {
  if (setting === undefined || setting === null || setting === '') return '#';
  if (setting.toLowerCase() !== 'auto') return setting;

  return findStatusCommentChar(text) ?? chooseAutoCommentChar(text) ?? '#';
}

/**
 * Returns the comment character of git's status block at the end of the message file, or null
 * when the file ends with none. git writes the message, an empty line, then lines that all
 * start with the character, up to the end of the file or its scissors line. The block names
 * the character in its first lines, and the message above it starts no line with it.
 * NOTE: a message without a status block whose last lines look like one is taken for one,
 * such as a template that ends in an empty line, `# see #12` and `#`.
 */
export function findStatusCommentChar(text: string): string | null {
  for (const candidate of AUTO_CANDIDATES) {
    if (endsWithStatusBlock(text.split('\n'), candidate)) return candidate;
  }
  return null;
}

function endsWithStatusBlock(lines: readonly string[], candidate: string): boolean {
  const scissors = lines.indexOf(`${candidate} ${SCISSORS}`);
  const above = scissors === -1 ? [...lines] : lines.slice(0, scissors);
  if (above.at(-1) === '') above.pop();

  let start = above.length;
  while (start > 0 && (above[start - 1] ?? '').startsWith(candidate)) start--;
  if (start === 0 || above[start - 1] !== '') return false;

  // git's block has a line of the character alone and names it in its hint, in any language.
  const block = above.slice(start);
  const shaped = block.includes(candidate) && block.some((line) => line.includes(candidate, 1));
  if (scissors === -1 && !shaped) return false;
  return chooseAutoCommentChar(above.slice(0, start - 1).join('\n')) === candidate;
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
 * Returns the comment character that `core.commentChar=auto` gives a message, as git 2.39
 * chooses it before it writes any comment line. That is `#` when the message has no `#`, else
 * the first candidate that starts no line, where a line starts after LF or CR. Returns null
 * when every candidate starts a line, where git stops with "unable to select a comment character".
 */
export function chooseAutoCommentChar(message: string): string | null {
  if (!message.includes('#')) return '#';
  const used = new Set(message.split(/[\r\n]/).map((line) => line[0]));
  return [...AUTO_CANDIDATES].find((candidate) => !used.has(candidate)) ?? null;
}
