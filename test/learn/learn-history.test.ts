import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, test } from 'node:test';
import { createDefaultConfig } from '../../src/config/defaults.js';
import { packCounts, unpackCounts } from '../../src/learn/counts-blob.js';
import { formatModelPayload } from '../../src/learn/format-model.js';
import { formatLearnResult } from '../../src/learn/format-result.js';
import { learnHistory, type LearnOptions } from '../../src/learn/learn.js';
import { createStyle } from '../../src/output/style.js';
import { loadModel } from '../../src/learn/load-model.js';
import type { ModelPayload } from '../../src/learn/model-payload.js';
import type { Model } from '../../src/learn/model-types.js';
import { validateFossil } from '../../src/schemas-runtime/validate-fossil.js';
import { createTempRepo, gitTestEnv, type TempRepo } from '../helpers/repo.js';
import { commitHistory, knownHistory, repeat } from './history-fixture.js';

let repo: TempRepo;

beforeEach(() => {
  repo = createTempRepo();
});

afterEach(() => {
  repo.cleanup();
});

function learn(options: Partial<LearnOptions> = {}) {
  return learnHistory({
    cwd: repo.dir,
    env: gitTestEnv(),
    maxCommits: 2000,
    since: null,
    full: false,
    ...options,
  });
}

async function model(): Promise<Model> {
  const loaded = await loadModel(repo.dir, createDefaultConfig());
  assert.ok(loaded, 'a model fossil was written');
  return loaded;
}

function payloadOf(file: string | null): unknown {
  assert.ok(file);
  return (JSON.parse(readFileSync(file, 'utf8')) as { payload: unknown }).payload;
}

describe('learn on a known history', () => {
  test('finds co-change pairs with their counts', async () => {
    commitHistory(repo, knownHistory());
    const result = await learn();
    const learned = await model();

    assert.equal(result.result, 'learned');
    assert.equal(result.commits, 16);
    const lexer = learned.coChange('src/parser/lexer.ts', 'src/parser/lexer.test.ts');
    assert.deepEqual(lexer, { support: 5, confidence: 0.714, lift: 2.286 });
    const backward = learned.coChange('src/parser/lexer.test.ts', 'src/parser/lexer.ts');
    assert.deepEqual(backward, { support: 5, confidence: 1, lift: 2.286 });
    const button = learned.coChange('src/ui/button.ts', 'src/ui/button.css');
    assert.equal(button?.support, 3);
    assert.equal(button?.confidence, 1);
    assert.equal(learned.coChange('src/util.ts', 'src/ui/button.ts'), null);
    assert.equal(learned.coChange('src/parser/lexer.ts', 'README.md'), null);
  });

  test('counts changes and fixes per file', async () => {
    commitHistory(repo, knownHistory());
    await learn();
    const learned = await model();

    const lexer = learned.hotspot('src/parser/lexer.ts');
    assert.equal(lexer?.changes, 7);
    assert.equal(lexer?.fixes, 2);
    assert.equal(lexer?.fixLines, 3, 'the first fix rewrites both lines, the second one');
    assert.equal(lexer?.score, 1, 'the most fixed file ranks first');
    assert.equal(learned.hotspot('src/util.ts')?.fixes, 0);
    assert.ok((learned.hotspot('src/util.ts')?.score ?? 1) < 1);
  });

  test('reads the Conventional Commits vocabulary', async () => {
    commitHistory(repo, knownHistory());
    await learn();
    const learned = await model();

    assert.equal(learned.usesConventionalCommits, true);
    assert.deepEqual(learned.scopes, ['parser', 'ui']);
    assert.deepEqual(learned.commitTypes, ['feat', 'refactor', 'docs', 'fix']);
    assert.equal(learned.scopeFor(['src/parser/lexer.ts']), 'parser');
    assert.equal(learned.scopeFor(['src/ui/button.ts', 'src/ui/button.css']), 'ui');
    assert.equal(learned.scopeFor(['README.md']), null);
  });

  test('tied scopes name none', async () => {
    commitHistory(repo, knownHistory());
    await learn();
    const learned = await model();

    assert.equal(learned.scopeFor(['src/parser/lexer.ts', 'src/ui/button.ts']), null);
    assert.equal(learned.scopeFor(['src/ui/button.ts', 'src/parser/lexer.ts']), null);
  });

  test('summary counts one fix', async () => {
    commitHistory(repo, [
      { message: 'feat: add a', files: { 'a.ts': 'a' } },
      { message: 'fix: repair a', files: { 'a.ts': 'b' } },
    ]);
    const result = await learn();
    const summary = formatModelPayload(payloadOf(result.fossil) as ModelPayload);

    const line = '  2 of them count for co-change (at most 50 files), 1 is a fix';
    assert.ok(summary.includes(line), summary.join('\n'));
  });

  test('orders kinds by the series they came in', async () => {
    commitHistory(repo, knownHistory());
    await learn();
    const learned = await model();

    // feat then refactor then fix then docs, one author, an hour apart.
    assert.deepEqual(learned.kindOrder, ['feat', 'refactor', 'fix', 'docs']);
    const featToRefactor = learned.kindTransitions.find(
      (t) => t.from === 'feat' && t.to === 'refactor',
    );
    assert.equal(featToRefactor?.count, 1);
  });

  test('series of two authors are not joined', async () => {
    commitHistory(repo, [
      { message: 'refactor: a', files: { 'a.ts': 'a' }, author: 'one@example.com' },
      { message: 'feat: b', files: { 'b.ts': 'b' }, author: 'two@example.com' },
      { message: 'test: b', files: { 'b.test.ts': 'b' }, author: 'two@example.com' },
    ]);
    await learn();
    const learned = await model();

    assert.deepEqual(
      learned.kindTransitions.map(({ from, to, count }) => `${from}>${to}:${count}`),
      ['feat>test:1'],
    );
  });

  test('writes a fossil valid against its schema', async () => {
    commitHistory(repo, knownHistory());
    const result = await learn();

    assert.ok(result.fossil);
    const fossil = JSON.parse(readFileSync(result.fossil, 'utf8')) as unknown;
    assert.deepEqual(validateFossil('model', fossil), []);
  });

  test('commit sizes give the size targets', async () => {
    commitHistory(repo, knownHistory());
    await learn();
    const learned = await model();

    // 8 of 16 commits change 2 files, the other 8 change 1.
    assert.equal(learned.sizeTargets.aggressive.files, 1);
    assert.equal(learned.sizeTargets.balanced.files, 2);
    assert.equal(learned.sizeTargets.conservative.files, 2);
    assert.equal(learned.sizeTargets.balanced.hunks, 2);
  });
});

