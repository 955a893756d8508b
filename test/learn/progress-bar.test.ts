import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { createProgressReporter, formatProgressBar } from '../../src/learn/progress-bar.js';
import { captureStream } from '../cli/cli-io.js';

describe('progress bar text', () => {
  test('done, rate and time left', () => {
    const line = formatProgressBar({ done: 600, total: 2000, elapsedMs: 2000 }, false);

    assert.equal(
      line,
      `Learning [${'#'.repeat(7)}${'-'.repeat(17)}] 600/2,000 commits · 300/s · 5 s left`,
    );
  });

  test('full bar in unicode', () => {
    const line = formatProgressBar({ done: 2000, total: 2000, elapsedMs: 4000 }, true);

    assert.equal(line, `Learning [${'█'.repeat(24)}] 2,000/2,000 commits · 500/s · 0 s left`);
  });

  test('no rate before the first commit', () => {
    const line = formatProgressBar({ done: 0, total: 10, elapsedMs: 0 }, false);

    assert.equal(line, `Learning [${'-'.repeat(24)}] 0/10 commits`);
  });

  test('minutes left', () => {
    const line = formatProgressBar({ done: 10, total: 1000, elapsedMs: 1000 }, false);

    assert.match(line, / · 10\/s · 1 min 39 s left$/);
  });

  test('nothing to learn fills the bar', () => {
    const line = formatProgressBar({ done: 0, total: 0, elapsedMs: 0 }, false);

    assert.equal(line, `Learning [${'#'.repeat(24)}] 0/0 commits`);
  });
});

describe('progress reporter', () => {
  test('writes nothing to a pipe', () => {
    const stream = captureStream(false);
    const reporter = createProgressReporter(stream, { unicode: true });
    for (let done = 1; done <= 100; done++) reporter.update(done, 100);
    reporter.finish();

    assert.equal(stream.text, '');
  });

  test('redraws a terminal at most every 100 ms', () => {
    const stream = captureStream(true);
    let clock = 0;
    const reporter = createProgressReporter(stream, { unicode: false, now: () => clock });
    for (let done = 1; done <= 50; done++) {
      clock += 10;
      reporter.update(done, 50);
    }
    reporter.finish();
    const draws = stream.text.split('\r\x1b[K').filter((part) => part !== '');

    assert.equal(draws.length, 6, 'at 10 ms, every 100 ms after, and the last commit');
    assert.match(draws[draws.length - 1] ?? '', /^Learning \[#{24}\] 50\/50 commits/);
    assert.ok(stream.text.endsWith('\r\x1b[K'), 'finish clears the line');
  });
});
