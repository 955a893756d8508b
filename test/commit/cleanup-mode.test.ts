import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, test } from 'node:test';

import { CommitRefusedError } from '../../src/commit/refusal.js';
import { isUserError } from '../../src/errors.js';
import { createTempRepo, type TempRepo } from '../helpers/repo.js';
import {
  batch,
  commitInProcess,
  commitRun,
  planStrategy,
  writeStrategy,
} from './commit-fixtures.js';

/** A message with every part a cleanup mode treats differently. */
const MESSAGE =
  '\n\nfeat: change a  \n# a comment\n\n\n\nbody line\t\n#no space\n  # indented\n' +
  '; semi\n# ------------------------ >8 ------------------------\nafter scissors\n\n\n';

/** What whitespace cleanup leaves of MESSAGE: comment and scissors lines stay. */
const WHITESPACE =
  'feat: change a\n# a comment\n\nbody line\n#no space\n  # indented\n; semi\n' +
  '# ------------------------ >8 ------------------------\nafter scissors\n';

let repo: TempRepo | undefined;
afterEach(() => repo?.cleanup());

/** Creates a repository with `settings` in its config and a.txt changed and staged. */
function stagedRepo(settings: Record<string, string>): TempRepo {
  const created = createTempRepo();
  repo = created;
  created.write('a.txt', 'base\n');
  created.git(['add', 'a.txt']);
  created.git(['commit', '-q', '-m', 'chore: start'], { env: { FOOTPRINT: '0' } });
  for (const [key, value] of Object.entries(settings)) created.git(['config', key, value]);
  created.write('a.txt', 'changed\n');
  created.git(['add', 'a.txt']);
  return created;
}

/** Returns the message of `commit` byte for byte, as its object stores it. */
function storedMessage(created: TempRepo, commit: string): string {
  const object = created.git(['cat-file', 'commit', commit]);
  return object.slice(object.indexOf('\n\n') + 2);
}

/**
 * Commits MESSAGE with footprint, then the same message with `git commit -F` on top, and
 * returns both stored messages. With `hook`, both run it as the commit-msg hook.
 */
async function commitBoth(settings: Record<string, string>, message = MESSAGE, hook?: string) {
  const created = stagedRepo(settings);
  if (hook !== undefined) created.write('.git/hooks/commit-msg', hook, 0o755);
  const { strategy } = await planStrategy(created);
  const strategyFile = writeStrategy(created, strategy, [
    batch('b1', message, [{ path: 'a.txt' }]),
  ]);
  const run = await commitRun(created, { strategyFile });
  const footprint = storedMessage(created, run.finalHead);

  const file = path.join(created.dir, '.git', 'test-message');
  writeFileSync(file, message);
  created.git(['commit', '-q', '--allow-empty', '-F', file], { env: { FOOTPRINT: '0' } });
  const git = storedMessage(created, 'HEAD');
  return { footprint, git };
}

const cases: Array<{ name: string; settings: Record<string, string>; expected: string }> = [
  { name: 'unset', settings: {}, expected: WHITESPACE },
  { name: 'default', settings: { 'commit.cleanup': 'default' }, expected: WHITESPACE },
  { name: 'whitespace', settings: { 'commit.cleanup': 'whitespace' }, expected: WHITESPACE },
  { name: 'scissors', settings: { 'commit.cleanup': 'scissors' }, expected: WHITESPACE },
  { name: 'verbatim', settings: { 'commit.cleanup': 'verbatim' }, expected: MESSAGE },
  {
    name: 'strip',
    settings: { 'commit.cleanup': 'strip' },
    expected: 'feat: change a\n\nbody line\n  # indented\n; semi\nafter scissors\n',
  },
  {
    name: 'strip with ; comments',
    settings: { 'commit.cleanup': 'strip', 'core.commentChar': ';' },
    expected:
      'feat: change a\n# a comment\n\nbody line\n#no space\n  # indented\n' +
      '# ------------------------ >8 ------------------------\nafter scissors\n',
  },
  {
    name: 'strip with auto comments',
    settings: { 'commit.cleanup': 'strip', 'core.commentChar': 'auto' },
    expected: WHITESPACE,
  },
];