/** Rewrites a model fossil as footprint wrote it before it kept types by kind of files. */
function dropKindTypes(file: string | null): void {
  assert.ok(file);
  const fossil = JSON.parse(readFileSync(file, 'utf8')) as {
    payload: { counts: string; digest: { messages: { kindTypes?: unknown } } };
  };
  const counts = unpackCounts(fossil.payload.counts);
  delete counts.messages.kindTypes;
  fossil.payload.counts = packCounts(counts);
  delete fossil.payload.digest.messages.kindTypes;
  writeFileSync(file, JSON.stringify(fossil));
}

/** Rewrites a model fossil as footprint wrote it before it kept the types of code commits. */
function dropCodeTypes(file: string | null): void {
  assert.ok(file);
  const fossil = JSON.parse(readFileSync(file, 'utf8')) as {
    payload: { counts: string; digest: { messages: { codeTypes?: unknown } } };
  };
  const counts = unpackCounts(fossil.payload.counts);
  delete counts.messages.codeTypes;
  fossil.payload.counts = packCounts(counts);
  delete fossil.payload.digest.messages.codeTypes;
  writeFileSync(file, JSON.stringify(fossil));
}

describe('learn incrementally', () => {
  test('second learn after new commits equals one full run', async () => {
    const history = knownHistory();
    commitHistory(repo, history.slice(0, 9));
    const first = await learn();
    commitHistory(repo, history.slice(9));
    const second = await learn();
    const full = await learn({ full: true });

    assert.equal(first.result, 'learned');
    assert.equal(second.result, 'updated');
    assert.equal(second.newCommits, 7);
    assert.equal(full.result, 'learned');
    assert.equal(full.newCommits, 16);
    assert.deepEqual(payloadOf(second.fossil), payloadOf(full.fossil));
  });

  test('series across the two runs counted once', async () => {
    commitHistory(repo, [{ message: 'refactor: a', files: { 'a.ts': 'a' } }]);
    await learn();
    commitHistory(repo, [{ message: 'feat: b', files: { 'b.ts': 'b' } }]);
    await learn();
    const learned = await model();

    assert.deepEqual(learned.kindTransitions, [{ from: 'refactor', to: 'feat', count: 1 }]);
  });

  test('nothing new leaves the model alone', async () => {
    commitHistory(repo, knownHistory());
    const first = await learn();
    const again = await learn();

    assert.equal(again.result, 'up-to-date');
    assert.equal(again.fossil, first.fossil);
    assert.equal(again.newCommits, 0);
    assert.equal(again.commits, 16);
  });

  test('other options learn from scratch', async () => {
    commitHistory(repo, knownHistory());
    await learn();
    commitHistory(repo, repeat(2, { message: 'chore: more', files: { 'x.ts': 'x' } }));
    const result = await learn({ maxCommits: 10 });

    assert.equal(result.result, 'learned');
    assert.equal(result.commits, 10);
  });

  test('more new commits than max-commits learn from scratch', async () => {
    commitHistory(repo, knownHistory().slice(0, 4));
    await learn({ maxCommits: 5 });
    commitHistory(repo, knownHistory().slice(4, 12));
    const result = await learn({ maxCommits: 5 });

    assert.equal(result.result, 'learned');
    assert.equal(result.commits, 5);
  });

  test('update past max-commits equals one full run', async () => {
    const history = knownHistory();
    commitHistory(repo, history.slice(0, 4));
    await learn({ maxCommits: 5 });
    commitHistory(repo, history.slice(4, 7));
    const second = await learn({ maxCommits: 5 });
    const full = await learn({ maxCommits: 5, full: true });

    assert.equal(second.result, 'learned');
    assert.equal(second.commits, 5);
    assert.deepEqual(payloadOf(second.fossil), payloadOf(full.fossil));
  });

  test('model without kind types learns again', async () => {
    const history = [
      ...repeat(6, {
        message: 'chore(deps): update dependencies',
        files: { Gemfile: 'gem', 'Gemfile.lock': 'lock' },
      }),
      ...knownHistory(),
    ];
    commitHistory(repo, history.slice(0, 12));
    const first = await learn();
    dropKindTypes(first.fossil);
    const summary = formatModelPayload(payloadOf(first.fossil) as ModelPayload);
    commitHistory(repo, history.slice(12));
    const second = await learn();
    const full = await learn({ full: true });

    assert.equal(second.result, 'learned');
    assert.equal(second.newCommits, history.length);
    assert.deepEqual(payloadOf(second.fossil), payloadOf(full.fossil));
    assert.equal((await model()).typeFor(['Gemfile']), 'chore');
    assert.ok(summary.includes('  habits by kind: not learned by this model; run footprint learn'));
  });

  test('model without code types learns again', async () => {
    const history = knownHistory();
    commitHistory(repo, history.slice(0, 12));
    dropCodeTypes((await learn()).fossil);
    commitHistory(repo, history.slice(12));
    const second = await learn();
    const full = await learn({ full: true });

    assert.equal(second.result, 'learned');
    assert.equal(second.newCommits, history.length);
    assert.deepEqual(payloadOf(second.fossil), payloadOf(full.fossil));
  });

  test('code types add up across runs', async () => {
    const history = knownHistory();
    commitHistory(repo, history.slice(0, 9));
    await learn();
    commitHistory(repo, history.slice(9));
    const second = await learn();
    const full = await learn({ full: true });
    const codeTypes = (file: string | null) =>
      (payloadOf(file) as ModelPayload).digest.messages.codeTypes;

    assert.equal(second.result, 'updated');
    assert.deepEqual(codeTypes(second.fossil), codeTypes(full.fossil));
    assert.deepEqual(
      codeTypes(full.fossil)?.filter(([, feature]) => feature === ''),
      [
        ['feat', '', 8],
        ['fix', '', 2],
        ['refactor', '', 4],
      ],
    );
  });

  test('rewritten history learns from scratch', async () => {
    commitHistory(repo, knownHistory().slice(0, 6));
    await learn();
    repo.git(['reset', '-q', '--hard', 'HEAD~2']);
    commitHistory(repo, [{ message: 'feat: other', files: { 'other.ts': 'o' } }]);
    const result = await learn();

    assert.equal(result.result, 'learned');
    assert.equal(result.commits, 5);
  });
});

