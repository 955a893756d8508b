import assert from 'node:assert/strict';
import { afterEach, beforeEach, describe, test } from 'node:test';
import { createTempRepo, type TempRepo } from '../helpers/repo.js';
import { commitHistory, repeat } from '../learn/history-fixture.js';
import { analyzeChange, analyzeStaged, lines, stageFiles } from './staged-analysis.js';

let repo: TempRepo;

beforeEach(() => {
  repo = createTempRepo();
});

afterEach(() => {
  repo.cleanup();
});

const VARIABLES = lines(
  'variable "region" {',
  '  type    = string',
  '  default = "eu-west-1"',
  '}',
);

const MAIN = lines(
  'terraform {',
  '  required_providers {',
  '    aws = { source = "hashicorp/aws", version = "~> 5.0" }',
  '  }',
  '}',
  '',
  'resource "aws_s3_bucket" "invoices" {',
  '  bucket = "acme-invoices"',
  '}',
);

const LOCK = lines(
  'provider "registry.terraform.io/hashicorp/aws" {',
  '  version     = "5.40.0"',
  '  constraints = "~> 5.0"',
  '}',
);

const RANDOM_LOCK = lines(
  '',
  'provider "registry.terraform.io/hashicorp/random" {',
  '  version     = "3.6.0"',
  '  constraints = "~> 3.6"',
  '}',
);

const WITH_RANDOM = MAIN.replace(
  '    aws = { source = "hashicorp/aws", version = "~> 5.0" }\n',
  '    aws = { source = "hashicorp/aws", version = "~> 5.0" }\n' +
    '    random = { source = "hashicorp/random", version = "~> 3.6" }\n',
);

describe('Terraform batch types', () => {
  test('added variable block is feat', () => {
    const before = { 'infra/variables.tf': VARIABLES, 'infra/main.tf': MAIN };
    const added = lines('', 'variable "retention_days" {', '  type    = number', '}');
    const [batch, extra] = analyzeChange(repo, before, {
      'infra/variables.tf': VARIABLES + added,
    });

    assert.equal(extra, undefined);
    assert.equal(batch?.type, 'feat');
    assert.equal(batch?.scope, 'infra');
    assert.equal(batch?.message, 'feat(infra): add retention_days variable');
    assert.equal(
      batch?.rationale,
      'the whole change is one edit; feat because it adds Terraform blocks',
    );
  });

  test('edited resource stays fix', () => {
    const before = { 'infra/variables.tf': VARIABLES, 'infra/main.tf': MAIN };
    const [batch] = analyzeChange(repo, before, {
      'infra/main.tf': MAIN.replace('acme-invoices', 'acme-invoices-eu'),
    });

    assert.equal(batch?.type, 'fix');
    assert.equal(
      batch?.rationale,
      'the whole change is one edit; fix because it changes existing source lines without ' +
        'adding exports',
    );
  });

  test('provider with lock entry is deps', () => {
    const before = { 'infra/main.tf': MAIN, 'infra/.terraform.lock.hcl': LOCK };
    const batches = analyzeChange(repo, before, {
      'infra/main.tf': WITH_RANDOM,
      'infra/.terraform.lock.hcl': LOCK + RANDOM_LOCK,
    });

    assert.equal(batches.length, 1);
    assert.equal(batches[0]?.type, 'chore');
    assert.equal(batches[0]?.scope, 'deps');
    assert.equal(batches[0]?.message, 'chore(deps): add random');
    assert.equal(
      batches[0]?.rationale,
      'manifest and its lockfile, edits with similar words, edits that share rare ' +
        'identifiers; chore because it changes Terraform provider requirements',
    );
  });

  test('provider update follows deps habit', () => {
    commitHistory(repo, [
      { message: 'feat: initial', files: { 'go.mod': 'module x', 'go.sum': '' } },
      ...repeat(5, { message: 'build(deps): bump uuid', files: { 'go.mod': 'm', 'go.sum': 's' } }),
    ]);
    repo.write('infra/main.tf', MAIN);
    repo.write('infra/.terraform.lock.hcl', LOCK);
    repo.git(['add', '-A']);
    repo.git(['commit', '-q', '--no-verify', '-m', 'feat(infra): add bucket']);
    assert.equal(repo.footprint(['learn']).status, 0);
    stageFiles(repo, {
      'infra/main.tf': WITH_RANDOM,
      'infra/.terraform.lock.hcl': LOCK + RANDOM_LOCK,
    });

    const [batch] = analyzeStaged(repo);

    assert.equal(batch?.message, 'build(deps): add random');
  });

  test('provider without lock entry is deps', () => {
    const before = { 'infra/main.tf': MAIN, 'infra/.terraform.lock.hcl': LOCK };
    const [batch] = analyzeChange(repo, before, { 'infra/main.tf': WITH_RANDOM });

    assert.equal(batch?.type, 'chore');
    assert.equal(batch?.scope, 'deps');
  });
});

describe('pure additions to code', () => {
  test('reason names added lines', () => {
    const before = { 'src/tax.py': lines('def rate():', '    return 0.2') };
    const after = lines('def rate():', '    return 0.2', '', '', 'def _round(x):', '    return x');
    const [batch] = analyzeChange(repo, before, { 'src/tax.py': after });

    assert.equal(batch?.type, 'fix');
    assert.equal(
      batch?.rationale,
      'the whole change is one edit; fix because it adds source lines without adding exports',
    );
  });
});
