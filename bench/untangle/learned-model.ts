import type { CoChangeModel } from '../../src/batches/co-change.js';
import { discoverRepository } from '../../src/git/discover.js';
import type { RepositoryLayout } from '../../src/git/types.js';
import { toCoChangeModel } from '../../src/learn/co-change-adapter.js';
import { readMessageFacts } from '../../src/learn/commit-message.js';
import { createModel } from '../../src/learn/create-model.js';
import { CO_CHANGE_MAX_FILES, DEFAULT_MAX_COMMITS } from '../../src/learn/learn.js';
import { listCommits } from '../../src/learn/list-commits.js';
import { listTreePaths } from '../../src/learn/list-tree-paths.js';
import type { LoggedCommit } from '../../src/learn/log-parser.js';
import { addCommit, createModelCounts } from '../../src/learn/model-counts.js';
import { buildDigest } from '../../src/learn/model-digest.js';
import type { ModelPayload } from '../../src/learn/model-payload.js';
import { walkCommits } from '../../src/learn/walk-history.js';

/**
 * Learns, for each composite, the model that `footprint learn` would have learned on the
 * composite's base: the same commits (at most DEFAULT_MAX_COMMITS non-merge commits reachable
 * from the base, none after it), counted by the same functions. Commits are read once and
 * kept, since composites of one history share most of theirs.
 *
 * NOTE: by default commits are read with paths only, as `footprint learn` reads a partial
 * clone. The co-change strengths and scopes that batch analysis reads depend on paths and
 * messages only. The size histograms and the types of code commits need the diffs, so they
 * stay empty unless `withLines` reads the diffs, as `footprint learn` reads a full clone.
 */
export class LearnedModels {
  private readonly commits = new Map<string, LoggedCommit>();

  private constructor(
    private readonly layout: RepositoryLayout,
    private readonly withLines: boolean,
  ) {}

  static async open(repo: string, env: NodeJS.ProcessEnv, withLines = false) {
    return new LearnedModels(await discoverRepository({ cwd: repo, env }), withLines);
  }

  /** Returns the model learned from the history up to and including `base`. */
  async modelAt(base: string): Promise<CoChangeModel> {
    const range = { head: base, exclude: null, maxCount: DEFAULT_MAX_COMMITS, since: null };
    const oids = await listCommits(this.layout, range);
    const unread = oids.filter((oid) => !this.commits.has(oid));
    if (unread.length > 0) {
      await walkCommits(this.layout, {
        oids: unread,
        withLines: this.withLines,
        onCommit: (commit) => this.commits.set(commit.oid, commit),
      });
    }

    const counts = createModelCounts();
    for (const oid of oids) {
      const commit = this.commits.get(oid);
      if (!commit) throw new Error(`Commit ${oid} of the history before ${base} was not read.`);
      addCommit(counts, commit, readMessageFacts(commit.message), CO_CHANGE_MAX_FILES);
    }
    const payload: ModelPayload = {
      head: base,
      options: {
        maxCommits: DEFAULT_MAX_COMMITS,
        since: null,
        coChangeMaxFiles: CO_CHANGE_MAX_FILES,
      },
      commits: counts.commits,
      coChangeCommits: counts.coChangeCommits,
      fixCommits: counts.fixCommits,
      pathsOnlyCommits: counts.pathsOnlyCommits,
      span: null,
      digest: buildDigest(counts, await listTreePaths(this.layout, base)),
      counts: '',
    };
    return toCoChangeModel(createModel(payload));
  }
}
