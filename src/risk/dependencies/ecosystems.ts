/** How a dependency manifest and its lockfiles relate in one package ecosystem. */
export interface Ecosystem {
  /** File name of the manifest, or the glob that manifestPattern matches, such as `*.tf`. */
  manifest: string;
  /** File names of the manifests of an ecosystem whose manifests have no one name. */
  manifestPattern?: RegExp;
  /** File names of the lockfiles the ecosystem's tools write next to it. */
  lockfiles: readonly string[];
  /**
   * True when a workspace keeps one lockfile at its root for manifests in subfolders (npm,
   * yarn, pnpm and Cargo workspaces), so the lockfile may sit in any folder above.
   */
  workspaces: boolean;
  /** How to tell which changed lines touch dependencies. */
  syntax: 'json' | 'toml' | 'go-mod' | 'yaml' | 'hcl' | 'line';
  /** JSON keys that hold dependencies (`json`), or a pattern for dependency lines (`line`). */
  keys?: readonly string[];
  linePattern?: RegExp;
}

export const ECOSYSTEMS: readonly Ecosystem[] = [
  {
    manifest: 'package.json',
    lockfiles: [
      'package-lock.json',
      'npm-shrinkwrap.json',
      'yarn.lock',
      'pnpm-lock.yaml',
      'bun.lock',
      'bun.lockb',
    ],
    workspaces: true,
    syntax: 'json',
    keys: [
      'dependencies',
      'devDependencies',
      'optionalDependencies',
      'peerDependencies',
      'bundleDependencies',
      'bundledDependencies',
      'overrides',
      'resolutions',
      'workspaces',
    ],
  },
  {
    manifest: 'composer.json',
    lockfiles: ['composer.lock'],
    workspaces: false,
    syntax: 'json',
    keys: ['require', 'require-dev', 'replace', 'provide', 'conflict'],
  },
  { manifest: 'Cargo.toml', lockfiles: ['Cargo.lock'], workspaces: true, syntax: 'toml' },
  {
    manifest: 'pyproject.toml',
    lockfiles: ['poetry.lock', 'uv.lock', 'pdm.lock'],
    workspaces: false,
    syntax: 'toml',
  },
  { manifest: 'Pipfile', lockfiles: ['Pipfile.lock'], workspaces: false, syntax: 'toml' },
  { manifest: 'go.mod', lockfiles: ['go.sum'], workspaces: false, syntax: 'go-mod' },
  { manifest: 'pubspec.yaml', lockfiles: ['pubspec.lock'], workspaces: false, syntax: 'yaml' },
  {
    manifest: 'Gemfile',
    lockfiles: ['Gemfile.lock'],
    workspaces: false,
    syntax: 'line',
    linePattern: /^\s*(?:gem|gemspec|source|git_source|path|platforms?|group)\b/,
  },
  {
    manifest: 'mix.exs',
    lockfiles: ['mix.lock'],
    workspaces: false,
    syntax: 'line',
    linePattern: /\{:\w+,/,
  },
  {
    manifest: 'Package.swift',
    lockfiles: ['Package.resolved'],
    workspaces: false,
    syntax: 'line',
    linePattern: /\.package\s*\(/,
  },
  {
    manifest: 'Podfile',
    lockfiles: ['Podfile.lock'],
    workspaces: false,
    syntax: 'line',
    linePattern: /^\s*pod\s/,
  },
  {
    // Terraform reads every `.tf` file of a module's folder as one configuration, and
    // `terraform init` records the providers that `required_providers` lists in
    // `.terraform.lock.hcl` beside them. Only a root module has one.
    manifest: '*.tf',
    manifestPattern: /\.tf$/,
    lockfiles: ['.terraform.lock.hcl'],
    workspaces: false,
    syntax: 'hcl',
  },
];

/** Returns true when a file named `name` is a manifest of `ecosystem`. */
export function isManifestOf(ecosystem: Ecosystem, name: string): boolean {
  return ecosystem.manifestPattern?.test(name) ?? ecosystem.manifest === name;
}

export function findEcosystemOfManifest(name: string): Ecosystem | undefined {
  return ECOSYSTEMS.find((ecosystem) => isManifestOf(ecosystem, name));
}

export function findEcosystemsOfLockfile(name: string): Ecosystem[] {
  return ECOSYSTEMS.filter((ecosystem) => ecosystem.lockfiles.includes(name));
}
