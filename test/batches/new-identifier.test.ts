import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { buildAnalysisContext } from '../../src/batches/build-context.js';
import { comparePaths } from '../../src/batches/paths.js';
import { findSharedIdentifierLinks } from '../../src/batches/relations/similarity.js';
import { weights } from '../../src/batches/weights.js';
import { makeFootprint, type FileSpec } from '../helpers/footprint-builder.js';
import { createTempRepo } from '../helpers/repo.js';
import { analyzeStaged, batchWith, commitFiles, lines, stageFiles } from './staged-analysis.js';

const labels = (extra: string[]) =>
  lines(
    'export const labels = {',
    "  alpha: 'first kind',",
    "  beta: 'second kind',",
    ...extra,
    '};',
  );
const order = (extra: string[]) =>
  lines('export const order = [', "  'alpha',", "  'beta',", ...extra, '];');
const weight = (extra: string[]) =>
  lines('export const weight = {', '  alpha: 1,', '  beta: 2,', ...extra, '};');
const kinds = (extra: string[]) =>
  lines('export type Kind =', "  | 'alpha'", "  | 'beta'", ...extra, ';');
const guide = (word: string) => lines('# Guide', '', `Start the server with the ${word} command.`);

describe('identifier new to the change', () => {
  test('ties every hunk that uses it', () => {
    const repo = createTempRepo();
    try {
      commitFiles(repo, {
        'src/kinds.ts': kinds([]),
        'src/labels.ts': labels([]),
        'src/order.ts': order([]),
        'src/weight.ts': weight([]),
        'docs/guide.md': guide('run'),
      });
      stageFiles(repo, {
        'src/kinds.ts': kinds(["  | 'gadgetry'"]),
        'src/labels.ts': labels(["  gadgetry: 'a gadget kind',"]),
        'src/order.ts': order(["  'gadgetry',"]),
        'src/weight.ts': weight(['  gadgetry: 3,']),
        'docs/guide.md': guide('start'),
      });

      const batches = analyzeStaged(repo, 'balanced');

      const kindBatch = batchWith(batches, 'src/kinds.ts');
      assert.ok(kindBatch !== undefined);
      for (const path of ['src/labels.ts', 'src/order.ts', 'src/weight.ts']) {
        assert.equal(batchWith(batches, path)?.id, kindBatch.id, path);
      }
      assert.notEqual(batchWith(batches, 'docs/guide.md')?.id, kindBatch.id);
    } finally {
      repo.cleanup();
    }
  });
});

/** Returns the weight of the shared-identifier link between two files' units, or 0. */
function sharedWeight(specs: FileSpec[], a: string, b: string): number {
  const input = makeFootprint(specs);
  const files = [...input.footprint.files].sort((x, y) => comparePaths(x.path, y.path));
  const context = buildAnalysisContext(files, input.content, undefined);
  const found = findSharedIdentifierLinks(context).find((candidate) => {
    const paths = [context.units[candidate.a]?.path, context.units[candidate.b]?.path];
    return paths.includes(a) && paths.includes(b);
  });
  return found?.weight ?? 0;
}

/**
 * A module whose function gains `call` as its return value. `head` lines stay as they are;
 * `header` lines are new.
 */
function caller(path: string, call: string, head: string[] = [], header: string[] = []) {
  const body = (value: string) => [...head, 'export function run(input) {', value, '}'];
  return {
    path,
    old: lines(...body('  return input;')),
    new: lines(...header, ...body(`  return ${call};`)),
  };
}

/** Three modules that gain other calls, so that a name of three or four units stays rare. */
const others: FileSpec[] = [
  caller('src/size.js', 'input.length'),
  caller('src/trim.js', 'input.trim()'),
  caller('src/upper.js', 'input.toUpperCase()'),
];

/** Three modules that each gain a call of `name`, which HEAD's render.js defines when `known`. */
function callers(name: string, known: boolean): FileSpec[] {
  const head = known ? [`export const ${name} = (value) => value;`] : [];
  return [
    caller('src/render.js', `${name}(input)`, head),
    caller('src/print.js', `${name}(input)`),
    caller('src/mail.js', `${name}(input)`),
    ...others,
  ];
}

describe('shared identifier new to the change', () => {
  test('weighs more than one HEAD has', () => {
    const fresh = sharedWeight(callers('escapeMarkup', false), 'src/render.js', 'src/print.js');
    const known = sharedWeight(callers('escapeMarkup', true), 'src/render.js', 'src/print.js');

    assert.ok(known > 0, `known ${known}`);
    assert.ok(fresh > known, `new ${fresh}, known ${known}`);
    assert.equal(
      Math.round((fresh - known) * 1000),
      Math.round(weights.introducedIdentifier * 1000),
    );
  });

  test('caps the boosted weight at one', () => {
    const call = 'escapeMarkup(input, markupRules, markupLimits)';
    const specs = [caller('src/render.js', call), caller('src/print.js', call)];

    assert.equal(sharedWeight(specs, 'src/render.js', 'src/print.js'), 1);
  });

  test('skips a name from a package', () => {
    const importing = (specifier: string) => [
      caller(
        'src/render.js',
        'escapeMarkup(input)',
        [],
        [`import { escapeMarkup } from '${specifier}';`],
      ),
      caller('src/print.js', 'escapeMarkup(input)'),
      caller('src/mail.js', 'escapeMarkup(input)'),
      ...others,
    ];

    const fromPackage = sharedWeight(importing('markup-kit'), 'src/print.js', 'src/mail.js');
    const fromFile = sharedWeight(importing('./markup.js'), 'src/print.js', 'src/mail.js');
    assert.ok(fromPackage > 0, `from a package ${fromPackage}`);
    assert.ok(fromFile > fromPackage, `from a file ${fromFile}, a package ${fromPackage}`);
    assert.equal(
      Math.round((fromFile - fromPackage) * 1000),
      Math.round(weights.introducedIdentifier * 1000),
    );
  });
});
