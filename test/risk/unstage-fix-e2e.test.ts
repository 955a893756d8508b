import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, test } from 'node:test';

import { createTempRepo, gitTestEnv, type TempRepo } from '../helpers/repo.js';
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

/** Runs a command that a fix names in a POSIX shell, exactly as the fix prints it. */
function runCommand(repo: TempRepo, command: string): void {
  assert.match(command, /^git /);
  const result = spawnSync('sh', ['-c', command], {
    cwd: repo.dir,
    env: gitTestEnv(),
    encoding: 'utf8',
  });
  assert.equal(result.status, 0, `${command} failed: ${result.stderr}`);
}

/** Joins lines with a newline after each. */
function lines(...texts: string[]): string {
  return texts.map((text) => `${text}\n`).join('');
}

function stagedPaths(repo: TempRepo): string[] {
  return repo.git(['diff', '--cached', '--name-only', '-z']).split('\0').filter(Boolean);
}

describe('the unstage command in a fix', () => {
  test('a new file before the first commit', () => {
    const repo = createTempRepo();
    try {
      repo.write('.env', 'DATABASE_PASSWORD=local-only\n');
      repo.write('deploy/key.pem', `${fakePemKey().join('\n')}\n`);
      repo.git(['add', '-A']);

      const [credential] = findingsOf(repo, 'credential-file');
      const [key] = findingsOf(repo, 'private-key');
      assert.ok(credential !== undefined);
      assert.ok(key !== undefined);
      assert.equal(commandOf(credential.fix), 'git reset -q -- :/.env');
      assert.equal(commandOf(key.fix), 'git reset -q -- :/deploy/key.pem');

      runCommand(repo, commandOf(credential.fix));
      runCommand(repo, commandOf(key.fix));
      assert.deepEqual(stagedPaths(repo), []);
      assert.ok(existsSync(path.join(repo.dir, '.env')), 'the file stays on disk');
    } finally {
      repo.cleanup();
    }
  });

  test('a file HEAD has', () => {
    const repo = createTempRepo();
    try {
      repo.write('.env', 'DATABASE_PASSWORD=\n');
      repo.git(['add', '-A']);
      repo.git(['commit', '-q', '-m', 'start'], { env: { FOOTPRINT: '0' } });
      repo.write('.env', 'DATABASE_PASSWORD=local-only\n');
      repo.git(['add', '.env']);

      const [credential] = findingsOf(repo, 'credential-file');
      assert.ok(credential !== undefined);
      assert.equal(commandOf(credential.fix), 'git reset -q -- :/.env');

      runCommand(repo, commandOf(credential.fix));
      assert.deepEqual(stagedPaths(repo), []);
      assert.equal(repo.git(['ls-files', '.env']).trim(), '.env', 'still tracked');
    } finally {
      repo.cleanup();
    }
  });

  test('a new file edited after git add', () => {
    const repo = createTempRepo();
    try {
      repo.write('README.md', '# app\n');
      repo.git(['add', '-A']);
      repo.git(['commit', '-q', '-m', 'start'], { env: { FOOTPRINT: '0' } });
      repo.write('.env', 'DATABASE_PASSWORD=local-only\n');
      repo.git(['add', '.env']);
      repo.write('.env', 'DATABASE_PASSWORD=edited-after-add\n');

      const [credential] = findingsOf(repo, 'credential-file');
      assert.ok(credential !== undefined);

      runCommand(repo, commandOf(credential.fix));
      assert.deepEqual(stagedPaths(repo), []);
      const text = readFileSync(path.join(repo.dir, '.env'), 'utf8');
      assert.equal(text, 'DATABASE_PASSWORD=edited-after-add\n', 'the edit stays on disk');
    } finally {
      repo.cleanup();
    }
  });

  test('a renamed file on both paths', () => {
    const repo = createTempRepo();
    try {
      const settings = ['DATABASE_HOST=localhost', 'DATABASE_PORT=5432', 'DATABASE_USER=app'];
      repo.write('.env', lines(...settings, 'DATABASE_PASSWORD='));
      repo.git(['add', '-A']);
      repo.git(['commit', '-q', '-m', 'start'], { env: { FOOTPRINT: '0' } });
      repo.git(['mv', '.env', 'prod.env']);
      repo.write('prod.env', lines(...settings, 'DATABASE_PASSWORD=local-only'));
      repo.git(['add', 'prod.env']);

      const [credential] = findingsOf(repo, 'credential-file');
      assert.ok(credential !== undefined);

      runCommand(repo, commandOf(credential.fix));
      assert.deepEqual(stagedPaths(repo), [], 'the old path is not left staged as deleted');
      assert.ok(existsSync(path.join(repo.dir, 'prod.env')), 'the file stays on disk');
    } finally {
      repo.cleanup();
    }
  });

  test('a path git reads as a glob', () => {
    const repo = createTempRepo();
    try {
      repo.write("it's i.env", 'MODE=one\n');
      repo.write("it's [id].env", 'DATABASE_PASSWORD=\n');
      repo.git(['add', '-A']);
      repo.git(['commit', '-q', '-m', 'start'], { env: { FOOTPRINT: '0' } });
      repo.write("it's i.env", 'MODE=two\n');
      repo.write("it's [id].env", 'DATABASE_PASSWORD=local-only\n');
      repo.git(['add', '-A']);

      const findings = findingsOf(repo, 'credential-file');
      const credential = findings.find((finding) => finding.path === "it's [id].env");
      assert.ok(credential !== undefined);

      runCommand(repo, commandOf(credential.fix));
      assert.deepEqual(stagedPaths(repo), ["it's i.env"], 'only the named file leaves the index');
    } finally {
      repo.cleanup();
    }
  });
});

