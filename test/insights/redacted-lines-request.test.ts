import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { commitStartingProject } from '../e2e/project.js';
import type { TempRepo } from '../helpers/repo.js';
import { fakeAwsAccessKeyId } from '../risk/secret-parts.js';
import type { FakeMessagesApi, RecordedRequest } from './fake-messages-api.js';
import { hermeticEnv, runFootprint } from './footprint-process.js';
import { trackTestResources } from './test-resources.js';

const { serve, createRepo: createTrackedRepo } = trackTestResources();

// Values are joined from parts so that this file contains no string a scanner would flag.
const AWS_SECRET = ['q8HfZr2Lp9Vw3Mx81Kq2', 'Lp7Vw3QzTt5Yy6Uu7Ii8'].join('');
const OTHER_AWS_SECRET = ['Wm4Rt7Yp2Kx9Lq3Zv8Nb', '5Hd1Gf6Js0Ac2Ex7Tu4Q'].join('');
const PASSPHRASE = ['correct horse', ' battery staple'].join('');
const SPACED_PASSWORD = ['open sesame', ' 42'].join('');

/**
 * Shell words with quoted or escaped parts. The shell reads each as the word without its
 * quotes and backslashes, which these words use only as quoting. They have no digit, so no
 * secret rule reports them and the request carries their lines, redacted.
 */
const SHELL_WORDS = {
  quoted: ['kqXmhpQb"zXvt', 'obWsLpaN"'].join(''),
  escaped: ['HqeZmjWv\\ Tru', 'KpcLxfNb'].join(''),
  single: ["WngRtwYp'KdyF", "sxGhkJl'"].join(''),
  docker: ['BqmXwzNk"RfdT', 'zrMcsVd"'].join(''),
  legacy: ['ZqoWmiXkr', 'LpuVbtNrq'].join(''),
  arg: ['RtgYuhIo\\ VxjL', 'qkMzWn'].join(''),
};

/** Creates a repository whose first commit turns on the Anthropic provider. */
function createRepo(): TempRepo {
  const repo = createTrackedRepo();
  repo.write('footprint.config.json', JSON.stringify({ llm: { provider: 'anthropic' } }));
  commitStartingProject(repo);
  return repo;
}

/**
 * Turns the rules off in the repository's configuration, unstaged. A rule that is off for
 * commits still runs for the request, so the lines it matches stay withheld.
 */
