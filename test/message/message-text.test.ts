import { test } from 'node:test';
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { CLEANUP_MODES } from '../../src/message/cleanup-setting.js';
import { editMessage, hasMessage } from '../../src/message/message-text.js';
import { createTempRepo } from '../helpers/repo.js';

const STATUS = '\n# Please enter the commit message for your changes.\n#\n# On branch main\n';
const SCISSORS = '# ------------------------ >8 ------------------------';
const VERBOSE = `${STATUS}${SCISSORS}\n# Do not modify or remove the line above.\ndiff --git a/x b/x\n+new line\n`;

test('hasMessage ignores comments and blank lines', () => {
  assert.equal(hasMessage(STATUS, '#', 'default'), false);
  assert.equal(hasMessage(`fix: typo${STATUS}`, '#', 'default'), true);
});

test('hasMessage ignores the diff below the scissors', () => {
  assert.equal(hasMessage(VERBOSE, '#', 'default'), false);
});

test('hasMessage uses the comment character', () => {
  assert.equal(hasMessage('; a comment\n', ';', 'default'), false);
  assert.equal(hasMessage('# a heading\n', ';', 'default'), true);
});

test('hasMessage ignores comments under verbatim', () => {
  assert.equal(hasMessage(STATUS, '#', 'verbatim'), false);
});

test('hasMessage skips a sign-off', () => {
  const signed = `\n\nSigned-off-by: A U Thor <author@example.com>\n${STATUS}`;

  assert.equal(hasMessage(signed, '#', 'strip'), false);
  assert.equal(hasMessage(signed, '#', 'verbatim'), true);
});

/** Message files without comment lines, each written by the editor of one `git commit`. */
const EDITED_MESSAGES = [
  'fix: typo\n',
  '\v\n',
  '\f\n',
  '\u00a0\n',
  '\n\v',
  ' \n\t\n',
  '\r\n',
  'Signed-off-by: A U Thor <author@example.com>\n',
  'Signed-off-by:A\n',
  '\nSigned-off-by: A\n \u00a0\n',
];

test('hasMessage agrees with git commit', () => {
  const repo = createTempRepo();
  try {
    const messageFile = path.join(repo.dir, '.git', 'edited-message');
    const editor = `cp '${messageFile}'`;
    for (const mode of CLEANUP_MODES) {
      repo.git(['config', 'commit.cleanup', mode]);
      for (const [index, message] of EDITED_MESSAGES.entries()) {
        repo.write('file.txt', `${mode} ${index}\n`);
        repo.git(['add', 'file.txt']);
        writeFileSync(messageFile, message);
        const result = repo.gitResult(['commit', '-q'], { env: { GIT_EDITOR: editor } });

        const expected = result.status === 0;
        const label = `${mode} ${JSON.stringify(message)}: ${result.stderr}`;
        assert.equal(hasMessage(message, '#', mode), expected, label);
      }
    }
  } finally {
    repo.cleanup();
  }
});

test('editMessage puts the subject first', () => {
  const edited = editMessage(STATUS, { subject: 'feat: add x', comments: [], commentChar: '#' });

  assert.equal(edited, `feat: add x\n${STATUS}`);
});

test('editMessage puts comments under the subject', () => {
  const edited = editMessage(STATUS, {
    subject: 'feat: add x',
    comments: ['two commits:', '', '  b1 feat: add x'],
    commentChar: ';',
  });

  assert.equal(
    edited.split('\n').slice(0, 6).join('\n'),
    'feat: add x\n\n; two commits:\n;\n;   b1 feat: add x\n;',
  );
  assert.ok(edited.endsWith(STATUS.slice(1)));
});

test('editMessage without subject adds comments under the message', () => {
  const template = `Why:\n${VERBOSE}`;

  const edited = editMessage(template, { subject: null, comments: ['split me'], commentChar: '#' });

  assert.equal(edited, `Why:\n# split me\n${VERBOSE}`);
});

test('editMessage without message text keeps line one empty', () => {
  const edited = editMessage('\n# status\n', {
    subject: null,
    comments: ['split me'],
    commentChar: '#',
  });

  assert.equal(edited, '\n# split me\n#\n# status\n');
});

test('editMessage comments every line of a comment', () => {
  const text = editMessage('\n# status\n', {
    subject: null,
    comments: ['first\nsecond', 'third\rfourth'],
    commentChar: '#',
  });

  assert.equal(text, '\n# first\n# second\n# third\n# fourth\n#\n# status\n');
});
