import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { createTempRepo, type TempRepo } from '../helpers/repo.js';
import {
  fakeAwsAccessKeyId,
  fakeDatabaseUrl,
  fakeGenericValue,
  fakeGithubToken,
  fakeJwt,
  fakePemKey,
  fakeStripeLiveKey,
  pemBegin,
} from './secret-parts.js';

interface JsonFinding {
  rule: string;
  severity: string;
  path: string;
  line?: number;
  masked?: string;
  message: string;
  fix: string;
}

interface PrecommitOutcome {
  status: number | null;
  findings: JsonFinding[];
  blocked: boolean;
  stdout: string;
}

/** Makes a repository with one commit, so later staging has a HEAD to compare with. */
function createRepo(
  files: Record<string, string | Buffer> = { 'README.md': '# demo\n' },
): TempRepo {
  const repo = createTempRepo();
  for (const [path, content] of Object.entries(files)) repo.write(path, content);
  repo.git(['add', '-A']);
  repo.git(['commit', '-q', '-m', 'start'], { env: { FOOTPRINT: '0' } });
  return repo;
}

function precommit(repo: TempRepo, env: Record<string, string> = {}): PrecommitOutcome {
  const result = repo.footprint(['precommit', '--json', '--no-llm'], { env });
  assert.ok(result.stdout.length > 0, `no JSON on stdout: ${result.stderr}`);
  const document = JSON.parse(result.stdout) as {
    risk: { findings: JsonFinding[]; blocked: boolean };
  };
  return {
    status: result.status,
    findings: document.risk.findings,
    blocked: document.risk.blocked,
    stdout: result.stdout,
  };
}

function stage(repo: TempRepo, files: Record<string, string | Buffer>): void {
  for (const [path, content] of Object.entries(files)) repo.write(path, content);
  repo.git(['add', '-A']);
}

function findingsOf(outcome: PrecommitOutcome, rule: string): JsonFinding[] {
  return outcome.findings.filter((finding) => finding.rule === rule);
}

/** A case: how to stage the change, and what the rule must report for it. */
interface RuleCase {
  name: string;
  rule: string;
  base?: Record<string, string | Buffer>;
  arrange(repo: TempRepo): void;
  /** Expected `path:line` (or `path`) of the rule's findings; empty means none. */
  expected: string[];
}

const where = (finding: JsonFinding): string =>
  finding.line === undefined ? finding.path : `${finding.path}:${finding.line}`;

const lines = (...texts: string[]): string => texts.map((text) => `${text}\n`).join('');

/** A Terraform root module's requirements: `aws` on line 3, the block's end on line 4. */
const TERRAFORM_MAIN = lines(
  'terraform {',
  '  required_providers {',
  '    aws = { source = "hashicorp/aws", version = "~> 5.0" }',
  '  }',
  '}',
);

