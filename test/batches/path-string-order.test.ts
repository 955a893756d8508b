import assert from 'node:assert/strict';
import { afterEach, beforeEach, describe, test } from 'node:test';
import type { Mode } from '../../src/batches/types.js';
import { createTempRepo, type TempRepo } from '../helpers/repo.js';
import { analyzeStaged, batchWith, commitFiles, lines, stageFiles } from './staged-analysis.js';

let repo: TempRepo;

beforeEach(() => {
  repo = createTempRepo();
});

afterEach(() => {
  repo.cleanup();
});

const CONFIG = 'packages/app/rolldown.config.ts';
const ENTRY = 'packages/app/src/client/entry.ts';

/** Returns a bundler configuration with the given inputs. */
function config(inputs: readonly string[]): string {
  return lines(
    'export default [',
    ...inputs.map((input) => `  { input: '${input}', output: { dir: 'dist' } },`),
    '];',
  );
}

describe('paths named by build settings', () => {
  for (const mode of ['balanced', 'aggressive'] as Mode[]) {
    test(`${mode} orders the file first`, () => {
      commitFiles(repo, {
        [CONFIG]: config(['src/node/index.ts']),
        'packages/app/src/node/index.ts': lines('export const node = 1;'),
      });
      stageFiles(repo, {
        [CONFIG]: config(['src/node/index.ts', 'src/client/entry.ts']),
        [ENTRY]: lines('const socket = new WebSocket(location.href);', 'socket.send("ready");'),
      });

      const batches = analyzeStaged(repo, mode);
      const entry = batches.indexOf(batchWith(batches, ENTRY) ?? batches[0]!);
      const setting = batches.indexOf(batchWith(batches, CONFIG) ?? batches[0]!);

      assert.ok(setting >= entry, batches.map((batch) => batch.message).join('\n'));
    });
  }
});
