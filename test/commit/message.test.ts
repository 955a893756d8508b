import assert from 'node:assert/strict';
import { test } from 'node:test';

import { cleanupMessage, messageSubject } from '../../src/commit/message.js';

const cases: Array<{ name: string; input: string; expected: string }> = [
  { name: 'header only', input: 'feat: add x', expected: 'feat: add x\n' },
  { name: 'trailing spaces', input: 'feat: add x  \t\n', expected: 'feat: add x\n' },
  { name: 'blank lines around', input: '\n\nfix: y\n\n\n', expected: 'fix: y\n' },
  {
    name: 'blank runs collapse',
    input: 'fix: y\n\n\n\nbody line\n',
    expected: 'fix: y\n\nbody line\n',
  },
  { name: 'CRLF lines', input: 'fix: y\r\n\r\nbody\r\n', expected: 'fix: y\n\nbody\n' },
  { name: 'no-break space kept', input: 'fix: y\u00a0', expected: 'fix: y\u00a0\n' },
  { name: 'vertical tab kept', input: 'fix: y\v \t', expected: 'fix: y\v\n' },
  { name: 'form feed kept', input: 'fix: y\n\f\n', expected: 'fix: y\n\f\n' },
  { name: 'only whitespace', input: ' \n\t\n', expected: '' },
];

for (const { name, input, expected } of cases) {
  test(`cleanup ${name}`, () => {
    assert.equal(cleanupMessage(input), expected);
  });
}

test('subject is the first line', () => {
  assert.equal(messageSubject('feat: x\n\nbody\n'), 'feat: x');
});
