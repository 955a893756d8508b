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

test('editMessage puts a suggestion at the top', () => {
  const signed = `\n\nSigned-off-by: A U Thor <author@example.com>\n${STATUS}`;

  const edited = editMessage(signed, {
    comments: ['use it:'],
    suggestion: 'feat: add x',
    commentChar: ';',
    position: 'top',
  });

  assert.equal(edited, `\n; use it:\n;feat: add x\n;${signed}`);
});

test('editMessage adds comments under the message', () => {
  const template = `Why:\n${VERBOSE}`;

  const edited = editMessage(template, {
    comments: ['split me', '', 'b1'],
    suggestion: null,
    commentChar: '#',
    position: 'end',
  });

  assert.equal(edited, `Why:\n# split me\n#\n# b1\n${VERBOSE}`);
});

test('editMessage without message text keeps line one empty', () => {
  const edited = editMessage('\n# status\n', {
    comments: ['split me'],
    suggestion: null,
    commentChar: '#',
    position: 'end',
  });

  assert.equal(edited, '\n# split me\n#\n# status\n');
});

test('editMessage adds line one when it has text', () => {
  const edited = editMessage('# hook note\n', {
    comments: ['split me'],
    suggestion: null,
    commentChar: '#',
    position: 'top',
  });

  assert.equal(edited, '\n# split me\n#\n# hook note\n');
});

test('editMessage comments every line of a comment', () => {
  const text = editMessage('\n# status\n', {
    comments: ['first\nsecond', 'third\rfourth'],
    suggestion: 'fifth\r\nsixth',
    commentChar: '#',
    position: 'end',
  });

  assert.equal(text, '\n# first\n# second\n# third\n# fourth\n#fifth\n#sixth\n#\n# status\n');
});
