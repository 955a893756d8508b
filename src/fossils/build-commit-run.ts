import type { HeadState } from '../git/types.js';
import { maskNameSecrets } from '../risk/secrets/name-secrets.js';
import { describeRepositoryState } from './repository-state.js';
import type { CommitRunFossilPayload, FossilDraft } from './types.js';

/** The facts of a commit run once its commits exist and before its ref moves. */
export interface CommitRunRecord {
  /** HEAD when the run started. */
  head: HeadState;
  ref: string;
  stagedTree: string;
  strategy: CommitRunFossilPayload['strategy'];
  commits: ReadonlyArray<CommitRunFossilPayload['commits'][number]>;
  signing: CommitRunFossilPayload['signing'];
  commitMsgHook: CommitRunFossilPayload['commitMsgHook'];
}

/**
 * Builds the commit-run fossil: the ref, where it started and ended, and each commit with its
 * batch and message. Fields are copied by name, so nothing else of the run gets in. The
 * envelope's repository state is the one the run started from.
 */
export function buildCommitRunFossil(record: CommitRunRecord): FossilDraft<'commit-run'> {
  const last = record.commits.at(-1);
  if (last === undefined) throw new Error('A commit run without commits has no fossil.');

  return {
    repository: describeRepositoryState(record.head, record.stagedTree),
    payload: {
      // A token in the branch name is masked; undo matches it against HEAD's ref masked alike.
      ref: maskNameSecrets(record.ref),
      startHead: record.head.oid,
      finalHead: last.oid,
      stagedTree: record.stagedTree,
      strategy: {
        source: record.strategy.source,
        file: record.strategy.file,
        createdAt: record.strategy.createdAt,
        mode: record.strategy.mode,
      },
      commits: record.commits.map((commit) => ({
        oid: commit.oid,
        tree: commit.tree,
        batch: commit.batch,
        message: commit.message,
      })),
      signing: record.signing,
      commitMsgHook: record.commitMsgHook,
    },
  };
}
