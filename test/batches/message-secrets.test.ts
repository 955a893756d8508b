import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { analyzeBatches } from '../../src/batches/analyze.js';
import { writeMessage } from '../../src/batches/message.js';
import { lines, makeFootprint } from '../helpers/footprint-builder.js';
import { fakeAwsAccessKeyId, fakeGithubToken, fakeSlackToken } from '../risk/secret-parts.js';

describe('generated messages and secrets', () => {
  test('a token in a new file name becomes a neutral word', () => {
    const token = fakeGithubToken();
    const { batches } = analyzeBatches(
      makeFootprint([{ path: `keys/${token}.txt`, new: lines('hello') }]),
      { mode: 'balanced' },
    );

    assert.deepEqual(
      batches.map((batch) => batch.message),
      ['docs(keys): add file'],
    );
  });

  test('a token folder leaves the scope field', () => {
    const keyId = fakeAwsAccessKeyId();
    const { batches } = analyzeBatches(
      makeFootprint([{ path: `pkg/${keyId}/index.js`, new: lines('export const a = 1;') }]),
      { mode: 'balanced' },
    );

    assert.equal(batches.length, 1);
    assert.equal(batches[0]?.message, 'feat(file): add file');
    assert.equal(batches[0]?.scope, 'file');
  });

  test('tokens in scope, names, tail replaced', () => {
    const slack = fakeSlackToken();
    const github = fakeGithubToken();
    const message = writeMessage('refactor', slack, {
      verb: 'move',
      names: ['parser', github],
      tail: `to ${github}`,
    });

    assert.equal(message, 'refactor(file): move parser and file to file');
  });

  test('bytes that are not UTF-8 written in octal', () => {
    const message = writeMessage('docs', null, {
      verb: 'add',
      names: ['report-\udce8', 'report-\udce9'],
    });

    assert.equal(message, 'docs: add report-\\350 and report-\\351');
  });
});
