import assert from 'node:assert/strict';
import { describe, it } from 'node:test';

import { categorize, hasGeneratedHeader } from '../../src/footprint/category.js';
import type { FileCategory } from '../../src/footprint/types.js';

const CASES: Array<[path: string, category: FileCategory]> = [
  ['src/index.ts', 'source'],
  ['lib/parser.py', 'source'],
  ['cmd/main.go', 'source'],
  ['src/styles/app.css', 'source'],
  ['src/App.svelte', 'source'],
  ['db/queries/report.sql', 'source'],
  ['src/parser.test.ts', 'test'],
  ['src/parser.spec.js', 'test'],
  ['src/__tests__/parser.ts', 'test'],
  ['test/helpers/repo.ts', 'test'],
  ['tests/test_parser.py', 'test'],
  ['app/test_models.py', 'test'],
  ['pkg/parser_test.go', 'test'],
  ['spec/models/user_spec.rb', 'test'],
  ['src/test/java/ParserTest.java', 'test'],
  ['src/__snapshots__/view.test.ts.snap', 'test'],
  ['conftest.py', 'test'],
  ['test/fixtures/data.json', 'test'],
  ['index.test-d.ts', 'test'],
  ['src/run.spec-d.ts', 'test'],
  ['test-d/stdio/option.ts', 'test'],
  ['index.d.ts', 'source'],
  ['README.md', 'docs'],
  ['docs/guide/setup.md', 'docs'],
  ['docs/conf.py', 'docs'],
  ['CHANGELOG', 'docs'],
  ['LICENSE', 'docs'],
  ['License.txt', 'docs'],
  ['packages/core/README.md', 'docs'],
  ['notes.txt', 'docs'],
  ['docs/constraints.md', 'docs'],
  ['runtime.txt', 'docs'],
  ['test/README.md', 'docs'],
  ['apps/docs/app/page.tsx', 'source'],
  ['packages/docs/src/index.ts', 'source'],
  ['apps/docs/content/intro.mdx', 'docs'],
  ['packages/vite/docs/api.ts', 'docs'],
  ['.github/workflows/ci.yml', 'ci'],
  ['.gitlab-ci.yml', 'ci'],
  ['.circleci/config.yml', 'ci'],
  ['azure-pipelines.yml', 'ci'],
  ['Jenkinsfile', 'ci'],
  ['.eslintrc.json', 'config'],
  ['.eslintrc', 'config'],
  ['eslint.config.js', 'config'],
  ['tsconfig.json', 'config'],
  ['tsconfig.build.json', 'config'],
  ['.prettierrc', 'config'],
  ['jest.config.ts', 'config'],
  ['.editorconfig', 'config'],
  ['.gitignore', 'config'],
  ['.gitattributes', 'config'],
  ['.env.example', 'config'],
  ['.husky/pre-commit', 'config'],
  ['.vscode/settings.json', 'config'],
  ['.github/dependabot.yml', 'config'],
  ['config/database.yml', 'config'],
  ['config/default.js', 'config'],
  ['src/config/defaults.json', 'config'],
  ['src/config/index.ts', 'source'],
  ['packages/core/src/config/validate.ts', 'source'],
  ['setup.cfg', 'dependency-manifest'],
  ['app.json', 'config'],
  ['Makefile', 'build'],
  ['Dockerfile', 'build'],
  ['Dockerfile.dev', 'build'],
  ['docker-compose.yml', 'build'],
  ['CMakeLists.txt', 'build'],
  ['webpack.config.js', 'build'],
  ['vite.config.ts', 'build'],
  ['rollup.config.mjs', 'build'],
  ['scripts/build.js', 'build'],
  ['build.rs', 'build'],
  ['package.json', 'dependency-manifest'],
  ['packages/web/package.json', 'dependency-manifest'],
  ['pyproject.toml', 'dependency-manifest'],
  ['requirements-dev.txt', 'dependency-manifest'],
  ['requirements.txt', 'dependency-manifest'],
  ['requirements/base.txt', 'dependency-manifest'],
  ['requirements/dev.in', 'dependency-manifest'],
  ['dev-requirements.txt', 'dependency-manifest'],
  ['test_requirements.txt', 'dependency-manifest'],
  ['constraints.txt', 'dependency-manifest'],
  ['constraints-py312.txt', 'dependency-manifest'],
  ['constraints/base.txt', 'dependency-manifest'],
  ['services/api/constraints.in', 'dependency-manifest'],
  ['environment.yaml', 'dependency-manifest'],
  ['pixi.toml', 'dependency-manifest'],
  ['conanfile.txt', 'dependency-manifest'],
  ['Cargo.toml', 'dependency-manifest'],
  ['go.mod', 'dependency-manifest'],
  ['Gemfile', 'dependency-manifest'],
  ['pom.xml', 'dependency-manifest'],
  ['build.gradle', 'dependency-manifest'],
  ['composer.json', 'dependency-manifest'],
  ['package-lock.json', 'lockfile'],
  ['yarn.lock', 'lockfile'],
  ['pnpm-lock.yaml', 'lockfile'],
  ['Cargo.lock', 'lockfile'],
  ['go.sum', 'lockfile'],
  ['poetry.lock', 'lockfile'],
  ['Gemfile.lock', 'lockfile'],
  ['composer.lock', 'lockfile'],
  ['bun.lockb', 'lockfile'],
  ['requirements.lock', 'lockfile'],
  ['infra/.terraform.lock.hcl', 'lockfile'],
  ['requirements-dev.lock', 'lockfile'],
  ['pylock.toml', 'lockfile'],
  ['pylock.dev.toml', 'lockfile'],
  ['conda-lock.yml', 'lockfile'],
  ['pixi.lock', 'lockfile'],
  ['conan.lock', 'lockfile'],
  ['dist/index.js', 'generated'],
  ['packages/ui/dist/ui.css', 'generated'],
  ['build/output.js', 'generated'],
  ['public/vendor.min.js', 'generated'],
  ['lib/index.js.map', 'generated'],
  ['src/schema.generated.ts', 'generated'],
  ['api/service.pb.go', 'generated'],
  ['logo.png', 'asset'],
  ['public/fonts/inter.woff2', 'asset'],
  ['static/intro.mp4', 'asset'],
  ['icons/check.svg', 'asset'],
  ['migrations/0001_initial.py', 'migration'],
  ['db/migrate/20240101_create_users.rb', 'migration'],
  ['prisma/migrations/20240101/migration.sql', 'migration'],
  ['alembic/versions/abc123_add_table.py', 'migration'],
  ['data/countries.csv', 'other'],
  ['bin/run', 'other'],
];

