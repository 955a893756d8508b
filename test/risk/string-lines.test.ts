import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { createStringLineTest } from '../../src/risk/string-lines.js';

/** Returns the 1-based lines of `lines` that end inside a multi-line string. */
function stringLines(path: string, lines: string[]): number[] {
  const insideString = createStringLineTest(path, lines.join('\n'));
  return lines.map((_, index) => index + 1).filter((line) => insideString(line));
}

describe('createStringLineTest', () => {
  const cases: Array<{ name: string; path: string; lines: string[]; inside: number[] }> = [
    {
      name: 'Python triple quotes',
      path: 'keys.py',
      lines: ['KEY = """first', 'middle', 'last"""  # comment', 'OTHER = 1'],
      inside: [1, 2],
    },
    {
      name: 'Python quotes closed on one line',
      path: 'keys.py',
      lines: ['HELP = """one line"""', "NOTE = '''also one'''", 'x = 1'],
      inside: [],
    },
    {
      name: 'Python quotes in a comment',
      path: 'keys.py',
      lines: ['# a """ in a comment', "x = \"a ''' in a string\"", 'y = 2'],
      inside: [],
    },
    {
      name: 'unclosed triple quotes',
      path: 'keys.py',
      lines: ['KEY = """first', 'second'],
      inside: [1, 2],
    },
    {
      name: 'JavaScript template literal',
      path: 'keys.ts',
      lines: ['const key = `', 'body', '`;', 'const b = 1;'],
      inside: [1, 2],
    },
    {
      name: 'backticks in comments and strings',
      path: 'keys.js',
      lines: ['// use `x` here, or `', "const q = '`';", '/* a ` in', 'a block */', 'const z = 1;'],
      inside: [],
    },
    {
      name: 'Go raw string',
      path: 'main.go',
      lines: ['const key = `first', 'second`', 'var x = 1'],
      inside: [1],
    },
    {
      name: 'Kotlin raw string',
      path: 'Keys.kt',
      lines: ['val key = """', '  body', '"""', 'val x = 1'],
      inside: [1, 2],
    },
    {
      name: 'YAML block scalar',
      path: 'config.yaml',
      lines: ['auth:', '  password: |', '    first', '', '    second', '  user: app', 'x: 1'],
      inside: [3, 4, 5],
    },
    {
      name: 'YAML block in a sequence entry',
      path: 'config.yml',
      lines: ['keys:', '  - name: a', '    value: >-', '      folded', '    other: b'],
      inside: [4],
    },
    {
      name: 'YAML plain values',
      path: 'config.yml',
      lines: ['a: 1', 'b: "x | y"', 'c: >not-a-block'],
      inside: [],
    },
    {
      name: 'shell here-document',
      path: 'deploy.sh',
      lines: ["cat > key.pem <<'EOF'", 'first', 'second', 'EOF', 'echo done'],
      inside: [2, 3],
    },
    {
      name: 'indented here-document and here-string',
      path: 'deploy.sh',
      lines: ['tr a b <<< "$x"', 'cat <<-END', '\tbody', '\tEND', 'echo done'],
      inside: [3],
    },
    {
      name: 'Ruby squiggly here-document',
      path: 'keys.rb',
      lines: ['KEY = <<~PEM', '  body', 'PEM', 'list << item'],
      inside: [2],
    },
    {
      name: 'file without strings that span lines',
      path: 'notes.txt',
      lines: ['KEY = """', 'body', '"""'],
      inside: [],
    },
  ];

  for (const { name, path, lines, inside } of cases) {
    test(name, () => {
      assert.deepEqual(stringLines(path, lines), inside);
    });
  }
});
