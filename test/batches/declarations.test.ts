import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { declaredName, headingOf } from '../../src/batches/declarations.js';

const cases: Array<{ name: string; line: string; declared: string | null }> = [
  {
    name: 'TypeScript exported function',
    line: 'export async function loadConfig(dir: string) {',
    declared: 'loadConfig',
  },
  { name: 'TypeScript const', line: '  const maxEdits = 10;', declared: 'maxEdits' },
  { name: 'TypeScript interface', line: 'export interface BatchPart {', declared: 'BatchPart' },
  {
    name: 'class method',
    line: '  private readToken(text: string): Token {',
    declared: 'readToken',
  },
  { name: 'arrow function member', line: '  onExit: (code) => {', declared: 'onExit' },
  { name: 'Python function', line: 'def parse_args(argv):', declared: 'parse_args' },
  { name: 'Python class', line: 'class Parser(Base):', declared: 'Parser' },
  { name: 'Go method', line: 'func (r *Reader) ReadIndex() error {', declared: 'ReadIndex' },
  {
    name: 'Rust public function',
    line: 'pub(crate) fn split_hunks(diff: &Diff) -> Vec<Hunk> {',
    declared: 'split_hunks',
  },
  {
    name: 'C function',
    line: 'static int count_lines(const char *text) {',
    declared: 'count_lines',
  },
  { name: 'shell function', line: 'install_hooks() {', declared: 'install_hooks' },
  { name: 'generator member', line: '  *entries() {', declared: 'entries' },
  { name: 'dollar member', line: '  $reset = () => {', declared: '$reset' },
  { name: 'underscore function', line: '_parse_line() {', declared: '_parse_line' },
  { name: 'uppercase C type', line: 'Result read_index(Repo *repo) {', declared: 'read_index' },
  { name: 'non-ASCII name', line: 'def éditer(texte):', declared: 'éditer' },
  { name: 'non-ASCII member', line: '  ändern(text) {', declared: 'ändern' },
  { name: 'closing brace', line: '  }', declared: null },
  { name: 'line comment', line: '  // function later() {', declared: null },
  { name: 'if statement', line: '  if (count > limit) {', declared: null },
  { name: 'call statement', line: '  return parse(text);', declared: null },
  { name: 'Python return of a call', line: '    return parse(text)', declared: null },
  { name: 'Go if on a call', line: '\tif isValid(code) {', declared: null },
  { name: 'Ruby raise of an error', line: '  raise ParseError(line)', declared: null },
  { name: 'plain assignment', line: '  total += 1;', declared: null },
];

describe('declaredName', () => {
  for (const { name, line, declared } of cases) {
    test(name, () => {
      assert.equal(declaredName(line), declared);
    });
  }
});

describe('headingOf', () => {
  test('Markdown heading', () => {
    assert.equal(headingOf('## Install the hooks'), 'Install the hooks');
  });

  test('plain line', () => {
    assert.equal(headingOf('Install the hooks.'), null);
  });
});