describe('categorize', () => {
  for (const [filePath, category] of CASES) {
    it(`${filePath} is ${category}`, () => {
      assert.equal(categorize(filePath), category);
    });
  }

  it('linguist-generated set wins over the path', () => {
    assert.equal(categorize('src/api.ts', { linguistGenerated: true }), 'generated');
  });

  it('linguist-generated unset overrides generated paths', () => {
    assert.equal(categorize('dist/index.js', { linguistGenerated: false }), 'source');
  });

  it('lockfile stays lockfile when generated', () => {
    assert.equal(categorize('yarn.lock', { linguistGenerated: true }), 'lockfile');
  });

  it('generated header', () => {
    const text = '// Code generated by protoc-gen-go. DO NOT EDIT.\npackage api\n';
    assert.equal(categorize('api/types.go', { textStart: text }), 'generated');
  });

  it('generated header ignored past the first lines', () => {
    const text = 'a\nb\nc\nd\ne\n// @generated\n';
    assert.equal(categorize('src/a.ts', { textStart: text }), 'source');
  });
});

describe('hasGeneratedHeader', () => {
  const headers: Array<[text: string, expected: boolean]> = [
    ['/* @generated */\n', true],
    ['# This file is automatically generated by tool\n', true],
    ['// <auto-generated />\n', true],
    ['// Autogenerated by Thrift\n', true],
    ['// Code generated by sqlc. DO NOT EDIT.\n', true],
    ['import x from "y";\n', false],
    ['// generator for ids\n', false],
    ['# FILE GENERATED by make\n', true],
    ['// Do Not Edit this file\n', true],
    ['// regenerated by hand\n', false],
  ];
  for (const [text, expected] of headers) {
    it(JSON.stringify(text.trim()), () => {
      assert.equal(hasGeneratedHeader(text), expected);
    });
  }
});
