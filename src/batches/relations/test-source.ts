import type { FileChange } from '../../footprint/types.js';
import type { Relation } from '../types.js';
import { weights } from '../weights.js';
import { isCode } from '../categories.js';
import { folderOf, stemOf } from '../paths.js';
import { groupBy, isNewPath, relate, type RelationContext } from './context.js';

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

function relateTest(test: FileChange, target: TestTarget, sources: FileChange[]): Relation | null {
  const folder = moduleFolder(test.path);
  const beside = sources.find((source) => moduleFolder(source.path) === folder);
  if (beside) {
    return relate('test-source', test.path, beside.path, weights.testSource, isNewPath(beside));
  }

  // A helper such as `test/helpers/repo.ts` names no source, so only its folder may pair it.
  const [only, ...others] = sources;
  if (!target.named || only === undefined || others.length > 0) return null;
  if (GENERIC_STEMS.has(target.stem)) return null;
  return relate('test-source', test.path, only.path, weights.testSourceByName, isNewPath(only));
}

/**
 * Relates each test to the source it tests: the same stem in the same folder once test and
 * source roots are set aside (`src/foo.ts` with `src/foo.test.ts`, `src/__tests__/foo.test.ts`
 * or `test/foo.test.ts`), or the only changed source with that stem elsewhere, more weakly.
 */
export function findTestSourceRelations({ files }: RelationContext): Relation[] {
  const sources = files.filter((file) => isCode(file) && testTargetOf(file) === null);
  const sourcesByStem = groupBy(sources, (file) => stemOf(file.path));

  const relations: Relation[] = [];
  for (const file of files) {
    const target = testTargetOf(file);
    if (target === null) continue;

    const relation = relateTest(file, target, sourcesByStem.get(target.stem) ?? []);
    if (relation) relations.push(relation);
  }
  return relations;
}
