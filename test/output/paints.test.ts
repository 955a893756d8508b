import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createPaints } from '../../src/output/paints.js';

const ESC = '\u001b';

test('paints add no codes at level 0', () => {
  const paints = createPaints(0);

  assert.equal(paints.red('text'), 'text');
  assert.equal(paints.bold('text'), 'text');
});

test('paints wrap text in on and off codes', () => {
  const paints = createPaints(1);

  assert.equal(paints.bold('a'), `${ESC}[1ma${ESC}[22m`);
  assert.equal(paints.dim('a'), `${ESC}[2ma${ESC}[22m`);
  assert.equal(paints.red('a'), `${ESC}[31ma${ESC}[39m`);
  assert.equal(paints.green('a'), `${ESC}[32ma${ESC}[39m`);
  assert.equal(paints.yellow('a'), `${ESC}[33ma${ESC}[39m`);
  assert.equal(paints.blue('a'), `${ESC}[34ma${ESC}[39m`);
  assert.equal(paints.cyan('a'), `${ESC}[36ma${ESC}[39m`);
});

test('paints use basic codes at every level', () => {
  assert.equal(createPaints(3).green('a'), createPaints(1).green('a'));
});

test('paints leave empty text empty', () => {
  assert.equal(createPaints(1).bold(''), '');
});

test('paints reopen the outer style after an inner one', () => {
  const paints = createPaints(1);

  const nested = paints.bold(`a ${paints.dim('b')} c`);
  assert.equal(nested, `${ESC}[1ma ${ESC}[2mb${ESC}[22m${ESC}[1m c${ESC}[22m`);

  const colours = paints.green(`a ${paints.red('b')} c`);
  assert.equal(colours, `${ESC}[32ma ${ESC}[31mb${ESC}[39m${ESC}[32m c${ESC}[39m`);
});
