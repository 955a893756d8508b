import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, test } from 'node:test';
import type { TempRepo } from '../helpers/repo.js';
import type { FakeMessagesApi, RecordedRequest } from './fake-messages-api.js';
import { hermeticEnv, runFootprint, type RunResult } from './footprint-process.js';
import { trackTestResources } from './test-resources.js';

const { serve, createRepo: createTrackedRepo } = trackTestResources();

// Values are joined from parts so that this file contains no string a scanner would flag.
const RUST_KEY = ['9f3c1a7e5b', '2d4f6a8c0e', '1b3d5f7a9c', '4e6a8c0d2f'].join('');
const GO_KEY = ['Xq7HgZVu', 'RokLERfE9z'].join('');
const PY_KEY = ['p42O0AC3', 'oaP9w87kT3'].join('');
const TS_KEY = ['RvwQRGW4f', 'OA5UB0nz46'].join('');
const TF_PASSWORD = ['Zt4pDopbZ4nb', 'pDMWzdBlAi48Qx'].join('');
const HIGH_ENTROPY = [RUST_KEY, GO_KEY, PY_KEY, TS_KEY, TF_PASSWORD];

/**
 * Letters only, so no secret rule reports them: the request carries their lines, and the
 * redaction must find each value under its typed name.
 */
const LETTERS = {
  rust: ['kqXmhpQbzX', 'vtobWsLpaN'].join(''),
  go: ['HqeZmjWvTr', 'uKpcLxfNbq'].join(''),
  python: ['WngRtwYpKd', 'yFsxGhkJlm'].join(''),
  typescript: ['BqmXwzNkRf', 'dTzrMcsVdw'].join(''),
  kotlin: ['ZqoWmiXkrL', 'puVbtNrqYe'].join(''),
  terraform: ['MnbVcxZlkj', 'HgfDsaPoiu'].join(''),
};

/** Creates a repository whose first commit turns on the Anthropic provider. */
function createRepo(): TempRepo {
  const repo = createTrackedRepo();
  repo.write('footprint.config.json', JSON.stringify({ llm: { provider: 'anthropic' } }));
  repo.write('README.md', '# Shop\n');
  repo.git(['add', '-A']);
  repo.git(['commit', '-q', '-m', 'chore: start'], { env: { FOOTPRINT: '0' } });
  return repo;
}

/** Runs the hook with debug output on, against the fake Messages API. */
function precommit(repo: TempRepo, server: FakeMessagesApi): Promise<RunResult> {
  const env = {
    ANTHROPIC_API_KEY: 'test-key',
    ANTHROPIC_BASE_URL: server.baseURL,
    FOOTPRINT_DEBUG: '1',
  };
  return runFootprint(repo.dir, ['precommit'], hermeticEnv(env));
}

/** Returns the text of the request's user message, which contains the change summary. */
function summaryText(request: RecordedRequest | undefined): string {
  const messages = request?.body['messages'] as Array<{ content: unknown }> | undefined;
  const content = messages?.[0]?.content;
  assert.equal(typeof content, 'string', 'the request has no user message text');
  return content as string;
}

/** Returns the added lines of `path` in the summary, without their `+`. */
function addedLines(summary: string, filePath: string): string[] {
  const lines = summary.split('\n');
  const id = lines.find((line) => line.split(' ')[2] === filePath)?.split(' ')[0];
  assert.ok(id, `${filePath} is not in the summary:\n${summary}`);
  const start = lines.findIndex((line) => line.startsWith(`${id} h1 @@`));
  assert.notEqual(start, -1, `${filePath} has no hunk in the summary:\n${summary}`);
  const end = lines.findIndex((line, index) => index > start && line === '');
  return lines.slice(start + 1, end === -1 ? undefined : end).map((line) => line.slice(1));
}

/** Returns every run of six characters of `secret` that `text` contains. */
function leakedPieces(text: string, secret: string): string[] {
  const leaked: string[] = [];
  for (let start = 0; start + 6 <= secret.length; start++) {
    const piece = secret.slice(start, start + 6);
    if (text.includes(piece)) leaked.push(piece);
  }
  return leaked;
}

