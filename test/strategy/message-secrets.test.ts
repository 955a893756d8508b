import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, test } from 'node:test';
import { analyzeBatches } from '../../src/batches/analyze.js';
import type { Footprint } from '../../src/footprint/types.js';
import { buildStrategy } from '../../src/strategy/build.js';
import { validateStrategy } from '../../src/strategy/validate.js';
import { lines, makeFootprint } from '../helpers/footprint-builder.js';
import { createTempRepo } from '../helpers/repo.js';
import { fakeDatabaseUrl, fakeGithubToken } from '../risk/secret-parts.js';

const input = makeFootprint([{ path: 'src/a.ts', old: lines('1'), new: lines('one') }]);
const footprint: Footprint = input.footprint;

function validateWithMessage(message: string) {
  const strategy = buildStrategy(
    footprint,
    analyzeBatches(input, { mode: 'balanced' }),
    { score: 0, blocked: false, findings: [] },
    new Date(0),
  );
  const batches = strategy.batches.map((batch) => ({ ...batch, message }));
  return validateStrategy({ ...strategy, batches }, footprint, { validateSchema: () => [] });
}

describe('validateStrategy and secrets in messages', () => {
  test('token in message is masked problem', () => {
    const token = fakeGithubToken();
    const validation = validateWithMessage(`fix: rotate ${token}`);

    assert.equal(validation.valid, false);
    const [problem] = validation.problems;
    assert.equal(validation.problems.length, 1);
    assert.equal(problem?.code, 'message-secret');
    assert.equal(problem?.batch, 'b1');
    assert.match(problem?.message ?? '', /provider-token: GitHub token, ghp_\*{8}\)/);
    assert.equal(problem?.message.includes(token), false);
  });

  test('a password in a URL in a batch message is a problem', () => {
    const validation = validateWithMessage(`chore: db ${fakeDatabaseUrl()}`);

    assert.deepEqual(
      validation.problems.map((problem) => problem.code),
      ['message-secret'],
    );
    assert.match(validation.problems[0]?.message ?? '', /url-credentials/);
    assert.equal(validation.problems[0]?.message.includes('S3cr3tPassw0rd'), false);
  });

  test('a message without a secret stays valid', () => {
    assert.deepEqual(validateWithMessage('fix: rotate the token handling').problems, []);
  });
});

describe('footprint commit --strategy and secrets in messages', () => {
  test('a strategy whose message holds a token is refused, and nothing is committed', () => {
    const repo = createTempRepo();
    try {
      repo.write('README.md', '# demo\n');
      repo.git(['add', '-A']);
      repo.git(['commit', '-q', '-m', 'start'], { env: { FOOTPRINT: '0' } });
      const head = repo.git(['rev-parse', 'HEAD']);
      repo.write('README.md', '# demo\n\nMore.\n');
      repo.git(['add', '-A']);
      const written = repo.footprint(['strategy', '--output', 'plan.json', '--no-llm']);
      assert.equal(written.status, 0, written.stderr);

      const token = fakeGithubToken();
      const file = path.join(repo.dir, 'plan.json');
      const strategy = JSON.parse(readFileSync(file, 'utf8')) as {
        batches: Array<{ message: string }>;
      };
      for (const batch of strategy.batches) batch.message = `fix: rotate ${token}`;
      writeFileSync(file, JSON.stringify(strategy));
      const result = repo.footprint(['commit', '--strategy', 'plan.json', '--yes', '--no-llm']);

      assert.notEqual(result.status, 0);
      assert.match(result.stderr, /message-secret/);
      assert.equal(result.stderr.includes(token), false);
      assert.equal(repo.git(['rev-parse', 'HEAD']), head);
    } finally {
      repo.cleanup();
    }
  });
});
