import assert from 'node:assert/strict';
import { chmodSync } from 'node:fs';
import path from 'node:path';
import { describe, test } from 'node:test';
import { createTempRepo } from '../helpers/repo.js';
import { analyzeStaged, batchWith, commitFiles, lines } from './staged-analysis.js';

describe('mode-only change', () => {
  test('executable bit set', () => {
    const repo = createTempRepo();
    try {
      commitFiles(repo, { 'scripts/run.sh': lines('#!/bin/sh', 'echo run') });
      chmodSync(path.join(repo.dir, 'scripts', 'run.sh'), 0o755);
      repo.git(['add', 'scripts/run.sh']);

      const batches = analyzeStaged(repo);

      assert.equal(batches.length, 1);
      assert.equal(
        batchWith(batches, 'scripts/run.sh')?.message,
        'chore(scripts): make run.sh executable',
      );
    } finally {
      repo.cleanup();
    }
  });

  test('executable bit cleared', () => {
    const repo = createTempRepo();
    try {
      repo.write('tool.py', lines('print("tool")'), 0o755);
      repo.git(['add', '-A']);
      repo.git(['commit', '-q', '-m', 'base']);
      chmodSync(path.join(repo.dir, 'tool.py'), 0o644);
      repo.git(['add', 'tool.py']);

      const batches = analyzeStaged(repo);

      assert.equal(batchWith(batches, 'tool.py')?.message, 'chore: make tool.py non-executable');
    } finally {
      repo.cleanup();
    }
  });

  test('mode and content together keep the content type', () => {
    const repo = createTempRepo();
    try {
      commitFiles(repo, { 'run.js': lines('export function run() {', '  return 1;', '}') });
      repo.write('run.js', lines('export function run() {', '  return 2;', '}'), 0o755);
      chmodSync(path.join(repo.dir, 'run.js'), 0o755);
      repo.git(['add', 'run.js']);

      const batches = analyzeStaged(repo);

      assert.match(batchWith(batches, 'run.js')?.message ?? '', /^fix/);
    } finally {
      repo.cleanup();
    }
  });
});

describe('mode-only file in a larger batch', () => {
  test('other code decides the type', () => {
    const repo = createTempRepo();
    try {
      commitFiles(repo, {
        'bin/cli.js': lines(
          '#!/usr/bin/env node',
          "import { main } from '../src/main.js';",
          'main();',
        ),
        'src/main.js': lines('export function main() {', '  return 1;', '}'),
      });
      chmodSync(path.join(repo.dir, 'bin', 'cli.js'), 0o755);
      repo.write('src/main.js', lines('export function main() {', '  return 2;', '}'));
      repo.git(['add', '-A']);

      const batches = analyzeStaged(repo, 'conservative');

      assert.deepEqual(
        batches.map((batch) => batch.message),
        ['fix: update main and make cli.js executable'],
      );
    } finally {
      repo.cleanup();
    }
  });

  test('docs decide the type', () => {
    const repo = createTempRepo();
    try {
      commitFiles(repo, {
        'bin/cli.js': lines('#!/usr/bin/env node', "console.log('cli');"),
        'docs/cli.md': lines('# CLI', '', 'Run it.'),
      });
      chmodSync(path.join(repo.dir, 'bin', 'cli.js'), 0o755);
      repo.write('docs/cli.md', lines('# CLI', '', 'Run it with bin/cli.js.'));
      repo.git(['add', '-A']);

      const batches = analyzeStaged(repo, 'conservative');

      assert.deepEqual(
        batches.map((batch) => batch.message),
        ['docs: update cli and make cli.js executable'],
      );
    } finally {
      repo.cleanup();
    }
  });
});
