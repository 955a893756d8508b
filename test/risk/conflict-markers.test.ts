import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { conflictMarkersRule } from '../../src/risk/rules/conflict-markers.js';
import type { Finding } from '../../src/risk/types.js';
import { lines, makeFootprint, type FileSpec } from '../helpers/footprint-builder.js';

// Markers are spelled in pieces so no line of this file starts with one.
const START = '<'.repeat(7);
const SEPARATOR = '='.repeat(7);
const END = '>'.repeat(7);

function check(spec: FileSpec): Finding[] {
  const input = makeFootprint([spec]);
  const file = input.footprint.files[0];
  const content = input.content.get(spec.path);
  assert.ok(file);
  assert.ok(content);
  return conflictMarkersRule.check?.(file, content, { severity: 'high', options: {} }) ?? [];
}

describe('conflict-markers rule', () => {
  test('conflict block on added lines is one finding', () => {
    const findings = check({
      path: 'src/a.ts',
      old: lines('one', 'two'),
      new: lines('one', `${START} HEAD`, 'mine', SEPARATOR, 'theirs', `${END} feature`, 'two'),
    });

    assert.equal(findings.length, 1);
    assert.equal(findings[0]?.line, 2);
    assert.equal(findings[0]?.severity, 'high');
    assert.equal(findings[0]?.rule, 'conflict-markers');
    assert.equal(findings[0]?.line, 2);
    assert.match(findings[0]?.message ?? '', /lines 2, 4 and 6/);
  });

  test('diff3 block with base section', () => {
    const findings = check({
      path: 'a.txt',
      new: lines(
        `${START} ours`,
        'a',
        `${'|'.repeat(7)} base`,
        'b',
        SEPARATOR,
        'c',
        `${END} theirs`,
      ),
    });

    assert.equal(findings.length, 1);
    assert.equal(findings[0]?.line, 1);
  });

  test('marker without label', () => {
    const findings = check({ path: 'a.txt', new: lines(START, 'a', SEPARATOR, 'b', END) });

    assert.equal(findings.length, 1);
  });

  test('lone start marker', () => {
    const findings = check({ path: 'a.txt', old: lines('x'), new: lines('x', `${START} HEAD`) });

    assert.equal(findings.length, 1);
    assert.equal(findings[0]?.line, 2);
    assert.match(findings[0]?.message ?? '', /Conflict marker `<{7}` with no partner/);
  });

  test('lone end marker', () => {
    const findings = check({ path: 'a.txt', new: lines('x', 'y', `${END} branch`) });

    assert.equal(findings.length, 1);
    assert.equal(findings[0]?.line, 3);
  });

  test('two blocks give two findings', () => {
    const block = [`${START} a`, '1', SEPARATOR, '2', `${END} b`];
    const findings = check({ path: 'a.txt', new: lines(...block, 'middle', ...block) });

    assert.deepEqual(
      findings.map((finding) => finding.line),
      [1, 7],
    );
  });

  test('markers on deleted lines do not count', () => {
    const findings = check({
      path: 'src/a.ts',
      old: lines('one', `${START} HEAD`, 'mine', SEPARATOR, 'theirs', `${END} feature`),
      new: lines('one', 'mine'),
    });

    assert.deepEqual(findings, []);
  });

  test('markers already in HEAD do not count', () => {
    const text = lines(`${START} HEAD`, 'a', SEPARATOR, 'b', `${END} x`);
    const findings = check({ path: 'a.txt', old: text, new: text + lines('added') });

    assert.deepEqual(findings, []);
  });

  test('setext heading underline does not count', () => {
    const findings = check({ path: 'README.md', new: lines('Title', SEPARATOR, '', 'Text') });

    assert.deepEqual(findings, []);
  });

  test('separator alone in source does not count', () => {
    const findings = check({ path: 'src/a.py', new: lines('x = 1', SEPARATOR, 'y = 2') });

    assert.deepEqual(findings, []);
  });

  test('longer or indented runs do not count', () => {
    const findings = check({
      path: 'a.txt',
      new: lines(`${START}< x`, `  ${START} x`, `${END}>`, `x ${END} y`),
    });

    assert.deepEqual(findings, []);
  });

  test('CRLF lines still match', () => {
    const findings = check({
      path: 'a.txt',
      new: `${START} a\r\nx\r\n${SEPARATOR}\r\ny\r\n${END} b\r\n`,
    });

    assert.equal(findings.length, 1);
  });

  test('line numbers follow hunks', () => {
    const old = lines('1', '2', '3', '4', '5', '6');
    const findings = check({
      path: 'a.txt',
      old,
      new: lines('1', 'new', '2', '3', '4', `${START} x`, '5', '6'),
    });

    assert.equal(findings[0]?.line, 6);
  });
});
