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
 * Package ecosystems by Dependabot's `package-ecosystem` values and Renovate's manager names,
 * as their documentation lists them. Dependabot has no CocoaPods ecosystem.
 */
const PACKAGE_ECOSYSTEMS: readonly PackageEcosystem[] = [
  {
    names: [
      'package.json',
      'package-lock.json',
      'npm-shrinkwrap.json',
      'yarn.lock',
      'pnpm-lock.yaml',
      'bun.lock',
      'bun.lockb',
    ],
    dependabot: ['npm', 'bun'],
    renovate: ['npm', 'bun'],
  },
  {
    names: ['pyproject.toml', 'Pipfile', 'Pipfile.lock', 'poetry.lock', 'pdm.lock', 'uv.lock'],
    namePatterns: [/^([^/]*[-_.])?(requirements|constraints)[^/]*\.(txt|in)$/],
    dependabot: ['pip', 'uv'],
    renovate: ['pip_requirements', 'pipenv', 'poetry', 'pep621'],
  },
  { names: ['Cargo.toml', 'Cargo.lock'], dependabot: ['cargo'], renovate: ['cargo'] },
  { names: ['go.mod', 'go.sum'], dependabot: ['gomod'], renovate: ['gomod'] },
  { names: ['composer.json', 'composer.lock'], dependabot: ['composer'], renovate: ['composer'] },
  {
    names: ['Gemfile', 'Gemfile.lock'],
    namePatterns: [/\.gemspec$/],
    dependabot: ['bundler'],
    renovate: ['bundler'],
  },
  { names: ['mix.exs', 'mix.lock'], dependabot: ['mix'], renovate: ['mix'] },
  { names: ['pubspec.yaml', 'pubspec.lock'], dependabot: ['pub'], renovate: ['pub'] },
  { names: ['Package.swift', 'Package.resolved'], dependabot: ['swift'], renovate: ['swift'] },
  { names: ['Podfile', 'Podfile.lock'], dependabot: [], renovate: ['cocoapods'] },
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