/** Returns the unstage command that the human summary prints for the one finding. */
function printedCommand(repo: TempRepo, columns: string): string {
  const result = repo.footprint(['precommit', '--no-llm'], { env: { COLUMNS: columns } });
  assert.equal(result.status, 1, `the commit was not blocked: ${result.stderr}`);
  const match = /`(git reset -q -- [\s\S]*?)`,\s+add\s+its\s+name/.exec(result.stderr);
  assert.ok(match, `no unstage command in: ${result.stderr}`);
  const command = match[1] as string;
  // eslint-disable-next-line no-control-regex -- control characters are what it finds
  assert.doesNotMatch(command, /[\u0000-\u0009\u000b-\u001f\u007f]/, 'only a newline is raw');
  return command;
}

/** Paths of credential files that a shell would not take literally. */
const SHELL_PATHS: Array<[string, string]> = [
  ['newline', 'a\nb.env'],
  ['folder newline', 'con\nfig/prod.env'],
  ['tab', 'tab\tname.env'],
  ['shell quotes', 'it\'s $HOME `id` "x".env'],
  ['sentence end', 'notes.  old.env'],
  ['escape sequence', '\u001b[31mred.env'],
  ['glob and newline', 'keys/[id]\n.env'],
];

describe('the unstage command in human output', () => {
  for (const [name, credential] of SHELL_PATHS) {
    for (const columns of ['40', '']) {
      const width = columns === '' ? 'without a width' : `at ${columns} columns`;
      test(`${name} ${width}`, () => {
        const repo = createTempRepo();
        try {
          repo.write('README.md', '# app\n');
          repo.git(['add', '-A']);
          repo.git(['commit', '-q', '-m', 'start'], { env: { FOOTPRINT: '0' } });
          repo.write('README.md', '# app\n\nUsage.\n');
          repo.write(credential, 'DATABASE_PASSWORD=local-only\n');
          repo.git(['add', '-A']);
          assert.equal(stagedPaths(repo).length, 2, 'both files are staged');

          runCommand(repo, printedCommand(repo, columns));
          assert.deepEqual(stagedPaths(repo), ['README.md'], 'only that file leaves the index');
          assert.ok(existsSync(path.join(repo.dir, credential)), 'the file stays on disk');
        } finally {
          repo.cleanup();
        }
      });
    }
  }

  test('renamed path with a newline', () => {
    const repo = createTempRepo();
    try {
      const settings = ['DATABASE_HOST=localhost', 'DATABASE_PORT=5432', 'DATABASE_USER=app'];
      repo.write('README.md', '# app\n');
      repo.write('old\tname.env', lines(...settings, 'DATABASE_PASSWORD='));
      repo.git(['add', '-A']);
      repo.git(['commit', '-q', '-m', 'start'], { env: { FOOTPRINT: '0' } });
      repo.git(['mv', 'old\tname.env', 'new\nname.env']);
      repo.write('new\nname.env', lines(...settings, 'DATABASE_PASSWORD=local-only'));
      repo.write('README.md', '# app\n\nUsage.\n');
      repo.git(['add', '-A']);

      const command = printedCommand(repo, '60');
      assert.equal(command, `git reset -q -- ':/old'"$(printf '\\t')"'name.env' ':/new\nname.env'`);

      runCommand(repo, command);
      assert.deepEqual(stagedPaths(repo), ['README.md'], 'neither path stays staged');
    } finally {
      repo.cleanup();
    }
  });
});
