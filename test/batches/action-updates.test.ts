import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { readActionUpdates } from '../../src/batches/action-updates.js';
import type { BatchPart } from '../../src/batches/batch-parts.js';
import type { Batch } from '../../src/batches/types.js';
import type { FileChange, FileContent } from '../../src/footprint/types.js';
import { commitHistory, repeat } from '../learn/history-fixture.js';
import { createTempRepo, type TempRepo } from '../helpers/repo.js';
import {
  analyzeStaged,
  batchWith,
  commitFiles,
  lines,
  pathsOf,
  stageFiles,
} from './staged-analysis.js';

const CHECKOUT_SHA = '9c091bb21b7c1c1d1991bb908d89e4e9dddfe3e0';

const workflow = (checkout: string, setupNode: string) =>
  lines(
    'on: [push]',
    'jobs:',
    '  test:',
    '    runs-on: ubuntu-latest',
    '    steps:',
    `      - uses: ${checkout}`,
    `      - uses: ${setupNode}`,
    '      - run: npm test',
  );

/** Returns one CI part whose only hunk replaces `removed` with `added`. */
function ciPart(removed: string[], added: string[]): [BatchPart, Map<string, FileContent>] {
  const path = '.github/workflows/ci.yml';
  const file = { path, status: 'modified', category: 'ci', hunks: [{}] } as unknown as FileChange;
  const content = { hunks: [{ added, removed }] } as unknown as FileContent;
  return [{ file, hunks: [0], whole: true }, new Map([[path, content]])];
}

describe('readActionUpdates', () => {
  test('reads the version of a pinned ref', () => {
    const [part, content] = ciPart(
      ['      - uses: actions/checkout@de0fac2e4500dabe0009e67214ff5f5447ce83dd # v6.0.2'],
      [`      - uses: actions/checkout@${CHECKOUT_SHA} # v7.0.0`],
    );

    assert.deepEqual(readActionUpdates([part], content), [
      { name: 'actions/checkout', kind: 'changed', version: 'v7.0.0' },
    ]);
  });

  test('reads an older pin comment', () => {
    const [part, content] = ciPart(
      ['uses: actions/cache@88522ab9f39a2ea568f7027eddc7d8d8bc9d59c8 # tag=v3.3.1'],
      ['uses: actions/cache@704facf57e6136b1bc63b828d79edcd491f0ee84 # tag=v3.3.2'],
    );

    assert.deepEqual(readActionUpdates([part], content), [
      { name: 'actions/cache', kind: 'changed', version: 'v3.3.2' },
    ]);
  });

  test('reads a tag ref', () => {
    const [part, content] = ciPart(
      ['uses: "actions/setup-node@v3"'],
      ['uses: "actions/setup-node@v4"'],
    );

    assert.deepEqual(readActionUpdates([part], content), [
      { name: 'actions/setup-node', kind: 'changed', version: 'v4' },
    ]);
  });

  test('needs a workflow among the parts', () => {
    const [part, content] = ciPart(['- uses: actions/cache@v3'], ['- uses: actions/cache@v4']);
    const docs = { ...part, file: { ...part.file, category: 'docs' } } as BatchPart;

    assert.equal(readActionUpdates([docs], content), null);
  });

  test('rejects other workflow edits', () => {
    const [part, content] = ciPart(['      - run: npm test'], ['      - run: npm run test:ci']);

    assert.equal(readActionUpdates([part], content), null);
  });

  test('rejects a swapped action', () => {
    const [part, content] = ciPart(['- uses: actions/cache@v3'], ['- uses: other/cache@v3']);

    assert.equal(readActionUpdates([part], content), null);
  });
});

describe('batch of action bumps', () => {
  let repo: TempRepo;
  let batch: Batch | undefined;

  before(() => {
    repo = createTempRepo();
    commitFiles(repo, {
      '.github/workflows/ci.yml': workflow('actions/checkout@v3', 'actions/setup-node@v3'),
    });
    stageFiles(repo, {
      '.github/workflows/ci.yml': workflow('actions/checkout@v4', 'actions/setup-node@v3'),
    });
    batch = batchWith(analyzeStaged(repo), '.github/workflows/ci.yml');
  });
  after(() => repo.cleanup());

  test('is a dependency bump', () => {
    assert.equal(batch?.message, 'chore(deps): bump actions/checkout to v4');
  });
});