for (const { name, settings, expected } of cases) {
  test(`commit.cleanup ${name} matches git`, async () => {
    const { footprint, git } = await commitBoth(settings);

    assert.equal(git, expected, 'git commit -F stores the expected message');
    assert.equal(footprint, git);
  });
}

test('commit.cleanup strip rejects comment-only message', async () => {
  const created = stagedRepo({ 'commit.cleanup': 'strip' });
  const { strategy } = await planStrategy(created);
  const message = '# only a comment\n';
  const strategyFile = writeStrategy(created, strategy, [
    batch('b1', message, [{ path: 'a.txt' }]),
  ]);
  const before = created.git(['rev-parse', 'HEAD']);

  await assert.rejects(commitInProcess(created, { strategyFile }), (error: unknown) => {
    assert.ok(isUserError(error));
    assert.equal(error.exitCode, 1);
    assert.match(error.message, /batch b1 has only comment lines, which commit\.cleanup=strip/);
    assert.match(error.message, /`git config commit\.cleanup whitespace`/);
    assert.ok(error instanceof CommitRefusedError);
    assert.equal(error.problems[0]?.code, 'empty-message', 'listed as validate lists it');
    return true;
  });
  assert.equal(created.git(['rev-parse', 'HEAD']), before);
  const file = path.join(created.dir, '.git', 'test-message');
  writeFileSync(file, message);
  const git = created.gitResult(['commit', '--allow-empty', '-F', file]);
  assert.equal(git.status, 1, 'git commit -F rejects it too');
});

test('commit.cleanup invalid value is rejected', async () => {
  const created = stagedRepo({ 'commit.cleanup': 'Strip' });
  const { strategy } = await planStrategy(created);
  const strategyFile = writeStrategy(created, strategy, [
    batch('b1', 'feat: change a', [{ path: 'a.txt' }]),
  ]);

  await assert.rejects(commitInProcess(created, { strategyFile }), (error: unknown) => {
    assert.ok(isUserError(error));
    assert.equal(error.exitCode, 2);
    assert.match(error.message, /Invalid value "Strip" for commit\.cleanup/);
    assert.match(error.message, /expected one of strip, whitespace, verbatim, scissors, default/);
    return true;
  });
});

test('commit.cleanup strip after commit-msg hook', async () => {
  const created = stagedRepo({ 'commit.cleanup': 'strip' });
  const hook =
    '#!/bin/sh\nprintf "# added by the hook\\nReviewed-by: A <a@example.com>\\n" >> "$1"\n';
  created.write('.git/hooks/commit-msg', hook, 0o755);
  const { strategy } = await planStrategy(created);
  const strategyFile = writeStrategy(created, strategy, [
    batch('b1', 'feat: change a\n\n# a comment\n', [{ path: 'a.txt' }]),
  ]);

  const run = await commitRun(created, { strategyFile });

  const footprint = storedMessage(created, run.finalHead);
  assert.equal(footprint, 'feat: change a\n\nReviewed-by: A <a@example.com>\n');
  const file = path.join(created.dir, '.git', 'test-message');
  writeFileSync(file, 'feat: change a\n\n# a comment\n');
  created.git(['commit', '-q', '--allow-empty', '-F', file], { env: { FOOTPRINT: '0' } });
  assert.equal(storedMessage(created, 'HEAD'), footprint);
});

/** A commit-msg hook that appends lines ending in \v, \f and the whitespace git trims. */
const CONTROL_BYTES_HOOK =
  '#!/bin/sh\nprintf "Note: x \\v\\f\\t \\r\\n\\v\\n\\f\\n\\n \\v \\n" >> "$1"\n';

