import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, test } from 'node:test';

import { createDefaultConfig } from '../../src/config/defaults.js';
import { buildCommitRunFossil, type CommitRunRecord } from '../../src/fossils/build-commit-run.js';
import { openFossilStore } from '../../src/fossils/store.js';
import { isFossilOfKind } from '../../src/fossils/types.js';
import { validateFossil } from '../../src/schemas-runtime/validate-fossil.js';

const folders: string[] = [];
afterEach(() => {
  for (const folder of folders.splice(0)) rmSync(folder, { recursive: true, force: true });
});

const START = '1'.repeat(40);
const COMMITS = ['2'.repeat(40), '3'.repeat(40)];

function record(overrides: Partial<CommitRunRecord> = {}): CommitRunRecord {
  return {
    head: { oid: START, ref: 'refs/heads/main', detached: false },
    ref: 'refs/heads/main',
    stagedTree: '4'.repeat(40),
    strategy: {
      source: 'file',
      file: '/repo/plan.json',
      createdAt: '2026-01-01T00:00:00.000Z',
      mode: 'balanced',
    },
    commits: COMMITS.map((oid, index) => ({
      oid,
      tree: '5'.repeat(40),
      batch: `b${index + 1}`,
      message: `feat: batch ${index + 1}\n`,
    })),
    signing: null,
    commitMsgHook: 'ran',
    ...overrides,
  };
}

test('commit-run fossil round trip', async () => {
  const worktree = mkdtempSync(path.join(tmpdir(), 'footprint-fossil-'));
  folders.push(worktree);
  const store = openFossilStore(worktree, createDefaultConfig());

  await store.write('commit-run', buildCommitRunFossil(record()));
  const { fossils, warnings } = await store.list({ kind: 'commit-run' });

  assert.deepEqual(warnings, []);
  const stored = fossils[0]?.fossil;
  assert.ok(stored);
  assert.ok(isFossilOfKind(stored, 'commit-run'));
  assert.equal(stored.payload.startHead, START);
  assert.equal(stored.payload.finalHead, COMMITS[1]);
  assert.deepEqual(stored.repository, { head: START, branch: 'main', stagedTree: '4'.repeat(40) });
  assert.deepEqual(
    stored.payload.commits.map((commit) => commit.batch),
    ['b1', 'b2'],
  );
});

test('commit-run fossil of a detached run', () => {
  const draft = buildCommitRunFossil(
    record({ head: { oid: START, ref: null, detached: true }, ref: 'HEAD', signing: 'ssh' }),
  );
  assert.equal(draft.repository.branch, null);
  assert.equal(draft.payload.ref, 'HEAD');
  assert.equal(draft.payload.signing, 'ssh');
});

test('commit-run schema rejects a tag ref', () => {
  const draft = buildCommitRunFossil(record({ ref: 'refs/tags/v1' }));
  const fossil = {
    schemaVersion: 1,
    kind: 'commit-run',
    id: '20260101T000000.000Z-commit-run-0a1b2c3d',
    createdAt: '2026-01-01T00:00:00.000Z',
    tool: { name: 'footprint', version: '0.1.0' },
    ...draft,
  };
  assert.deepEqual(validateFossil('commit-run', fossil), [
    '/payload/ref: must match pattern "^(HEAD|refs/heads/.+)$"',
  ]);
});

test('commit-run fossil needs commits', () => {
  assert.throws(() => buildCommitRunFossil(record({ commits: [] })), /without commits/);
});
