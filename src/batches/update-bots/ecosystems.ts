import { findEcosystemOfManifest } from '../../risk/dependencies/ecosystems.js';
import { baseNameOf } from '../paths.js';
import type { BotEcosystem } from './types.js';

/** A package ecosystem and the manifests and lockfiles that belong to it. */
interface PackageEcosystem extends BotEcosystem {
  /** File names of its manifests and lockfiles. */
  names: readonly string[];
  /** Patterns for the file names that vary, such as `requirements-dev.txt`. */
  namePatterns?: readonly RegExp[];
}

/**
 * Returns the file names of the manifest `manifest` and of its lockfiles, as the dependency
 * rules list them, so both read one table.
 */
function filesOf(manifest: string): string[] {
  const ecosystem = findEcosystemOfManifest(manifest);
  return ecosystem === undefined ? [manifest] : [manifest, ...ecosystem.lockfiles];
}

/**
 * Package ecosystems by Dependabot's `package-ecosystem` values and Renovate's manager names,
 * as their documentation lists them. Dependabot has no CocoaPods ecosystem.
 */
const PACKAGE_ECOSYSTEMS: readonly PackageEcosystem[] = [
  { names: filesOf('package.json'), dependabot: ['npm', 'bun'], renovate: ['npm', 'bun'] },
  {
    names: [...filesOf('pyproject.toml'), ...filesOf('Pipfile')],
    namePatterns: [/^([^/]*[-_.])?(requirements|constraints)[^/]*\.(txt|in)$/],
    dependabot: ['pip', 'uv'],
    renovate: ['pip_requirements', 'pipenv', 'poetry', 'pep621'],
  },
  { names: filesOf('Cargo.toml'), dependabot: ['cargo'], renovate: ['cargo'] },
  { names: filesOf('go.mod'), dependabot: ['gomod'], renovate: ['gomod'] },
  { names: filesOf('composer.json'), dependabot: ['composer'], renovate: ['composer'] },
  {
    names: filesOf('Gemfile'),
    namePatterns: [/\.gemspec$/],
    dependabot: ['bundler'],
    renovate: ['bundler'],
  },
  { names: filesOf('mix.exs'), dependabot: ['mix'], renovate: ['mix'] },
  { names: filesOf('pubspec.yaml'), dependabot: ['pub'], renovate: ['pub'] },
  { names: filesOf('Package.swift'), dependabot: ['swift'], renovate: ['swift'] },
  { names: filesOf('Podfile'), dependabot: [], renovate: ['cocoapods'] },
  { names: ['pom.xml'], dependabot: ['maven'], renovate: ['maven'] },
  {
    names: ['build.gradle', 'build.gradle.kts', 'gradle.lockfile'],
    dependabot: ['gradle'],
    renovate: ['gradle'],
  },
  {
    names: ['packages.config', 'Directory.Packages.props', 'packages.lock.json'],
    namePatterns: [/\.(cs|fs|vb)proj$/],
    dependabot: ['nuget'],
    renovate: ['nuget'],
  },
];

/** The ecosystem of the actions that workflows use. */
export const GITHUB_ACTIONS: BotEcosystem = {
  dependabot: ['github-actions'],
  renovate: ['github-actions'],
};

/** Returns the ecosystem of a manifest or lockfile by its file name, or null for another file. */
export function ecosystemOfFile(path: string): BotEcosystem | null {
  const name = baseNameOf(path);
  const found = PACKAGE_ECOSYSTEMS.find(
    (ecosystem) =>
      ecosystem.names.includes(name) ||
      (ecosystem.namePatterns ?? []).some((pattern) => pattern.test(name)),
  );
  return found ?? null;
}
