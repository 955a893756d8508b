import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';

import { openRepository } from '../../src/git/open.js';
import type { GitReader, StagedChange } from '../../src/git/types.js';
import { gitTestEnv, type TempRepo } from '../helpers/repo.js';
import { buildSituation, findSituation } from './situations.js';
import {
  gitHeadOid,
  gitStagedEntries,
  gitUnmergedPaths,
  gitWriteTree,
  installedGitRenameOptions,
  type ReadContext,
} from './staged-expect.js';

/** What a situation's own checks receive: the state, and each reader with what it read. */
export interface SituationRead {
  repo: TempRepo;
  context: ReadContext;
  reader: GitReader;
  change: StagedChange;
}

type ReaderName = 'native' | 'cli';

/**
 * Registers the tests every situation shares, for both readers: the staged entries (paths,
 * statuses, modes, object ids, rename pairs) equal `git diff --cached --raw -M` (or `-C`),
 * HEAD, the operation, unmerged and intent-to-add paths are as built, and the staged tree
 * equals `git write-tree`. `checks` adds the situation's own tests.
 */
export function describeSituation(
  name: string,
  checks: Record<string, (read: SituationRead) => Promise<void> | void> = {},
): void {
  const situation = findSituation(name);

  for (const readerName of ['native', 'cli'] as const satisfies readonly ReaderName[]) {
    describe(`${name} with the ${readerName} reader`, () => {
      let read: SituationRead;

      before(async () => {
        const { repo, context } = buildSituation(situation);
        const reader = await openRepository({
          cwd: context.cwd,
          env: { ...gitTestEnv(context.env), FOOTPRINT_READER: readerName },
          renames: installedGitRenameOptions(),
        });
        read = { repo, context, reader, change: await reader.readStagedChange() };
      });

      after(async () => {
        await read?.reader.close();
        read?.repo.cleanup();
      });

      it('reads the entries git reports', () => {
        assert.deepEqual(read.change.entries, gitStagedEntries(read.context));
      });

      it('reads HEAD', () => {
        const expected = situation.expect;
        assert.equal(read.change.head.oid, gitHeadOid(read.context));
        assert.equal(read.change.head.oid === null, expected.unborn ?? false);
        assert.equal(read.change.head.detached, expected.detached ?? false);
        assert.equal(read.change.headTree === null, expected.unborn ?? false);
      });

      it('reads the operation in progress', () => {
        assert.equal(read.change.operation, situation.expect.operation ?? null);
      });

      it('lists unmerged and intent-to-add paths', () => {
        assert.deepEqual(read.change.unmerged, gitUnmergedPaths(read.context));
        assert.deepEqual(read.change.unmerged, situation.expect.unmerged ?? []);
        assert.deepEqual(read.change.intentToAdd, situation.expect.intentToAdd ?? []);
      });

      it('computes the staged tree as git write-tree', () => {
        assert.equal(read.change.stagedTree, gitWriteTree(read.context));
      });

      it('contains the statuses the situation builds', () => {
        const statuses = new Set(read.change.entries.map((entry) => entry.status));
        for (const status of situation.expect.statuses ?? [])
          assert.ok(statuses.has(status), status);
      });

      // TODO: assert hunk ranges against `git diff --cached -U0` here once the footprint
      // stage (src/footprint/) builds hunks from these entries.

      for (const [title, check] of Object.entries(checks)) {
        it(title, () => check(read));
      }
    });
  }
}

/** Returns the entry for `path`, failing the test when the staged change has none. */
export function entryAt(change: StagedChange, path: string) {
  const entry = change.entries.find((candidate) => candidate.path === path);
  assert.ok(entry, `no staged entry for ${JSON.stringify(path)}`);
  return entry;
}