function disableRules(repo: TempRepo, rules: string[]): void {
  const config = { llm: { provider: 'anthropic' }, risk: { disable: rules } };
  repo.write('footprint.config.json', JSON.stringify(config));
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

/** Returns the lines of the first hunk the summary shows for `path`, after its header. */
function hunkLines(summary: string, path: string): string[] {
  const lines = summary.split('\n');
  const file = lines.find((line) => line.split(' ')[2] === path);
  const id = file?.split(' ')[0];
  assert.ok(id, `${path} is not in the summary:\n${summary}`);
  const start = lines.findIndex((line) => line.startsWith(`${id} h1 @@`));
  assert.notEqual(start, -1, `${path} has no hunk in the summary:\n${summary}`);
  const end = lines.findIndex((line, index) => index > start && line === '');
  return lines.slice(start + 1, end === -1 ? undefined : end);
}

/** Returns every run of four or more characters of `secret` that `text` contains. */
function leakedParts(text: string, secret: string): string[] {
  const leaked: string[] = [];
  for (let start = 0; start + 4 <= secret.length; start++) {
    const part = secret.slice(start, start + 4);
    if (text.includes(part)) leaked.push(part);
  }
  return leaked;
}

describe('redacted lines in the request', () => {
  test('disabled rules still withhold keys', async () => {
    const server = await serve([{ toolInput: { summary: 'Adds AWS settings.', messages: [] } }]);
    const repo = createRepo();
    repo.write(
      'src/aws.js',
      [
        `export const AWS_ACCESS_KEY_ID = "${fakeAwsAccessKeyId()}";`,
        `export const AWS_SECRET_ACCESS_KEY = "${AWS_SECRET}";`,
        `export const aws = { secretAccessKey: "${OTHER_AWS_SECRET}" };`,
        '',
      ].join('\n'),
    );
    repo.git(['add', '-A']);
    disableRules(repo, ['provider-token', 'generic-secret']);

    const result = await runFootprint(repo.dir, ['precommit'], hermeticEnv(serverEnv(server)));
    const request = server.requests[0];
    const body = request?.rawBody ?? '';

    assert.equal(result.status, 0, result.stderr);
    assert.equal(server.requests.length, 1);
    assert.match(summaryText(request), /src\/aws\.js .*\(lines withheld: secret finding\)/);
    assert.deepEqual(leakedParts(body, AWS_SECRET), []);
    assert.deepEqual(leakedParts(body, OTHER_AWS_SECRET), []);
  });

  test('spaced config values go whole', async () => {
    const server = await serve([{ toolInput: { summary: 'Adds mail settings.', messages: [] } }]);
    const repo = createRepo();
    repo.write(
      'config/mail.yml',
      ['smtp:', `  password: ${PASSPHRASE} # rotated monthly`, '  host: mail.internal', ''].join(
        '\n',
      ),
    );
    repo.write('config/mail.properties', `mail.password=${SPACED_PASSWORD}\nmail.port=587\n`);
    repo.git(['add', '-A']);

    const result = await runFootprint(repo.dir, ['precommit'], hermeticEnv(serverEnv(server)));
    const request = server.requests[0];
    const body = request?.rawBody ?? '';

    assert.equal(result.status, 0, result.stderr);
    assert.equal(server.requests.length, 1);
    assert.deepEqual(hunkLines(summaryText(request), 'config/mail.yml'), [
      '+smtp:',
      '+  password: [REDACTED] # rotated monthly',
      '+  host: mail.internal',
    ]);
    assert.deepEqual(hunkLines(summaryText(request), 'config/mail.properties'), [
      '+mail.password=[REDACTED]',
      '+mail.port=587',
    ]);
    assert.equal(body.includes('battery'), false, 'part of the passphrase was sent');
    assert.equal(body.includes('sesame'), false, 'part of the password was sent');
  });

  test('shell words go whole', async () => {
    const server = await serve([{ toolInput: { summary: 'Adds deploy settings.', messages: [] } }]);
    const repo = createRepo();
    const { quoted, escaped, single, docker, legacy, arg } = SHELL_WORDS;
    repo.write(
      'deploy.sh',
      [
        `API_TOKEN=${quoted} && ./deploy`,
        `SECRET_KEY=${escaped}`,
        `export CLIENT_SECRET=${single}`,
        '',
      ].join('\n'),
    );
    repo.write(
      'Dockerfile',
      [
        'FROM node:20',
        `ENV API_SECRET=${docker}`,
        `ENV DB_PASSWORD ${legacy}`,
        `ARG NPM_TOKEN=${arg}`,
        '',
      ].join('\n'),
    );
    repo.git(['add', '-A']);

    const result = await runFootprint(repo.dir, ['precommit'], hermeticEnv(serverEnv(server)));
    const request = server.requests[0];
    const body = request?.rawBody ?? '';

    assert.equal(result.status, 0, result.stderr);
    assert.equal(server.requests.length, 1);
    assert.deepEqual(hunkLines(summaryText(request), 'deploy.sh'), [
      '+API_TOKEN=[REDACTED] && ./deploy',
      '+SECRET_KEY=[REDACTED]',
      '+export CLIENT_SECRET=[REDACTED]',
    ]);
    assert.deepEqual(hunkLines(summaryText(request), 'Dockerfile'), [
      '+FROM node:20',
      '+ENV API_SECRET=[REDACTED]',
      '+ENV DB_PASSWORD [REDACTED]',
      '+ARG NPM_TOKEN=[REDACTED]',
    ]);
    for (const [name, word] of Object.entries(SHELL_WORDS)) {
      const value = word.replace(/["'\\]/g, '');
      assert.deepEqual(leakedParts(body, value), [], `${name}: parts of the value were sent`);
      assert.deepEqual(leakedParts(body, word), [], `${name}: parts of the word were sent`);
    }
  });
});
