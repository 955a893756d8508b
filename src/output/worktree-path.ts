import path from 'node:path';

/**
 * Returns `file` relative to the worktree root, with `/` between folders, when it lies inside
 * it, else unchanged. Every `--json` document names fossil paths this way, so a path reads the
 * same from any subfolder and `footprint fossils show` accepts it there.
 */
export function relativeToWorktree(file: string, worktree: string): string {
  const relative = path.relative(worktree, file);
  if (relative === '' || relative.startsWith('..') || path.isAbsolute(relative)) return file;
  return relative.split(path.sep).join('/');
}
