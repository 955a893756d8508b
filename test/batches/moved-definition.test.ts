import assert from 'node:assert/strict';
import { afterEach, describe, test } from 'node:test';
import { createTempRepo, type TempRepo } from '../helpers/repo.js';
import { analyzeStaged, commitFiles, lines, pathsOf, stageFiles } from './staged-analysis.js';

let repo: TempRepo | undefined;
afterEach(() => repo?.cleanup());

const capitalize = ['export function capitalize(s: string): string {', '  return s;', '}'];
const truncateWords = [
  'export function truncateWords(s: string, max: number): string {',
  "  const words = s.split(' ');",
  "  return words.slice(0, max).join(' ');",
  '}',
];
const wordCount = ['export function wordCount(s: string): number {', '  return s.length;', '}'];

describe('function moved between files', () => {
  test('subject names the move', () => {
    repo = createTempRepo();
    commitFiles(repo, {
      'src/strings.ts': lines(...capitalize, '', ...truncateWords),
      'src/text.ts': lines(...wordCount),
      'src/summary.ts': lines("import { truncateWords } from './strings';"),
    });
    stageFiles(repo, {
      'src/strings.ts': lines(...capitalize),
      'src/text.ts': lines(...wordCount, '', ...truncateWords),
      'src/summary.ts': lines("import { truncateWords } from './text';"),
    });
    const [batch, ...others] = analyzeStaged(repo);

    assert.equal(others.length, 0);
    assert.deepEqual(pathsOf(batch), ['src/strings.ts', 'src/summary.ts', 'src/text.ts']);
    assert.equal(batch?.message, 'refactor: move truncateWords to text');
  });

  test('unrelated edit names no move', () => {
    repo = createTempRepo();
    commitFiles(repo, {
      'src/strings.ts': lines(...capitalize, '', ...truncateWords),
      'src/text.ts': lines(...wordCount),
      'src/counter.ts': lines('export let count = 0;'),
    });
    stageFiles(repo, {
      'src/strings.ts': lines(...capitalize),
      'src/text.ts': lines(...wordCount, '', ...truncateWords),
      'src/counter.ts': lines('export let count = 1;'),
    });
    const batches = analyzeStaged(repo, 'conservative');
    const batch = batches.find((entry) => pathsOf(entry).includes('src/counter.ts'));

    assert.deepEqual(pathsOf(batch), ['src/counter.ts', 'src/strings.ts', 'src/text.ts']);
    assert.doesNotMatch(batch?.message ?? '', /move truncateWords/);
  });
});
