import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';

import { main } from '../../src/cli/main.js';
import { createTempRepo, gitTestEnv, type TempRepo } from '../helpers/repo.js';
import { captureIo } from './cli-io.js';

const MAX_COMMITS =
  "use a whole number of 1 or more (a number of commits), such as '--max-commits 2000'.";
const LIMIT = "use a whole number of 1 or more (a number of fossils), such as '--limit 50'.";
const KEEP = "use a whole number of 0 or more (a number of fossils), such as '--keep 10'.";

/** Each invalid count, negative or not, and the message it must get. */
const CASES: Array<[argv: string[], message: string]> = [
  [['learn', '--max-commits', '0'], `Invalid value '0' for --max-commits: ${MAX_COMMITS}`],
  [['learn', '--max-commits', '-5'], `Invalid value '-5' for --max-commits: ${MAX_COMMITS}`],
  [['learn', '--max-commits=-5'], `Invalid value '-5' for --max-commits: ${MAX_COMMITS}`],
  [['learn', '--max-commits', '2.5'], `Invalid value '2.5' for --max-commits: ${MAX_COMMITS}`],
  [['fossils', 'list', '--limit', '-1'], `Invalid value '-1' for --limit: ${LIMIT}`],
  [['fossils', 'list', '--limit', '0'], `Invalid value '0' for --limit: ${LIMIT}`],
  [['fossils', 'prune', '--keep', '-1'], `Invalid value '-1' for --keep: ${KEEP}`],
  [['fossils', 'prune', '--keep', 'all'], `Invalid value 'all' for --keep: ${KEEP}`],
];

let repo: TempRepo;

before(() => {
  repo = createTempRepo();
  repo.write('a.txt', 'a\n');
  repo.git(['add', 'a.txt']);
  repo.git(['commit', '-q', '--no-verify', '-m', 'chore: start']);
});

after(() => repo.cleanup());

async function run(argv: string[]) {
  const { io, stdout, stderr } = captureIo({ cwd: repo.dir, env: gitTestEnv() });
  const code = await main(argv, io);
  return { code, stdout: stdout.text, stderr: stderr.text };
}

describe('count option errors', () => {
  for (const [argv, message] of CASES) {
    test(argv.join(' '), async () => {
      const result = await run(argv);

      assert.equal(result.code, 2, result.stderr);
      assert.equal(result.stderr, `✖ ${message}\n`);
      assert.equal(result.stdout, '');
    });
  }

  test('huge max-commits means every commit', async () => {
    const result = await run(['learn', '--json', '--max-commits', '99999999999999999999']);

    assert.equal(result.code, 0, result.stderr);
    assert.equal((JSON.parse(result.stdout) as { commits: number }).commits, 1);
  });
});
