import type { FileCategory } from './types.js';

/**
 * One row of the category table. A rule matches a path when any of its tests match; the
 * first matching rule of CATEGORY_RULES decides.
 */
export interface CategoryRule {
  category: FileCategory;
  /** Exact file names. */
  names?: readonly string[];
  /** Patterns tested against the file name. */
  namePatterns?: readonly RegExp[];
  /** Folder names: the rule matches when any folder of the path has one of them. */
  folders?: readonly string[];
  /** Patterns tested against the whole path. */
  pathPatterns?: readonly RegExp[];
  /** Lower-case file extensions, without the dot. */
  extensions?: readonly string[];
}

const LOCKFILES: CategoryRule = {
  category: 'lockfile',
  names: [
    'package-lock.json',
    'npm-shrinkwrap.json',
    'yarn.lock',
    'pnpm-lock.yaml',
    'bun.lock',
    'bun.lockb',
    'deno.lock',
    'Cargo.lock',
    'go.sum',
    'go.work.sum',
    'poetry.lock',
    'Pipfile.lock',
    'uv.lock',
    'pdm.lock',
    'Gemfile.lock',
    'composer.lock',
    'mix.lock',
    'pubspec.lock',
    'Podfile.lock',
    'Package.resolved',
    'flake.lock',
    'gradle.lockfile',
    'packages.lock.json',
    'conan.lock',
    'pixi.lock',
    // `terraform init` writes it beside a root module's `.tf` files.
    '.terraform.lock.hcl',
  ],
  namePatterns: [
    // rye writes `requirements.lock` and `requirements-dev.lock`. PEP 751 names a lock file
    // `pylock.toml` or `pylock.NAME.toml`, and conda-lock writes `conda-lock.yml`.
    /^requirements[^/]*\.lock$/,
    /^pylock(\.[^/]+)?\.toml$/,
    /^conda-lock\.ya?ml$/,
  ],
};

