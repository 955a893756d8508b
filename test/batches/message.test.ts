import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { analyzeBatches } from '../../src/batches/analyze.js';
import { MAX_HEADER_LENGTH, writeMessage } from '../../src/batches/message.js';
import type { Mode } from '../../src/batches/types.js';
import { lines, makeFootprint, type FileSpec } from '../helpers/footprint-builder.js';

/**
 * Returns the message of the only batch of a change; fails when the change splits. Changes of
 * several files are read as if a merge were in progress, so that they make one batch whatever
 * relates them: these tests check messages, not grouping.
 */
function messageOf(specs: FileSpec[], mode: Mode = 'balanced'): string {
  const options = specs.length > 1 ? { operation: 'merge' as const } : {};
  const { batches } = analyzeBatches(makeFootprint(specs, options), { mode });
  assert.equal(batches.length, 1, `expected one batch, got ${batches.length}`);
  return batches[0]?.message ?? '';
}

const cases: Array<{ name: string; specs: FileSpec[]; message: string }> = [
  {
    name: 'new source file',
    specs: [{ path: 'src/parser/tokenizer.ts', new: lines('export const a = 1;') }],
    message: 'feat(parser): add tokenizer',
  },
  {
    name: 'new file among edited modules',
    specs: [
      { path: 'src/dbg.js', new: lines('export function g() {', '  return 0;', '}') },
      ...[1, 2, 3, 4, 5].map((n) => ({
        path: `src/m${n}.js`,
        old: lines(`export function f${n}(x) {`, `  return x + ${n};`, '}'),
        new: lines(
          `export function f${n}(x) {`,
          `  return x * ${n};`,
          '}',
          `export const k${n} = ${n};`,
        ),
      })),
    ],
    message: 'feat: add dbg and extend 5 files',
  },
  {
    name: 'new file with two edits',
    specs: [
      { path: 'src/a.js', new: lines('export const a = 1;') },
      { path: 'src/b.js', old: lines('const b = 1;'), new: lines('const b = 2;') },
      { path: 'src/c.js', old: lines('const c = 1;'), new: lines('const c = 2;') },
    ],
    message: 'feat: add a and update b and c',
  },
  {
    name: 'new file with one edit',
    specs: [
      { path: 'src/a.js', new: lines('export const a = 1;') },
      { path: 'src/b.js', old: lines('const b = 1;'), new: lines('const b = 2;') },
    ],
    message: 'feat: add a',
  },
  {
    name: 'new index file named by folder',
    specs: [{ path: 'src/parser/index.ts', new: lines('export {};') }],
    message: 'feat(parser): add parser',
  },
  {
    name: 'new export in modified source',
    specs: [
      {
        path: 'src/parser/tokenizer.ts',
        old: lines('export const a = 1;'),
        new: lines('export const a = 1;', 'export function readTemplate() {}'),
      },
    ],
    message: 'feat(parser): add readTemplate to tokenizer',
  },
  {
    name: 'changed source lines',
    specs: [
      {
        path: 'src/parser/tokenizer.ts',
        old: lines('export const limit = 1;', 'if (a > limit) stop();'),
        new: lines('export const limit = 1;', 'if (a >= limit) stop();'),
      },
    ],
    message: 'fix(parser): update tokenizer',
  },
  {
    name: 'edit inside one function',
    specs: [
      {
        path: 'src/parser/tokenizer.ts',
        old: lines(
          'function tokenize(text) {',
          '  const parts = text.split(" ");',
          '  return parts;',
          '}',
        ),
        new: lines(
          'function tokenize(text) {',
          '  const parts = text.split(/ +/);',
          '  return parts;',
          '}',
        ),
      },
    ],
    message: 'fix(parser): update tokenize in tokenizer',
  },
  {
    name: 'top-level edit beside functions',
    specs: [
      {
        path: 'src/parser/tokenizer.ts',
        old: lines('const limit = 1;', 'function stop() {}'),
        new: lines('const limit = 2;', 'const floor = 0;', 'function stop() {}'),
      },
    ],
    message: 'fix(parser): update tokenizer',
  },
  {
    name: 'edited function named as file',
    specs: [
      {
        path: 'src/parser/Tokenizer.ts',
        old: lines('class Tokenizer {', '  limit = 1;', '}'),
        new: lines('class Tokenizer {', '  limit = 2;', '}'),
      },
    ],
    message: 'fix(parser): update Tokenizer',
  },
  {
    name: 'three edited functions',
    specs: [
      {
        path: 'src/parser/tokenizer.ts',
        old: lines(
          'function alpha() {',
          '  return 1;',
          '}',
          '',
          'function beta() {',
          '  return 2;',
          '}',
          '',
          'function gamma() {',
          '  return 3;',
          '}',
        ),
        new: lines(
          'function alpha() {',
          '  return 10;',
          '}',
          '',
          'function beta() {',
          '  return 20;',
          '}',
          '',
          'function gamma() {',
          '  return 30;',
          '}',
        ),
      },
    ],
    message: 'fix(parser): update tokenizer',
  },
  {
    name: 'lines reordered inside one function',
    specs: [
      {
        path: 'src/parser/tokenizer.ts',
        old: lines('function tokenize(text) {', '  const head = 1;', '  const tail = 2;', '}'),
        new: lines('function tokenize(text) {', '  const tail = 2;', '  const head = 1;', '}'),
      },
    ],
    message: 'refactor(parser): restructure tokenize in tokenizer',
  },
  {
    name: 'whole docs file, one section',
    specs: [
      {
        path: 'docs/guide.md',
        old: lines('# Guide', '', '## Install', '', 'Run it.'),
        new: lines('# Guide', '', '## Install', '', 'Run it twice.'),
      },
    ],
    message: 'docs: update Install in guide',
  },
  {
    name: 'whole docs file, long section title',
    specs: [
      {
        path: 'docs/guide.md',
        old: lines('# Guide', '', '## Installing from a private registry behind a proxy', 'Run.'),
        new: lines('# Guide', '', '## Installing from a private registry behind a proxy', 'Go.'),
      },
    ],
    message: 'docs: update guide',
  },
  {
    name: 'changed export signature',
    specs: [
      {
        path: 'src/run.ts',
        old: lines('export function run(a) {'),
        new: lines('export function run(a, b) {'),
      },
    ],
    message: 'fix: update run',
  },
  {
    name: 'moved lines',
    specs: [
      {
        path: 'src/util/strings.ts',
        old: lines('const a = 1;', 'const b = 2;', 'const c = 3;'),
        new: lines('const c = 3;', 'const a = 1;', 'const b = 2;'),
      },
    ],
    message: 'refactor(util): restructure strings',
  },
  {
    name: 'pure rename',
    specs: [
      { path: 'src/lexer.ts', oldPath: 'src/tokenizer.ts', old: lines('a'), new: lines('a') },
    ],
    message: 'refactor: rename tokenizer to lexer',
  },
  {
    name: 'pure move',
    specs: [
      {
        path: 'src/parsing/tokenizer.ts',
        oldPath: 'src/tokenizer.ts',
        old: lines('a'),
        new: lines('a'),
      },
    ],
    message: 'refactor(parsing): move tokenizer to src/parsing',
  },
  {
    name: 'deleted source',
    specs: [{ path: 'src/legacy.ts', old: lines('a'), new: null }],
    message: 'refactor: remove legacy',
  },
  {
    name: 'deleted source and its imports',
    specs: [
      { path: 'src/legacy.ts', old: lines('export const old = 1;'), new: null },
      {
        path: 'src/main.ts',
        old: lines(
          "import { old } from './legacy';",
          'export const a = old;',
          'export const b = 2;',
        ),
        new: lines('export const b = 2;'),
      },
    ],
    message: 'refactor: remove legacy',
  },
  {
    name: 'deleted source and an added line',
    specs: [
      { path: 'src/legacy.ts', old: lines('export const old = 1;'), new: null },
      {
        path: 'src/main.ts',
        old: lines("import { old } from './legacy';", 'export const a = old;'),
        new: lines('export const a = 1;'),
      },
    ],
    message: 'fix: update legacy and main',
  },
  {
    name: 'declaration file',
    specs: [
      {
        path: 'types/arguments/options.d.ts',
        old: lines('export type Options = {', '  verbose: boolean;', '};'),
        new: lines('export type Options = {', '  verbose: boolean | string;', '};'),
      },
      {
        path: 'types/index.d.mts',
        old: lines("export * from './a.js';"),
        new: lines("export * from './b.js';"),
      },
    ],
    message: 'fix(types): update options and types',
  },
  {
    name: 'type tests in folders',
    specs: [
      {
        path: 'test-d/arguments/encoding-option.test-d.ts',
        category: 'test',
        old: lines("expectType<string>(await execa('x'));"),
        new: lines("expectType<string>(await execa('y'));"),
      },
      {
        path: 'test-d/stdio/duplex.test-d.ts',
        category: 'test',
        old: lines("expectType<string>(await execa('x'));"),
        new: lines("expectType<string>(await execa('y'));"),
      },
    ],
    message: 'test: update tests for encoding-option and duplex',
  },
  {
    name: 'new tests only',
    specs: [{ path: 'test/parser/tokenizer.test.ts', new: lines('test();') }],
    message: 'test(parser): add tests for tokenizer',
  },
  {
    name: 'changed test helper',
    specs: [{ path: 'test/helpers/repo.ts', old: lines('a'), new: lines('b') }],
    message: 'test(helpers): update repo',
  },
  {
    name: 'docs in two folders',
    specs: [
      { path: 'README.md', old: lines('a'), new: lines('b') },
      { path: 'docs/guide.md', old: lines('a'), new: lines('b') },
    ],
    message: 'docs: update README and guide',
  },
  {
    name: 'CI workflows',
    specs: [
      { path: '.github/workflows/ci.yml', old: lines('a'), new: lines('b') },
      { path: '.github/workflows/release.yml', new: lines('b') },
    ],
    message: 'ci: update ci.yml and release.yml',
  },
  {
    name: 'added dependency',
    specs: [
      {
        path: 'package.json',
        old: '{"dependencies":{}}',
        new: '{"dependencies":{"ajv":"8.20.0"}}',
      },
      { path: 'package-lock.json', old: lines('a'), new: lines('b') },
    ],
    message: 'chore(deps): add ajv',
  },
  {
    name: 'removed dev dependency',
    specs: [
      { path: 'package.json', old: '{"devDependencies":{"tap":"1.0.0"}}', new: '{}' },
      { path: 'package-lock.json', old: lines('a'), new: lines('b') },
    ],
    message: 'chore(deps): remove tap',
  },
  {
    name: 'mixed dependency changes',
    specs: [
      {
        path: 'package.json',
        old: '{"dependencies":{"a":"1.0.0","b":"1.0.0"}}',
        new: '{"dependencies":{"a":"2.0.0","c":"1.0.0"}}',
      },
      { path: 'package-lock.json', old: lines('a'), new: lines('b') },
    ],
    message: 'chore(deps): update 3 dependencies',
  },
  {
    name: 'manifest that is not JSON',
    specs: [
      { path: 'package.json', old: '{', new: '{ }' },
      { path: 'package-lock.json', old: lines('a'), new: lines('b') },
    ],
    message: 'chore(deps): update dependencies',
  },
  {
    name: 'deleted lockfile',
    specs: [{ path: 'package-lock.json', old: lines('a') }],
    message: 'chore(deps): remove package-lock.json',
  },
  {
    name: 'lockfile only',
    specs: [{ path: 'yarn.lock', old: lines('a'), new: lines('b') }],
    message: 'chore(deps): refresh lockfile',
  },
  {
    name: 'workspace manifest with root lockfile',
    specs: [
      { path: 'packages/core/package.json', old: '{}', new: '{"dependencies":{"x":"1.0.0"}}' },
      { path: 'package-lock.json', old: lines('a'), new: lines('b') },
    ],
    message: 'chore(deps): add x',
  },
  {
    name: 'manifest scripts edit',
    specs: [
      {
        path: 'package.json',
        old: '{"scripts":{},"dependencies":{"x":"1.0.0"}}',
        new: '{"scripts":{"lint":"eslint ."},"dependencies":{"x":"1.0.0"}}',
      },
    ],
    message: 'chore: update package.json',
  },
  {
    name: 'manifest scripts with a build file',
    specs: [
      { path: 'docker/package.json', old: '{"scripts":{}}', new: '{"scripts":{"up":"x"}}' },
      { path: 'docker/Dockerfile', old: 'FROM a\n', new: 'FROM a\nRUN b\n', category: 'build' },
    ],
    message: 'build(docker): update Dockerfile and package.json',
  },
  {
    name: 'new manifest without dependencies',
    specs: [
      { path: 'tools/package.json', new: '{"name":"tools","scripts":{"gen":"node gen.js"}}' },
    ],
    message: 'chore(tools): add package.json',
  },
  {
    name: 'new manifest with dependencies',
    specs: [{ path: 'tools/package.json', new: '{"dependencies":{"x":"1.0.0"}}' }],
    message: 'chore(deps): add package.json',
  },
  {
    name: 'packageManager bump',
    specs: [
      {
        path: 'package.json',
        old: '{"packageManager":"pnpm@9.0.0"}',
        new: '{"packageManager":"pnpm@9.1.0"}',
      },
    ],
    message: 'chore(deps): update package.json',
  },
  {
    name: 'configuration',
    specs: [
      { path: 'tsconfig.json', old: lines('{}'), new: lines('{ }') },
      { path: '.prettierrc.json', old: lines('{}'), new: lines('{ }') },
    ],
    message: 'chore: update .prettierrc.json and tsconfig.json',
  },
  {
    name: 'renamed identifier',
    specs: [
      {
        path: 'src/cli/run.ts',
        old: lines('export function run() {', '  return exitWith(0);', '}'),
        new: lines('export function run() {', '  return exitProcess(0);', '}'),
      },
    ],
    message: 'refactor(cli): rename exitWith to exitProcess',
  },
  {
    name: 'call turned into assignment',
    specs: [
      {
        path: 'src/cli/run.ts',
        old: lines('export function run() {', '  process.exit(0);', '}'),
        new: lines('export function run() {', '  process.exitCode = 0;', '}'),
      },
    ],
    message: 'fix(cli): update run',
  },
  {
    name: 'monorepo package scope',
    specs: [
      { path: 'packages/core/src/a.ts', new: lines('x') },
      { path: 'packages/core/test/a.test.ts', new: lines('x') },
    ],
    message: 'feat(core): add a',
  },
];