/** Returns the text of every fossil the repository's store holds. */
function readFossils(repo: TempRepo): string {
  const dir = path.join(repo.dir, 'fossils');
  return readdirSync(dir)
    .filter((name) => name.endsWith('.json'))
    .map((name) => readFileSync(path.join(dir, name), 'utf8'))
    .join('\n');
}

describe('typed secrets in the request', () => {
  test('typed secrets stay local', async () => {
    const server = await serve([{ toolInput: { summary: 'Adds settings.', messages: [] } }]);
    const repo = createRepo();
    repo.write('src/lib.rs', `pub const API_KEY: &str = "${RUST_KEY}";\n`);
    repo.write('config.go', `package shop\n\nconst apiKey string = "${GO_KEY}"\n`);
    repo.write('settings.py', `API_KEY: str = "${PY_KEY}"\n`);
    repo.write('config.ts', `export const apiKey: string = "${TS_KEY}";\n`);
    repo.write('vars.tf', `variable "db_password" {\n  default = "${TF_PASSWORD}"\n}\n`);
    repo.write('greet.py', 'def greet(name):\n    return f"Hello, {name}"\n');
    repo.git(['add', '-A']);

    const result = await precommit(repo, server);
    const body = server.requests[0]?.rawBody ?? '';
    const text = summaryText(server.requests[0]);
    const fossils = readFossils(repo);

    assert.equal(result.status, 1, result.stderr);
    assert.equal(server.requests.length, 1);
    for (const file of ['src/lib.rs', 'config.go', 'settings.py', 'config.ts', 'vars.tf']) {
      const withheld = new RegExp(`${file.replace('.', '\\.')} .*\\(lines withheld: secret`);
      assert.match(text, withheld);
    }
    assert.deepEqual(addedLines(text, 'greet.py'), [
      'def greet(name):',
      '    return f"Hello, {name}"',
    ]);
    for (const secret of HIGH_ENTROPY) {
      assert.deepEqual(leakedPieces(body, secret), [], 'part of a secret was sent');
      assert.deepEqual(leakedPieces(fossils, secret), [], 'part of a secret is in a fossil');
      assert.deepEqual(leakedPieces(result.stderr, secret), [], 'part of a secret was logged');
      assert.deepEqual(leakedPieces(result.stdout, secret), [], 'part of a secret was printed');
    }
  });

  test('typed names redacted in sent lines', async () => {
    const server = await serve([{ toolInput: { summary: 'Adds settings.', messages: [] } }]);
    const repo = createRepo();
    repo.write('src/lib.rs', `pub const API_KEY: &str = "${LETTERS.rust}";\n`);
    repo.write('config.go', `package shop\n\nconst apiKey string = "${LETTERS.go}"\n`);
    repo.write('settings.py', `API_KEY: str = "${LETTERS.python}"\n`);
    repo.write('config.ts', `export const apiKey: string = "${LETTERS.typescript}";\n`);
    repo.write('Config.kt', `val apiKey: String = "${LETTERS.kotlin}"\n`);
    repo.write('vars.tf', `variable "db_password" {\n  default = "${LETTERS.terraform}"\n}\n`);
    repo.git(['add', '-A']);

    const result = await precommit(repo, server);
    const body = server.requests[0]?.rawBody ?? '';
    const text = summaryText(server.requests[0]);

    assert.equal(result.status, 0, result.stderr);
    assert.equal(server.requests.length, 1);
    assert.deepEqual(addedLines(text, 'src/lib.rs'), ['pub const API_KEY: &str = "[REDACTED]";']);
    assert.deepEqual(addedLines(text, 'config.go'), [
      'package shop',
      '',
      'const apiKey string = "[REDACTED]"',
    ]);
    assert.deepEqual(addedLines(text, 'settings.py'), ['API_KEY: str = "[REDACTED]"']);
    assert.deepEqual(addedLines(text, 'config.ts'), [
      'export const apiKey: string = "[REDACTED]";',
    ]);
    assert.deepEqual(addedLines(text, 'Config.kt'), ['val apiKey: String = "[REDACTED]"']);
    assert.deepEqual(addedLines(text, 'vars.tf'), [
      'variable "db_password" {',
      '  default = "[REDACTED]"',
      '}',
    ]);
    for (const secret of Object.values(LETTERS)) {
      assert.deepEqual(leakedPieces(body, secret), [], 'part of a value was sent');
    }
  });
});
