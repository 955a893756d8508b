import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, test } from 'node:test';

import { isUserError } from '../../src/errors.js';
import { runCli } from '../cli/cli-io.js';
import { createTempRepo, gitTestEnv, type TempRepo } from '../helpers/repo.js';
import {
  assertFsckClean,
  batch,
  captureState,
  commitInProcess,
  commitRun,
  listObjectFiles,
  planStrategy,
  writeStrategy,
} from './commit-fixtures.js';

const hasProgram = (program: string, args: string[]): boolean =>
  spawnSync(program, args, { stdio: 'ignore' }).error === undefined;

const HAS_SSH_KEYGEN = hasProgram('ssh-keygen', ['-?']);
const HAS_GPG = hasProgram('gpg', ['--version']);

const cleanups: Array<() => void> = [];
afterEach(() => {
  while (cleanups.length > 0) cleanups.pop()?.();
});

/** Makes a repository with two staged files, and a strategy that commits them apart. */
async function stagedTwoBatches(): Promise<{ repo: TempRepo; strategyFile: string }> {
  const repo = createTempRepo();
  cleanups.push(() => repo.cleanup());
  repo.write('a.txt', 'base\n');
  repo.write('b.txt', 'base\n');
  repo.git(['add', '-A']);
  repo.git(['commit', '-qm', 'chore: start']);
  repo.write('a.txt', 'changed\n');
  repo.write('b.txt', 'changed\n');
  repo.git(['add', '-A']);
  const { strategy } = await planStrategy(repo);
  const strategyFile = writeStrategy(repo, strategy, [
    batch('b1', 'fix: change a', [{ path: 'a.txt' }]),
    batch('b2', 'feat: change b', [{ path: 'b.txt' }]),
  ]);
  return { repo, strategyFile };
}

