import { addSignatureHeader, serializeCommit } from '../git/commit-object.js';
import { splitIdentity, type CommitIdentities } from '../git/identity.js';
import type { PendingObject } from '../git/object-writer.js';
import { hashObject } from '../git/objects/tree.js';
import { signPayload, type SigningSettings } from '../git/signing.js';
import type { WrittenCommit } from './types.js';

export interface CommitChainInput {
  /** The first commit's parent, or null for a root commit on an unborn branch. */
  parent: string | null;
  /** Tree and final message of each commit, in order. */
  commits: ReadonlyArray<{ batch: string; tree: string; message: string }>;
  identities: CommitIdentities;
  /** Signing settings when `commit.gpgSign` is true, else null. */
  signing: SigningSettings | null;
  env: NodeJS.ProcessEnv;
}

export interface CommitChain {
  commits: WrittenCommit[];
  /** The commit objects to store, in order. */
  objects: PendingObject[];
}

/**
 * Builds the chain of commit objects in memory, each the parent of the next, signing each one
 * when signing is on. Nothing is written, so a signing failure leaves no trace.
 */
export async function buildCommitChain(input: CommitChainInput): Promise<CommitChain> {
  const chain: CommitChain = { commits: [], objects: [] };
  let parent = input.parent;
  for (const commit of input.commits) {
    let content = serializeCommit({
      tree: commit.tree,
      parents: parent === null ? [] : [parent],
      author: input.identities.author,
      committer: input.identities.committer,
      message: commit.message,
    });
    if (input.signing !== null) {
      const committer = splitIdentity(input.identities.committer).person;
      const context = { committer, env: input.env };
      content = addSignatureHeader(content, await signPayload(input.signing, content, context));
    }

    const oid = hashObject('commit', content);
    chain.objects.push({ type: 'commit', content, oid });
    chain.commits.push({ oid, batch: commit.batch, tree: commit.tree, message: commit.message });
    parent = oid;
  }
  return chain;
}
