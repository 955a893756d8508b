import assert from 'node:assert/strict';

import { describeSituation, entryAt } from '../git/situation-test.js';

describeSituation('unusual-paths', {
  'reads paths with a newline, a tab and quotes': ({ change }) => {
    assert.equal(entryAt(change, 'new\nline.txt').status, 'added');
    assert.equal(entryAt(change, 'with space.txt').status, 'modified');
    assert.equal(entryAt(change, 'quote"d.txt').status, 'deleted');
  },
  'pairs a rename between non-ASCII names': ({ change }) => {
    assert.equal(entryAt(change, 'ünïcödé/ファイル.txt').oldPath, 'ünïcödé/файл.txt');
  },
  'orders paths by UTF-8 bytes': ({ change }) => {
    const paths = change.entries.map((entry) => entry.path);
    // U+FF01 sorts before U+1F600 in UTF-8, though not in UTF-16 code units.
    assert.ok(paths.indexOf('sort-！.txt') < paths.indexOf('sort-😀.txt'));
    assert.ok(paths.indexOf('sort-！.txt') >= 0);
  },
});
