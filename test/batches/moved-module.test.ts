import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { describe, test } from 'node:test';
import type { Mode } from '../../src/batches/types.js';
import { createTempRepo, type TempRepo } from '../helpers/repo.js';
import {
  analyzeStaged,
  batchWith,
  commitFiles,
  lines,
  pathsOf,
  stageFiles,
} from './staged-analysis.js';

const MODES: Mode[] = ['conservative', 'balanced', 'aggressive'];

/**
 * Moves `src/shared/helper.js` to `src/core/helper.js`, updates the import in `src/main.js`
 * and adds an unrelated note, all staged.
 */
function stageMovedHelper(repo: TempRepo): void {
  commitFiles(repo, {
    'src/shared/helper.js': lines('export const helper = 1;'),
    'src/main.js': lines(
      "import { helper } from './shared/helper.js';",
      'export const v = helper;',
    ),
  });
  mkdirSync(path.join(repo.dir, 'src/core'));
  repo.git(['mv', 'src/shared/helper.js', 'src/core/helper.js']);
  repo.write(
    'src/main.js',
    lines("import { helper } from './core/helper.js';", 'export const v = helper;'),
  );
  repo.write('NOTES.md', lines('# Notes'));
  repo.git(['add', '-A']);
}

describe('module moved to another folder', () => {
  for (const mode of MODES) {
    test(`${mode} keeps the importer with the move`, () => {
      const repo = createTempRepo();
      try {
        stageMovedHelper(repo);

        const batches = analyzeStaged(repo, mode);

        const move = batchWith(batches, 'src/core/helper.js');
        assert.deepEqual(pathsOf(move), ['src/core/helper.js', 'src/main.js']);
      } finally {
        repo.cleanup();
      }
    });
  }

  test('move and import update is a refactor', () => {
    const repo = createTempRepo();
    try {
      stageMovedHelper(repo);

      const batches = analyzeStaged(repo);

      const move = batchWith(batches, 'src/core/helper.js');
      assert.equal(move?.message, 'refactor: move helper to src/core');
    } finally {
      repo.cleanup();
    }
  });
});

describe('package moved to another folder', () => {
  test('Python importer stays with the move', () => {
    const repo = createTempRepo();
    try {
      commitFiles(repo, {
        'app/__init__.py': '',
        'app/shared/helper.py': lines('def helper():', '    return 1'),
        'app/main.py': lines('from app.shared.helper import helper', 'print(helper())'),
      });
      mkdirSync(path.join(repo.dir, 'app/core'));
      repo.git(['mv', 'app/shared/helper.py', 'app/core/helper.py']);
      stageFiles(repo, {
        'app/main.py': lines('from app.core.helper import helper', 'print(helper())'),
      });

      const batches = analyzeStaged(repo, 'aggressive');

      assert.equal(batches.length, 1);
      assert.deepEqual(pathsOf(batches[0]), ['app/core/helper.py', 'app/main.py']);
    } finally {
      repo.cleanup();
    }
  });

  test('Go importer stays with the move', () => {
    const repo = createTempRepo();
    try {
      commitFiles(repo, {
        'go.mod': lines('module example.com/app', '', 'go 1.21'),
        'internal/store/store.go': lines('package store', '', 'func New() int { return 1 }'),
        'cmd/app/main.go': lines(
          'package main',
          '',
          'import "example.com/app/internal/store"',
          '',
          'func main() { _ = store.New() }',
        ),
      });
      mkdirSync(path.join(repo.dir, 'pkg'));
      repo.git(['mv', 'internal/store', 'pkg/store']);
      stageFiles(repo, {
        'cmd/app/main.go': lines(
          'package main',
          '',
          'import "example.com/app/pkg/store"',
          '',
          'func main() { _ = store.New() }',
        ),
      });

      const batches = analyzeStaged(repo, 'aggressive');

      assert.equal(batches.length, 1);
      assert.deepEqual(pathsOf(batches[0]), ['cmd/app/main.go', 'pkg/store/store.go']);
    } finally {
      repo.cleanup();
    }
  });
});
