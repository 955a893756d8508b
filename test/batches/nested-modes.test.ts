import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Batch } from '../../src/batches/types.js';
import { createTempRepo, type TempRepo } from '../helpers/repo.js';
import { analyzeStaged, batchWith, commitFiles, lines, stageFiles } from './staged-analysis.js';

/** Returns a module of four functions that trim their input and append their own name. */
function moduleOf(names: readonly string[]): string {
  return names
    .map((name) =>
      lines(
        `export function ${name}(input: string): string {`,
        '  const value = input.trim();',
        `  return value + '${name}';`,
        '}',
      ),
    )
    .join('\n');
}

/** Returns a function to add at the end of a module. */
function counter(name: string): string {
  return lines(
    '',
    `export function ${name}(items: string[]): number {`,
    '  return items.filter(Boolean).length;',
    '}',
  );
}

/** Returns a function to add at the end of a module that calls an imported one. */
function caller(name: string, callee: string): string {
  return lines('', `export function ${name}(x: string): string {`, `  return ${callee}(x);`, '}');
}

const modules = {
  merge: ['mergeRender', 'mergeToken', 'mergeRoute', 'mergeParse'],
  parse: ['parseParse', 'parseFetch', 'parseScan', 'parseRoute'],
  scan: ['scanMerge', 'scanCache', 'scanStore', 'scanRoute'],
  store: ['storeScan', 'storeBuild', 'storeQueue', 'storeCache'],
};

const base = Object.fromEntries(
  Object.entries(modules).map(([name, functions]) => [`src/${name}.ts`, moduleOf(functions)]),
);

/** Four new functions, two of which call functions of other modules through new imports. */
const staged = {
  'src/merge.ts': `import { scanMerge } from './scan';\n${base['src/merge.ts']}${caller('mergeViaScan', 'scanMerge')}`,
  'src/parse.ts': `${base['src/parse.ts']}${counter('parseTokenCount')}`,
  'src/scan.ts': `${base['src/scan.ts']}${counter('scanScanCount')}`,
  'src/store.ts': `import { parseParse } from './parse';\n${base['src/store.ts']}${caller('storeViaParse', 'parseParse')}`,
};

/** Returns the keys of each batch's parts: a path, or a path and a hunk's new start line. */
function partsOf(batches: readonly Batch[]): Map<string, string> {
  const owner = new Map<string, string>();
  for (const batch of batches) {
    for (const change of batch.changes) {
      if (change.hunks === undefined) owner.set(change.path, batch.id);
      else for (const hunk of change.hunks) owner.set(`${change.path}:${hunk.newStart}`, batch.id);
    }
  }
  return owner;
}

/** Lists the batches of `fine` whose parts lie in more than one batch of `coarse`. */
function crossingBatches(fine: readonly Batch[], coarse: readonly Batch[]): string[] {
  const coarseOwner = partsOf(coarse);
  const seen = new Map<string, Set<string>>();
  partsOf(fine).forEach((id, part) => {
    const owners = seen.get(id) ?? new Set<string>();
    owners.add(coarseOwner.get(part) ?? 'none');
    seen.set(id, owners);
  });
  return [...seen].filter(([, owners]) => owners.size > 1).map(([id]) => id);
}

describe('nested modes', () => {
  let repo: TempRepo;
  let balanced: Batch[];
  before(() => {
    repo = createTempRepo();
    commitFiles(repo, base);
    stageFiles(repo, staged);
    balanced = analyzeStaged(repo, 'balanced');
  });
  after(() => repo.cleanup());

  test('balanced pairs each caller', () => {
    assert.equal(batchWith(balanced, 'src/scan.ts'), batchWith(balanced, 'src/merge.ts'));
  });

  test('aggressive splits only inside batches', () => {
    assert.deepEqual(crossingBatches(analyzeStaged(repo, 'aggressive'), balanced), []);
  });

  test('conservative only joins balanced batches', () => {
    assert.deepEqual(crossingBatches(balanced, analyzeStaged(repo, 'conservative')), []);
  });

  test('aggressive keeps scan apart from parse', () => {
    const batches = analyzeStaged(repo, 'aggressive');
    assert.notEqual(batchWith(batches, 'src/scan.ts'), batchWith(batches, 'src/parse.ts'));
  });
});
