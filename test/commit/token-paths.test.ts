import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, test } from 'node:test';
import { createTempRepo, type TempRepo } from '../helpers/repo.js';
import { fakeAwsAccessKeyId, fakeGithubToken, fakeSlackToken } from '../risk/secret-parts.js';

interface CommitDocument {
  strategy: { file: string | null };
  commits: Array<{ changes: Array<{ path: string; oldPath?: string }> }>;
}

const token = fakeGithubToken();
const keyId = fakeAwsAccessKeyId();
const slackToken = fakeSlackToken();
const plan = `plans/${slackToken}.json`;
let repo: TempRepo;

/** Stages a rename away from a token path and a new file in a folder named after a key id. */
beforeEach(() => {
  repo = createTempRepo();
  repo.write('README.md', '# app\n');
  repo.write(`keys/${token}.txt`, 'staging\n');
  repo.git(['add', '-A']);
  repo.git(['commit', '-q', '-m', 'base'], { env: { FOOTPRINT: '0' } });
  repo.git(['mv', `keys/${token}.txt`, 'keys/staging.txt']);
  repo.write(`cfg/${keyId}/settings.js`, 'export const region = 1;\n');
  repo.git(['add', '-A']);
});

afterEach(() => repo.cleanup());

function assertNoTokens(text: string, where: string): void {
  assert.equal(text.includes(token), false, `${where} holds the GitHub token`);
  assert.equal(text.includes(keyId), false, `${where} holds the AWS key id`);
  assert.equal(text.includes(slackToken), false, `${where} holds the Slack token`);
}

describe('commit output with token paths', () => {
  test('dry run masks path tokens', () => {
    const result = repo.footprint(['commit', '--dry-run', '--no-verify', '--no-llm']);

    assert.equal(result.status, 0, result.stderr);
    assertNoTokens(result.stdout, 'stdout');
    assert.match(result.stdout, /keys\/ghp_\*{8}\.txt -> keys\/staging\.txt/);
    assert.match(result.stdout, /cfg\/AKIA\*{8}\/settings\.js/);
  });

  test('dry run JSON masks path tokens', () => {
    const result = repo.footprint(['commit', '--dry-run', '--no-verify', '--no-llm', '--json']);
    const document = JSON.parse(result.stdout) as CommitDocument;
    const changes = document.commits.flatMap((commit) => commit.changes);

    assert.equal(result.status, 0, result.stderr);
    assertNoTokens(result.stdout, 'stdout');
    assert.ok(changes.some((change) => change.oldPath === 'keys/ghp_********.txt'));
    assert.ok(changes.some((change) => change.path === 'cfg/AKIA********/settings.js'));
  });

  test('commit run masks strategy file token', () => {
    const written = repo.footprint(['strategy', '--output', plan, '--no-llm']);
    assert.equal(written.status, 0, written.stderr);

    const args = ['commit', '--strategy', plan, '--yes', '--no-verify', '--no-llm', '--json'];
    const result = repo.footprint(args);
    const document = JSON.parse(result.stdout) as CommitDocument;
    const dir = path.join(repo.dir, 'fossils');
    const [run] = readdirSync(dir).filter((name) => name.includes('-commit-run-'));
    const fossil = readFileSync(path.join(dir, run ?? 'missing'), 'utf8');

    assert.equal(result.status, 0, result.stderr);
    assertNoTokens(result.stdout, 'stdout');
    assertNoTokens(fossil, 'the commit-run fossil');
    assert.equal(document.strategy.file, path.join(repo.dir, 'plans/xoxb-********.json'));
    assert.equal(repo.git(['diff', '--cached', '--name-only']), '');
  });
});
