import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { Footprint } from '../../src/footprint/types.js';
import type { StrategyShape } from '../../src/strategy/shape.js';
import { validateStrategy } from '../../src/strategy/validate.js';
import { lines, makeFootprint } from '../helpers/footprint-builder.js';

const CAFE_NFC = 'src/caf\u00e9.js';
const CAFE_NFD = 'src/cafe\u0301.js';

const footprint: Footprint = makeFootprint([
  { path: CAFE_NFC, old: lines('a'), new: lines('b') },
  { path: 'src/cart.js', old: lines('1'), new: lines('2') },
  { path: 'src/tax.js', old: lines('1'), new: lines('2') },
  { path: 'docs/guide.md', old: lines('x'), new: lines('y') },
  { path: 'src/new.js', oldPath: 'src/old.js', old: lines('c'), new: lines('c') },
]).footprint;

/** Returns the unknown-path message for `path` in a batch with the staged paths but `replaced`. */
function unknownPathMessage(path: string, replaced: readonly string[]): string {
  const otherFiles = footprint.files.filter((file) => !replaced.includes(file.path));
  const strategy: StrategyShape = {
    head: footprint.head.oid,
    stagedTree: footprint.stagedTree,
    batches: [
      {
        id: 'b1',
        message: 'chore: edit',
        changes: [{ path }, ...otherFiles.map((file) => ({ path: file.path }))],
        dependsOn: [],
      },
    ],
  };
  const { problems } = validateStrategy(strategy, footprint, { validateSchema: () => [] });
  const unknown = problems.filter((problem) => problem.code === 'unknown-path');
  assert.equal(unknown.length, 1, JSON.stringify(problems));
  assert.equal(unknown[0]?.batch, 'b1');
  assert.equal(unknown[0]?.path, path);
  return unknown[0]?.message ?? '';
}

describe('unknown path hint', () => {
  test('decomposed accent names the staged path', () => {
    const message = unknownPathMessage(CAFE_NFD, [CAFE_NFC]);

    assert.match(message, /only in how its accented letters are encoded/);
    assert.ok(message.includes(`{ "path": "${CAFE_NFC}" }`), message);
  });

  test('leading dot slash names the git path', () => {
    const message = unknownPathMessage('./src/cart.js', ['src/cart.js']);

    assert.match(message, /Name it as git does, .*: src\/cart\.js\.$/);
  });

  test('backslashes name the git path', () => {
    const message = unknownPathMessage('src\\cart.js', ['src/cart.js']);

    assert.match(message, /Name it as git does, .*: src\/cart\.js\.$/);
  });

  test('folder lists its staged files', () => {
    const message = unknownPathMessage('src/', [
      'src/cart.js',
      'src/tax.js',
      CAFE_NFC,
      'src/new.js',
    ]);

    assert.match(message, /src is a folder, and a batch takes files one by one\./);
    assert.ok(message.includes('src/café.js, src/cart.js, src/tax.js and 1 more'), message);
  });

  test('rename old path names new', () => {
    const message = unknownPathMessage('src/old.js', ['src/new.js']);

    assert.match(message, /staged as a rename to src\/new\.js/);
  });

  test('unrelated path keeps the generic fix', () => {
    const message = unknownPathMessage('lib/other.js', []);

    assert.match(message, /Remove it from the batch, or stage it and write the strategy again\./);
  });
});
