import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createStyle, type OutputStream } from '../../src/output/style.js';

function stream(isTTY: boolean, columns?: number): OutputStream {
  const target: OutputStream = { write: () => true, isTTY };
  if (columns !== undefined) target.columns = columns;
  return target;
}

const cases: Array<{ name: string; stream: OutputStream; env: NodeJS.ProcessEnv; width: number }> =
  [
    { name: 'terminal columns', stream: stream(true, 80), env: {}, width: 80 },
    { name: 'terminal without columns', stream: stream(true), env: {}, width: 100 },
    { name: 'narrow terminal', stream: stream(true, 20), env: {}, width: 40 },
    { name: 'pipe', stream: stream(false), env: {}, width: Number.POSITIVE_INFINITY },
    { name: 'pipe with COLUMNS', stream: stream(false), env: { COLUMNS: '120' }, width: 120 },
    {
      name: 'pipe with empty COLUMNS',
      stream: stream(false),
      env: { COLUMNS: '' },
      width: Number.POSITIVE_INFINITY,
    },
    {
      name: 'pipe with invalid COLUMNS',
      stream: stream(false),
      env: { COLUMNS: 'wide' },
      width: Number.POSITIVE_INFINITY,
    },
  ];

for (const { name, stream: target, env, width } of cases) {
  test(`style width: ${name}`, () => {
    assert.equal(createStyle(target, env, 'never').width, width);
  });
}
