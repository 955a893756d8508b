/** Ignores everything in the fossil store but this file, so fossils never get committed. */
export const STORE_GITIGNORE_TEXT = '*\n!.gitignore\n';
