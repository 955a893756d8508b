/**
 * Ignores everything in the fossil store, this file included. git treats an ignored file as
 * one it may replace or leave behind, so `git checkout`, `merge`, `stash -u` and `clean -fd`
 * never stop at it or remove it, as they did while it was an untracked file.
 */
export const STORE_GITIGNORE_TEXT = '# footprint fossil store: git ignores this whole folder.\n*\n';

/** The text earlier versions wrote, which left the file itself untracked. */
const EARLIER_STORE_GITIGNORE_TEXT = '*\n!.gitignore\n';

/** Returns true for a `.gitignore` text that footprint wrote, in this version or an earlier one. */
export function isStoreGitignoreText(text: string | null): boolean {
  return text === STORE_GITIGNORE_TEXT || text === EARLIER_STORE_GITIGNORE_TEXT;
}

/** Returns true for the text earlier versions wrote, which init replaces. */
export function isEarlierStoreGitignoreText(text: string | null): boolean {
  return text === EARLIER_STORE_GITIGNORE_TEXT;
}
