import assert from 'node:assert/strict';
import { afterEach, beforeEach, describe, test } from 'node:test';
import { createTempRepo, type TempRepo } from '../helpers/repo.js';
import { commitHistory, repeat } from '../learn/history-fixture.js';
import { analyzeStaged, stageFiles } from './staged-analysis.js';

let repo: TempRepo;

beforeEach(() => {
  repo = createTempRepo();
});

afterEach(() => {
  repo.cleanup();
});

const BILLING = 'src/acme/billing.py';
const BILLING_TEST = 'tests/test_billing.py';
const HANDLER = 'services/ingest/handler.go';
const HANDLER_TEST = 'services/ingest/handler_test.go';
const GO_MOD = 'services/ingest/go.mod';
const GO_SUM = 'services/ingest/go.sum';
const POETRY = 'pyproject.toml';
const POETRY_LOCK = 'poetry.lock';
const DOCKERFILE = 'docker/Dockerfile';

/**
 * Commits a history whose test commits are mostly `test(billing)` and whose build commits are
 * mostly `build(deps)`, while the ingest service and the Dockerfile have scopes of their own.
 */
function commitPolyglotHistory(): void {
  commitHistory(repo, [
    {
      message: 'feat: initial',
      files: {
        [BILLING]: 'def total():\n    return 0',
        [BILLING_TEST]: 'def test_total():\n    pass',
        [HANDLER]: 'package ingest',
        [HANDLER_TEST]: 'package ingest',
        [GO_MOD]: 'module example.com/ingest\n\ngo 1.22',
        [GO_SUM]: '',
        [POETRY]: '[tool.poetry]\nname = "acme"',
        [POETRY_LOCK]: '',
        [DOCKERFILE]: 'FROM python:3.12-slim\nWORKDIR /app',
      },
    },
    ...repeat(4, {
      message: 'fix(ingest): reject empty kind',
      files: { [HANDLER]: 'package ingest' },
    }),
    ...repeat(2, {
      message: 'test(ingest): cover bad json',
      files: { [HANDLER_TEST]: 'package ingest' },
    }),
    ...repeat(4, { message: 'test(billing): cover discounts', files: { [BILLING_TEST]: 'pass' } }),
    ...repeat(2, {
      message: 'build(deps): bump uuid',
      files: { [GO_MOD]: 'module x', [GO_SUM]: 'h1' },
    }),
    ...repeat(3, {
      message: 'build(deps): bump requests',
      files: { [POETRY]: 'x', [POETRY_LOCK]: 'y' },
    }),
    ...repeat(1, {
      message: 'build(docker): pin poetry',
      files: { [DOCKERFILE]: 'FROM python:3.12' },
    }),
  ]);
  assert.equal(repo.footprint(['learn']).status, 0);
}

describe('kind scope habit after learn', () => {
  test('go test keeps folder scope', () => {
    commitPolyglotHistory();
    stageFiles(repo, {
      [HANDLER_TEST]: 'package ingest\n\nfunc TestZero(t *testing.T) {}\n',
    });

    const [batch] = analyzeStaged(repo);

    assert.equal(batch?.type, 'test');
    assert.equal(batch?.scope, 'ingest');
  });

  test('python test keeps habit scope', () => {
    commitPolyglotHistory();
    stageFiles(repo, { [BILLING_TEST]: 'def test_zero():\n    assert True\n' });

    const [batch] = analyzeStaged(repo);

    assert.equal(batch?.type, 'test');
    assert.equal(batch?.scope, 'billing');
  });

  test('Dockerfile ENV gets no deps', () => {
    commitPolyglotHistory();
    stageFiles(repo, { [DOCKERFILE]: 'FROM python:3.12\nWORKDIR /app\nENV PYTHONUNBUFFERED=1\n' });

    const [batch] = analyzeStaged(repo);

    assert.equal(batch?.type, 'build');
    assert.equal(batch?.scope, 'docker');
    assert.equal(batch?.message, 'build(docker): update Dockerfile');
  });

  test('lockfile bump keeps deps habit', () => {
    commitPolyglotHistory();
    stageFiles(repo, { [POETRY_LOCK]: '[[package]]\nname = "rich"\nversion = "13.7.1"\n' });

    const [batch] = analyzeStaged(repo);

    assert.equal(batch?.type, 'build');
    assert.equal(batch?.scope, 'deps');
  });
});
