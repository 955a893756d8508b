import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { prepareCommitMessage } from '../../src/message/prepare.js';
import { runCli } from '../cli/cli-io.js';
import { createTempRepo, gitTestEnv, type TempRepo } from '../helpers/repo.js';
import { fakeGithubToken } from '../risk/secret-parts.js';

const STATUS = '\n# Please enter the commit message for your changes.\n';

function prepare(repo: TempRepo, source: string, env: Record<string, string> = {}) {
  const messageFile = path.join(repo.dir, '.git', 'COMMIT_EDITMSG');
  return prepareCommitMessage({ cwd: repo.dir, env: gitTestEnv(env), messageFile, source });
}

function readMessage(repo: TempRepo): string {
  return readFileSync(path.join(repo.dir, '.git', 'COMMIT_EDITMSG'), 'utf8');
}

function stageModule(repo: TempRepo): void {
  repo.write('src/tax.js', 'export const rate = 0.2;\n');
  repo.git(['add', 'src/tax.js']);
}

test('prepare suggests a commented message', async () => {
  const repo = createTempRepo();
  try {
    stageModule(repo);
    repo.write('.git/COMMIT_EDITMSG', STATUS);

    const outcome = await prepare(repo, '');
    const text = readMessage(repo);

    assert.equal(outcome.action, 'suggested');
    assert.match(text, /^\n# footprint suggests this message\. To use it, delete the "#" in front/);
    assert.match(text, /^\n[^\n]*\n#feat\b[^\n]*\n#\n# Please enter/);
    assert.equal(repo.git(['stripspace', '--strip-comments'], { input: text }), '');
  } finally {
    repo.cleanup();
  }
});

test('prepare suggests above a sign-off', async () => {
  const repo = createTempRepo();
  try {
    stageModule(repo);
    // `git commit -s` opens the editor on a file with the trailer and no message.
    const signOff = 'Signed-off-by: A U Thor <author@example.com>';
    repo.write('.git/COMMIT_EDITMSG', `\n\n${signOff}\n${STATUS}`);

    const outcome = await prepare(repo, '');
    const lines = readMessage(repo).split('\n');

    assert.equal(outcome.action, 'suggested');
    assert.equal(lines[0], '');
    assert.match(lines[2] ?? '', /^#feat\b/);
    assert.equal(lines[5], signOff);
  } finally {
    repo.cleanup();
  }
});

test('prepare with verbatim cleanup suggests nothing', async () => {
  const repo = createTempRepo();
  try {
    stageModule(repo);
    repo.git(['config', 'commit.cleanup', 'verbatim']);
    repo.write('.git/COMMIT_EDITMSG', STATUS);

    const outcome = await prepare(repo, '');

    assert.equal(outcome.action, 'skipped');
    assert.equal(readMessage(repo), STATUS);
  } finally {
    repo.cleanup();
  }
});

test('prepare keeps messages the user gave', async () => {
  const repo = createTempRepo();
  try {
    stageModule(repo);
    for (const source of ['message', 'merge', 'squash', 'commit']) {
      repo.write('.git/COMMIT_EDITMSG', `given\n${STATUS}`);

      const outcome = await prepare(repo, source);

      assert.equal(outcome.action, 'skipped', source);
      assert.equal(readMessage(repo), `given\n${STATUS}`, source);
    }
  } finally {
    repo.cleanup();
  }
});

test('prepare does nothing without an editor', async () => {
  const repo = createTempRepo();
  try {
    stageModule(repo);
    repo.write('.git/COMMIT_EDITMSG', STATUS);

    const outcome = await prepare(repo, '', { GIT_EDITOR: ':' });

    assert.equal(outcome.action, 'skipped');
    assert.equal(readMessage(repo), STATUS);
  } finally {
    repo.cleanup();
  }
});

test('prepare with nothing staged leaves the file', async () => {
  const repo = createTempRepo();
  try {
    repo.write('.git/COMMIT_EDITMSG', STATUS);

    const outcome = await prepare(repo, '');

    assert.equal(outcome.action, 'skipped');
    assert.equal(outcome.reason, 'nothing is staged');
    assert.equal(readMessage(repo), STATUS);
  } finally {
    repo.cleanup();
  }
});

/** Stages a new module and an unrelated README edit: two suggested commits. */
function stageTwoChanges(repo: TempRepo): void {
  repo.write('README.md', '# Shop\n');
  repo.git(['add', 'README.md']);
  repo.git(['commit', '-q', '--no-verify', '-m', 'chore: start']);
  stageModule(repo);
  repo.write('README.md', '# Shop\n\nA longer description of the shop and its tax rules.\n');
  repo.git(['add', 'README.md']);
}

test('prepare lists several batches without a subject', async () => {
  const repo = createTempRepo();
  try {
    stageTwoChanges(repo);
    repo.write('.git/COMMIT_EDITMSG', STATUS);

    const outcome = await prepare(repo, '');
    const lines = readMessage(repo).split('\n');

    assert.equal(outcome.action, 'listed');
    assert.equal(lines[0], '', 'line one is left for the message');
    assert.equal(lines[1], '# footprint: this change mixes 2 commits:');
    assert.match(lines[2] ?? '', /^# {3}b1 {2}\S/);
    assert.ok(readMessage(repo).endsWith(`#${STATUS}`));
  } finally {
    repo.cleanup();
  }
});

test('prepare with several batches and verbatim cleanup skips', async () => {
  const repo = createTempRepo();
  try {
    stageTwoChanges(repo);
    repo.git(['config', 'commit.cleanup', 'verbatim']);
    repo.write('.git/COMMIT_EDITMSG', STATUS);

    const outcome = await prepare(repo, '');

    assert.equal(outcome.action, 'skipped');
    assert.equal(outcome.reason, 'comment lines would stay in the message');
    assert.equal(readMessage(repo), STATUS);
  } finally {
    repo.cleanup();
  }
});

test('prepare quotes paths in comment lines', async () => {
  const repo = createTempRepo();
  try {
    repo.write('README.md', '# Shop\n');
    repo.git(['add', 'README.md']);
    repo.git(['commit', '-q', '--no-verify', '-m', 'chore: start']);
    stageModule(repo);
    const oddPath = 'notes/new\nline \u001b[31mRED.md';
    repo.write(oddPath, '# Notes\n\nHow the shop rounds tax on each line.\n');
    repo.git(['add', '--', oddPath]);
    repo.write('.git/COMMIT_EDITMSG', STATUS);

    const outcome = await prepare(repo, '');
    const text = readMessage(repo);

    assert.equal(outcome.action, 'listed');
    assert.ok(text.includes('"notes/new\\nline \\033[31mRED.md"'), text);
    assert.ok(!text.includes('\u001b'), text);
    const stripped = repo.git(['stripspace', '--strip-comments'], { input: text });
    assert.equal(stripped, '');
  } finally {
    repo.cleanup();
  }
});

test('prepare masks token paths without a fossil', async () => {
  const repo = createTempRepo();
  try {
    const token = fakeGithubToken();
    stageModule(repo);
    repo.write(`keys/${token}.txt`, 'staging\n');
    repo.git(['add', '-A']);
    repo.write('.git/COMMIT_EDITMSG', STATUS);

    const outcome = await prepare(repo, '');
    const text = readMessage(repo);

    assert.equal(outcome.action, 'listed');
    assert.equal(text.includes(token), false, text);
    assert.match(text, /^# {7}keys\/ghp_\*{8}\.txt$/m);
  } finally {
    repo.cleanup();
  }
});

test('prepare names a missing message file', async () => {
  const repo = createTempRepo();
  try {
    stageModule(repo);
    const file = path.join(repo.dir, 'no-such-message');

    const result = await runCli(repo.dir, 'prepare-commit-msg', file);

    assert.equal(result.code, 0);
    assert.doesNotMatch(result.stderr, /internal error|Crash report/);
    assert.ok(result.stderr.includes(`${file} (ENOENT)`), result.stderr);
    assert.match(result.stderr, /such as \.git\/COMMIT_EDITMSG/);
  } finally {
    repo.cleanup();
  }
});

test('prepare names a message folder', async () => {
  const repo = createTempRepo();
  try {
    stageModule(repo);

    const result = await runCli(repo.dir, 'prepare-commit-msg', '.git');

    assert.equal(result.code, 0);
    assert.doesNotMatch(result.stderr, /internal error|Crash report/);
    assert.ok(result.stderr.includes(`${path.join(repo.dir, '.git')} (EISDIR)`), result.stderr);
  } finally {
    repo.cleanup();
  }
});

test('prepare keeps Latin-1 bytes', async () => {
  const repo = createTempRepo();
  try {
    stageTwoChanges(repo);
    const template = Buffer.from('Fix: \n\nGr\u00fc\u00dfe von M\u00fcller\n', 'latin1');
    const file = path.join(repo.dir, '.git', 'COMMIT_EDITMSG');
    writeFileSync(file, Buffer.concat([template, Buffer.from(STATUS)]));

    const outcome = await prepare(repo, 'template');
    const bytes = readFileSync(file);

    assert.equal(outcome.action, 'listed');
    assert.ok(bytes.subarray(0, template.length).equals(template), bytes.toString('latin1'));
    assert.equal(bytes.includes(Buffer.from('\ufffd')), false);
    assert.ok(bytes.subarray(template.length).toString('utf8').startsWith('# footprint: '));
  } finally {
    repo.cleanup();
  }
});

test('prepare analyses again without a fossil store', async () => {
  const repo = createTempRepo();
  try {
    stageModule(repo);
    repo.write('fossils', 'a file where the fossil store should be\n');
    repo.write('.git/COMMIT_EDITMSG', STATUS);

    const outcome = await prepare(repo, '');

    assert.equal(outcome.action, 'suggested');
    assert.equal(outcome.reason, 'from a new analysis');
  } finally {
    repo.cleanup();
  }
});
