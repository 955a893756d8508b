import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, test } from 'node:test';
import { createTempRepo, type TempRepo } from '../helpers/repo.js';
import { fakeSlackToken } from '../risk/secret-parts.js';

function readFossils(repo: TempRepo): Array<{ name: string; text: string }> {
  const dir = path.join(repo.dir, 'fossils');
  return readdirSync(dir)
    .filter((name) => name.endsWith('.json'))
    .map((name) => ({ name, text: readFileSync(path.join(dir, name), 'utf8') }));
}

describe('fossils of a branch whose name holds a token', () => {
  test('analysis and commit-run fossils mask the token, and undo still finds the branch', () => {
    const token = fakeSlackToken();
    const branch = `feat/${token}`;
    const repo = createTempRepo({ initialBranch: branch });
    try {
      repo.write('README.md', '# demo\n');
      repo.git(['add', '-A']);
      repo.git(['commit', '-q', '-m', 'start'], { env: { FOOTPRINT: '0' } });
      const start = repo.git(['rev-parse', 'HEAD']);
      repo.write('README.md', '# demo\n\nMore.\n');
      repo.git(['add', '-A']);

      const analyzed = repo.footprint(['analyze', '--json', '--no-llm']);
      const checked = repo.footprint(['precommit', '--no-llm']);
      assert.equal(checked.status, 0, checked.stderr);
      const committed = repo.footprint(['commit', '--yes', '--no-llm']);
      assert.equal(committed.status, 0, committed.stderr);

      const fossils = readFossils(repo);
      const kinds = fossils.map((fossil) => /-(analysis|commit-run)-/.exec(fossil.name)?.[1]);
      assert.ok(kinds.includes('analysis'));
      assert.ok(kinds.includes('commit-run'));
      for (const fossil of fossils) {
        assert.equal(fossil.text.includes(token), false, `${fossil.name} holds the token`);
      }
      const run = fossils.find((fossil) => fossil.name.includes('-commit-run-'));
      const document = JSON.parse(run?.text ?? '{}') as {
        repository: { branch: string };
        payload: { ref: string };
      };
      assert.deepEqual(
        { branch: document.repository.branch, ref: document.payload.ref },
        { branch: 'feat/xoxb-********', ref: 'refs/heads/feat/xoxb-********' },
      );
      assert.equal(analyzed.stdout.includes(token), false);
      assert.match(analyzed.stdout, /feat\/xoxb-\*{8}/);

      assert.equal(committed.stdout.includes(token), false, 'commit output holds the token');
      assert.equal(committed.stderr.includes(token), false, 'commit stderr holds the token');
      assert.match(`${committed.stdout}${committed.stderr}`, /feat\/xoxb-\*{8}/);

      const undone = repo.footprint(['undo']);
      assert.equal(undone.status, 0, undone.stderr);
      assert.equal(`${undone.stdout}${undone.stderr}`.includes(token), false);
      assert.equal(repo.git(['rev-parse', `refs/heads/${branch}`]), start);
      assert.equal(repo.git(['symbolic-ref', 'HEAD']).trim(), `refs/heads/${branch}`);
    } finally {
      repo.cleanup();
    }
  });
});
