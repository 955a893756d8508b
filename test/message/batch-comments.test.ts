import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Batch } from '../../src/batches/types.js';
import { describeBatches } from '../../src/message/batch-comments.js';

/** Makes a batch with an id, a message and whole-file changes of `paths`. */
function batch(id: string, message: string, paths: string[]): Batch {
  return { id, message, changes: paths.map((path) => ({ path })) } as unknown as Batch;
}

const batches = [
  batch('b1', 'feat: add a', ['src/a.js']),
  batch('b2', 'docs: edit', ['README.md']),
];

test('comments name footprint commit', () => {
  const lines = describeBatches(batches);

  assert.equal(lines.at(-1), 'the commit and run `footprint commit` to make one commit per batch.');
});

test('comments start the command as given', () => {
  const lines = describeBatches(batches, 'npx footprint --cwd app');

  assert.equal(
    lines.at(-1),
    'the commit and run `npx footprint --cwd app commit` to make one commit per batch.',
  );
});
