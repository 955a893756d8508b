import assert from 'node:assert/strict';
import { afterEach, describe, test } from 'node:test';
import { createTempRepo, type TempRepo } from '../helpers/repo.js';
import { analyzeChange, lines, pathsOf } from './staged-analysis.js';

let repo: TempRepo | undefined;
afterEach(() => repo?.cleanup());

const SERVER = lines('export function serve(port) {', '  return port + 1;', '}');
const UTIL = lines('export function pad(text) {', '  return text;', '}');
const REINDENTED_UTIL = lines('export function pad(text) {', '    return text;', '}');

describe('subject of a batch with leftovers', () => {
  test('reindented file left unnamed', () => {
    repo = createTempRepo();
    const batches = analyzeChange(
      repo,
      { 'src/server.js': SERVER, 'src/util.js': UTIL },
      {
        'src/server.js': lines('export function serve(port) {', '  return port + 2;', '}'),
        'src/util.js': REINDENTED_UTIL,
      },
    );

    assert.equal(batches.length, 1);
    assert.deepEqual(pathsOf(batches[0]), ['src/server.js', 'src/util.js']);
    assert.equal(batches[0]?.message, 'fix: update serve in server');
  });

  test('spelling fix left unnamed', () => {
    repo = createTempRepo();
    const batches = analyzeChange(
      repo,
      {
        'guide.md': lines('# Guide', '', '## Install', '', 'Run the installer.'),
        'faq.md': lines('# FAQ', '', 'The tool is fast and reliable.'),
      },
      {
        'guide.md': lines(
          '# Guide',
          '',
          '## Install',
          '',
          'Run the installer with --global.',
          'Then restart the shell so the PATH change applies.',
        ),
        'faq.md': lines('# FAQ', '', 'The tool is fast and relaible.'),
      },
    );

    assert.equal(batches.length, 1);
    assert.deepEqual(pathsOf(batches[0]), ['faq.md', 'guide.md']);
    assert.equal(batches[0]?.message, 'docs: update Install in guide');
  });

  test('leftovers alone keep their names', () => {
    repo = createTempRepo();
    const batches = analyzeChange(
      repo,
      { 'src/util.js': UTIL },
      { 'src/util.js': REINDENTED_UTIL },
    );

    assert.equal(batches.length, 1);
    assert.equal(batches[0]?.message, 'style: format util');
  });
});
