import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, test } from 'node:test';
import type { Footprint } from '../../src/footprint/types.js';
import type { StrategyShape } from '../../src/strategy/shape.js';
import { validateStrategy } from '../../src/strategy/validate.js';
import { runCli } from '../cli/cli-io.js';
import { lines, makeFootprint } from '../helpers/footprint-builder.js';
import type { TempRepo } from '../helpers/repo.js';
import { createStrategyRepo } from '../helpers/strategy-repo.js';

const CAFE_NFC = 'src/caf\u00e9.js';
const CAFE_NFD = 'src/cafe\u0301.js';

const footprint: Footprint = makeFootprint([
  { path: CAFE_NFC, old: lines('a'), new: lines('b') },
  { path: 'src/cart.js', old: lines('1'), new: lines('2') },
  { path: 'src/tax.js', old: lines('1'), new: lines('2') },
  { path: 'docs/guide.md', old: lines('x'), new: lines('y') },
  { path: 'src/new.js', oldPath: 'src/old.js', old: lines('c'), new: lines('c') },
]).footprint;

const WORKTREE = '/home/dev/shop';

/** Returns the unknown-path message for `path` in a batch with the staged paths but `replaced`. */
function unknownPathMessage(path: string, replaced: readonly string[]): string {
  const otherFiles = footprint.files.filter((file) => !replaced.includes(file.path));
  const strategy: StrategyShape = {
    head: footprint.head.oid,
    stagedTree: footprint.stagedTree,
    batches: [
      {
        id: 'b1',
        message: 'chore: edit',
        changes: [{ path }, ...otherFiles.map((file) => ({ path: file.path }))],
        dependsOn: [],
      },
    ],
  };
  const { problems } = validateStrategy(strategy, footprint, {
    validateSchema: () => [],
    worktree: WORKTREE,
  });
  const unknown = problems.filter((problem) => problem.code === 'unknown-path');
  assert.equal(unknown.length, 1, JSON.stringify(problems));
  assert.equal(unknown[0]?.batch, 'b1');
  assert.equal(unknown[0]?.path, path);
  return unknown[0]?.message ?? '';
}