describe('learn edge cases', () => {
  test('repository without commits', async () => {
    const result = await learn();

    assert.equal(result.result, 'no-commits');
    assert.equal(result.fossil, null);
    assert.equal(await loadModel(repo.dir, createDefaultConfig()), null);
  });

  test('merge commits are not counted', async () => {
    commitHistory(repo, [{ message: 'feat: base', files: { 'a.ts': 'a' } }]);
    repo.git(['checkout', '-q', '-b', 'side']);
    commitHistory(repo, [{ message: 'feat: side', files: { 'b.ts': 'b' } }]);
    repo.git(['checkout', '-q', 'main']);
    commitHistory(repo, [{ message: 'feat: main', files: { 'c.ts': 'c' } }]);
    repo.git(['merge', '-q', '--no-ff', '-m', 'Merge branch side', 'side']);
    const result = await learn();

    assert.equal(result.commits, 3);
  });

  test('nothing in range keeps the last model', async () => {
    commitHistory(repo, [
      { message: 'feat: one', files: { 'a.ts': 'a' } },
      { message: 'feat: two', files: { 'b.ts': 'b' } },
    ]);
    const first = await learn();
    const later = new Date(Date.now() + 24 * 3600 * 1000).toISOString();
    const empty = await learn({ since: later, full: true });
    const model = await loadModel(repo.dir, createDefaultConfig());

    assert.equal(first.result, 'learned');
    assert.equal(empty.result, 'no-commits');
    assert.equal(empty.fossil, null);
    assert.equal(model?.commits, 2);
  });

  test('since leaves out older commits', async () => {
    commitHistory(repo, knownHistory());
    const since = repo.git(['log', '-1', '--format=%cI', 'HEAD~3']).trim();
    const result = await learn({ since: new Date(since).toISOString() });

    assert.equal(result.commits, 4);
  });

  test('huge commits count for size but not co-change', async () => {
    const files = Object.fromEntries(Array.from({ length: 60 }, (_, i) => [`f${i}.ts`, 'x']));
    commitHistory(repo, repeat(2, { message: 'chore: format everything', files }));
    await learn();
    const learned = await model();

    assert.equal(learned.coChange('f1.ts', 'f2.ts'), null);
    assert.equal(learned.hotspot('f1.ts')?.changes, 2);
    assert.equal(learned.sizeTargets.aggressive.files, 60);
  });

  test('paths with spaces and unicode', async () => {
    const files = { 'docs/ä b.md': 'a', 'docs/"q".md': 'q' };
    commitHistory(repo, repeat(2, { message: 'docs: odd names', files }));
    await learn();
    const learned = await model();

    assert.equal(learned.coChange('docs/ä b.md', 'docs/"q".md')?.support, 2);
  });
});

