import { test } from 'node:test';
import assert from 'node:assert/strict';
import { editMessage, hasMessage } from '../../src/message/message-text.js';

const STATUS = '\n# Please enter the commit message for your changes.\n#\n# On branch main\n';
const SCISSORS = '# ------------------------ >8 ------------------------';
const VERBOSE = `${STATUS}${SCISSORS}\n# Do not modify or remove the line above.\ndiff --git a/x b/x\n+new line\n`;

test('hasMessage ignores comments and blank lines', () => {
  assert.equal(hasMessage(STATUS, '#'), false);
  assert.equal(hasMessage(`fix: typo${STATUS}`, '#'), true);
});

test('hasMessage ignores the diff below the scissors', () => {
  assert.equal(hasMessage(VERBOSE, '#'), false);
});

test('hasMessage uses the comment character', () => {
  assert.equal(hasMessage('; a comment\n', ';'), false);
  assert.equal(hasMessage('# a heading\n', ';'), true);
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
