import { readGitConfig, type GitConfig } from '../git/config.js';
import { ObjectStore } from '../git/objects/store.js';
import { parseTree } from '../git/objects/tree.js';
import { openRepository } from '../git/open.js';
import type { GitReader, RepositoryLayout } from '../git/types.js';
import type { ObjectAccess } from './batch-trees.js';

/** The repository a commit run or undo works on, opened once. */
export interface CommitSession {
  reader: GitReader;
  layout: RepositoryLayout;
  /** Configuration from every scope, as `git commit` reads it. */
  config: GitConfig;
  objects: ObjectAccess;
  close(): Promise<void>;
}

/**
 * Opens the repository for a commit run: the staged-change reader, the configuration of every
 * scope, and object reads. Trees come from the object store, blobs through the reader, which
 * may be the git command line.
 */
export async function openCommitSession(options: {
  cwd: string;
  env: NodeJS.ProcessEnv;
}): Promise<CommitSession> {
  const reader = await openRepository({ cwd: options.cwd, env: options.env });
  try {
    const layout = reader.layout;
    const config = await readGitConfig(layout, {
      scopes: ['system', 'global', 'local', 'worktree', 'command'],
      env: options.env,
    });
    const store = await ObjectStore.open(layout);
    return {
      reader,
      layout,
      config,
      objects: objectAccess(store, reader),
      async close() {
        store.close();
        await reader.close();
      },
    };
  } catch (error) {
    await reader.close();
    throw error;
  }
}

function objectAccess(store: ObjectStore, reader: GitReader): ObjectAccess {
  return {
    async readTree(oid) {
      const object = await store.read(oid);
      if (object.type !== 'tree') throw new Error(`Object ${oid} is a ${object.type}, not a tree.`);
      return parseTree(object.content);
    },
    readBlob: (oid) => reader.readBlob(oid),
    has: (oid) => store.has(oid),
  };
}
