import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { analyzeBatches } from '../../src/batches/analyze.js';
import type { Batch } from '../../src/batches/types.js';
import { lines, makeFootprint, type FileSpec } from '../helpers/footprint-builder.js';

function batchOf(batches: readonly Batch[], path: string): string | undefined {
  return batches.find((batch) => batch.changes.some((change) => change.path === path))?.id;
}

const lexer = (limit: number) =>
  lines(
    'export function readToken(text, start) {',
    `  const end = Math.min(text.length, start + ${limit});`,
    '  return text.slice(start, end);',
    '}',
  );
const flags = (name: string) =>
  lines('export const FLAGS = {', `  verbose: '${name}',`, "  quiet: '--quiet',", '};');

const session = (ttl: string) =>
  lines(`export function openSession(user: string${ttl}): string {`, '  return user;', '}');
const invoice = (tax: string) =>
  lines(`export function totalOf(lines: number[]${tax}): number {`, '  return 0;', '}');

const manifest = (name: string, version: string) =>
  lines('{', `  "name": "${name}",`, `  "version": "${version}",`, '  "type": "module"', '}');

describe('release notes and repeated edits', () => {
  const noteSets: Array<[string, string, string]> = [
    ['changesets', '.changeset/brave-cats-sing.md', '.changeset/quiet-dogs-run.md'],
    ['towncrier', 'newsfragments/1234.bugfix', 'newsfragments/1240.feature.rst'],
  ];
  for (const [tool, firstNote, secondNote] of noteSets) {
    test(`each new ${tool} note joins one other batch`, () => {
      const specs: FileSpec[] = [
        { path: 'packages/parser/src/lexer.ts', old: lexer(16), new: lexer(64) },
        { path: 'packages/cli/src/flags.ts', old: flags('-v'), new: flags('--verbose') },
        { path: firstNote, new: lines('readToken reads longer tokens.') },
        { path: secondNote, new: lines('Spell out --verbose in the cli.') },
      ];

      const { batches } = analyzeBatches(makeFootprint(specs), { mode: 'balanced' });

      assert.equal(batches.length, 2);
      assert.notEqual(batchOf(batches, firstNote), batchOf(batches, secondNote));
      for (const batch of batches) {
        const notes = batch.changes.filter((change) =>
          [firstNote, secondNote].includes(change.path),
        );
        assert.equal(notes.length, 1, `${batch.id} holds ${notes.length} notes`);
      }
    });
  }

  test('a note that ties with two batches stays alone', () => {
    const specs: FileSpec[] = [
      { path: 'src/session.ts', old: session(''), new: session(', ttlSeconds = 3600') },
      { path: 'src/invoice.ts', old: invoice(''), new: invoice(', taxRate = 0') },
      {
        path: '.changeset/brave-cats-sing.md',
        new: lines('Sessions expire after a time to live.'),
      },
      { path: '.changeset/quiet-dogs-run.md', new: lines('Invoice totals include tax.') },
    ];

    const { batches } = analyzeBatches(makeFootprint(specs), { mode: 'balanced' });

    for (const note of ['.changeset/brave-cats-sing.md', '.changeset/quiet-dogs-run.md']) {
      const batch = batches.find((candidate) => candidate.id === batchOf(batches, note));
      assert.deepEqual(
        batch?.changes.map((change) => change.path),
        [note],
      );
    }
  });

  test('a note whose batch another note took stays alone', () => {
    const specs: FileSpec[] = [
      { path: 'src/session.ts', old: session(''), new: session(', ttlSeconds = 3600') },
      { path: 'src/invoice.ts', old: invoice(''), new: invoice(', taxRate = 0') },
      { path: '.changeset/brave-cats-sing.md', new: lines('`openSession` takes a ttlSeconds.') },
      { path: '.changeset/quiet-dogs-run.md', new: lines('`openSession` sessions now expire.') },
    ];

    const { batches } = analyzeBatches(makeFootprint(specs), { mode: 'balanced' });
    const invoiceBatch = batches.find((batch) => batch.id === batchOf(batches, 'src/invoice.ts'));

    assert.deepEqual(
      invoiceBatch?.changes.map((change) => change.path),
      ['src/invoice.ts'],
    );
  });

  test('two notes with the same text stay apart', () => {
    const text = lines('---', "'app': patch", '---', '', 'Fix the build.');
    const specs: FileSpec[] = [
      { path: 'packages/parser/src/lexer.ts', old: lexer(16), new: lexer(64) },
      { path: 'packages/cli/src/flags.ts', old: flags('-v'), new: flags('--verbose') },
      { path: '.changeset/brave-cats-sing.md', new: text },
      { path: '.changeset/quiet-dogs-run.md', new: text },
    ];

    const { batches } = analyzeBatches(makeFootprint(specs), { mode: 'balanced' });

    assert.notEqual(
      batchOf(batches, '.changeset/brave-cats-sing.md'),
      batchOf(batches, '.changeset/quiet-dogs-run.md'),
    );
  });

  test('a release of four packages is one batch', () => {
    const changelog = (name: string, entry: string | null) =>
      entry === null
        ? lines(`# ${name}`, '', '## 2.3.0', '', '- Earlier fix.')
        : lines(
            `# ${name}`,
            '',
            '## 2.4.0',
            '',
            `- ${entry}`,
            '',
            '## 2.3.0',
            '',
            '- Earlier fix.',
          );
    const specs: FileSpec[] = ['parser', 'cli', 'core', 'web'].map((name) => ({
      path: `packages/${name}/package.json`,
      old: manifest(name, '2.3.0'),
      new: manifest(name, '2.4.0'),
    }));
    specs.push(
      {
        path: 'packages/cli/CHANGELOG.md',
        old: changelog('cli', null),
        new: changelog('cli', 'Spell out --verbose.'),
      },
      {
        path: 'packages/parser/CHANGELOG.md',
        old: changelog('parser', null),
        new: changelog('parser', 'Read longer tokens.'),
      },
    );

    const { batches } = analyzeBatches(makeFootprint(specs), { mode: 'balanced' });

    assert.equal(batches.length, 1);
  });
});
