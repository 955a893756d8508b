import assert from 'node:assert/strict';
import { test } from 'node:test';

import { GitConfig } from '../../src/git/config.js';
import { parseConfig } from '../../src/git/config-parser.js';
import { readSharedPermissions } from '../../src/git/shared-permissions.js';

function sharedValue(line: string) {
  return readSharedPermissions(new GitConfig(parseConfig(`[core]\n\t${line}\n`, 'config')));
}

const cases: Array<{ line: string; expected: ReturnType<typeof sharedValue> }> = [
  { line: 'sharedRepository = umask', expected: null },
  { line: 'sharedRepository = false', expected: null },
  { line: 'sharedRepository = 0', expected: null },
  { line: 'sharedRepository', expected: { bits: 0o660, exact: false } },
  { line: 'sharedRepository = group', expected: { bits: 0o660, exact: false } },
  { line: 'sharedRepository = TRUE', expected: { bits: 0o660, exact: false } },
  { line: 'sharedRepository = 1', expected: { bits: 0o660, exact: false } },
  { line: 'sharedRepository = everybody', expected: { bits: 0o664, exact: false } },
  { line: 'sharedRepository = 2', expected: { bits: 0o664, exact: false } },
  { line: 'sharedRepository = 0640', expected: { bits: 0o640, exact: true } },
  { line: 'sharedRepository = 0777', expected: { bits: 0o666, exact: true } },
];

for (const { line, expected } of cases) {
  test(`shared permissions: ${line}`, () => {
    assert.deepEqual(sharedValue(line), expected);
  });
}

test('shared permissions reject owner without write', () => {
  assert.throws(() => sharedValue('sharedRepository = 0440'), /owner of files must always/);
});

test('shared permissions reject an unknown word', () => {
  assert.throws(() => sharedValue('sharedRepository = teams'), /Invalid value "teams"/);
});
