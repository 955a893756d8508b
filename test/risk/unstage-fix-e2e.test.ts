import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { describe, test } from 'node:test';

import { createTempRepo, type TempRepo } from '../helpers/repo.js';
import { fakePemKey } from './secret-parts.js';

interface JsonFinding {
  rule: string;
  path: string;
  fix: string;
}

function findingsOf(repo: TempRepo, rule: string): JsonFinding[] {
  const result = repo.footprint(['precommit', '--json', '--no-llm']);
  assert.ok(result.stdout.length > 0, `no JSON on stdout: ${result.stderr}`);
  const document = JSON.parse(result.stdout) as { risk: { findings: JsonFinding[] } };
  return document.risk.findings.filter((finding) => finding.rule === rule);
}

/** Returns the first command in backquotes of a fix. */
function commandOf(fix: string): string {
  const match = /`(git [^`]+)`/.exec(fix);
  assert.ok(match, `no git command in: ${fix}`);
  return match[1] as string;
}

/** Runs a command that a fix names, as its words (the paths here need no quotes). */
function runCommand(repo: TempRepo, command: string): void {
  const words = command.split(' ');
  assert.equal(words[0], 'git');
  repo.git(words.slice(1));
}

function stagedPaths(repo: TempRepo): string[] {
  return repo.git(['diff', '--cached', '--name-only']).split('\n').filter(Boolean);
}

describe('the unstage command in a fix', () => {
  test('a new file before the first commit: git rm --cached', () => {
    const repo = createTempRepo();
    try {
      repo.write('.env', 'DATABASE_PASSWORD=local-only\n');
      repo.write('deploy/key.pem', `${fakePemKey().join('\n')}\n`);
      repo.git(['add', '-A']);

      const [credential] = findingsOf(repo, 'credential-file');
      const [key] = findingsOf(repo, 'private-key');
      assert.ok(credential !== undefined);
      assert.ok(key !== undefined);
      assert.equal(commandOf(credential.fix), 'git rm --cached -- .env');
      assert.equal(commandOf(key.fix), 'git rm --cached -- deploy/key.pem');

      runCommand(repo, commandOf(credential.fix));
      runCommand(repo, commandOf(key.fix));
      assert.deepEqual(stagedPaths(repo), []);
      assert.ok(existsSync(path.join(repo.dir, '.env')), 'the file stays on disk');
    } finally {
      repo.cleanup();
    }
  });

  test('a file HEAD has: git restore --staged', () => {
    const repo = createTempRepo();
    try {
      repo.write('.env', 'DATABASE_PASSWORD=\n');
      repo.git(['add', '-A']);
      repo.git(['commit', '-q', '-m', 'start'], { env: { FOOTPRINT: '0' } });
      repo.write('.env', 'DATABASE_PASSWORD=local-only\n');
      repo.git(['add', '.env']);

      const [credential] = findingsOf(repo, 'credential-file');
      assert.ok(credential !== undefined);
      assert.equal(commandOf(credential.fix), 'git restore --staged -- .env');

      runCommand(repo, commandOf(credential.fix));
      assert.deepEqual(stagedPaths(repo), []);
      assert.equal(repo.git(['ls-files', '.env']).trim(), '.env', 'still tracked');
    } finally {
      repo.cleanup();
    }
  });
});
