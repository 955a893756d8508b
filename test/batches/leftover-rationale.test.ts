import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Batch } from '../../src/batches/types.js';
import { createTempRepo, type TempRepo } from '../helpers/repo.js';
import {
  analyzeStaged,
  batchWith,
  commitFiles,
  lines,
  pathsOf,
  stageFiles,
} from './staged-analysis.js';

const reference = (description: string) =>
  lines('# Reference', '', '## Chart', '', description, '', '## render', '', 'Draws the chart.');

const nav = (...pages: string[]) =>
  lines('site_name: Widget Docs', 'nav:', '  - Guide:', ...pages.map((page) => `      - ${page}`));

// A new docs page with its nav entry, and trailing white space added in another page.
describe('rationale of a leftover edit', () => {
  let repo: TempRepo;
  let batch: Batch | undefined;

  before(() => {
    repo = createTempRepo();
    commitFiles(repo, {
      'mkdocs.yml': nav('Usage: guide/usage.md'),
      'docs/guide/usage.md': lines('# Usage', '', 'Create a chart with `Chart()`.'),
      'docs/api/reference.md': reference('The main class.'),
    });
    stageFiles(repo, {
      'mkdocs.yml': nav('Usage: guide/usage.md', 'Themes: guide/themes.md'),
      'docs/guide/themes.md': lines(
        '# Themes',
        '',
        'Pick a theme with `Chart(theme="dark")`. The built-in themes are `light` and `dark`.',
      ),
      'docs/api/reference.md': reference('The main class.  '),
    });
    batch = batchWith(analyzeStaged(repo), 'docs/api/reference.md');
  });
  after(() => repo.cleanup());

  test('joins the new page', () => {
    assert.deepEqual(pathsOf(batch), [
      'docs/api/reference.md',
      'docs/guide/themes.md',
      'mkdocs.yml',
    ]);
  });

  test('names the leftover join', () => {
    assert.match(batch?.rationale ?? '', /a small leftover edit joined to its nearest batch/);
  });

  test('names no link of the leftover', () => {
    assert.doesNotMatch(batch?.rationale ?? '', /a changed definition and its uses/);
  });
});