const CI: CategoryRule = {
  category: 'ci',
  names: [
    '.gitlab-ci.yml',
    'azure-pipelines.yml',
    'azure-pipelines.yaml',
    '.travis.yml',
    'Jenkinsfile',
    'appveyor.yml',
    '.appveyor.yml',
    'bitbucket-pipelines.yml',
    '.drone.yml',
    'cloudbuild.yaml',
    'cloudbuild.yml',
  ],
  pathPatterns: [/^\.github\/workflows\//, /^\.circleci\//, /^\.buildkite\//, /^\.gitlab\/ci\//],
};

const MIGRATIONS: CategoryRule = {
  category: 'migration',
  folders: ['migrations'],
  pathPatterns: [/(^|\/)db\/migrate\//, /(^|\/)alembic\/versions\//],
};

const GENERATED_PATHS: CategoryRule = {
  category: 'generated',
  // NOTE: a `build/` folder is taken as build output; projects that keep build scripts in
  // `build/` see them as generated.
  folders: ['dist', 'build', 'generated', '__generated__'],
  namePatterns: [
    /\.min\.(js|mjs|css)$/,
    /\.(js|mjs|cjs|css)\.map$/,
    /\.generated\./,
    /_generated\.go$/,
    /\.pb\.(go|cc|h)$/,
    /_pb2(_grpc)?\.pyi?$/,
    /\.g\.dart$/,
    /\.freezed\.dart$/,
    /\.designer\.cs$/i,
  ],
};

const TEST_FILES: CategoryRule = {
  category: 'test',
  names: ['conftest.py'],
  namePatterns: [
    /\.(test|spec)\.[^/]+$/,
    // Type tests. tsd reads `*.test-d.ts` files (tsd 0.31 readme), and Vitest's default
    // `typecheck.include` is `**/*.{test,spec}-d.?(c|m)[jt]s?(x)`.
    /\.(test|spec)-d\.[^/]+$/,
    /_test\.go$/,
    /^test_[^/]*\.py$/,
    /_test\.py$/,
    /_(spec|test)\.rb$/,
    /(Test|Tests|IT)\.(java|kt|scala)$/,
    /Tests?\.cs$/,
    /\.snap$/,
  ],
};

const DEPENDENCY_MANIFESTS: CategoryRule = {
  category: 'dependency-manifest',
  names: [
    'package.json',
    'pyproject.toml',
    'Pipfile',
    'setup.py',
    'setup.cfg',
    'environment.yml',
    'environment.yaml',
    'pixi.toml',
    'conanfile.txt',
    'Cargo.toml',
    'go.mod',
    'go.work',
    'Gemfile',
    'pom.xml',
    'build.gradle',
    'build.gradle.kts',
    'composer.json',
    'mix.exs',
    'pubspec.yaml',
    'Package.swift',
    'Podfile',
    'vcpkg.json',
    'packages.config',
    'Directory.Packages.props',
  ],
  namePatterns: [
    // pip requirements and constraints files: `requirements-dev.txt`, `dev-requirements.txt`,
    // `constraints.txt`, and the `.in` inputs of pip-tools.
    /^([^/]*[-_.])?(requirements|constraints)[^/]*\.(txt|in)$/,
    /\.gemspec$/,
    /\.(cs|fs|vb)proj$/,
    /\.cabal$/,
  ],
  pathPatterns: [/(^|\/)(requirements|constraints)\/[^/]+\.(txt|in)$/],
};

const BUILD: CategoryRule = {
  category: 'build',
  names: [
    'Makefile',
    'GNUmakefile',
    'makefile',
    'Dockerfile',
    'Containerfile',
    'docker-compose.yml',
    'docker-compose.yaml',
    'compose.yml',
    'compose.yaml',
    'CMakeLists.txt',
    'Justfile',
    'justfile',
    'Rakefile',
    'Taskfile.yml',
    'Taskfile.yaml',
    'build.rs',
    'BUILD',
    'BUILD.bazel',
    'WORKSPACE',
    'WORKSPACE.bazel',
    'MODULE.bazel',
    'meson.build',
    'Earthfile',
  ],
  namePatterns: [
    /^Dockerfile\./,
    /\.dockerfile$/i,
    /\.(mk|cmake|bzl)$/,
    /^(webpack|rollup|vite|vitest\.workspace|esbuild|tsup|rspack|rolldown|parcel)(\.[a-z]+)*\.[cm]?[jt]s$/,
    /^(gulpfile|Gruntfile)\.[cm]?[jt]s$/,
    /^turbo\.json$/,
  ],
  pathPatterns: [/(^|\/)scripts\/build[^/]*$/],
};

const DOCS: CategoryRule = {
  category: 'docs',
  namePatterns: [
    /^(README|CHANGELOG|CHANGES|HISTORY|LICENSE|LICENCE|COPYING|NOTICE|AUTHORS|CONTRIBUTORS|CONTRIBUTING|CODE_OF_CONDUCT|SECURITY|SUPPORT|MAINTAINERS)(\.[^/]*)?$/i,
  ],
  folders: ['docs', 'doc', 'documentation'],
  extensions: ['md', 'mdx', 'markdown', 'rst', 'adoc', 'asciidoc', 'txt', 'rdoc'],
};

const TEST_FOLDERS: CategoryRule = {
  category: 'test',
  folders: [
    'test',
    'tests',
    '__tests__',
    '__mocks__',
    '__snapshots__',
    'spec',
    'e2e',
    'testdata',
    // The folder tsd reads type tests from by default (tsd 0.31 readme).
    'test-d',
  ],
};

/**
 * A path in a folder named `config`, unless it is a JavaScript or TypeScript module of a config
 * folder below `src`, `lib` or `app`: `src/config/index.ts` is code that reads settings.
 */
const CONFIG_FOLDER =
  /^(?!(?:[^/]+\/)*(?:src|lib|app)\/(?:[^/]+\/)*config\/(?:[^/]+\/)*[^/]+\.[cm]?[jt]sx?$)(?:[^/]+\/)*config\//;

const CONFIG: CategoryRule = {
  category: 'config',
  names: [
    'CODEOWNERS',
    'renovate.json',
    'lefthook.yml',
    'jsconfig.json',
    'deno.json',
    'nodemon.json',
    'vercel.json',
    'netlify.toml',
    'firebase.json',
    'mypy.ini',
    'pytest.ini',
    'tox.ini',
    'rustfmt.toml',
    'clippy.toml',
    'Directory.Build.props',
  ],
  namePatterns: [
    // Dotfiles: .editorconfig, .gitignore, .gitattributes, .npmrc, .eslintrc.json, .env, ...
    /^\./,
    /^tsconfig[^/]*\.json$/,
    /\.config\.([cm]?[jt]s|json|ya?ml|toml)$/,
    /^babel\.config\./,
  ],
  // Dot folders (.husky, .vscode, .devcontainer, the rest of .github) hold tool settings too,
  // and so do config folders, except for the scripts of one below a source folder.
  pathPatterns: [/(^|\/)\.[^/]+\//, CONFIG_FOLDER],
  extensions: ['ini', 'cfg', 'conf', 'properties'],
};

const ASSETS: CategoryRule = {
  category: 'asset',
  extensions: [
    'png',
    'jpg',
    'jpeg',
    'gif',
    'bmp',
    'ico',
    'icns',
    'webp',
    'avif',
    'tif',
    'tiff',
    'svg',
    'psd',
    'woff',
    'woff2',
    'ttf',
    'otf',
    'eot',
    'mp3',
    'wav',
    'ogg',
    'flac',
    'aac',
    'm4a',
    'mp4',
    'webm',
    'mov',
    'avi',
    'mkv',
    'pdf',
  ],
};

/**
 * The category table, most specific first: a lockfile is never a dependency manifest, a
 * workflow under `.github/` is ci rather than config, and `CMakeLists.txt` is build, not docs.
 */
export const CATEGORY_RULES: readonly CategoryRule[] = [
  LOCKFILES,
  CI,
  MIGRATIONS,
  GENERATED_PATHS,
  TEST_FILES,
  DEPENDENCY_MANIFESTS,
  BUILD,
  DOCS,
  TEST_FOLDERS,
  CONFIG,
  ASSETS,
];

/** Languages that hold data rather than code: such files are config at the root, else other. */
export const DATA_LANGUAGES: ReadonlySet<string> = new Set([
  'json',
  'yaml',
  'toml',
  'xml',
  'csv',
  'ini',
]);
