import assert from 'node:assert/strict';
import { afterEach, beforeEach, describe, test } from 'node:test';
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

let repo: TempRepo;

beforeEach(() => {
  repo = createTempRepo();
  commitFiles(repo, {
    'src/parse.ts': lines('export function parse(text: string) {', '  return text.trim();', '}'),
    'test/parse.test.ts': lines(
      "import { parse } from '../src/parse';",
      "test('trims', () => expect(parse(' a ')).toBe('a'));",
    ),
  });
});

afterEach(() => {
  repo.cleanup();
});

/** Stages a new export of src/parse.ts and a test of it titled `title`. */
function stageExportWithTest(title: string): Batch | undefined {
  stageFiles(repo, {
    'src/parse.ts': lines(
      'export function parse(text: string) {',
      '  return text.trim();',
      '}',
      'export function parseEmpty(text: string) {',
      "  return text === '' ? null : parse(text);",
      '}',
    ),
    'test/parse.test.ts': lines(
      "import { parse, parseEmpty } from '../src/parse';",
      "test('trims', () => expect(parse(' a ')).toBe('a'));",
      `test('${title}', () => expect(parseEmpty('')).toBe(null));`,
    ),
  });
  return batchWith(analyzeStaged(repo), 'src/parse.ts');
}

describe('type of code with a test', () => {
  test('test naming an issue gives fix', () => {
    const batch = stageExportWithTest('empty input returns null (issue #1234)');

    assert.deepEqual(pathsOf(batch), ['src/parse.ts', 'test/parse.test.ts']);
    assert.equal(batch?.type, 'fix');
    assert.match(batch?.rationale ?? '', /its tests name a bug or an issue/);
  });

  test('test naming a regression gives fix', () => {
    assert.equal(stageExportWithTest('regression: empty input')?.type, 'fix');
  });

  test('plain test keeps feat', () => {
    assert.equal(stageExportWithTest('empty input returns null')?.type, 'feat');
  });

  test('issue number in parentheses gives fix', () => {
    assert.equal(stageExportWithTest('empty input (#88)')?.type, 'fix');
  });

  test('quoted colour keeps feat', () => {
    assert.equal(stageExportWithTest('paints "#112233"')?.type, 'feat');
  });

  test('issue without number keeps feat', () => {
    assert.equal(stageExportWithTest('opens an issue with a title')?.type, 'feat');
  });

  test('fixed position keeps feat', () => {
    assert.equal(stageExportWithTest('keeps position fixed')?.type, 'feat');
  });
});
