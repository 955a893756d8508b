import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { analyzeBatches } from '../../src/batches/analyze.js';
import { buildAnalysisContext } from '../../src/batches/build-context.js';
import { comparePaths } from '../../src/batches/paths.js';
import type { AnalysisContext } from '../../src/batches/relations/context.js';
import {
  findDependencyUseLinks,
  packageOfSpecifier,
} from '../../src/batches/relations/dependency-use.js';
import { lines, makeFootprint, type FileSpec } from '../helpers/footprint-builder.js';

/** A `package.json` with a version line far above its dependencies, so each edit is one hunk. */
function manifest(version: string, dependencies: readonly string[]): string {
  return lines(
    '{',
    '  "name": "pad-tools",',
    `  "version": "${version}",`,
    '  "description": "Tools that pad strings",',
    '  "license": "MIT",',
    '  "type": "module",',
    '  "main": "src/index.js",',
    '  "files": [',
    '    "src"',
    '  ],',
    '  "scripts": {',
    '    "test": "node --test"',
    '  },',
    '  "dependencies": {',
    ...dependencies.map((line, index) => (index < dependencies.length - 1 ? `${line},` : line)),
    '  }',
    '}',
  );
}

function contextOf(specs: FileSpec[]): AnalysisContext {
  const input = makeFootprint(specs);
  const files = [...input.footprint.files].sort((a, b) => comparePaths(a.path, b.path));
  return buildAnalysisContext(files, input.content, undefined);
}

/** Returns each link as `path@newStart-path@newStart`, the manifest's end last. */
function describeLinks(context: AnalysisContext): string[] {
  const name = (index: number) => {
    const unit = context.units[index];
    const hunk = unit?.file.hunks[unit.hunks[0] ?? 0];
    return `${unit?.path}@${hunk?.newStart}`;
  };
  return findDependencyUseLinks(context)
    .map((found) => `${name(found.a)}-${name(found.b)}`)
    .sort();
}

/** A module with a pad function, after `header` lines such as imports. */
const padSource = (header: string[], body: string) =>
  lines(...header, 'export function pad(text) {', body, '}', '', 'export const width = 8;');

describe('dependency and the code that imports it', () => {
  test('added dependency links to its import', () => {
    const context = contextOf([
      {
        path: 'package.json',
        old: manifest('1.0.0', ['    "chalk": "^5.0.0"']),
        new: manifest('1.1.0', ['    "chalk": "^5.0.0"', '    "left-pad": "^1.3.0"']),
      },
      {
        path: 'src/pad.js',
        old: padSource([], '  return text;'),
        new: padSource(["import leftPad from 'left-pad';", ''], '  return leftPad(text);'),
      },
      {
        path: 'src/colors.js',
        old: lines("import chalk from 'chalk';", 'export const red = chalk.red;'),
        new: lines("import chalk from 'chalk';", 'export const red = chalk.redBright;'),
      },
    ]);

    assert.deepEqual(describeLinks(context), ['src/pad.js@1-package.json@15']);
  });

  test('removed dependency links to its removed require', () => {
    const context = contextOf([
      {
        path: 'package.json',
        old: manifest('1.0.0', ['    "chalk": "^5.0.0"', '    "left-pad": "^1.3.0"']),
        new: manifest('1.0.0', ['    "chalk": "^5.0.0"']),
      },
      {
        path: 'lib/pad.cjs',
        old: lines("const leftPad = require('left-pad/lib/pad');", 'module.exports = leftPad;'),
        new: lines('module.exports = (text) => text;'),
      },
    ]);

    assert.deepEqual(describeLinks(context), ['lib/pad.cjs@1-package.json@15']);
  });

  test('unchanged or similar packages link nothing', () => {
    const context = contextOf([
      {
        path: 'package.json',
        old: manifest('1.0.0', ['    "chalk": "^5.0.0"']),
        new: manifest('1.0.0', ['    "chalk": "^5.0.0"', '    "left-pad": "^1.3.0"']),
      },
      {
        path: 'src/colors.js',
        old: lines('export const red = (text) => text;'),
        new: lines("import chalk from 'chalk';", 'export const red = chalk.red;'),
      },
      {
        path: 'src/pad.js',
        old: lines('export const pad = (text) => text;'),
        new: lines("import pad from 'left-padding';", 'export { pad };'),
      },
    ]);

    assert.deepEqual(describeLinks(context), []);
  });

  test('dependency edit joins the importing batch', () => {
    const { batches } = analyzeBatches(
      makeFootprint([
        {
          path: 'package.json',
          old: manifest('1.0.0', ['    "chalk": "^5.0.0"']),
          new: manifest('1.0.0', ['    "chalk": "^5.0.0"', '    "left-pad": "^1.3.0"']),
        },
        {
          path: 'src/format/pad.js',
          old: padSource([], '  return text;'),
          new: padSource(["import leftPad from 'left-pad';", ''], '  return leftPad(text, width);'),
        },
      ]),
      { mode: 'balanced' },
    );

    assert.equal(batches.length, 1);
    assert.match(batches[0]?.rationale ?? '', /a dependency and the code that imports it/);
  });
});

describe('package of a module specifier', () => {
  const cases: Array<[string, string | null]> = [
    ['left-pad', 'left-pad'],
    ['left-pad/lib/pad.js', 'left-pad'],
    ['@scope/tool', '@scope/tool'],
    ['@scope/tool/sub', '@scope/tool'],
    ['@scope', null],
    ['./pad.js', null],
    ['../pad', null],
    ['/abs/pad.js', null],
    ['node:fs', null],
  ];
  for (const [specifier, expected] of cases) {
    test(`reads ${specifier}`, () => {
      assert.equal(packageOfSpecifier(specifier), expected);
    });
  }
});
