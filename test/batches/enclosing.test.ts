import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { findEnclosingName } from '../../src/batches/enclosing.js';
import { FileTexts } from '../../src/batches/file-texts.js';
import { buildUnits } from '../../src/batches/units.js';
import { lines, makeFootprint, type FileSpec } from '../helpers/footprint-builder.js';

/** Returns the enclosing name of each hunk of the first file of a one-file change. */
function enclosingNames(spec: FileSpec): Array<string | null> {
  const input = makeFootprint([spec]);
  const units = buildUnits(input.footprint.files, input.content);
  const texts = new FileTexts(input.content);
  return units.map((unit) => findEnclosingName(unit, texts));
}

const parser = [
  'export function readToken(text: string): string {',
  '  const start = 0;',
  '  return text.slice(start);',
  '}',
  '',
  'export function skipSpace(text: string): number {',
  '  let index = 0;',
  '  return index;',
  '}',
];

describe('findEnclosingName', () => {
  test('function bodies of TypeScript', () => {
    const edited = [...parser];
    edited[1] = '  const start = 1;';
    edited[6] = '  let index = 1;';

    assert.deepEqual(
      enclosingNames({ path: 'src/parser.ts', old: lines(...parser), new: lines(...edited) }),
      ['readToken', 'skipSpace'],
    );
  });

  test('method of a Python class', () => {
    const old = ['class Reader:', '    def read(self):', '        return 1', '', 'x = 1', 'y = 2'];
    const edited = [
      'class Reader:',
      '    def read(self):',
      '        return 2',
      '',
      'x = 1',
      'y = 3',
    ];

    assert.deepEqual(
      enclosingNames({ path: 'reader.py', old: lines(...old), new: lines(...edited) }),
      ['read', null],
    );
  });

  test('parameters over several lines', () => {
    const old = [
      'async function transform(',
      '  code: string,',
      '  url: string,',
      '): Promise<string> {',
      '  return code;',
      '}',
      '',
      'class Runner {',
      '  run(',
      '    task: string,',
      '  ): void {',
      '    log(task);',
      '  }',
      '}',
      '',
      ')',
      'const after = 1;',
    ];
    const edited = [...old];
    edited[4] = '  return code.trim();';
    edited[11] = '    log(task, 1);';
    edited[16] = 'const after = 2;';

    assert.deepEqual(
      enclosingNames({ path: 'src/transform.ts', old: lines(...old), new: lines(...edited) }),
      ['transform', 'run', null],
    );
  });

  test('comment in a code block', () => {
    const old = [
      '# Guide',
      '',
      '## Install',
      '',
      '```sh',
      '# npm 7+ needs --',
      'npm i',
      '```',
      'Done.',
    ];
    const edited = [...old];
    edited[8] = 'Done now.';

    assert.deepEqual(
      enclosingNames({ path: 'docs/guide.md', old: lines(...old), new: lines(...edited) }),
      ['Install'],
    );
  });

  test('docs section', () => {
    const old = ['# Guide', '', '## Install', 'Run it.', '', '## Use', 'Call it.'];
    const edited = ['# Guide', '', '## Install', 'Run it now.', '', '## Use', 'Call it now.'];

    assert.deepEqual(
      enclosingNames({ path: 'docs/guide.md', old: lines(...old), new: lines(...edited) }),
      ['Install', 'Use'],
    );
  });
});