describe('action bumps in a workflow and its docs', () => {
  let repo: TempRepo;
  let batch: Batch | undefined;
  const guide = (checkout: string) =>
    lines('# Deploy', '', '```yaml', 'steps:', `  - uses: ${checkout}`, '```');

  before(() => {
    repo = createTempRepo();
    commitFiles(repo, {
      '.github/workflows/ci.yml': workflow('actions/checkout@v3', 'actions/setup-node@v3'),
      'docs/deploy.md': guide('actions/checkout@v3'),
    });
    stageFiles(repo, {
      '.github/workflows/ci.yml': workflow('actions/checkout@v4', 'actions/setup-node@v3'),
      'docs/deploy.md': guide('actions/checkout@v4'),
    });
    batch = batchWith(analyzeStaged(repo, 'conservative'), '.github/workflows/ci.yml');
  });
  after(() => repo.cleanup());

  test('are one dependency bump', () => {
    assert.deepEqual(pathsOf(batch), ['.github/workflows/ci.yml', 'docs/deploy.md']);
    assert.equal(batch?.message, 'chore(deps): bump actions/checkout to v4');
  });
});

describe('action bumps in a ci history', () => {
  let repo: TempRepo;

  before(() => {
    repo = createTempRepo();
    commitHistory(
      repo,
      repeat(6, {
        message: 'ci: tune the workflow',
        files: { '.github/workflows/lint.yml': 'on: push' },
      }),
    );
    commitFiles(repo, {
      '.github/workflows/ci.yml': workflow('actions/checkout@v3', 'actions/setup-node@v3'),
    });
    stageFiles(repo, {
      '.github/workflows/ci.yml': workflow('actions/checkout@v4', 'actions/setup-node@v4'),
    });
  });
  after(() => repo.cleanup());

  test('takes the ci type without scope', () => {
    assert.equal(repo.footprint(['learn']).status, 0);
    const result = repo.footprint(['strategy', '--no-llm', '--json']);
    const [only] = (JSON.parse(result.stdout) as { batches: Batch[] }).batches;

    assert.equal(only?.message, 'ci: bump actions/checkout and actions/setup-node');
  });
});

/** Learns `history`, stages a bump of both actions and returns the batch's message. */
function messageAfterHistory(history: Parameters<typeof commitHistory>[1]): string | undefined {
  const repo = createTempRepo();
  try {
    commitHistory(repo, history);
    commitFiles(repo, {
      '.github/workflows/ci.yml': workflow('actions/checkout@v3', 'actions/setup-node@v3'),
    });
    stageFiles(repo, {
      '.github/workflows/ci.yml': workflow('actions/checkout@v4', 'actions/setup-node@v4'),
    });
    assert.equal(repo.footprint(['learn']).status, 0);
    const result = repo.footprint(['strategy', '--no-llm', '--json']);
    const [only] = (JSON.parse(result.stdout) as { batches: Batch[] }).batches;
    return only?.message;
  } finally {
    repo.cleanup();
  }
}

describe('action bumps after learned bumps', () => {
  const lint = '.github/workflows/lint.yml';

  test('take the habit of bumps', () => {
    const message = messageAfterHistory([
      ...repeat(8, { message: 'ci: tune the workflow', files: { [lint]: 'on: push' } }),
      ...repeat(5, {
        message: 'chore(deps): bump actions/cache from 3 to 4',
        files: { [lint]: 'on: push' },
      }),
    ]);

    assert.equal(message, 'chore(deps): bump actions/checkout and actions/setup-node');
  });

  test('take deps scope as chore', () => {
    const message = messageAfterHistory(
      repeat(6, { message: 'chore(ci): tune the workflow', files: { [lint]: 'on: push' } }),
    );

    assert.equal(message, 'chore(deps): bump actions/checkout and actions/setup-node');
  });
});
