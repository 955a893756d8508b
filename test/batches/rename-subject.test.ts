import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { createTempRepo } from '../helpers/repo.js';
import { analyzeStaged, commitFiles, lines } from './staged-analysis.js';

describe('subject of a pure rename', () => {
  test('renamed document', () => {
    const repo = createTempRepo();
    try {
      commitFiles(repo, { 'docs/old-guide.md': lines('# Guide', '', 'Some text.') });
      repo.git(['mv', 'docs/old-guide.md', 'docs/guide.md']);

      const batches = analyzeStaged(repo);

      assert.deepEqual(
        batches.map((batch) => batch.message),
        ['docs: rename old-guide to guide'],
      );
    } finally {
      repo.cleanup();
    }
  });

  test('moved document keeps its name', () => {
    const repo = createTempRepo();
    try {
      commitFiles(repo, { 'docs/guide.md': lines('# Guide', '', 'Some text.') });
      repo.git(['mv', 'docs/guide.md', 'guide.md']);

      const batches = analyzeStaged(repo);

      assert.deepEqual(
        batches.map((batch) => batch.message),
        ['docs: move guide to the root'],
      );
    } finally {
      repo.cleanup();
    }
  });
});

describe('subject of a moved index file', () => {
  test('index moved to another folder', () => {
    const repo = createTempRepo();
    try {
      const text = lines('export function parse(s) {', '  return s;', '}');
      commitFiles(repo, { 'src/a/index.js': text });
      repo.write('src/b/index.js', text);
      repo.git(['rm', '-q', 'src/a/index.js']);
      repo.git(['add', '-A']);

      const batches = analyzeStaged(repo);

      assert.deepEqual(
        batches.map((batch) => batch.message),
        ['refactor(b): rename a to b'],
      );
    } finally {
      repo.cleanup();
    }
  });
});

describe('subject of an edited rename', () => {
  test('renamed module with one edit', () => {
    const repo = createTempRepo();
    try {
      const body = ['export function greet(name) {', "  return 'Hello ' + name;", '}', ''];
      commitFiles(repo, { 'src/old-name.js': lines(...body, 'export const version = 1;') });
      repo.git(['mv', 'src/old-name.js', 'src/fresh.js']);
      repo.write('src/fresh.js', lines(...body, 'export const version = 2;'));
      repo.git(['add', '-A']);

      const batches = analyzeStaged(repo);

      assert.deepEqual(
        batches.map((batch) => batch.message),
        ['fix: rename old-name to fresh and update it'],
      );
    } finally {
      repo.cleanup();
    }
  });

  test('renamed module and its importer', () => {
    const repo = createTempRepo();
    try {
      const body = ['export function pad(text) {', "  return ' ' + text;", '}', ''];
      commitFiles(repo, {
        'src/util.js': lines(...body, 'export const width = 1;'),
        'src/main.js': lines("import { pad } from './util.js';", '', "console.log(pad('x'));"),
      });
      repo.git(['mv', 'src/util.js', 'src/utils.js']);
      repo.write('src/utils.js', lines(...body, 'export const width = 2;'));
      repo.write(
        'src/main.js',
        lines("import { pad } from './utils.js';", '', "console.log(pad('x'));"),
      );
      repo.git(['add', '-A']);

      const batches = analyzeStaged(repo);

      assert.deepEqual(
        batches.map((batch) => batch.message),
        ['fix: rename util to utils and update it'],
      );
    } finally {
      repo.cleanup();
    }
  });

  test('moved module with one edit', () => {
    const repo = createTempRepo();
    try {
      const body = ['export function greet(name) {', "  return 'Hello ' + name;", '}', ''];
      commitFiles(repo, { 'src/greet.js': lines(...body, 'export const version = 1;') });
      repo.write('lib/greet.js', lines(...body, 'export const version = 2;'));
      repo.git(['rm', '-q', 'src/greet.js']);
      repo.git(['add', '-A']);

      const batches = analyzeStaged(repo);

      assert.deepEqual(
        batches.map((batch) => batch.message),
        ['fix: move greet to lib and update it'],
      );
    } finally {
      repo.cleanup();
    }
  });

  test('renamed workflow named by file', () => {
    const repo = createTempRepo();
    try {
      const steps = ['on: push', 'jobs:', '  test:', '    runs-on: ubuntu-latest', '    steps:'];
      commitFiles(repo, { '.github/workflows/test.yml': lines(...steps, '      - run: npm test') });
      repo.write('.github/workflows/main.yml', lines(...steps, '      - run: npm run test'));
      repo.git(['rm', '-q', '.github/workflows/test.yml']);
      repo.git(['add', '-A']);

      const batches = analyzeStaged(repo);

      assert.deepEqual(
        batches.map((batch) => batch.message),
        ['ci: rename test.yml to main.yml and update it'],
      );
    } finally {
      repo.cleanup();
    }
  });
});
