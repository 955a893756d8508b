import { UserError } from '../errors.js';
import { readGitConfig } from '../git/config.js';
import { discoverRepository } from '../git/discover.js';
import { findGlobalAttributesFile } from '../git/global-attributes.js';
import { findSystemAttributesFile } from '../git/system-attributes.js';
import { ObjectStore } from '../git/objects/store.js';
import { renameOptionsFromConfig, type RenameOptions } from '../git/renames.js';
import { TreeDiffReader, type TreePair, type TreeReaderSettings } from '../git/tree-diff.js';
import type { RepositoryLayout } from '../git/types.js';
import { buildFootprint } from './build.js';
import type { FootprintWithContent } from './types.js';

/** The trees to compare and the limit on the blobs that get diffed. */
export interface TreeFootprintRequest extends TreePair {
  /** Blobs larger than this many bytes on either side are not diffed (opaque `too-large`). */
  maxDiffBytes: number;
}

export interface TreeRepositoryOptions {
  /** Folder inside the repository, as for `git -C`. */
  cwd: string;
  /** Environment for repository discovery and user-wide git configuration. */
  env: NodeJS.ProcessEnv;
  /** Replaces rename settings read from git's configuration (`diff.renames`, `diff.renameLimit`). */
  renames?: Partial<RenameOptions>;
}

export interface FootprintFromTreesOptions
  extends TreeFootprintRequest, Omit<TreeRepositoryOptions, 'env'> {
  /** Default: process.env. */
  env?: NodeJS.ProcessEnv;
}

/**
 * Builds the footprint of the change from `baseTree` to `targetTree` as if the target tree
 * were staged on top of the base. It reads only the two trees and the blobs they differ in:
 * no index, no working tree, no commit or ref, so it cannot see any history.
 */
export async function buildFootprintFromTrees(
  options: FootprintFromTreesOptions,
): Promise<FootprintWithContent> {
  const repository = await TreeRepository.open({
    cwd: options.cwd,
    env: options.env ?? process.env,
    ...(options.renames === undefined ? {} : { renames: options.renames }),
  });
  try {
    return await repository.buildFootprint(options);
  } finally {
    repository.close();
  }
}

/**
 * A repository opened for footprints of tree pairs. One object store serves every footprint,
 * so pack indexes and delta bases are read once for many changes.
 */
export class TreeRepository {
  private constructor(
    readonly layout: RepositoryLayout,
    readonly objects: ObjectStore,
    private readonly settings: TreeReaderSettings,
  ) {}

  /** Finds the repository from `cwd` and reads its rename and attribute settings. */
  static async open(options: TreeRepositoryOptions): Promise<TreeRepository> {
    const layout = await discoverRepository(options);
    const repositoryConfig = await readGitConfig(layout);
    if (repositoryConfig.get('extensions.objectFormat')?.toLowerCase() === 'sha256') {
      throw new UserError(
        `${layout.gitDir} uses SHA-256 object ids, which the tree reader cannot read. Use a SHA-1 repository.`,
      );
    }

    // Settings such as diff.renames often live in the user's files, where `git diff` reads them.
    const config = await readGitConfig(layout, {
      scopes: ['system', 'global', 'local', 'worktree', 'command'],
      env: options.env,
    });
    const objects = await ObjectStore.open(layout);
    return new TreeRepository(layout, objects, {
      renames: { ...renameOptionsFromConfig(config), ...options.renames },
      globalAttributesPath: findGlobalAttributesFile(
        config,
        options.env,
        layout.worktree ?? layout.gitDir,
      ),
      systemAttributesPath: findSystemAttributesFile(options.env),
      ignoreCase: config.getBool('core.ignoreCase') ?? false,
    });
  }

  /** Rename detection as the repository's configuration sets it. */
  get renames(): RenameOptions {
    return this.settings.renames;
  }

  /** Builds the footprint of one tree pair; see buildFootprintFromTrees. */
  async buildFootprint(request: TreeFootprintRequest): Promise<FootprintWithContent> {
    const reader = new TreeDiffReader(this.layout, this.objects, request, this.settings);
    const change = await reader.readStagedChange();
    return buildFootprint(reader, change, { maxDiffBytes: request.maxDiffBytes });
  }

  close(): void {
    this.objects.close();
  }
}