describe('learn in a shallow clone', () => {
  test('leaves out the boundary commit', async () => {
    const files: Record<string, string> = {};
    for (let index = 0; index < 12; index++)
      files[`src/file-${index}.ts`] = `export const v${index} = 0;`;
    commitHistory(repo, [
      { message: 'feat: start', files },
      { message: 'feat: grow', files: { 'src/file-0.ts': 'a', 'src/file-1.ts': 'a' } },
      { message: 'fix: first', files: { 'src/file-0.ts': 'b', 'src/file-1.ts': 'b' } },
      { message: 'fix: second', files: { 'src/file-0.ts': 'c' } },
    ]);
    const clone = mkdtempSync(path.join(tmpdir(), 'footprint-shallow-'));
    try {
      execFileSync('git', ['clone', '-q', '--depth', '2', `file://${repo.dir}`, clone], {
        env: gitTestEnv(),
      });
      const boundary = readFileSync(path.join(clone, '.git', 'shallow'), 'utf8').trim();

      const result = await learnHistory({
        cwd: clone,
        env: gitTestEnv(),
        maxCommits: 2000,
        since: null,
        full: false,
      });
      const learned = await loadModel(clone, createDefaultConfig());

      assert.equal(boundary.length, 40);
      assert.equal(result.shallowCommits, 1);
      assert.equal(result.newCommits, 1);
      assert.equal(result.commits, 1);
      assert.equal(result.files, 1, 'only the file of the commit above the boundary');
      assert.ok(learned, 'a model fossil was written');
      assert.equal(learned.hotspot('src/file-5.ts'), null);
      assert.match(
        formatLearnResult(
          result,
          createStyle({ isTTY: false, write: () => true }, {}, 'never'),
          clone,
        ),
        /Run `git fetch --unshallow`, then `footprint learn --full`, to learn from the whole history\./,
      );
    } finally {
      rmSync(clone, { recursive: true, force: true });
    }
  });

  test('complete clone skips nothing', async () => {
    commitHistory(repo, repeat(2, { message: 'docs: two', files: { 'a.md': 'a' } }));
    const result = await learn();

    assert.equal(result.shallowCommits, 0);
    assert.equal(result.commits, 2);
  });
});
