import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { Mode } from '../../src/batches/types.js';
import { createTempRepo } from '../helpers/repo.js';
import { analyzeStaged, batchWith, commitFiles, lines, stageFiles } from './staged-analysis.js';

/** Lets `git submodule add` clone from a local path, which git 2.38 and later refuse by default. */
const FILE_PROTOCOL = {
  GIT_CONFIG_COUNT: '1',
  GIT_CONFIG_KEY_0: 'protocol.file.allow',
  GIT_CONFIG_VALUE_0: 'always',
};

const MODES: Mode[] = ['conservative', 'balanced', 'aggressive'];

describe('submodule and its .gitmodules entry', () => {
  for (const mode of MODES) {
    test(`one batch in ${mode} mode`, () => {
      const library = createTempRepo();
      const repo = createTempRepo();
      try {
        commitFiles(library, { 'index.js': 'export const answer = 42;\n' });
        commitFiles(repo, {
          '.gitmodules': lines('[submodule "vendor/old"]', '\tpath = vendor/old', '\turl = ../old'),
          'src/app.js': lines('export function run() {', '  return 1;', '}'),
          'docs/guide.md': lines('# Guide', '', 'Run the app.'),
        });
        repo.git(['submodule', 'add', '-q', library.dir, 'libs/answer'], { env: FILE_PROTOCOL });
        stageFiles(repo, {
          'src/app.js': lines('export function run() {', '  return 2;', '}'),
          'docs/guide.md': lines('# Guide', '', 'Run the app with `npm start`.'),
        });

        const batches = analyzeStaged(repo, mode);

        const gitlink = batchWith(batches, 'libs/answer');
        assert.ok(gitlink !== undefined, 'no batch takes the submodule');
        assert.equal(batchWith(batches, '.gitmodules')?.id, gitlink.id);
        assert.notEqual(batchWith(batches, 'docs/guide.md')?.id, gitlink.id);
      } finally {
        library.cleanup();
        repo.cleanup();
      }
    });
  }
});
