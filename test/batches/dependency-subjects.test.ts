import assert from 'node:assert/strict';
import { afterEach, describe, test } from 'node:test';
import { createTempRepo, type TempRepo } from '../helpers/repo.js';
import { analyzeChange, lines, pathsOf } from './staged-analysis.js';

let repo: TempRepo | undefined;
afterEach(() => repo?.cleanup());

function goMod(...requires: string[]): string {
  return lines('module example.com/app', '', 'go 1.22', '', 'require (', ...requires, ')');
}

function cargoToml(...dependencies: string[]): string {
  return lines('[package]', 'name = "app"', 'version = "0.1.0"', '', ...dependencies);
}

function poetryToml(...dependencies: string[]): string {
  return lines('[tool.poetry]', 'name = "app"', '', '[tool.poetry.dependencies]', ...dependencies);
}

const PROJECT_HEADER = ['[project]', 'name = "app"', 'version = "0.1.0"'];

const cases: Array<{
  name: string;
  before: Record<string, string>;
  after: Record<string, string>;
  message: string;
  paths: string[];
}> = [
  {
    name: 'pinned requirement bump',
    before: { 'requirements.txt': lines('requests==2.31.0', 'flask>=2.0') },
    after: { 'requirements.txt': lines('requests==2.32.3', 'flask>=2.0') },
    message: 'chore(deps): bump requests to 2.32.3',
    paths: ['requirements.txt'],
  },
  {
    name: 'bump with a new script',
    before: {
      'package.json': lines(
        '{',
        '  "scripts": { "test": "node --test" },',
        '',
        '',
        '',
        '  "dependencies": { "chalk": "^5.3.0" }',
        '}',
      ),
    },
    after: {
      'package.json': lines(
        '{',
        '  "scripts": { "test": "node --test", "lint": "eslint ." },',
        '',
        '',
        '',
        '  "dependencies": { "chalk": "^5.4.1" }',
        '}',
      ),
    },
    message: 'chore(deps): bump chalk to ^5.4.1 and add lint script',
    paths: ['package.json'],
  },
  {
    name: 'added dependency with changed scripts',
    before: {
      'package.json': lines(
        '{',
        '  "scripts": { "test": "node --test", "fmt": "prettier -w ." },',
        '  "devDependencies": {}',
        '}',
      ),
    },
    after: {
      'package.json': lines(
        '{',
        '  "scripts": { "test": "vitest run", "fmt": "prettier -c ." },',
        '  "devDependencies": { "vitest": "^3.2.4" }',
        '}',
      ),
    },
    message: 'chore(deps): add vitest and update fmt and test scripts',
    paths: ['package.json'],
  },
  {
    name: 'bump with added and edited scripts',
    before: {
      'package.json': lines(
        '{',
        '  "scripts": { "build": "tsc" },',
        '  "dependencies": { "pad": "1.0.0" }',
        '}',
      ),
    },
    after: {
      'package.json': lines(
        '{',
        '  "scripts": { "build": "tsc -b", "lint": "eslint ." },',
        '  "dependencies": { "pad": "1.3.0" }',
        '}',
      ),
    },
    message: 'chore(deps): bump pad to 1.3.0, add lint script and update build script',
    paths: ['package.json'],
  },
  {
    name: 'dependency updates with updated scripts',
    before: {
      'package.json': lines(
        '{',
        '  "scripts": { "build": "tsc", "test": "node --test", "lint": "eslint ." },',
        '  "dependencies": { "a-lib": "1.0.0" }',
        '}',
      ),
    },
    after: {
      'package.json': lines(
        '{',
        '  "scripts": { "build": "tsc -b", "test": "vitest", "lint": "eslint --cache ." },',
        '  "dependencies": { "b-lib": "2.0.0" }',
        '}',
      ),
    },
    message: 'chore(deps): update 2 dependencies and 3 scripts',
    paths: ['package.json'],
  },
  {
    name: 'package range widened',
    before: { 'package.json': lines('{', '  "dependencies": { "picocolors": "1.1.0" }', '}') },
    after: { 'package.json': lines('{', '  "dependencies": { "picocolors": "^1.1.0" }', '}') },
    message: 'chore(deps): update picocolors to ^1.1.0',
    paths: ['package.json'],
  },
  {
    name: 'pinned requirement downgrade',
    before: { 'requirements.txt': lines('requests==2.32.3', 'flask>=2.0') },
    after: { 'requirements.txt': lines('requests==2.31.0', 'flask>=2.0') },
    message: 'chore(deps): downgrade requests to 2.31.0',
    paths: ['requirements.txt'],
  },
  {
    name: 'package range downgrade',
    before: { 'package.json': lines('{', '  "dependencies": { "picocolors": "^1.1.1" }', '}') },
    after: { 'package.json': lines('{', '  "dependencies": { "picocolors": "^1.1.0" }', '}') },
    message: 'chore(deps): downgrade picocolors to ^1.1.0',
    paths: ['package.json'],
  },
  {
    name: 'one bump and one downgrade',
    before: { 'requirements.txt': lines('requests==2.31.0', 'flask==3.0.0') },
    after: { 'requirements.txt': lines('requests==2.32.3', 'flask==2.3.3') },
    message: 'chore(deps): update flask and requests',
    paths: ['requirements.txt'],
  },
  {
    name: 'hashed requirement bump',
    before: {
      'requirements.txt': lines('requests==2.31.0 \\', '    --hash=sha256:aaaa'),
    },
    after: {
      'requirements.txt': lines('requests==2.32.3 \\', '    --hash=sha256:bbbb'),
    },
    message: 'chore(deps): bump requests to 2.32.3',
    paths: ['requirements.txt'],
  },
  {
    name: 'requirement added with comment',
    before: { 'requirements-dev.txt': lines('-r requirements.txt', 'black==24.1.0') },
    after: {
      'requirements-dev.txt': lines('-r requirements.txt', 'black==24.1.0', 'pytest>=8.0  # tests'),
    },
    message: 'chore(deps): add pytest',
    paths: ['requirements-dev.txt'],
  },
  {
    name: 'pip constraint bump',
    before: { 'constraints.txt': lines('urllib3==2.1.0', 'idna==3.6') },
    after: { 'constraints.txt': lines('urllib3==2.2.1', 'idna==3.6') },
    message: 'chore(deps): bump urllib3 to 2.2.1',
    paths: ['constraints.txt'],
  },
  {
    name: 'conan reference bump',
    before: {
      'conanfile.txt': lines('[requires]', 'zlib/1.2.13', '', '[generators]', 'CMakeDeps'),
    },
    after: { 'conanfile.txt': lines('[requires]', 'zlib/1.3.1', '', '[generators]', 'CMakeDeps') },
    message: 'chore(deps): update conanfile.txt',
    paths: ['conanfile.txt'],
  },
  {
    name: 'requirement removed',
    before: { 'requirements.txt': lines('requests==2.31.0', 'six==1.16.0') },
    after: { 'requirements.txt': lines('requests==2.31.0') },
    message: 'chore(deps): remove six',
    paths: ['requirements.txt'],
  },
  {
    name: 'go module bump with go.sum',
    before: {
      'go.mod': goMod('\tgithub.com/pkg/errors v0.9.0', '\tgolang.org/x/text v0.14.0 // indirect'),
      'go.sum': lines('github.com/pkg/errors v0.9.0 h1:aaa='),
    },
    after: {
      'go.mod': goMod('\tgithub.com/pkg/errors v0.9.1', '\tgolang.org/x/text v0.14.0 // indirect'),
      'go.sum': lines('github.com/pkg/errors v0.9.1 h1:bbb='),
    },
    message: 'chore(deps): bump github.com/pkg/errors to v0.9.1',
    paths: ['go.mod', 'go.sum'],
  },
  {
    name: 'long go module path shortened',
    before: {
      'go.mod': goMod('\tgithub.com/example-organization/telemetry-exporter-for-queues/v2 v2.3.0'),
      'go.sum': lines('a'),
    },
    after: {
      'go.mod': goMod('\tgithub.com/example-organization/telemetry-exporter-for-queues/v2 v2.4.1'),
      'go.sum': lines('b'),
    },
    message: 'chore(deps): bump telemetry-exporter-for-queues to v2.4.1',
    paths: ['go.mod', 'go.sum'],
  },
  {
    name: 'crate added with Cargo.lock',
    before: {
      'Cargo.toml': cargoToml(
        '[dependencies]',
        'serde = { version = "1.0", features = ["derive"] }',
      ),
      'Cargo.lock': lines('[[package]]', 'name = "serde"', 'version = "1.0.190"'),
    },
    after: {
      'Cargo.toml': cargoToml(
        '[dependencies]',
        'serde = { version = "1.0", features = ["derive"] }',
        'anyhow = "1.0"',
      ),
      'Cargo.lock': lines(
        '[[package]]',
        'name = "serde"',
        'version = "1.0.190"',
        '',
        '[[package]]',
        'name = "anyhow"',
        'version = "1.0.86"',
      ),
    },
    message: 'chore(deps): add anyhow',
    paths: ['Cargo.lock', 'Cargo.toml'],
  },
  {
    name: 'crate table version bump',
    before: { 'Cargo.toml': cargoToml('[dependencies.tokio]', 'version = "1.36"') },
    after: { 'Cargo.toml': cargoToml('[dependencies.tokio]', 'version = "1.37"') },
    message: 'chore(deps): bump tokio to 1.37',
    paths: ['Cargo.toml'],
  },
  {
    name: 'project dependency array bump',
    before: {
      'pyproject.toml': lines(
        ...PROJECT_HEADER,
        'dependencies = [',
        '    "httpx>=0.26",',
        '    "uvicorn[standard]>=0.27",',
        ']',
      ),
    },
    after: {
      'pyproject.toml': lines(
        ...PROJECT_HEADER,
        'dependencies = [',
        '    "httpx>=0.27",',
        '    "uvicorn[standard]>=0.27",',
        ']',
      ),
    },
    message: 'chore(deps): bump httpx to >=0.27',
    paths: ['pyproject.toml'],
  },
  {
    name: 'one-line dependency array',
    before: { 'pyproject.toml': lines(...PROJECT_HEADER, 'dependencies = ["attrs", "click>=8"]') },
    after: { 'pyproject.toml': lines(...PROJECT_HEADER, 'dependencies = ["click>=8"]') },
    message: 'chore(deps): remove attrs',
    paths: ['pyproject.toml'],
  },
  {
    name: 'poetry changes with poetry.lock',
    before: {
      'pyproject.toml': poetryToml('python = "^3.11"', 'requests = "^2.31"', 'rich = "^13.0"'),
      'poetry.lock': lines('[[package]]', 'name = "requests"', 'version = "2.31.0"'),
    },
    after: {
      'pyproject.toml': poetryToml('python = "^3.12"', 'requests = "^2.32"'),
      'poetry.lock': lines('[[package]]', 'name = "requests"', 'version = "2.32.0"'),
    },
    message: 'chore(deps): update 2 dependencies',
    paths: ['poetry.lock', 'pyproject.toml'],
  },
];

describe('dependency subjects outside npm', () => {
  for (const { name, before, after, message, paths } of cases) {
    test(name, () => {
      repo = createTempRepo();
      const batches = analyzeChange(repo, before, after);

      assert.equal(batches.length, 1);
      assert.deepEqual(pathsOf(batches[0]), paths);
      assert.equal(batches[0]?.message, message);
    });
  }
});