for (const mode of ['default', 'strip']) {
  test(`hook control bytes match git (${mode})`, async () => {
    const settings = { 'commit.cleanup': mode };
    const { footprint, git } = await commitBoth(settings, 'feat: change a\n', CONTROL_BYTES_HOOK);

    // git trims only space, tab and CR at a line's end. Its isspace() leaves out \v and \f.
    const expected = 'feat: change a\nNote: x \v\f\n\v\n\f\n\n \v\n';
    assert.equal(git, expected, 'git commit -F stores the expected message');
    assert.equal(footprint, git);
  });
}

test('commit.cleanup auto without free character', async () => {
  const created = stagedRepo({ 'core.commentChar': 'auto' });
  const { strategy } = await planStrategy(created);
  const message =
    'feat: change a\n\n' + [...'#;@!$%^&|:'].map((start) => `${start} line`).join('\n');
  const strategyFile = writeStrategy(created, strategy, [
    batch('b1', message, [{ path: 'a.txt' }]),
  ]);

  await assert.rejects(commitInProcess(created, { strategyFile }), (error: unknown) => {
    assert.ok(isUserError(error));
    assert.equal(error.exitCode, 1);
    assert.match(error.message, /batch b1 starts lines with each character/);
    assert.match(error.message, /`git config core\.commentChar "#"`/);
    return true;
  });
  const file = path.join(created.dir, '.git', 'test-message');
  writeFileSync(file, message);
  const git = created.gitResult(['commit', '--allow-empty', '-F', file]);
  assert.equal(git.status, 128, 'git commit -F stops too');
});

interface ValidateDocument {
  valid: boolean;
  problems: Array<{ code: string; batch?: string; message: string }>;
}

/** Writes a one-batch strategy with `message` and runs `footprint validate --json` on it. */
async function validateMessage(created: TempRepo, message: string) {
  const { strategy } = await planStrategy(created);
  const strategyFile = writeStrategy(created, strategy, [
    batch('b1', message, [{ path: 'a.txt' }]),
  ]);
  const result = created.footprint(['validate', '--strategy', strategyFile, '--json']);
  const document = result.stdout === '' ? null : (JSON.parse(result.stdout) as ValidateDocument);
  return { result, document };
}

/** Runs `git commit -F` on `message` and returns its exit status. */
function gitCommitStatus(created: TempRepo, message: string): number | null {
  const file = path.join(created.dir, '.git', 'test-message');
  writeFileSync(file, message);
  const env = { FOOTPRINT: '0' };
  return created.gitResult(['commit', '-q', '--allow-empty', '-F', file], { env }).status;
}

test('validate strip comment-only message', async () => {
  const created = stagedRepo({ 'commit.cleanup': 'strip' });
  const message = '# only a comment\n\n#another\n';

  const { result, document } = await validateMessage(created, message);

  assert.equal(result.status, 1, result.stderr);
  assert.equal(document?.valid, false);
  assert.deepEqual(
    document?.problems.map((problem) => problem.code),
    ['empty-message'],
  );
  assert.equal(document?.problems[0]?.batch, 'b1');
  const text = document?.problems[0]?.message ?? '';
  assert.match(text, /batch b1 has only comment lines, which commit\.cleanup=strip removes/);
  assert.match(text, /lines that start with "#"/);
  assert.equal(gitCommitStatus(created, message), 1, 'git commit -F rejects it too');
});

test('validate strip with ; comments', async () => {
  const created = stagedRepo({ 'commit.cleanup': 'strip', 'core.commentChar': ';' });
  const message = '; only a comment\n';

  const { result, document } = await validateMessage(created, message);

  assert.equal(result.status, 1, result.stderr);
  assert.equal(document?.problems[0]?.code, 'empty-message');
  assert.match(document?.problems[0]?.message ?? '', /lines that start with ";"/);
  assert.equal(gitCommitStatus(created, message), 1, 'git commit -F rejects it too');
});

test('validate keeps comments under whitespace', async () => {
  const created = stagedRepo({ 'commit.cleanup': 'whitespace' });
  const message = '# only a comment\n';

  const { result, document } = await validateMessage(created, message);

  assert.equal(result.status, 0, result.stdout);
  assert.equal(document?.valid, true);
  assert.equal(gitCommitStatus(created, message), 0, 'git commit -F commits it too');
});