const CASES: RuleCase[] = [
  {
    name: 'private key with material',
    rule: 'private-key',
    arrange: (repo) => stage(repo, { 'deploy/key.pem': lines('# key', ...fakePemKey()) }),
    expected: ['deploy/key.pem:2'],
  },
  {
    name: 'key header followed by placeholder',
    rule: 'private-key',
    arrange: (repo) =>
      stage(repo, { 'docs/output.md': lines(`${pemBegin()} (masked)`, 'more text') }),
    expected: [],
  },
  {
    name: 'GitHub token on an added line',
    rule: 'provider-token',
    arrange: (repo) =>
      stage(repo, { 'src/config.js': lines(`const token = '${fakeGithubToken()}';`) }),
    expected: ['src/config.js:1'],
  },
  {
    name: 'token staged then deleted from the working tree',
    rule: 'provider-token',
    arrange: (repo) => {
      stage(repo, { 'src/config.js': lines('x', `const token = '${fakeGithubToken()}';`) });
      repo.write('src/config.js', lines('x'));
    },
    expected: ['src/config.js:2'],
  },
  {
    name: 'token only on a deleted line',
    rule: 'provider-token',
    base: { 'src/config.js': lines('a', `const token = '${fakeGithubToken()}';`) },
    arrange: (repo) => stage(repo, { 'src/config.js': lines('a') }),
    expected: [],
  },
  {
    name: 'token in a renamed file with unchanged content',
    rule: 'provider-token',
    base: { 'src/config.js': lines('a', `const token = '${fakeGithubToken()}';`) },
    arrange: (repo) => repo.git(['mv', 'src/config.js', 'src/settings.js']),
    expected: [],
  },
  {
    name: 'password in a database URL',
    rule: 'url-credentials',
    arrange: (repo) =>
      stage(repo, { 'src/db.js': lines(`export const url = '${fakeDatabaseUrl()}';`) }),
    expected: ['src/db.js:1'],
  },
  {
    name: 'URL with a password variable',
    rule: 'url-credentials',
    arrange: (repo) =>
      stage(repo, { 'src/db.js': lines('const url = `postgres://app:${PASSWORD}@db:5432/app`;') }),
    expected: [],
  },
  {
    name: 'Redis URL with a password and no user',
    rule: 'url-credentials',
    arrange: (repo) =>
      stage(repo, {
        'config/cache.env': lines(
          ['REDIS_URL=redis://', ':', 'Mx9Kq2Lp7Vw3@cache.corp:6379'].join(''),
        ),
      }),
    expected: ['config/cache.env:1'],
  },
  {
    name: 'URLs with an empty password or no password',
    rule: 'url-credentials',
    arrange: (repo) =>
      stage(repo, {
        'config/cache.env': lines(
          'A=redis://:@cache.corp:6379',
          'B=http://@cache.corp/x',
          'C=ssh://git@cache.corp/repo.git',
          'D=redis://:${REDIS_PASSWORD}@cache.corp:6379',
        ),
      }),
    expected: [],
  },
  {
    name: 'AWS access key id',
    rule: 'provider-token',
    arrange: (repo) =>
      stage(repo, { 'deploy/vars.tf': lines(`access_key = "${fakeAwsAccessKeyId()}"`) }),
    expected: ['deploy/vars.tf:1'],
  },
  {
    name: 'Stripe live key',
    rule: 'provider-token',
    arrange: (repo) =>
      stage(repo, { 'src/pay.js': lines('x', `const key = '${fakeStripeLiveKey()}';`) }),
    expected: ['src/pay.js:2'],
  },
  {
    name: 'signed JWT',
    rule: 'jwt',
    arrange: (repo) =>
      stage(repo, { 'src/api.js': lines(`fetch(u, { headers: { a: 'Bearer ${fakeJwt()}' } });`) }),
    expected: ['src/api.js:1'],
  },
  {
    name: 'unsigned JWT',
    rule: 'jwt',
    arrange: (repo) =>
      stage(repo, { 'src/api.js': lines(`const t = '${fakeJwt({ alg: 'none' })}';`) }),
    expected: [],
  },
  {
    name: 'random value assigned to api_key',
    rule: 'generic-secret',
    arrange: (repo) => stage(repo, { 'src/client.py': lines(`api_key = "${fakeGenericValue()}"`) }),
    expected: ['src/client.py:1'],
  },
  {
    name: 'api_key read from the environment',
    rule: 'generic-secret',
    arrange: (repo) =>
      stage(repo, { 'src/client.js': lines('const api_key = process.env.API_KEY;') }),
    expected: [],
  },
  {
    name: '.env file',
    rule: 'credential-file',
    arrange: (repo) => stage(repo, { '.env': lines('DATABASE=local') }),
    expected: ['.env'],
  },
  {
    name: '.env.example file',
    rule: 'credential-file',
    arrange: (repo) => stage(repo, { '.env.example': lines('DATABASE=') }),
    expected: [],
  },
  {
    name: 'conflict block outside a merge',
    rule: 'conflict-markers',
    arrange: (repo) =>
      stage(repo, {
        'a.txt': lines('<'.repeat(7) + ' HEAD', 'a', '='.repeat(7), 'b', '>'.repeat(7) + ' topic'),
      }),
    expected: ['a.txt:1'],
  },
  {
    name: 'Markdown heading underline',
    rule: 'conflict-markers',
    arrange: (repo) => stage(repo, { 'notes.md': lines('Title', '='.repeat(7)) }),
    expected: [],
  },
  {
    name: 'debugger statement',
    rule: 'debugger',
    arrange: (repo) => stage(repo, { 'src/a.js': lines('function f() {', '  debugger;', '}') }),
    expected: ['src/a.js:2'],
  },
  {
    name: 'debugger in a comment and a name',
    rule: 'debugger',
    arrange: (repo) =>
      stage(repo, { 'src/a.js': lines('// debugger', 'const debuggerEnabled = false;') }),
    expected: [],
  },
  {
    name: 'focused test',
    rule: 'focused-test',
    // Assembled so that this file holds no focused test itself.
    arrange: (repo) =>
      stage(repo, { 'test/a.test.js': lines(['it', "only('works', () => {});"].join('.')) }),
    expected: ['test/a.test.js:1'],
  },
  {
    name: 'unfocused test',
    rule: 'focused-test',
    arrange: (repo) => stage(repo, { 'test/a.test.js': lines("it('works', () => {});") }),
    expected: [],
  },
  {
    name: 'focused test with each and fit',
    rule: 'focused-test',
    arrange: (repo) =>
      stage(repo, {
        'test/a.test.js': lines(['test', 'only', 'each([1, 2])("adds %i", (n) => {});'].join('.')),
        'test/b.test.js': lines(['f', "it('works', () => {});"].join('')),
        'test/c.test.js': lines(
          ['f', 'describe('].join(''),
          "  'a title long enough for its own line',",
          '  () => {',
          `    for (const c of cases) ${['f', 'it(c.name, () => {});'].join('')}`,
          '  },',
          ');',
        ),
      }),
    expected: ['test/a.test.js:1', 'test/b.test.js:1', 'test/c.test.js:1', 'test/c.test.js:4'],
  },
  {
    name: 'focus names in strings and calls',
    rule: 'focused-test',
    arrange: (repo) =>
      stage(repo, {
        'test/fit.test.js': lines(
          "import { fit } from '../src/fit.js';",
          'expect(fit([1, 2])).toEqual({ slope: 1 });',
          `const banned = '${['it', 'only('].join('.')}';`,
          `it('reports ${['describe', 'only'].join('.')} calls', () => {});`,
        ),
      }),
    expected: [],
  },
  {
    name: 'console.log in source',
    rule: 'debug-print',
    arrange: (repo) => stage(repo, { 'src/a.js': lines('export const a = 1;', 'console.log(a);') }),
    expected: ['src/a.js:2'],
  },
  {
    name: 'console.log in a test',
    rule: 'debug-print',
    arrange: (repo) => stage(repo, { 'test/a.test.js': lines('console.log(1);') }),
    expected: [],
  },
  {
    name: 'large staged blob, shrunk in the working tree',
    rule: 'large-file',
    arrange: (repo) => {
      stage(repo, { 'data/big.txt': `${'x'.repeat(99)}\n`.repeat(6000) });
      repo.write('data/big.txt', 'small\n');
    },
    expected: ['data/big.txt'],
  },
  {
    name: 'Git LFS pointer',
    rule: 'large-file',
    arrange: (repo) =>
      stage(repo, {
        'media/video.mp4': lines(
          'version https://git-lfs.github.com/spec/v1',
          `oid sha256:${'a'.repeat(64)}`,
          'size 900000000',
        ),
      }),
    expected: [],
  },
  {
    name: 'binary outside asset paths',
    rule: 'binary-file',
    arrange: (repo) =>
      stage(repo, { 'tools/helper.bin': Buffer.from([0x7f, 0x45, 0x4c, 0x46, 0, 1, 2, 3]) }),
    expected: ['tools/helper.bin'],
  },
  {
    name: 'lockfile marked -diff',
    rule: 'binary-file',
    base: { 'README.md': '# demo\n', '.gitattributes': 'package-lock.json -diff\n' },
    arrange: (repo) => stage(repo, { 'package-lock.json': '{"lockfileVersion":3}\n' }),
    expected: [],
  },
  {
    name: 'text marked binary elsewhere',
    rule: 'binary-file',
    base: { 'README.md': '# demo\n', '.gitattributes': 'tools/*.dat binary\n' },
    arrange: (repo) => stage(repo, { 'tools/table.dat': 'a,b\n1,2\n' }),
    expected: ['tools/table.dat'],
  },
  {
    name: 'image in an asset folder',
    rule: 'binary-file',
    arrange: (repo) =>
      stage(repo, { 'assets/logo.png': Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 1]) }),
    expected: [],
  },
  {
    name: 'dependency added without the lockfile',
    rule: 'manifest-without-lockfile',
    base: {
      'package.json': '{"name":"a","dependencies":{"x":"1"}}\n',
      'package-lock.json': '{"lockfileVersion":3}\n',
    },
    arrange: (repo) =>
      stage(repo, { 'package.json': '{"name":"a","dependencies":{"x":"1","y":"2"}}\n' }),
    expected: ['package.json:1'],
  },
  {
    name: 'version bump without the lockfile',
    rule: 'manifest-without-lockfile',
    base: {
      'package.json': '{"name":"a","version":"1.0.0","dependencies":{"x":"1"}}\n',
      'package-lock.json': '{"lockfileVersion":3}\n',
    },
    arrange: (repo) =>
      stage(repo, {
        'package.json': '{"name":"a","version":"1.1.0","dependencies":{"x":"1"}}\n',
      }),
    expected: [],
  },
  {
    name: 'new manifest without dependencies',
    rule: 'manifest-without-lockfile',
    base: {
      'package.json': '{"name":"a","dependencies":{"x":"1"}}\n',
      'package-lock.json': '{"lockfileVersion":3}\n',
    },
    arrange: (repo) =>
      stage(repo, {
        'tools/package.json': '{"name":"tools","private":true,"scripts":{"gen":"node gen.js"}}\n',
      }),
    expected: [],
  },
  {
    name: 'Terraform provider without the lockfile',
    rule: 'manifest-without-lockfile',
    base: {
      'infra/main.tf': TERRAFORM_MAIN,
      'infra/.terraform.lock.hcl': 'provider "registry.terraform.io/hashicorp/aws" {}\n',
    },
    arrange: (repo) =>
      stage(repo, {
        'infra/main.tf': TERRAFORM_MAIN.replace(
          '  }\n',
          '    random = { source = "hashicorp/random", version = "~> 3.6" }\n  }\n',
        ),
      }),
    expected: ['infra/main.tf:4'],
  },
  {
    name: 'Terraform resource without the lockfile',
    rule: 'manifest-without-lockfile',
    base: {
      'infra/main.tf': TERRAFORM_MAIN,
      'infra/.terraform.lock.hcl': 'provider "registry.terraform.io/hashicorp/aws" {}\n',
    },
    arrange: (repo) =>
      stage(repo, {
        'infra/main.tf': `${TERRAFORM_MAIN}\nresource "aws_s3_bucket" "logs" {}\n`,
      }),
    expected: [],
  },
  {
    name: 'Terraform lockfile changed alone',
    rule: 'lockfile-without-manifest',
    base: {
      'infra/main.tf': TERRAFORM_MAIN,
      'infra/.terraform.lock.hcl': 'provider "registry.terraform.io/hashicorp/aws" {}\n',
    },
    arrange: (repo) =>
      stage(repo, {
        'infra/.terraform.lock.hcl': 'provider "registry.terraform.io/hashicorp/aws" {\n}\n',
      }),
    expected: ['infra/.terraform.lock.hcl'],
  },
  {
    name: 'lockfile changed alone',
    rule: 'lockfile-without-manifest',
    base: {
      'package.json': '{"name":"a","dependencies":{"x":"1"}}\n',
      'package-lock.json': '{"lockfileVersion":3}\n',
    },
    arrange: (repo) =>
      stage(repo, { 'package-lock.json': '{"lockfileVersion":3,"packages":{}}\n' }),
    expected: ['package-lock.json'],
  },
  {
    name: 'lockfile changed with its manifest',
    rule: 'lockfile-without-manifest',
    base: {
      'package.json': '{"name":"a","dependencies":{"x":"1"}}\n',
      'package-lock.json': '{"lockfileVersion":3}\n',
    },
    arrange: (repo) =>
      stage(repo, {
        'package.json': '{"name":"a","dependencies":{"x":"2"}}\n',
        'package-lock.json': '{"lockfileVersion":3,"packages":{}}\n',
      }),
    expected: [],
  },
  {
    name: 'two added paths differing in case',
    rule: 'case-conflict',
    arrange: (repo) => {
      repo.git(['config', 'core.ignorecase', 'false']);
      stage(repo, { 'docs/Guide.md': lines('a'), 'docs/guide.md': lines('b') });
    },
    expected: ['docs/Guide.md', 'docs/guide.md'],
  },
  {
    name: 'added path clashing with a tracked folder',
    rule: 'case-conflict',
    base: { 'docs/guide.md': lines('a') },
    arrange: (repo) => {
      repo.git(['config', 'core.ignorecase', 'false']);
      stage(repo, { 'Docs/intro.md': lines('b') });
    },
    expected: ['Docs/intro.md'],
  },
  {
    name: 'added paths with distinct names',
    rule: 'case-conflict',
    arrange: (repo) => stage(repo, { 'docs/guide.md': lines('a'), 'docs/intro.md': lines('b') }),
    expected: [],
  },
  {
    name: 'new gitlink',
    rule: 'submodule-added',
    arrange: (repo) =>
      repo.git(['update-index', '--add', '--cacheinfo', `160000,${'1'.repeat(40)},vendor/lib`]),
    expected: ['vendor/lib'],
  },
  {
    name: 'ordinary folder',
    rule: 'submodule-added',
    arrange: (repo) => stage(repo, { 'vendor/lib/index.js': lines('export {};') }),
    expected: [],
  },
  {
    name: 'symlink out of the repository',
    rule: 'symlink-outside',
    arrange: (repo) => {
      const oid = repo.git(['hash-object', '-w', '--stdin'], { input: '../../etc/passwd' }).trim();
      repo.git(['update-index', '--add', '--cacheinfo', `120000,${oid},config/link`]);
    },
    expected: ['config/link'],
  },
  {
    name: 'symlink inside the repository',
    rule: 'symlink-outside',
    arrange: (repo) => {
      const oid = repo.git(['hash-object', '-w', '--stdin'], { input: '../README.md' }).trim();
      repo.git(['update-index', '--add', '--cacheinfo', `120000,${oid},docs/readme-link`]);
    },
    expected: [],
  },
  {
    name: 'executable without shebang',
    rule: 'executable-bit',
    arrange: (repo) => {
      stage(repo, { 'src/util.js': lines('export {};') });
      repo.git(['update-index', '--chmod=+x', 'src/util.js']);
    },
    expected: ['src/util.js'],
  },
  {
    name: 'executable husky hook without shebang',
    rule: 'executable-bit',
    arrange: (repo) => {
      stage(repo, { '.husky/pre-commit': lines('npx lint-staged') });
      repo.git(['update-index', '--chmod=+x', '.husky/pre-commit']);
    },
    expected: [],
  },
  {
    name: 'executable script with shebang',
    rule: 'executable-bit',
    arrange: (repo) => {
      stage(repo, { 'bin/run': lines('#!/bin/sh', 'echo hi') });
      repo.git(['update-index', '--chmod=+x', 'bin/run']);
    },
    expected: [],
  },
  {
    name: 'generated file edited alone',
    rule: 'generated-edit',
    base: { 'src/api.ts': lines('// @generated by protoc', 'export const a = 1;') },
    arrange: (repo) =>
      stage(repo, { 'src/api.ts': lines('// @generated by protoc', 'export const a = 2;') }),
    expected: ['src/api.ts:2'],
  },
  {
    name: 'linguist-generated file edited alone',
    rule: 'generated-edit',
    base: {
      '.gitattributes': lines('src/schema.ts linguist-generated'),
      'src/schema.ts': lines('export const version = 1;'),
    },
    arrange: (repo) => stage(repo, { 'src/schema.ts': lines('export const version = 2;') }),
    expected: ['src/schema.ts:1'],
  },
  {
    name: 'generated file staged with its input',
    rule: 'generated-edit',
    base: {
      'src/api.ts': lines('// @generated by protoc', 'export const a = 1;'),
      'proto/api.proto': lines('a'),
    },
    arrange: (repo) =>
      stage(repo, {
        'src/api.ts': lines('// @generated by protoc', 'export const a = 2;'),
        'proto/api.proto': lines('b'),
      }),
    expected: [],
  },
  {
    name: 'thirty files deleted',
    rule: 'mass-deletion',
    base: Object.fromEntries(
      Array.from({ length: 30 }, (_, index) => [`old/f${index}.txt`, lines('x')]),
    ),
    arrange: (repo) => repo.git(['rm', '-q', '-r', 'old']),
    expected: [''],
  },
  {
    name: 'one file deleted',
    rule: 'mass-deletion',
    base: { 'old/f.txt': lines('x') },
    arrange: (repo) => repo.git(['rm', '-q', 'old/f.txt']),
    expected: [],
  },
  {
    name: 'CI workflow changed',
    rule: 'sensitive-path',
    arrange: (repo) => stage(repo, { '.github/workflows/ci.yml': lines('on: push') }),
    expected: ['.github/workflows/ci.yml'],
  },
  {
    name: 'ordinary source changed',
    rule: 'sensitive-path',
    arrange: (repo) => stage(repo, { 'src/a.js': lines('export {};') }),
    expected: [],
  },
  {
    name: 'commit on a configured protected branch',
    rule: 'protected-branch',
    base: {
      'footprint.config.json':
        '{"risk":{"rules":{"protected-branch":{"options":{"branches":["main"]}}}}}\n',
    },
    arrange: (repo) => stage(repo, { 'src/a.js': lines('export {};') }),
    expected: [''],
  },
  {
    name: 'first commit of a protected branch',
    rule: 'protected-branch',
    arrange: (repo) => {
      repo.git(['branch', '-q', '-m', 'earlier']);
      repo.git(['switch', '-q', '--orphan', 'main']);
      stage(repo, {
        'footprint.config.json':
          '{"risk":{"rules":{"protected-branch":{"options":{"branches":["main"]}}}}}\n',
        'src/a.js': lines('export {};'),
      });
    },
    expected: [],
  },
  {
    name: 'commit on a topic branch',
    rule: 'protected-branch',
    base: {
      'footprint.config.json':
        '{"risk":{"rules":{"protected-branch":{"options":{"branches":["main"]}}}}}\n',
    },
    arrange: (repo) => {
      repo.git(['switch', '-q', '-c', 'topic']);
      stage(repo, { 'src/a.js': lines('export {};') });
    },
    expected: [],
  },
  {
    name: 'many unrelated batches',
    rule: 'unrelated-batches',
    base: {
      'footprint.config.json':
        '{"risk":{"rules":{"unrelated-batches":{"options":{"minBatches":2}}}}}\n',
    },
    arrange: (repo) =>
      stage(repo, {
        'docs/guide.md': lines('# Guide'),
        'src/parser/lexer.js': lines('export const lex = 1;'),
      }),
    expected: [''],
  },
  {
    name: 'one coherent batch',
    rule: 'unrelated-batches',
    base: {
      'footprint.config.json':
        '{"risk":{"rules":{"unrelated-batches":{"options":{"minBatches":2}}}}}\n',
    },
    arrange: (repo) => stage(repo, { 'src/parser/lexer.js': lines('export const lex = 1;') }),
    expected: [],
  },
  {
    name: 'often fixed file with a learned model',
    rule: 'hotspot',
    arrange: (repo) => {
      for (let round = 1; round <= 6; round++) {
        const files: Record<string, string> = {
          'src/fragile.js': lines(`export const v = ${round};`),
        };
        if (round > 3) files['src/calm.js'] = lines(`export const c = ${round};`);
        stage(repo, files);
        const message = round <= 3 ? `fix: repair value ${round}` : `feat: value ${round}`;
        repo.git(['commit', '-q', '-m', message], { env: { FOOTPRINT: '0' } });
      }
      assert.equal(repo.footprint(['learn']).status, 0);
      stage(repo, {
        'src/fragile.js': lines('export const v = 9;'),
        'src/calm.js': lines('export const c = 9;'),
      });
    },
    expected: ['src/fragile.js'],
  },
  {
    name: 'no learned model',
    rule: 'hotspot',
    arrange: (repo) => stage(repo, { 'src/a.js': lines('export {};') }),
    expected: [],
  },
  {
    name: 'custom rule match',
    rule: 'no-internal-host',
    base: {
      'footprint.config.json':
        '{"risk":{"custom":[{"id":"no-internal-host","pattern":"corp\\\\.internal","severity":"medium","mask":false}]}}\n',
    },
    arrange: (repo) => stage(repo, { 'src/a.js': lines("const host = 'api.corp.internal';") }),
    expected: ['src/a.js:1'],
  },
  {
    name: 'custom rule without match',
    rule: 'no-internal-host',
    base: {
      'footprint.config.json':
        '{"risk":{"custom":[{"id":"no-internal-host","pattern":"corp\\\\.internal","severity":"medium"}]}}\n',
    },
    arrange: (repo) => stage(repo, { 'src/a.js': lines("const host = 'api.example.com';") }),
    expected: [],
  },
];

