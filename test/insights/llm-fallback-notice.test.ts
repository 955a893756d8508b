import assert from 'node:assert/strict';
import { describe, test } from 'node:test';

import type { TempRepo } from '../helpers/repo.js';
import type { FakeMessagesApi } from './fake-messages-api.js';
import { hermeticEnv, runFootprint } from './footprint-process.js';
import { trackTestResources } from './test-resources.js';

const { serve, createRepo: createTrackedRepo } = trackTestResources();

/**
 * The notice each command gives when the provider returns HTTP 500 to every request, with the
 * host the request was for, since it is not the default one.
 */
const NOTICE =
  /^⚠ LLM insights: anthropic failed \(.*HTTP 500.*\); used the offline heuristic\. The request was for 127\.0\.0\.1:\d+\.$/;

/** Creates a repository whose config turns on the Anthropic provider, with two files staged. */
function stagedRepo(): TempRepo {
  const repo = createTrackedRepo();
  repo.write('footprint.config.json', JSON.stringify({ llm: { provider: 'anthropic' } }));
  repo.write('src/a.js', 'export function a() {\n  return 1;\n}\n');
  repo.write('README.md', '# Demo\n\nline\n');
  repo.git(['add', '-A']);
  repo.git(['commit', '-q', '-m', 'chore: start'], { env: { FOOTPRINT: '0' } });
  repo.write('src/a.js', 'export function a() {\n  return 1;\n}\nexport const b = 2;\n');
  repo.write('README.md', '# Demo\n\nline changed\n');
  repo.git(['add', '-A']);
  return repo;
}

function serverEnv(server: FakeMessagesApi): NodeJS.ProcessEnv {
  return hermeticEnv({ ANTHROPIC_API_KEY: 'test-key', ANTHROPIC_BASE_URL: server.baseURL });
}

/** Returns the lines of `stderr` that give the LLM notice. */
function noticeLines(stderr: string): string[] {
  return stderr.split('\n').filter((line) => line.includes('LLM insights'));
}

const commands: Array<{ name: string; args: string[] }> = [
  { name: 'precommit', args: ['precommit'] },
  { name: 'strategy to stdout', args: ['strategy'] },
  { name: 'commit --dry-run', args: ['commit', '--dry-run'] },
  { name: 'commit --yes', args: ['commit', '--yes'] },
];

describe('failing LLM provider notice', () => {
  for (const { name, args } of commands) {
    test(`${name} prints the notice`, async () => {
      const server = await serve([{ status: 500 }]);
      const repo = stagedRepo();

      const result = await runFootprint(repo.dir, args, serverEnv(server));

      assert.equal(result.status, 0, result.stderr);
      assert.ok(server.requests.length > 0, 'footprint sent no request');
      const notices = noticeLines(result.stderr);
      assert.equal(notices.length, 1, result.stderr);
      assert.match(notices[0] ?? '', NOTICE);
      assert.doesNotMatch(result.stdout, /LLM insights/);
    });
  }
});
