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

const workflow = (command: string) =>
  lines(
    'name: deploy',
    'on: [push]',
    'jobs:',
    '  deploy:',
    '    runs-on: ubuntu-latest',
    '    steps:',
    '      - run: pip install -r requirements.txt',
    `      - run: ${command}`,
  );

// Conservative mode joins a CI tweak to a dependency bump that shares the tool's name.
describe('batch of CI and dependency changes', () => {
  let repo: TempRepo;
  let batch: Batch | undefined;

  before(() => {
    repo = createTempRepo();
    commitFiles(repo, {
      'requirements.txt': lines('mkdocs==1.5.3', 'mkdocs-material==9.4.0'),
      '.github/workflows/deploy.yml': workflow('mkdocs gh-deploy --force'),
    });
    stageFiles(repo, {
      'requirements.txt': lines('mkdocs==1.5.3', 'mkdocs-material==9.5.2'),
      '.github/workflows/deploy.yml': workflow('mkdocs gh-deploy --force --strict'),
    });
    batch = batchWith(analyzeStaged(repo, 'conservative'), 'requirements.txt');
  });
  after(() => repo.cleanup());

  test('holds both files', () => {
    assert.deepEqual(pathsOf(batch), ['.github/workflows/deploy.yml', 'requirements.txt']);
  });

  test('is a dependency update', () => {
    assert.equal(batch?.type, 'chore');
  });

  test('has the deps scope', () => {
    assert.equal(batch?.scope, 'deps');
  });

  test('names the bumped dependency', () => {
    assert.equal(batch?.message, 'chore(deps): bump mkdocs-material to 9.5.2');
  });
});
