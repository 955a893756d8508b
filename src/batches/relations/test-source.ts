import type { FileChange } from '../../footprint/types.js';
import { isCode } from '../categories.js';
import { folderOf, stemOf } from '../paths.js';
import { namesDefinedBy } from '../unit-features.js';
import { weights } from '../weights.js';
import { groupBy, link, mainUnitOf, type AnalysisContext, type Link } from './context.js';

/** Name endings that mark a test of the file named by the rest: `foo.test`, `foo_test`, `FooTest`. */
const TEST_SUFFIXES = ['.test', '.spec', '_test', '_spec', '.e2e', 'Tests', 'Test'];

/** Folders that hold tests or sources without being part of the module's own location. */
const ROOT_FOLDERS = new Set([
  'test',
  'tests',
  '__tests__',
  '__test__',
  'spec',
  'specs',
  'src',
  'lib',
  'source',
]);

/** Stems too common to pair a test with a source by name alone. */
const GENERIC_STEMS = new Set([
  'index',
  'main',
  'mod',
  'lib',
  'utils',
  'util',
  'types',
  '__init__',
]);

/** The stem of the file a test tests, and whether the test's own name says so. */
export interface TestTarget {
  stem: string;
  named: boolean;
}

function stripTestAffix(stem: string): string | null {
  for (const suffix of TEST_SUFFIXES) {
    if (stem.length > suffix.length && stem.endsWith(suffix)) return stem.slice(0, -suffix.length);
  }
  if (stem.startsWith('test_') && stem.length > 5) return stem.slice(5);
  return null;
}

/**
 * Returns what a test tests (`foo` for `foo.test.ts`), or null for a file that is no test: one
 * outside the test category whose name does not end in `.test` or `.spec`.
 */
export function testTargetOf(file: FileChange): TestTarget | null {
  const stem = stemOf(file.path);
  const isTest = file.category === 'test' || /\.(?:test|spec)$/.test(stem);
  if (!isTest) return null;

  const tested = stripTestAffix(stem);
  return tested === null ? { stem, named: false } : { stem: tested, named: true };
}

/** Folder without test and source roots: `test/parser` and `src/parser/__tests__` give `parser`. */
function moduleFolder(path: string): string {
  const segments = folderOf(path).split('/');
  return segments.filter((segment) => segment !== '' && !ROOT_FOLDERS.has(segment)).join('/');
}

/** Returns the source a test tests, and whether only the stem (not the folder) pairs them. */
function findTestedSource(
  test: FileChange,
  target: TestTarget,
  sources: readonly FileChange[],
): { source: FileChange; byName: boolean } | null {
  const folder = moduleFolder(test.path);
  const beside = sources.find((source) => moduleFolder(source.path) === folder);
  if (beside) return { source: beside, byName: false };

  // A helper such as `test/helpers/repo.ts` names no source, so only its folder may pair it.
  const [only, ...others] = sources;
  if (!target.named || only === undefined || others.length > 0) return null;
  if (GENERIC_STEMS.has(target.stem)) return null;
  return { source: only, byName: true };
}

/**
 * Links the units of a test to the units of its source. A test unit that mentions a name a
 * source unit defines or edits links to that unit. One that mentions none links to the
 * source's main edit only, so an unrelated edit of the source may still go elsewhere.
 */
function linkTestUnits(
  context: AnalysisContext,
  test: FileChange,
  source: FileChange,
  fileWeight: number,
): Link[] {
  const sourceUnits = context.unitsOfPath.get(source.path) ?? [];
  const main = mainUnitOf(context, source.path);
  const links: Link[] = [];
  for (const testUnit of context.unitsOfPath.get(test.path) ?? []) {
    const mentioned = context.features[testUnit.index]?.identifiers ?? new Set<string>();
    const used = sourceUnits.filter((unit) =>
      namesDefinedBy(context.features[unit.index]).some((name) => mentioned.has(name)),
    );
    for (const unit of used) {
      links.push(link('test-source', testUnit.index, unit.index, weights.testSourceUse));
    }
    if (used.length === 0 && main) {
      links.push(link('test-source', testUnit.index, main.index, fileWeight));
    }
  }
  return links;
}

/** A test and the source it tests; `byName` when only their stems pair them. */
interface TestSourcePair {
  test: FileChange;
  source: FileChange;
  byName: boolean;
}

/**
 * Pairs each test with the source it tests: the same stem in the same folder once test and
 * source roots are set aside (`src/foo.ts` with `src/foo.test.ts`, `src/__tests__/foo.test.ts`
 * or `test/foo.test.ts`), or else the only changed source with that stem.
 */
function findTestSourcePairs(files: readonly FileChange[]): TestSourcePair[] {
  const sources = files.filter((file) => isCode(file) && testTargetOf(file) === null);
  const sourcesByStem = groupBy(sources, (file) => stemOf(file.path));

  const pairs: TestSourcePair[] = [];
  for (const file of files) {
    const target = testTargetOf(file);
    if (target === null) continue;
    const pair = findTestedSource(file, target, sourcesByStem.get(target.stem) ?? []);
    if (pair) pairs.push({ test: file, ...pair });
  }
  return pairs;
}

/** Links each test to the source it tests; see findTestSourcePairs. */
export function findTestSourceLinks(context: AnalysisContext): Link[] {
  return findTestSourcePairs(context.files).flatMap(({ test, source, byName }) =>
    linkTestUnits(context, test, source, byName ? weights.testSourceByName : weights.testSource),
  );
}