describe('unknown path hint', () => {
  test('decomposed accent names the staged path', () => {
    const message = unknownPathMessage(CAFE_NFD, [CAFE_NFC]);

    assert.match(message, /only in how its accented letters are encoded/);
    assert.ok(message.includes('{ "path": "src/caf\\u00e9.js" }'), message);
  });

  test('leading dot slash names the git path', () => {
    const message = unknownPathMessage('./src/cart.js', ['src/cart.js']);

    assert.match(
      message,
      /Name it as git does, from the repository root with no leading \.\/ or \/: src\/cart\.js\.$/,
    );
  });

  test('backslashes name the git path', () => {
    const message = unknownPathMessage('src\\cart.js', ['src/cart.js']);

    assert.match(message, /Name it as git does, with \/ separators: src\/cart\.js\.$/);
  });

  test('trailing slash names the file', () => {
    const message = unknownPathMessage('src/cart.js/', ['src/cart.js']);

    assert.match(
      message,
      /Name it as git does, without the trailing \/ that marks a folder: src\/cart\.js\.$/,
    );
  });

  test('absolute path inside the repository', () => {
    const message = unknownPathMessage(`${WORKTREE}/src/cart.js`, ['src/cart.js']);

    const fix =
      'Name it as git does, relative to the repository root instead of as an absolute path: ' +
      'src/cart.js.';
    assert.ok(message.endsWith(fix), message);
  });

  test('absolute path outside the repository', () => {
    const message = unknownPathMessage('/home/dev/other/src/cart.js', ['src/cart.js']);

    assert.match(message, /Remove it from the batch, or stage it and write the strategy again\.$/);
  });

  test('dot dot segments name the path', () => {
    const message = unknownPathMessage('src/../src/./cart.js', ['src/cart.js']);

    assert.match(message, /Name it as git does, with no \. or \.\. segments: src\/cart\.js\.$/);
  });

  test('dot dot above the root stays unknown', () => {
    const message = unknownPathMessage('../src/cart.js', ['src/cart.js']);

    assert.match(message, /Remove it from the batch, or stage it and write the strategy again\.$/);
  });

  test('several differences are named together', () => {
    const message = unknownPathMessage(`${WORKTREE}\\src\\..\\src\\cart.js\\`, ['src/cart.js']);

    assert.ok(
      message.endsWith(
        'Name it as git does, with / separators, relative to the repository root instead of ' +
          'as an absolute path, with no . or .. segments and without the trailing / that ' +
          'marks a folder: src/cart.js.',
      ),
      message,
    );
  });

  test('surrounding white space names the path', () => {
    const message = unknownPathMessage(' src/cart.js\t', ['src/cart.js']);

    assert.match(
      message,
      /Name it as git does, without the white space around it: src\/cart\.js\.$/,
    );
  });

  test('git-quoted path names staged path', () => {
    // As `git diff --name-only` prints src/café.js under the default core.quotePath.
    const message = unknownPathMessage('"src/caf\\303\\251.js"', [CAFE_NFC]);

    assert.match(message, /Name it as git does, without git's quotes and escapes: /);
    assert.ok(message.includes(`{ "path": "${CAFE_NFC}" }`), message);
  });

  test('letter case names the staged path', () => {
    const message = unknownPathMessage('Docs/Guide.md', ['docs/guide.md']);

    assert.match(
      message,
      /Name it as git does, in the letter case of the staged path: docs\/guide\.md\.$/,
    );
  });

  test('folder lists its staged files', () => {
    const message = unknownPathMessage('src/', [
      'src/cart.js',
      'src/tax.js',
      CAFE_NFC,
      'src/new.js',
    ]);

    assert.match(message, /src is a folder, and a batch takes files one by one\./);
    assert.ok(message.includes('src/café.js, src/cart.js, src/tax.js and 1 more'), message);
  });

  test('rename old path names new', () => {
    const message = unknownPathMessage('src/old.js', ['src/new.js']);

    assert.match(message, /staged as a rename to src\/new\.js/);
  });

  test('misspelt path names staged path', () => {
    const message = unknownPathMessage('src/crat.js', ['src/cart.js']);

    assert.ok(message.includes('Did you mean src/cart.js?'), message);
    assert.ok(message.includes('Set "path": "src/cart.js",'), message);
  });

  test('equally close paths keep generic fix', () => {
    const message = unknownPathMessage('src/ca.js', ['src/cart.js']);

    assert.match(message, /Remove it from the batch, or stage it and write the strategy again\./);
  });

  test('unrelated path keeps the generic fix', () => {
    const message = unknownPathMessage('lib/other.js', []);

    assert.match(message, /Remove it from the batch, or stage it and write the strategy again\./);
  });
});

describe('unknown path hint in a repository', () => {
  let repo: TempRepo;
  let strategyFile: string;

  beforeEach(async () => {
    ({ repo, strategyFile } = await createStrategyRepo(
      { 'src/cart.js': 'export const total = 0;\n' },
      { 'src/cart.js': 'export const total = 1;\n' },
    ));
  });

  afterEach(() => {
    repo.cleanup();
  });

  const run = (...argv: string[]) => runCli(repo.dir, ...argv);

  /** Names `typed` in place of src/cart.js and returns the problems validate --json lists. */
  async function validateWithPath(typed: string) {
    const strategy = JSON.parse(readFileSync(strategyFile, 'utf8')) as {
      batches: Array<{ changes: Array<{ path: string }> }>;
    };
    const change = strategy.batches[0]?.changes[0];
    assert.equal(change?.path, 'src/cart.js');
    change.path = typed;
    writeFileSync(strategyFile, JSON.stringify(strategy, null, 2));

    const result = await run('validate', '--json', '--strategy', strategyFile);
    assert.equal(result.code, 1, result.stderr);
    const document = JSON.parse(result.stdout) as { problems: Array<Record<string, string>> };
    return document.problems;
  }

  test('absolute path names the staged path', async () => {
    const typed = path.join(repo.dir, 'src', 'cart.js');

    const problems = await validateWithPath(typed);
    const unknown = problems.find((problem) => problem.code === 'unknown-path');

    assert.equal(unknown?.path, typed);
    assert.equal(unknown?.batch, 'b1');
    assert.match(
      unknown?.message ?? '',
      /relative to the repository root instead of as an absolute path: src\/cart\.js\.$/,
    );
  });

  test('intent-to-add path names git add', async () => {
    repo.write('notes/to do.md', '# later\n');
    repo.git(['add', '-N', 'notes/to do.md']);

    const problems = await validateWithPath('notes/to do.md');
    const unknown = problems.find((problem) => problem.code === 'unknown-path');

    assert.equal(unknown?.path, 'notes/to do.md');
    assert.match(unknown?.message ?? '', /notes\/to do\.md is only intent-to-add \(`git add -N`\)/);
    assert.match(unknown?.message ?? '', /Stage it with `git add -- ':\/notes\/to do\.md'`/);
    assert.equal(
      problems.some((problem) => problem.code === 'stale'),
      false,
    );
  });

  test('trailing slash and dot dot', async () => {
    const problems = await validateWithPath('src/../src/cart.js/');
    const unknown = problems.find((problem) => problem.code === 'unknown-path');

    const fix =
      'Name it as git does, with no . or .. segments and without the trailing / that marks ' +
      'a folder: src/cart.js.';
    assert.ok(unknown?.message?.endsWith(fix), unknown?.message);
  });
});

describe('unknown path hint for a quoted name', () => {
  test('git diff output names the path', async () => {
    const name = 'src/tab\there.js';
    const { repo, strategyFile } = await createStrategyRepo({ [name]: 'a\n' }, { [name]: 'b\n' });
    try {
      const quoted = repo.git(['diff', '--cached', '--name-only']).trim();
      const text = readFileSync(strategyFile, 'utf8');
      writeFileSync(strategyFile, text.replace('"src/tab\\there.js"', JSON.stringify(quoted)));

      const result = await runCli(repo.dir, 'validate', '--json', '--strategy', strategyFile);
      const document = JSON.parse(result.stdout) as { problems: Array<Record<string, string>> };
      const unknown = document.problems.find((problem) => problem.code === 'unknown-path');

      assert.equal(quoted, '"src/tab\\there.js"');
      assert.equal(unknown?.path, quoted);
      assert.ok(unknown?.message?.endsWith(': { "path": "src/tab\\there.js" }.'), unknown?.message);
    } finally {
      repo.cleanup();
    }
  });
});