test('validate auto without free character', async () => {
  const created = stagedRepo({ 'core.commentChar': 'auto' });
  const message =
    'feat: change a\n\n' + [...'#;@!$%^&|:'].map((start) => `${start} line`).join('\n');

  const { result, document } = await validateMessage(created, message);

  assert.equal(result.status, 1, result.stderr);
  assert.equal(document?.problems[0]?.code, 'no-comment-char');
  assert.equal(document?.problems[0]?.batch, 'b1');
  assert.match(document?.problems[0]?.message ?? '', /`git config core\.commentChar "#"`/);
  assert.equal(gitCommitStatus(created, message), 128, 'git commit -F stops too');
});

test('validate invalid cleanup value exits 2', async () => {
  const created = stagedRepo({ 'commit.cleanup': 'Strip' });

  const { result } = await validateMessage(created, 'feat: change a\n');

  assert.equal(result.status, 2, result.stdout);
  assert.match(result.stderr, /Invalid value "Strip" for commit\.cleanup/);
  assert.equal(gitCommitStatus(created, 'feat: change a\n'), 128, 'git commit -F stops too');
});

test('commit rejects CRLF under verbatim', async () => {
  const created = stagedRepo({ 'commit.cleanup': 'verbatim' });
  const message = 'feat: change a\r\n';
  const { document } = await validateMessage(created, message);
  const strategyFile = path.join(created.dir, '.git', 'test-strategy.json');
  const before = created.git(['rev-parse', 'HEAD']);

  await assert.rejects(commitInProcess(created, { strategyFile }), (error: unknown) => {
    assert.ok(error instanceof CommitRefusedError);
    assert.deepEqual(
      error.problems.map((problem) => problem.code),
      ['message-control-character'],
    );
    return true;
  });
  assert.equal(created.git(['rev-parse', 'HEAD']), before);
  assert.deepEqual(
    document?.problems.map((problem) => problem.code),
    ['message-control-character'],
    'validate lists the same problem',
  );
});

test('commit takes a blank message under verbatim', async () => {
  const created = stagedRepo({ 'commit.cleanup': 'verbatim' });
  const { document } = await validateMessage(created, ' \n');
  const strategyFile = path.join(created.dir, '.git', 'test-strategy.json');

  const run = await commitRun(created, { strategyFile });

  assert.equal(document?.valid, true);
  assert.equal(storedMessage(created, run.finalHead), ' \n');
  assert.equal(gitCommitStatus(created, ' \n'), 0, 'git commit -F commits it too');
});

test('strategy checks messages under commit.cleanup', async () => {
  const created = stagedRepo({ 'commit.cleanup': 'strip' });
  const { strategy } = await planStrategy(created);
  const message = strategy.batches[0]?.message ?? '';
  // The planned one-line message now starts with the comment character.
  created.git(['config', 'core.commentChar', message.charAt(0)]);
  const strategyFile = 'fossils/strategy.json';

  const planned = created.footprint(['strategy', '--json', '--output', strategyFile]);
  const validated = created.footprint(['validate', '--json', '--strategy', strategyFile]);
  const plannedDocument = JSON.parse(planned.stdout) as { validation: ValidateDocument };
  const validatedDocument = JSON.parse(validated.stdout) as ValidateDocument;

  assert.equal(planned.status, 0, planned.stderr);
  assert.equal(plannedDocument.validation.valid, false);
  assert.deepEqual(
    plannedDocument.validation.problems.map((problem) => problem.code),
    ['empty-message'],
  );
  assert.equal(validated.status, 1, validated.stderr);
  assert.deepEqual(plannedDocument.validation, {
    valid: validatedDocument.valid,
    problems: validatedDocument.problems,
  });
  assert.equal(gitCommitStatus(created, message), 1, 'git commit -F rejects it too');
});