describe('batch messages', () => {
  for (const { name, specs, message } of cases) {
    test(name, () => {
      assert.equal(messageOf(specs), message);
    });
  }

  test('many files name fewer to fit', () => {
    const specs = Array.from({ length: 12 }, (_, index) => ({
      path: `src/feature/a-rather-long-module-name-number-${index}.ts`,
      new: lines('x'),
    }));

    assert.equal(
      messageOf(specs),
      'feat(feature): add a-rather-long-module-name-number-0 and 11 more',
    );
  });

  test('names too long to fit are counted', () => {
    const specs = Array.from({ length: 3 }, (_, index) => ({
      path: `src/feature/${'n'.repeat(60)}-${index}.ts`,
      new: lines('x'),
    }));

    assert.equal(messageOf(specs), 'feat(feature): add 3 files');
  });

  test('four names list three and count the rest', () => {
    const specs = ['a', 'b', 'c', 'd'].map((name) => ({
      path: `src/x/${name}.ts`,
      new: lines('x'),
    }));

    assert.equal(messageOf(specs), 'feat(x): add a, b, c and 1 more');
  });

  test('scope named release drops the verb', () => {
    const subject = { verb: 'release', names: ['1.7.0'] };

    assert.equal(writeMessage('chore', 'release', subject), 'chore(release): 1.7.0');
    assert.equal(writeMessage('chore', null, subject), 'chore: release 1.7.0');
  });

  test('control characters in paths are replaced', () => {
    const message = messageOf([{ path: 'src/bad\nname.ts', new: lines('x') }]);

    assert.equal(message, 'feat: add bad_name');
  });

  test('headers fit the maximum length', () => {
    const long = 'x'.repeat(100);
    const message = messageOf([
      { path: `src/${long}/${long}.ts`, oldPath: `src/${long}.ts`, old: 'a', new: 'a' },
    ]);

    assert.ok(message.length <= MAX_HEADER_LENGTH, message);
  });

  test('rationale explains the type', () => {
    const { batches } = analyzeBatches(
      makeFootprint([{ path: 'src/a.ts', old: lines('a'), new: lines('b') }]),
      { mode: 'balanced' },
    );

    assert.match(batches[0]?.rationale ?? '', /fix because it changes existing source lines/);
  });
});