function temporaryFolder(prefix: string): string {
  const dir = mkdtempSync(path.join(tmpdir(), prefix));
  cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

/** Makes a throwaway ed25519 key and an allowed-signers file naming the test committer. */
function makeSshKey(): { key: string; allowedSigners: string } {
  const dir = temporaryFolder('footprint-ssh-');
  const key = path.join(dir, 'signing-key');
  const made = spawnSync('ssh-keygen', ['-q', '-t', 'ed25519', '-N', '', '-C', 'test', '-f', key]);
  assert.equal(made.status, 0, made.stderr?.toString());
  const allowedSigners = path.join(dir, 'allowed-signers');
  const publicKey = readFileSync(`${key}.pub`, 'utf8').trim();
  writeFileSync(allowedSigners, `committer@example.com ${publicKey}\n`);
  return { key, allowedSigners };
}

async function assertSigningRefused(
  repo: TempRepo,
  strategyFile: string,
  reason: RegExp,
): Promise<void> {
  const state = captureState(repo);
  const objects = listObjectFiles(repo);
  await assert.rejects(commitInProcess(repo, { strategyFile }), (error: unknown) => {
    assert.ok(isUserError(error));
    assert.equal(error.exitCode, 1);
    assert.match(error.message, reason);
    return true;
  });
  assert.equal(captureState(repo).head, state.head);
  assert.deepEqual(listObjectFiles(repo), objects, 'no unsigned object was written');
}

test(
  'ssh signing signs every commit',
  { skip: !HAS_SSH_KEYGEN && 'ssh-keygen is not installed' },
  async () => {
    const { repo, strategyFile } = await stagedTwoBatches();
    const { key, allowedSigners } = makeSshKey();
    repo.git(['config', 'commit.gpgSign', 'true']);
    repo.git(['config', 'gpg.format', 'ssh']);
    repo.git(['config', 'user.signingKey', key]);
    repo.git(['config', 'gpg.ssh.allowedSignersFile', allowedSigners]);

    const run = await commitRun(repo, { strategyFile });

    assert.equal(run.signing, 'ssh');
    for (const commit of run.commits) {
      const raw = repo.git(['cat-file', 'commit', commit.oid]);
      assert.match(raw, /\ngpgsig -----BEGIN SSH SIGNATURE-----\n /);
      const verified = repo.gitResult(['verify-commit', commit.oid]);
      assert.equal(verified.status, 0, verified.stderr);
      assert.match(verified.stderr, /Good "git" signature for committer@example\.com/);
    }
    assert.match(repo.git(['log', '-1', '--show-signature']), /Good "git" signature/);
    assertFsckClean(repo);
  },
);

test(
  'ssh signing without a key refuses',
  { skip: !HAS_SSH_KEYGEN && 'ssh-keygen is not installed' },
  async () => {
    const { repo, strategyFile } = await stagedTwoBatches();
    repo.git(['config', 'commit.gpgSign', 'true']);
    repo.git(['config', 'gpg.format', 'ssh']);

    await assertSigningRefused(repo, strategyFile, /user\.signingKey is not set/);
  },
);

test(
  'ssh signing with a missing key file refuses',
  { skip: !HAS_SSH_KEYGEN && 'ssh-keygen is not installed' },
  async () => {
    const { repo, strategyFile } = await stagedTwoBatches();
    repo.git(['config', 'commit.gpgSign', 'true']);
    repo.git(['config', 'gpg.format', 'ssh']);
    repo.git(['config', 'user.signingKey', path.join(repo.dir, 'no-such-key')]);

    await assertSigningRefused(
      repo,
      strategyFile,
      /ssh-keygen \(gpg\.format ssh\) exited with \d+ while signing/,
    );
  },
);

test('unknown signing format refuses', async () => {
  const { repo, strategyFile } = await stagedTwoBatches();
  repo.git(['config', 'commit.gpgSign', 'true']);
  repo.git(['config', 'gpg.format', 'smoke-signals']);

  await assertSigningRefused(repo, strategyFile, /gpg\.format is "smoke-signals"/);
});

test('signing program killed by a signal', async () => {
  const { repo, strategyFile } = await stagedTwoBatches();
  const program = path.join(repo.dir, '.git', 'killed-gpg');
  writeFileSync(program, '#!/bin/sh\nkill -TERM $$\n', { mode: 0o755 });
  repo.git(['config', 'commit.gpgSign', 'true']);
  repo.git(['config', 'gpg.program', program]);

  await assertSigningRefused(repo, strategyFile, /was killed by SIGTERM while signing/);
});

test('missing signing program refuses', async () => {
  const { repo, strategyFile } = await stagedTwoBatches();
  repo.git(['config', 'commit.gpgSign', 'true']);
  repo.git(['config', 'gpg.program', path.join(repo.dir, 'no-such-gpg')]);

  await assertSigningRefused(repo, strategyFile, /could not be started while signing/);
});

test(
  'openpgp signing signs every commit',
  { skip: !HAS_GPG && 'gpg is not installed' },
  async () => {
    const { repo, strategyFile } = await stagedTwoBatches();
    // A short folder keeps gpg-agent's socket path under the system's length limit.
    const home = temporaryFolder('fp-gpg-');
    const env = { GNUPGHOME: home };
    cleanups.push(() => spawnSync('gpgconf', ['--kill', 'gpg-agent'], { env: gitTestEnv(env) }));
    const generated = spawnSync(
      'gpg',
      [
        '--batch',
        '--passphrase',
        '',
        '--quick-gen-key',
        'Test Committer <committer@example.com>',
        'ed25519',
        'sign',
        'never',
      ],
      { env: gitTestEnv(env), encoding: 'utf8' },
    );
    assert.equal(generated.status, 0, generated.stderr);
    repo.git(['config', 'commit.gpgSign', 'true']);

    const run = await commitRun(repo, { strategyFile, env });

    assert.equal(run.signing, 'openpgp');
    for (const commit of run.commits) {
      const raw = repo.git(['cat-file', 'commit', commit.oid]);
      assert.match(raw, /\ngpgsig -----BEGIN PGP SIGNATURE-----\n /);
      const verified = repo.gitResult(['verify-commit', commit.oid], { env });
      assert.equal(verified.status, 0, verified.stderr);
      assert.match(
        verified.stderr,
        /Good signature from "Test Committer <committer@example\.com>"/,
      );
    }
    assertFsckClean(repo);
  },
);

/** Runs `footprint commit --strategy FILE --yes` in-process and returns its exit code and output. */
async function commitCli(repo: TempRepo, strategyFile: string) {
  const objects = listObjectFiles(repo);
  const head = captureState(repo).head;
  const result = await runCli(repo.dir, 'commit', '--strategy', strategyFile, '--yes');
  assert.equal(captureState(repo).head, head);
  assert.deepEqual(listObjectFiles(repo), objects, 'no unsigned object was written');
  return result;
}

test('openpgp program without a signature', async () => {
  const { repo, strategyFile } = await stagedTwoBatches();
  const program = path.join(repo.dir, '.git', 'quiet-gpg');
  writeFileSync(program, '#!/bin/sh\ncat >/dev/null\necho garbage\nexit 0\n', { mode: 0o755 });
  repo.git(['config', 'commit.gpgSign', 'true']);
  repo.git(['config', 'gpg.program', program]);

  const result = await commitCli(repo, strategyFile);

  assert.equal(result.code, 1, result.stderr);
  assert.ok(
    result.stderr.includes(
      `✖ commit.gpgSign is true, but ${program} (gpg.format openpgp) exited with 0 and ` +
        'printed no signature: its status output has no `[GNUPG:] SIG_CREATED` line, which ' +
        'gpg prints once it has signed. No commit was written. Fix the signing setup',
    ),
    result.stderr,
  );
  assert.equal(result.stderr.includes('no error output'), false, result.stderr);
});

test('ssh program without a signature', async () => {
  const { repo, strategyFile } = await stagedTwoBatches();
  const program = path.join(repo.dir, '.git', 'quiet-ssh-keygen');
  writeFileSync(program, '#!/bin/sh\necho "Signing file"\nexit 0\n', { mode: 0o755 });
  repo.git(['config', 'commit.gpgSign', 'true']);
  repo.git(['config', 'gpg.format', 'ssh']);
  repo.git(['config', 'gpg.ssh.program', program]);
  repo.git(['config', 'user.signingKey', path.join(repo.dir, 'signing-key')]);

  const result = await commitCli(repo, strategyFile);

  assert.equal(result.code, 1, result.stderr);
  assert.match(
    result.stderr,
    /^✖ commit\.gpgSign is true, but \S+quiet-ssh-keygen \(gpg\.format ssh\) exited with 0 and printed no signature: it wrote no signature file \(\S+\.sig\)\. No commit was written\. Fix the signing setup/m,
  );
});

/**
 * Writes a fake ssh-keygen that appends its arguments to `log`, one run per line, and writes
 * a placeholder signature next to its last argument, the file it signs.
 */
function writeArgumentLoggingSsh(dir: string, log: string): string {
  const program = path.join(dir, 'logging-ssh-keygen');
  const script =
    '#!/bin/sh\n' +
    `echo "$*" >> '${log}'\n` +
    'for arg; do last=$arg; done\n' +
    "printf -- '-----BEGIN SSH SIGNATURE-----\\nZmFrZQ==\\n-----END SSH SIGNATURE-----\\n'" +
    ' > "$last.sig"\n';
  writeFileSync(program, script, { mode: 0o755 });
  return program;
}

/** Replaces the two file arguments of an `ssh-keygen -Y sign` line with placeholders. */
function argumentShape(line: string): string {
  const words = line.split(' ');
  const keyAt = words.indexOf('-f') + 1;
  return (
    words
      .map((word, index) => (index === keyAt ? 'KEY' : word))
      .slice(0, -1)
      .join(' ') + ' FILE'
  );
}

test('literal ssh key arguments match git', async () => {
  const { repo, strategyFile } = await stagedTwoBatches();
  const dir = temporaryFolder('footprint-fake-ssh-');
  const log = path.join(dir, 'arguments.log');
  repo.git(['config', 'commit.gpgSign', 'true']);
  repo.git(['config', 'gpg.format', 'ssh']);
  repo.git(['config', 'gpg.ssh.program', writeArgumentLoggingSsh(dir, log)]);
  const literal = 'key::ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIFakeFakeFakeFakeFakeFake test';
  repo.git(['config', 'user.signingKey', literal]);

  await commitRun(repo, { strategyFile });
  repo.git(['commit', '-q', '--allow-empty', '-m', 'chore: signed by git']);

  const lines = readFileSync(log, 'utf8').trimEnd().split('\n');
  assert.equal(lines.length, 3, lines.join('\n'));
  const gitShape = argumentShape(lines[2] as string);
  assert.match(gitShape, /^-Y sign -n git -f KEY/);
  assert.equal(argumentShape(lines[0] as string), gitShape);
  assert.equal(argumentShape(lines[1] as string), gitShape);
});
