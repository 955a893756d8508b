import assert from 'node:assert/strict';
import { afterEach, beforeEach, describe, test } from 'node:test';
import { createTempRepo, type TempRepo } from '../helpers/repo.js';
import { analyzeStaged, batchWith, commitFiles, lines, stageFiles } from './staged-analysis.js';

let repo: TempRepo;

beforeEach(() => {
  repo = createTempRepo();
});

afterEach(() => {
  repo.cleanup();
});

const value = lines('export function formatValue(x: number): string {', '  return String(x);', '}');
const list = lines(
  'export function formatList(xs: number[]): string {',
  "  return xs.map(formatValue).join(', ');",
  '}',
);
const run = lines(
  "import { formatList } from './format';",
  '',
  'export function run(): string {',
  '  return formatList([1, 2]);',
  '}',
);

describe('module file and folder entry', () => {
  test('split keeps the entry with the file', () => {
    commitFiles(repo, { 'src/format.ts': `${value}\n${list}`, 'src/run.ts': run });
    repo.git(['rm', '-q', 'src/format.ts']);
    stageFiles(repo, {
      'src/format/value.ts': value,
      'src/format/list.ts': `import { formatValue } from './value';\n\n${list}`,
      'src/format/index.ts': lines(
        "export { formatValue } from './value';",
        "export { formatList } from './list';",
      ),
    });

    const batches = analyzeStaged(repo, 'aggressive');

    // git pairs the removed src/format.ts with src/format/list.ts as a rename.
    assert.equal(
      batchWith(batches, 'src/format/index.ts'),
      batchWith(batches, 'src/format/list.ts'),
    );
  });

  test('merge keeps the file with the entry', () => {
    commitFiles(repo, {
      'src/format/value.ts': value,
      'src/format/list.ts': `import { formatValue } from './value';\n\n${list}`,
      'src/format/index.ts': lines(
        "export { formatValue } from './value';",
        "export { formatList } from './list';",
      ),
      'src/run.ts': run,
    });
    repo.git(['rm', '-q', '-r', 'src/format']);
    stageFiles(repo, { 'src/format.ts': `${value}\n${list}` });

    const batches = analyzeStaged(repo, 'aggressive');

    assert.equal(batchWith(batches, 'src/format.ts'), batchWith(batches, 'src/format/index.ts'));
  });
});
