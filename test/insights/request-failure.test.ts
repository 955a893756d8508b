import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { ReplyTooLargeError } from '../../src/insights/reply-size-limit.js';
import { describeRequestFailure } from '../../src/insights/request-failure.js';

/** Returns an error with `name`, as the SDK's error classes set it, and a cause. */
function namedError(name: string, message: string, cause?: unknown): Error {
  const error = new Error(message, cause === undefined ? undefined : { cause });
  error.name = name;
  return error;
}

describe('describeRequestFailure', () => {
  test('plain error is named with its message', () => {
    assert.equal(
      describeRequestFailure(new Error('socket hang up')),
      'the request failed (Error: socket hang up)',
    );
  });

  test('error without a message keeps its name', () => {
    assert.equal(describeRequestFailure(new RangeError('')), 'the request failed (RangeError)');
  });

  test('message keeps its first line only', () => {
    const error = new TypeError('Invalid state\n    at readBody (parse.mjs:1:1)');

    assert.equal(describeRequestFailure(error), 'the request failed (TypeError: Invalid state)');
  });

  test('API key and secrets are cut from the message', () => {
    const apiKey = ['plain', '-api-key-', '0123456789'].join('');
    const error = new Error(
      `header x-api-key: ${apiKey} rejected for https://u:pw@api.example.com`,
    );
    const text = describeRequestFailure(error, [apiKey]);

    assert.equal(text.includes(apiKey), false, text);
    assert.equal(text.includes('pw@'), false, text);
    assert.match(text, /\[REDACTED\]/);
  });

  test('too large reply is named through its causes', () => {
    const tooLarge = new ReplyTooLargeError(4 * 1024 * 1024);
    const wrapped = namedError(
      'APIConnectionError',
      'Connection error.',
      new TypeError('x', { cause: tooLarge }),
    );

    assert.equal(describeRequestFailure(tooLarge), 'the reply was larger than 4.0 MB');
    assert.equal(describeRequestFailure(wrapped), 'the reply was larger than 4.0 MB');
  });

  test('connection error names its innermost cause', () => {
    const refused = Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:9'), {
      code: 'ECONNREFUSED',
    });
    const error = namedError(
      'APIConnectionError',
      'Connection error.',
      new TypeError('fetch failed', { cause: refused }),
    );

    assert.equal(
      describeRequestFailure(error),
      'could not connect to the API (connect ECONNREFUSED 127.0.0.1:9)',
    );
  });

  test('connection error without a cause', () => {
    assert.equal(
      describeRequestFailure(namedError('APIConnectionError', 'Connection error.')),
      'could not connect to the API',
    );
  });

  test('HTTP status wins over the rest', () => {
    const error = Object.assign(namedError('RateLimitError', '429'), {
      status: 429,
      requestID: 'req_1',
    });

    assert.equal(describeRequestFailure(error), 'the API returned HTTP 429, request req_1');
  });
});