describe('risk rules through footprint precommit', () => {
  for (const ruleCase of CASES) {
    test(`${ruleCase.rule}: ${ruleCase.name}`, () => {
      const repo = createRepo(ruleCase.base);
      try {
        ruleCase.arrange(repo);
        const outcome = precommit(repo);

        assert.deepEqual(findingsOf(outcome, ruleCase.rule).map(where), ruleCase.expected);
      } finally {
        repo.cleanup();
      }
    });
  }
});

describe('symlink targets in messages', () => {
  test('escape sequences are escaped', () => {
    const repo = createRepo();
    try {
      const target = '/etc/\u001b[2K\u001b[1Ahidden\rtext';
      const oid = repo.git(['hash-object', '-w', '--stdin'], { input: target }).trim();
      repo.git(['update-index', '--add', '--cacheinfo', `120000,${oid},config/link`]);

      const result = repo.footprint(['precommit', '--no-llm']);

      const [finding] = findingsOf(precommit(repo), 'symlink-outside');
      assert.equal(
        finding?.message,
        'Symbolic link points outside the repository (to /etc/\\033[2K\\033[1Ahidden\\rtext)',
      );
      assert.equal(result.stderr.includes('\u001b[2K'), false, 'the target reached the terminal');
    } finally {
      repo.cleanup();
    }
  });
});
