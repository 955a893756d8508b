import assert from 'node:assert/strict';
import { afterEach, describe, test } from 'node:test';

import { distinguishMessages, MAX_HEADER_LENGTH } from '../../src/batches/message.js';
import { createTempRepo, type TempRepo } from '../helpers/repo.js';
import { analyzeStaged, commitFiles, lines, stageFiles } from './staged-analysis.js';

const RULES = Array.from(
  { length: 8 },
  (_, index) => `Captains review pull requests and triage issues, line ${index} of the rules.`,
);
const PROJECTS = Array.from(
  { length: 10 },
  (_, index) =>
    `- [\`widgets/part${index}\`](https://example.com/widgets/part${index}): @owner${index}`,
);
const RULE_EDIT =
  'Captains review pull requests and triage issues, as the **Active Project Captains** list names.';
const PROJECT_EDIT = '- [`widgets/part6`](https://example.com/widgets/part6): @owner6, @helper';

/**
 * Returns a guide whose rules and project list aggressive mode edits in two batches. Without
 * headings, both lists sit in the `Contributing` section.
 */
function guide(options: { headings: boolean; edited: boolean }): string {
  const rules = [...RULES];
  const projects = [...PROJECTS];
  if (options.edited) {
    rules[3] = RULE_EDIT;
    projects[5] = PROJECT_EDIT;
  }
  const [rulesTitle, projectsTitle] = options.headings
    ? ['## Project Captains', '## Active Project Captains']
    : ['Project captains:', 'Active captains:'];
  return lines('# Contributing', '', rulesTitle, '', ...rules, '', projectsTitle, '', ...projects);
}

let repo: TempRepo | undefined;
afterEach(() => repo?.cleanup());

function analyzeGuide(headings: boolean) {
  repo = createTempRepo();
  commitFiles(repo, { 'GUIDE.md': guide({ headings, edited: false }) });
  stageFiles(repo, { 'GUIDE.md': guide({ headings, edited: true }) });
  return analyzeStaged(repo, 'aggressive');
}

describe('distinct batch messages', () => {
  test('docs parts name their sections', () => {
    const batches = analyzeGuide(true);

    assert.deepEqual(
      batches.map((batch) => batch.message),
      ['docs: update Project Captains in GUIDE', 'docs: update Active Project Captains in GUIDE'],
    );
  });

  test('parts of one section name lines', () => {
    const batches = analyzeGuide(false);

    assert.deepEqual(
      batches.map((batch) => batch.message),
      [
        'docs: update Contributing in GUIDE (line 8)',
        'docs: update Contributing in GUIDE (line 21)',
      ],
    );
  });

  test('whole docs file keeps its name', () => {
    repo = createTempRepo();
    commitFiles(repo, { 'GUIDE.md': guide({ headings: true, edited: false }) });
    stageFiles(repo, { 'GUIDE.md': guide({ headings: true, edited: true }) });

    const batches = analyzeStaged(repo, 'balanced');

    assert.deepEqual(
      batches.map((batch) => batch.message),
      ['docs: update GUIDE'],
    );
  });
});

/** Returns a change of `path` that takes one hunk of `lines` lines from `start`. */
function hunkAt(path: string, start: number, lines = 1) {
  return { path, hunks: [{ oldStart: start, oldLines: lines, newStart: start, newLines: lines }] };
}

describe('distinguishMessages', () => {
  test('unique messages stay', () => {
    const batches = [
      { message: 'feat: a', changes: [{ path: 'a.ts' }] },
      { message: 'fix: b', changes: [{ path: 'b.ts' }] },
    ];

    assert.deepEqual(distinguishMessages(batches), batches);
  });

  test('repeats name their own files', () => {
    const batches = [
      { id: 'b1', message: 'feat(ui): add Price', changes: [{ path: 'src/Price.tsx' }] },
      { id: 'b2', message: 'fix: y', changes: [{ path: 'y.ts' }] },
      { id: 'b3', message: 'feat(ui): add Price', changes: [{ path: 'src/index.ts' }] },
    ];

    assert.deepEqual(
      distinguishMessages(batches).map((batch) => [batch.id, batch.message]),
      [
        ['b1', 'feat(ui): add Price (Price.tsx)'],
        ['b2', 'fix: y'],
        ['b3', 'feat(ui): add Price (index.ts)'],
      ],
    );
  });

  test('repeats in one file name lines', () => {
    const batches = [
      { id: 'b1', message: 'docs: update x', changes: [hunkAt('x.md', 3, 2)] },
      { id: 'b2', message: 'docs: update x', changes: [hunkAt('x.md', 9)] },
      { id: 'b3', message: 'docs: update x', changes: [hunkAt('x.md', 20), hunkAt('y.md', 1)] },
      { id: 'b4', message: 'docs: update x', changes: [hunkAt('x.md', 30), hunkAt('y.md', 5)] },
    ];

    assert.deepEqual(
      distinguishMessages(batches).map((batch) => [batch.id, batch.message]),
      [
        ['b1', 'docs: update x (lines 3-4)'],
        ['b2', 'docs: update x (line 9)'],
        ['b3', 'docs: update x (line 20 of x.md)'],
        ['b4', 'docs: update x (line 30 of x.md)'],
      ],
    );
  });

  test('long header loses words to fit', () => {
    const long = `docs: update ${'section '.repeat(6)}in GUIDE`;
    assert.ok(long.length <= MAX_HEADER_LENGTH);
    assert.ok(long.length + ' (lines 10-12)'.length > MAX_HEADER_LENGTH);

    const [first, second] = distinguishMessages([
      { message: long, changes: [hunkAt('GUIDE.md', 10, 3)] },
      { message: long, changes: [hunkAt('GUIDE.md', 40)] },
    ]);

    assert.ok(first !== undefined);
    assert.ok(second !== undefined);
    assert.ok(first.message.length <= MAX_HEADER_LENGTH, first.message);
    assert.match(first.message, /^docs: update section( section)* \(lines 10-12\)$/);
    assert.match(second.message, / \(line 40\)$/);
  });
});
