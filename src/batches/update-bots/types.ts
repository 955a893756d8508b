import type { CommitType } from '../types.js';

/** The commit type and scope that an update bot's configuration gives a dependency update. */
export interface UpdateConvention {
  type: CommitType;
  /** The scope, or null for a header without one. */
  scope: string | null;
}

/** The names that update bots give the package ecosystem of some manifests and lockfiles. */
export interface BotEcosystem {
  /** Dependabot's `package-ecosystem` values. */
  dependabot: readonly string[];
  /** Renovate's manager names, as `matchManagers` lists them. */
  renovate: readonly string[];
}

/** One updated manifest or lockfile of a batch, or its workflows for a bump of actions. */
export interface DependencyUpdate {
  ecosystem: BotEcosystem;
  /** Folder of the manifest or lockfile, '' at the root, or null for workflows. */
  folder: string | null;
  /** The package.json sections whose dependencies the batch changes; empty when unknown. */
  dependencyTypes: readonly string[];
}

/** An update bot's configuration, read from a file in HEAD's tree. */
export interface UpdateBotConfig {
  bot: 'Dependabot' | 'Renovate';
  /** The file, such as `.github/dependabot.yml`, or `package.json` for its `renovate` key. */
  file: string;
  /** Returns the convention for `update`, or null when the configuration states none. */
  conventionFor(update: DependencyUpdate): UpdateConvention | null;
}
