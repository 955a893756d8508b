import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { commitStartingProject } from '../e2e/project.js';
import type { TempRepo } from '../helpers/repo.js';
import { fakeGithubToken } from '../risk/secret-parts.js';
import type { FakeMessagesApi, RecordedRequest } from './fake-messages-api.js';
import { hermeticEnv, runFootprint } from './footprint-process.js';
import { trackTestResources } from './test-resources.js';

const { serve, createRepo: createTrackedRepo } = trackTestResources();

/** Files over this many bytes are not diffed in the test repositories. */
const MAX_DIFF_BYTES = 1024;

// Joined from parts so that this file contains no string a scanner would flag.
const DIFFED_SECRET = ['Vb7Nq2Lx9', 'Wm4Kt8Rz3Hp6'].join('');

/** Returns `count` lines of 61 bytes each, so the text has `count * 61` bytes. */
function filler(count: number, letter = 'a'): string {
  return `${letter.repeat(60)}\n`.repeat(count);
}

/**
 * Creates a repository whose first commit turns on the Anthropic provider, sets a small
 * maxDiffBytes and contains `files`.
 */
function createRepo(files: Record<string, string> = {}): TempRepo {
  const repo = createTrackedRepo();
  const config = { maxDiffBytes: MAX_DIFF_BYTES, llm: { provider: 'anthropic' } };
  repo.write('footprint.config.json', JSON.stringify(config));
  for (const [file, content] of Object.entries(files)) repo.write(file, content);
  commitStartingProject(repo);
  return repo;
}

function serverEnv(server: FakeMessagesApi): Record<string, string> {
  return { ANTHROPIC_API_KEY: 'test-key', ANTHROPIC_BASE_URL: server.baseURL };
}

/** Returns the text of the request's user message, which contains the change summary. */
function summaryText(request: RecordedRequest | undefined): string {
  const messages = request?.body['messages'] as Array<{ content: unknown }> | undefined;
  const content = messages?.[0]?.content;
  assert.equal(typeof content, 'string', 'the request has no user message text');
  return content as string;
}

/** Returns the line of the summary's file list that names `path`, without its id. */
function fileLine(summary: string, path: string): string | undefined {
  return summary
    .split('\n')
    .map((line) => /^f\d+ (.*)$/.exec(line)?.[1])
    .find((line) => line?.split(' ')[1]?.replace(/,$/, '') === path);
}

describe('undiffed files in the request', () => {
  test('large files show their size', async () => {
    const server = await serve([{ toolInput: { summary: 'Adds data.', messages: [] } }]);
    const repo = createRepo({ 'data/table.csv': filler(40) });
    repo.write('data/big.txt', filler(50));
    repo.write('data/table.csv', filler(45));
    repo.write('src/cart.js', 'export const total = () => 0;\n');
    repo.git(['add', '-A']);

    const result = await runFootprint(repo.dir, ['precommit'], hermeticEnv(serverEnv(server)));
    const summary = summaryText(server.requests[0]);

    assert.equal(result.status, 0, result.stderr);
    assert.equal(server.requests.length, 1);
    assert.equal(
      fileLine(summary, 'data/big.txt'),
      'added data/big.txt, 3050 bytes, not diffed because of its size',
    );
    assert.equal(
      fileLine(summary, 'data/table.csv'),
      'modified data/table.csv, 2440 -> 2745 bytes, not diffed because of its size',
    );
    assert.equal(fileLine(summary, 'src/cart.js'), 'modified src/cart.js +1 -3, 1 hunk');
    assert.match(
      summary,
      /^Staged change: 3 files, \+1 -3, 1 hunk, 2 files not diffed because of their size\./m,
    );
    assert.doesNotMatch(summary, /\+0 -0/);
  });

  test('only an undiffed file', async () => {
    const server = await serve([{ toolInput: { summary: 'Adds data.', messages: [] } }]);
    const repo = createRepo();
    repo.write('data/big.txt', filler(50));
    repo.git(['add', '-A']);

    const result = await runFootprint(repo.dir, ['precommit'], hermeticEnv(serverEnv(server)));
    const summary = summaryText(server.requests[0]);

    assert.equal(result.status, 0, result.stderr);
    assert.equal(server.requests.length, 1);
    assert.match(summary, /^Staged change: 1 file, not diffed because of its size\. Mode: /m);
    assert.doesNotMatch(summary, /\+0 -0/);
    assert.doesNotMatch(summary, /0 hunks/);
  });

  test('secrets stay local when undiffed', async () => {
    const server = await serve([{ toolInput: { summary: 'Adds data.', messages: [] } }]);
    const repo = createRepo();
    const token = fakeGithubToken();
    repo.write('data/big.txt', `${filler(25)}GITHUB_TOKEN=${token}\n${filler(25, 'b')}`);
    const allow = '// footprint-allow: generic-secret';
    repo.write(
      'src/config.js',
      `export const config = { apiSecret: "${DIFFED_SECRET}" }; ${allow}\n`,
    );
    repo.git(['add', '-A']);

    const result = await runFootprint(repo.dir, ['precommit'], hermeticEnv(serverEnv(server)));
    const body = server.requests[0]?.rawBody ?? '';
    const summary = summaryText(server.requests[0]);

    assert.equal(result.status, 1, 'the token in the undiffed file blocks the commit');
    assert.equal(server.requests.length, 1);
    assert.equal(
      fileLine(summary, 'data/big.txt'),
      'added data/big.txt, 3104 bytes, not diffed because of its size ' +
        '(lines withheld: secret finding)',
    );
    assert.equal(
      fileLine(summary, 'src/config.js'),
      'added src/config.js +1 -0, 1 hunk (lines withheld: secret finding)',
    );
    assert.equal(body.includes(token), false, 'the token in the undiffed file was sent');
    assert.equal(body.includes(DIFFED_SECRET), false, 'the secret in the diffed file was sent');
  });
});
