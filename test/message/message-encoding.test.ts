import { test } from 'node:test';
import assert from 'node:assert/strict';
import { encodeAddedText } from '../../src/message/message-encoding.js';

test('added text defaults to UTF-8', () => {
  const bytes = Buffer.from(encodeAddedText('Größe', null), 'latin1');

  assert.equal(bytes.toString('hex'), Buffer.from('Größe', 'utf8').toString('hex'));
});

test('added text follows a Latin-1 encoding', () => {
  const bytes = Buffer.from(encodeAddedText('Größe', 'ISO-8859-1'), 'latin1');

  assert.equal(bytes.toString('hex'), '4772f6df65');
});

test('added text outside the encoding gets question marks', () => {
  assert.equal(encodeAddedText('Größe €', 'latin1'), 'Gr??e ?');
  assert.equal(encodeAddedText('Größe', 'Shift_JIS'), 'Gr??e');
  assert.equal(encodeAddedText('plain', 'Shift_JIS'), 'plain');
});
