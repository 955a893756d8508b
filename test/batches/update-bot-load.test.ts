import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { loadUpdateBots } from '../../src/batches/update-bots/load.js';
import { makeFootprint } from '../helpers/footprint-builder.js';

/** Returns a file body whose text throws `error` when read, as a bug deep in a reader would. */
function failingBuffer(error: Error): Buffer {
  const toString = (): string => {
    throw error;
  };
  return { toString } as unknown as Buffer;
}

const BUMP = makeFootprint([
  {
    path: 'package.json',
    old: '{"dependencies":{"a":"1"}}\n',
    new: '{"dependencies":{"a":"2"}}\n',
  },
]).footprint;

/** Returns the bots loaded from HEAD files `files`, for a staged bump of package.json. */
function loadFrom(files: Record<string, Buffer>) {
  const reader = { readTreeFiles: () => Promise.resolve(new Map(Object.entries(files))) };
  return loadUpdateBots(reader, BUMP);
}

describe('loadUpdateBots', () => {
  test('reads both bots', async () => {
    const bots = await loadFrom({
      '.github/dependabot.yml': Buffer.from(
        'updates:\n  - package-ecosystem: npm\n    commit-message: {prefix: build}\n',
      ),
      'renovate.json': Buffer.from('{"semanticCommitType": "fix"}'),
    });

    assert.deepEqual(
      bots.map((bot) => bot.bot),
      ['Dependabot', 'Renovate'],
    );
  });

  const errors = [new RangeError('Maximum call stack size exceeded'), new TypeError('x is null')];
  for (const error of errors) {
    test(`leaves out a ${error.name}`, async () => {
      const bots = await loadFrom({
        '.github/dependabot.yml': failingBuffer(error),
        'renovate.json': Buffer.from('{"semanticCommitType": "fix"}'),
      });

      assert.deepEqual(
        bots.map((bot) => bot.file),
        ['renovate.json'],
      );
    });
  }

  test('leaves out a failing package.json', async () => {
    const bots = await loadFrom({ 'package.json': failingBuffer(new RangeError('deep')) });

    assert.deepEqual(bots, []);
  });
});
