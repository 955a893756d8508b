import assert from 'node:assert/strict';
import { afterEach, describe, test } from 'node:test';
import type { Batch } from '../../src/batches/types.js';
import { findStyleImports } from '../../src/batches/style-imports.js';
import { createTempRepo, type TempRepo } from '../helpers/repo.js';
import { analyzeStaged, commitFiles, lines, stageFiles } from './staged-analysis.js';

/** Returns the position of the batch that takes `file`, or -1. */
function positionOf(batches: readonly Batch[], file: string): number {
  return batches.findIndex((batch) => batch.changes.some((change) => change.path === file));
}

describe('stylesheet import lines', () => {
  const paths = new Set([
    'styles/components/_tooltip.scss',
    'styles/base/index.scss',
    'styles/print.css',
    'styles/theme.less',
  ]);

  const cases: Array<{ name: string; line: string; targets: string[] }> = [
    {
      name: 'Sass partial',
      line: '@use "components/tooltip";',
      targets: ['styles/components/_tooltip.scss'],
    },
    { name: 'folder index', line: "@forward 'base';", targets: ['styles/base/index.scss'] },
    { name: 'CSS url', line: '@import url("print.css") print;', targets: ['styles/print.css'] },
    { name: 'Less option', line: '@import (reference) "theme";', targets: ['styles/theme.less'] },
    { name: 'built-in module', line: '@use "sass:math";', targets: [] },
    { name: 'package in node_modules', line: '@import "~bootstrap/scss/grid";', targets: [] },
  ];
  for (const entry of cases) {
    test(`${entry.name} resolves`, () => {
      const found = findStyleImports('styles/main.scss', `${entry.line}\n`, paths);

      assert.deepEqual(
        found.flatMap((item) => item.targets),
        entry.targets,
      );
    });
  }
});

let repo: TempRepo | undefined;
afterEach(() => repo?.cleanup());

describe('new Sass partial and its @use', () => {
  for (const mode of ['conservative', 'balanced', 'aggressive'] as const) {
    test(`${mode} mode adds partial first`, () => {
      repo = createTempRepo();
      commitFiles(repo, {
        'styles/main.scss': lines('@use "base/reset";', '', 'body {', '  margin: 0;', '}'),
        'styles/base/_reset.scss': lines('html {', '  box-sizing: border-box;', '}'),
      });
      stageFiles(repo, {
        'styles/components/_tooltip.scss': lines('.tooltip {', '  position: absolute;', '}'),
        'styles/main.scss': lines(
          '@use "base/reset";',
          '@use "components/tooltip";',
          '',
          'body {',
          '  margin: 0;',
          '}',
        ),
      });
      const batches = analyzeStaged(repo, mode);
      const partial = positionOf(batches, 'styles/components/_tooltip.scss');
      const user = positionOf(batches, 'styles/main.scss');

      assert.notEqual(partial, -1);
      assert.ok(partial <= user, JSON.stringify(batches.map((batch) => batch.changes)));
      // Aggressive mode commits a new file before its first user, as for scripts.
      const relation =
        mode === 'aggressive'
          ? /uses new files of an earlier batch/
          : /an import and the file it imports/;
      assert.match(batches[user]?.rationale ?? '', relation);
    });
  }
});

describe('Sass partial subject', () => {
  test('names partial without underscore', () => {
    repo = createTempRepo();
    commitFiles(repo, { 'styles/app.scss': lines('body {', '  margin: 0;', '}') });
    stageFiles(repo, {
      'styles/_card.scss': lines('.card {', '  padding: 1rem;', '}'),
      'styles/app.scss': lines('@use "card";', '', 'body {', '  margin: 0;', '}'),
    });

    const batches = analyzeStaged(repo, 'conservative');

    assert.deepEqual(
      batches.map((batch) => batch.message),
      ['feat(styles): add card'],
    );
  });
});
