import type { FileChange, FileContent, FootprintWithContent } from '../../src/footprint/types.js';

/**
 * Builds the footprint of added files without diffing, for inputs too large for the test
 * footprint builder: each file is one hunk whose lines are all added.
 */
export function addedFiles(
  files: ReadonlyArray<{ path: string; text: string; change?: Partial<FileChange> }>,
): FootprintWithContent {
  const changes: FileChange[] = [];
  const content = new Map<string, FileContent>();
  for (const { path, text, change } of files) {
    const added = text.endsWith('\n') ? text.slice(0, -1).split('\n') : text.split('\n');
    changes.push({
      path,
      status: 'added',
      oldMode: null,
      newMode: '100644',
      oldOid: null,
      newOid: '4'.repeat(40),
      size: Buffer.byteLength(text),
      oldSize: null,
      binary: false,
      lfs: false,
      symlink: false,
      category: 'source',
      language: 'javascript',
      additions: added.length,
      deletions: 0,
      hunks: [{ oldStart: 0, oldLines: 0, newStart: 1, newLines: added.length }],
      ...change,
    });
    content.set(path, { oldText: null, newText: text, hunks: [{ removed: [], added }] });
  }
  const additions = changes.reduce((sum, file) => sum + file.additions, 0);
  return {
    footprint: {
      head: { oid: '1'.repeat(40), ref: 'refs/heads/main', detached: false },
      headTree: '3'.repeat(40),
      stagedTree: '2'.repeat(40),
      operation: null,
      files: changes,
      unmerged: [],
      intentToAdd: [],
      totals: { files: changes.length, additions, deletions: 0, hunks: changes.length },
    },
    content,
  };
}
