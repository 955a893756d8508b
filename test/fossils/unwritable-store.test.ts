import assert from 'node:assert/strict';
import { readdirSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, test } from 'node:test';
import { main } from '../../src/cli/main.js';
import { captureIo } from '../cli/cli-io.js';
import { createTempRepo, gitTestEnv, type TempRepo } from '../helpers/repo.js';
import { fakeGithubToken } from '../risk/secret-parts.js';

let repo: TempRepo;

beforeEach(() => {
  repo = createTempRepo();
  repo.write('README.md', '# start\n');
  repo.git(['add', 'README.md']);
  repo.git(['commit', '-q', '-m', 'start'], { env: { FOOTPRINT: '0' } });
});

afterEach(() => {
  repo.cleanup();
});

async function precommit(): Promise<{ code: number; stderr: string }> {
  const { io, stderr } = captureIo({ cwd: repo.dir, env: gitTestEnv() });
  const code = await main(['precommit', '--no-llm'], io);
  return { code, stderr: stderr.text };
}

function stageToken(): void {
  repo.write('deploy.sh', `export TOKEN=${fakeGithubToken()}\n`);
  repo.git(['add', 'deploy.sh']);
}

function stageCleanChange(): void {
  repo.write('README.md', '# start\n\nMore words.\n');
  repo.git(['add', 'README.md']);
}

function assertFossilWarning(stderr: string, shownPath: RegExp): void {
  const warnings = stderr.split('\n').filter((line) => line.includes('fossil was not written'));
  assert.equal(warnings.length, 1, stderr);
  assert.match(warnings[0] ?? '', shownPath);
  assert.match(warnings[0] ?? '', /\(E[A-Z]+: (?:a file is where|a folder of the path is)/);
  assert.match(warnings[0] ?? '', /fossilDir/);
  assert.doesNotMatch(stderr, /internal error/);
  assert.doesNotMatch(stderr, /without checks/);
}

describe('unwritable fossil store', () => {
  test('precommit blocks with a fossils file', async () => {
    writeFileSync(path.join(repo.dir, 'fossils'), 'note\n');
    stageToken();

    const result = await precommit();

    assert.equal(result.code, 1, result.stderr);
    assert.match(result.stderr, /provider-token/);
    assertFossilWarning(result.stderr, /fossils\//);
  });

  test('precommit passes with a fossils file', async () => {
    writeFileSync(path.join(repo.dir, 'fossils'), 'note\n');
    stageCleanChange();

    const result = await precommit();

    assert.equal(result.code, 0, result.stderr);
    assertFossilWarning(result.stderr, /fossils\//);
  });

  test('precommit blocks with a dangling fossilDir', async () => {
    writeFileSync(path.join(repo.dir, 'footprint.config.json'), '{"fossilDir":"dl"}\n');
    symlinkSync('nowhere/x', path.join(repo.dir, 'dl'));
    stageToken();

    const result = await precommit();

    assert.equal(result.code, 1, result.stderr);
    assertFossilWarning(result.stderr, /dl\//);
  });

  test('precommit passes with a file fossilDir', async () => {
    writeFileSync(path.join(repo.dir, 'footprint.config.json'), '{"fossilDir":"b"}\n');
    writeFileSync(path.join(repo.dir, 'b'), 'not a folder\n');
    stageCleanChange();

    const result = await precommit();

    assert.equal(result.code, 0, result.stderr);
    assertFossilWarning(result.stderr, /b\//);
    assert.deepEqual(
      readdirSync(repo.dir).filter((name) => name === 'fossils'),
      [],
    );
  });

  test('failClosed blocks without a fossil', async () => {
    const config = '{"fossilDir":"b","failClosed":true}\n';
    writeFileSync(path.join(repo.dir, 'footprint.config.json'), config);
    writeFileSync(path.join(repo.dir, 'b'), 'not a folder\n');
    stageCleanChange();

    const result = await precommit();
    const last = result.stderr.trimEnd().split('\n').at(-1) ?? '';

    assert.equal(result.code, 1, result.stderr);
    assertFossilWarning(result.stderr, /b\//);
    assert.match(last, /^✖ Commit blocked: "failClosed" is true and no fossil could be written\./);
    assert.match(last, /git commit --no-verify/);
  });

  test('failClosed off lets it pass', async () => {
    const config = '{"fossilDir":"b","failClosed":false}\n';
    writeFileSync(path.join(repo.dir, 'footprint.config.json'), config);
    writeFileSync(path.join(repo.dir, 'b'), 'not a folder\n');
    stageCleanChange();

    const result = await precommit();

    assert.equal(result.code, 0, result.stderr);
    assert.doesNotMatch(result.stderr, /failClosed/);
  });

  test('commit exits 2 and moves nothing', async () => {
    writeFileSync(path.join(repo.dir, 'fossils'), 'note\n');
    stageCleanChange();
    const head = repo.git(['rev-parse', 'HEAD']);
    const { io, stderr } = captureIo({ cwd: repo.dir, env: gitTestEnv() });

    const code = await main(['commit', '--yes', '--no-llm'], io);

    assert.equal(code, 2, stderr.text);
    assert.match(stderr.text, /The fossil was not written to fossils\/.*\(E[A-Z]+: a file is/);
    assert.match(stderr.text, /so the branch was not moved and nothing was committed\./);
    assert.doesNotMatch(stderr.text, /internal error/);
    assert.equal(repo.git(['rev-parse', 'HEAD']), head);
  });
});
