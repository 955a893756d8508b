import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { shellPath, shellQuote } from '../../src/output/shell-quote.js';

/** Returns the one argument that a POSIX shell makes of `word`. */
function shellArgument(word: string): string {
  const result = spawnSync('sh', ['-c', `printf '%s' ${word}`], { encoding: 'utf8' });
  assert.equal(result.status, 0, result.stderr);
  return result.stdout;
}

test('shellQuote leaves a plain path bare', () => {
  assert.equal(shellQuote('deploy/key.pem'), 'deploy/key.pem');
});

test('shellQuote leaves a colon bare', () => {
  assert.equal(shellQuote(':/deploy/key.pem'), ':/deploy/key.pem');
});

test('shellQuote single-quotes a path with a space', () => {
  assert.equal(shellQuote('my notes.env'), "'my notes.env'");
});

test('shellQuote writes a quote as four characters', () => {
  assert.equal(shellQuote("it's.env"), "'it'\\''s.env'");
});

test('shellQuote keeps a newline in single quotes', () => {
  assert.equal(shellQuote('a\nb.env'), "'a\nb.env'");
});

test('shellQuote writes a tab through printf', () => {
  assert.equal(shellQuote('a\tb.env'), `'a'"$(printf '\\t')"'b.env'`);
});

test('shellQuote writes ESC through printf', () => {
  assert.equal(shellQuote('\u001b[31m.env'), `"$(printf '\\033')"'[31m.env'`);
});

test('shellQuote quotes an empty value', () => {
  assert.equal(shellQuote(''), "''");
});

test('shellQuote values survive a POSIX shell', () => {
  const values = [
    'plain.env',
    ':/top/a:b.env',
    'it\'s $HOME `id` "x" \\ *.env',
    'a\nb\n',
    'tab\there',
    '\u001b[31mred\u001b[0m',
    'bidi\u202egnp.js',
    'cr\r.env',
    '  two  spaces  ',
  ];
  for (const value of values) {
    assert.equal(shellArgument(shellQuote(value)), value, JSON.stringify(value));
  }
});

test('shellPath keeps a leading dash a path', () => {
  assert.equal(shellPath('-plan.json'), './-plan.json');
});

test('shellPath quotes a path with a space', () => {
  assert.equal(shellPath('-my plan.json'), "'./-my plan.json'");
});
