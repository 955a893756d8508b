/** Sample `--json` documents of `footprint commit` and `footprint undo`, for the schema tests. */

const START = '1'.repeat(40);
const FIRST = '2'.repeat(40);
const LAST = '3'.repeat(40);

export function sampleCommitDocument(): Record<string, unknown> {
  return {
    schemaVersion: 1,
    command: 'commit',
    result: 'committed',
    ref: 'refs/heads/main',
    startHead: START,
    finalHead: LAST,
    stagedTree: 'b'.repeat(40),
    strategy: {
      source: 'planned',
      file: null,
      createdAt: '2026-01-01T00:00:00.000Z',
      mode: 'balanced',
    },
    commits: [
      {
        batch: 'b1',
        oid: FIRST,
        tree: 'a'.repeat(40),
        message: 'feat(cart): count items\n',
        changes: [
          {
            path: 'src/cart.js',
            hunks: [{ oldStart: 1, oldLines: 1, newStart: 1, newLines: 2 }],
            totalHunks: 2,
          },
        ],
      },
      {
        batch: 'b2',
        oid: LAST,
        tree: 'b'.repeat(40),
        message: 'docs: move the guide\n',
        changes: [
          {
            path: 'src/cart.js',
            hunks: [{ oldStart: 9, oldLines: 0, newStart: 10, newLines: 1 }],
            totalHunks: 2,
          },
          { path: 'docs/guide.md', oldPath: 'guide.md', totalHunks: 0 },
        ],
      },
    ],
    signing: null,
    commitMsgHook: 'absent',
    fossil: 'fossils/20260101T000000.000Z-commit-run-0a1b2c3d.json',
  };
}

export function sampleUndoDocument(): Record<string, unknown> {
  return {
    schemaVersion: 1,
    command: 'undo',
    ref: 'refs/heads/main',
    from: LAST,
    to: START,
    commits: 2,
    fossilId: '20260101T000000.000Z-commit-run-0a1b2c3d',
  };
}
