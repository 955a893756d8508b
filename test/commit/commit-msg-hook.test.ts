import assert from 'node:assert/strict';
import { chmodSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, test } from 'node:test';

import { isUserError } from '../../src/errors.js';
import { runCli } from '../cli/cli-io.js';
import { createTempRepo, type TempRepo } from '../helpers/repo.js';
import {
  assertUnchanged,
  batch,
  captureState,
  commitInProcess,
  commitRun,
  listObjectFiles,
  planStrategy,
  writeStrategy,
} from './commit-fixtures.js';

let repo: TempRepo | undefined;
afterEach(() => repo?.cleanup());

/** Makes a repository with a.txt and b.txt changed and staged, and a two-batch strategy file. */
async function stagedTwoBatches(): Promise<{ repo: TempRepo; strategyFile: string }> {
  const created = createTempRepo();
  repo = created;
  created.write('a.txt', 'base\n');
  created.write('b.txt', 'base\n');
  created.git(['add', '-A']);
  created.git(['commit', '-qm', 'chore: start']);
  created.write('a.txt', 'changed\n');
  created.write('b.txt', 'changed\n');
  created.git(['add', '-A']);
  const { strategy } = await planStrategy(created);
  const strategyFile = writeStrategy(created, strategy, [
    batch('b1', 'fix: change a', [{ path: 'a.txt' }]),
    batch('b2', 'feat: change b', [{ path: 'b.txt' }]),
  ]);
  return { repo: created, strategyFile };
}

function installHook(created: TempRepo, script: string, hooksDir = '.git/hooks'): string {
  const file = path.join(created.dir, hooksDir, 'commit-msg');
  created.write(path.join(hooksDir, 'commit-msg'), `#!/bin/sh\n${script}\n`);
  chmodSync(file, 0o755);
  return file;
}

test('hook runs once per message', async () => {
  const { repo: created, strategyFile } = await stagedTwoBatches();
  const log = path.join(created.dir, '.git', 'hook-calls');
  installHook(created, `printf '%s|%s|%s\\n' "$1" "$(head -1 "$1")" "$GIT_AUTHOR_NAME" >> ${log}`);

  const run = await commitRun(created, { strategyFile });

  assert.equal(run.commitMsgHook, 'ran');
  assert.deepEqual(readFileSync(log, 'utf8').trim().split('\n'), [
    '.git/COMMIT_EDITMSG|fix: change a|Test Author',
    '.git/COMMIT_EDITMSG|feat: change b|Test Author',
  ]);
});

test('hook may rewrite the message', async () => {
  const { repo: created, strategyFile } = await stagedTwoBatches();
  installHook(created, 'printf "\\nSigned-off-by: Hook <hook@example.com>\\n" >> "$1"');

  const run = await commitRun(created, { strategyFile });

  const body = created.git(['log', '-1', '--format=%B']).trim();
  assert.equal(body, 'feat: change b\n\nSigned-off-by: Hook <hook@example.com>');
  assert.equal(
    run.commits[0]?.message,
    'fix: change a\n\nSigned-off-by: Hook <hook@example.com>\n',
  );
});

test('hook rejection writes nothing', async () => {
  const { repo: created, strategyFile } = await stagedTwoBatches();
  installHook(
    created,
    'grep -q "^feat" "$1" || { echo "subject must start with feat" >&2; exit 1; }',
  );
  const state = captureState(created);
  const objects = listObjectFiles(created);

  let output = '';
  await assert.rejects(
    commitInProcess(created, { strategyFile, output: (chunk) => (output += chunk) }),
    (error: unknown) => {
      assert.ok(isUserError(error));
      assert.equal(error.exitCode, 1);
      assert.match(error.message, /exited with 1 on the message of batch b1 \("fix: change a"\)/);
      assert.ok(error.message.includes(`Edit the message of batch b1 in ${strategyFile} and`));
      assert.ok(error.message.includes(`\`footprint commit --strategy ${strategyFile}\` again`));
      assert.match(error.message, /--no-verify/);
      return true;
    },
  );

  assert.match(output, /subject must start with feat/);
  assertUnchanged(created, state);
  assert.deepEqual(listObjectFiles(created), objects);
  assert.equal(existsSync(path.join(created.dir, 'fossils')), false);
});

test('no-verify skips the hook', async () => {
  const { repo: created, strategyFile } = await stagedTwoBatches();
  installHook(created, 'exit 1');

  const run = await commitRun(created, { strategyFile, noVerify: true });

  assert.equal(run.commitMsgHook, 'skipped');
  assert.equal(created.git(['log', '-1', '--format=%s']).trim(), 'feat: change b');
});

test('hooks path is honoured', async () => {
  const { repo: created, strategyFile } = await stagedTwoBatches();
  created.git(['config', 'core.hooksPath', 'custom-hooks']);
  installHook(created, 'exit 3', 'custom-hooks');

  await assert.rejects(commitInProcess(created, { strategyFile }), /exited with 3/);
});

test('hook killed by a signal', async () => {
  const { repo: created, strategyFile } = await stagedTwoBatches();
  installHook(created, 'kill -TERM $$');

  await assert.rejects(commitInProcess(created, { strategyFile }), (error: unknown) => {
    assert.ok(isUserError(error));
    assert.match(error.message, /commit-msg was killed by SIGTERM on the message of batch b1/);
    return true;
  });
});

