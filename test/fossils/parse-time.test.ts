import assert from 'node:assert/strict';
import { describe, test } from 'node:test';

import { parseDateOrAge } from '../../src/fossils/parse-time.js';

const NOW = new Date('2026-12-04T00:00:00Z');

function parsed(value: string): string | null {
  return parseDateOrAge(value, NOW)?.toISOString() ?? null;
}

describe('date options', () => {
  test('leap day of a leap year', () => {
    assert.equal(parsed('2024-02-29'), '2024-02-29T00:00:00.000Z');
  });

  test('leap day of another year', () => {
    assert.equal(parsed('2023-02-29'), null);
  });

  test('day past the end of the month', () => {
    assert.equal(parsed('2026-04-31'), null);
    assert.equal(parsed('2026-02-31'), null);
  });

  test('month outside 1 to 12', () => {
    assert.equal(parsed('2026-00-10'), null);
    assert.equal(parsed('2026-13-01'), null);
  });

  test('time with an offset', () => {
    assert.equal(parsed('2026-01-01T12:00+02:00'), '2026-01-01T10:00:00.000Z');
  });

  test('hour or minute out of range', () => {
    assert.equal(parsed('2026-01-01T24:00Z'), null);
    assert.equal(parsed('2026-01-01T12:60Z'), null);
  });

  test('age counted back from now', () => {
    assert.equal(parsed('2d'), '2026-12-02T00:00:00.000Z');
  });
});