/** Runs `footprint commit --strategy FILE --yes` in-process and returns its exit code and output. */
async function commitCli(created: TempRepo, strategyFile: string) {
  const state = captureState(created);
  const result = await runCli(created.dir, 'commit', '--strategy', strategyFile, '--yes');
  assertUnchanged(created, state);
  const refusal = result.stderr.split('\n').find((line) => line.startsWith('✖ ')) ?? '';
  return { ...result, refusal };
}

test('hook interpreter missing', async () => {
  const { repo: created, strategyFile } = await stagedTwoBatches();
  const file = installHook(created, '');
  writeFileSync(file, '#!/no/such/interpreter -e\nexit 0\n');

  const result = await commitCli(created, strategyFile);

  assert.equal(result.code, 1, result.stderr);
  assert.equal(
    result.refusal,
    `✖ The commit-msg hook ${file} could not be started, because its #! line names the ` +
      'interpreter /no/such/interpreter, which does not exist. No commit was made. Fix the ' +
      `first line of ${file}, or skip the hook with --no-verify.`,
  );
  assert.equal(result.stderr.includes('ENOENT'), false, result.stderr);
});

test('hook command not found', async () => {
  const { repo: created, strategyFile } = await stagedTwoBatches();
  const file = installHook(created, '');
  writeFileSync(file, '#!/usr/bin/env no-such-program-footprint\nexit 0\n');

  const result = await commitCli(created, strategyFile);

  assert.equal(result.code, 1, result.stderr);
  assert.equal(
    result.refusal,
    `✖ The commit-msg hook ${file} exited with 127 on the message of batch b1 ("fix: change a"), ` +
      'so no commit was made. A shell exits with 127 when a command the hook runs was not ' +
      'found, so check the programs the hook runs and its first line (see its output above), ' +
      'or skip the hook with --no-verify.',
  );
});

test('hook interpreter with a carriage return', async () => {
  const { repo: created, strategyFile } = await stagedTwoBatches();
  const file = installHook(created, '');
  writeFileSync(file, '#!/bin/sh\r\nexit 0\r\n');

  const result = await commitCli(created, strategyFile);

  assert.equal(result.code, 1, result.stderr);
  assert.ok(
    result.stderr.includes(
      'its #! line names the interpreter "/bin/sh\\r", which does not exist, because the ' +
        'line ends in a carriage return (Windows line ends).',
    ),
    result.stderr,
  );
  assert.equal(result.stderr.includes('Edit the message'), false, result.stderr);
});

test('hook not executable is skipped with a warning', async () => {
  const { repo: created, strategyFile } = await stagedTwoBatches();
  const file = installHook(created, 'exit 1');
  chmodSync(file, 0o644);

  const { outcome, output } = await commitInProcess(created, { strategyFile });

  assert.equal(outcome.kind, 'committed');
  if (outcome.kind === 'committed') assert.equal(outcome.run.commitMsgHook, 'absent');
  assert.match(output, /was skipped because it is not executable.*chmod \+x/);
});

test('chmod advice quotes the hook path', async () => {
  const { repo: created, strategyFile } = await stagedTwoBatches();
  created.git(['config', 'core.hooksPath', 'my hooks']);
  const file = installHook(created, 'exit 1', 'my hooks');
  chmodSync(file, 0o644);

  const { output } = await commitInProcess(created, { strategyFile });

  assert.ok(output.includes(`\`chmod +x '${file}'\``), output);
});

test('hook emptying the message refuses', async () => {
  const { repo: created, strategyFile } = await stagedTwoBatches();
  const file = installHook(created, ': > "$1"');

  const result = await commitCli(created, strategyFile);

  assert.equal(result.code, 1, result.stderr);
  assert.equal(
    result.refusal,
    `✖ The commit-msg hook ${file} emptied the message of batch b1 ("fix: change a"), so no ` +
      'commit was made. git commit rejects an empty message too, so a hook may empty it on ' +
      `purpose. Check what ${file} does to its message file, or skip the hook with --no-verify.`,
  );
});

test('hook leaving only comments refuses', async () => {
  const { repo: created, strategyFile } = await stagedTwoBatches();
  created.git(['config', 'commit.cleanup', 'strip']);
  const file = installHook(created, 'echo "# rejected" > "$1"');

  const result = await commitCli(created, strategyFile);

  assert.equal(result.code, 1, result.stderr);
  assert.ok(
    result.stderr.includes(
      `hook ${file} left only lines that git's message cleanup removes, such as comment ` +
        'lines, in the message of batch b1 ("fix: change a")',
    ),
    result.stderr,
  );
  assert.equal(result.stderr.includes('Edit the message'), false, result.stderr);
});

test('planned run rejection names strategy', async () => {
  const { repo: created } = await stagedTwoBatches();
  installHook(created, 'exit 1');

  await assert.rejects(commitInProcess(created), (error: unknown) => {
    assert.ok(isUserError(error));
    assert.match(error.message, /Write the strategy with `footprint strategy --output FILE`/);
    assert.match(error.message, /edit the message of batch b1 there/);
    assert.match(error.message, /`footprint commit --strategy FILE`/);
    return true;
  });
});
