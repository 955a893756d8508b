import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, test } from 'node:test';
import { createTempRepo, type TempRepo } from '../helpers/repo.js';
import { fakeGithubToken, fakeSlackToken } from './secret-parts.js';

interface AnalyzeDocument {
  footprint: { files: Array<{ path: string; oldPath?: string }> };
  risk: {
    blocked: boolean;
    findings: Array<{ rule: string; severity: string; path: string; line?: number }>;
  };
  batches: Array<{ message: string; changes: Array<{ path: string }> }>;
}

/** Returns the text of every fossil in the repository's store. */
function readFossilTexts(repo: TempRepo): string[] {
  const dir = path.join(repo.dir, 'fossils');
  return readdirSync(dir)
    .filter((name) => name.endsWith('.json'))
    .map((name) => readFileSync(path.join(dir, name), 'utf8'));
}

/** Makes a repository whose one commit adds a README. */
function createStartedRepo(): TempRepo {
  const repo = createTempRepo();
  repo.write('README.md', '# demo\n');
  repo.git(['add', '-A']);
  repo.git(['commit', '-q', '-m', 'start'], { env: { FOOTPRINT: '0' } });
  return repo;
}

/** Makes a repository with one commit and a staged file whose name is a GitHub token. */
function createRepoWithTokenPath(): { repo: TempRepo; token: string } {
  const repo = createStartedRepo();
  const token = fakeGithubToken();
  repo.write(`keys/${token}.txt`, 'hello\n');
  repo.git(['add', '-A']);
  return { repo, token };
}

describe('secret-in-path rule', () => {
  test('a token in a staged file name blocks precommit, with the path masked', () => {
    const { repo, token } = createRepoWithTokenPath();
    try {
      const result = repo.footprint(['precommit', '--no-llm']);

      assert.equal(result.status, 1);
      assert.match(result.stderr, /keys\/ghp_\*{8}\.txt {2}secret-in-path {2}GitHub token/);
      assert.match(result.stderr, /^ {6}keys\/ghp_\*{8}\.txt$/m);
      assert.equal(result.stderr.includes(token), false);
    } finally {
      repo.cleanup();
    }
  });

  test('analysis fossil masks the path', () => {
    const { repo, token } = createRepoWithTokenPath();
    try {
      repo.footprint(['precommit', '--no-llm']);
      const fossils = readFossilTexts(repo);
      const payload = (JSON.parse(fossils[0] ?? '{}') as { payload: AnalyzeDocument }).payload;

      assert.equal(fossils.length, 1);
      assert.equal(fossils[0]?.includes(token), false);
      assert.deepEqual(
        payload.footprint.files.map((file) => file.path),
        ['keys/ghp_********.txt'],
      );
      assert.deepEqual(
        payload.batches.flatMap((batch) => batch.changes.map((change) => change.path)),
        ['keys/ghp_********.txt'],
      );
    } finally {
      repo.cleanup();
    }
  });

  test('strategy keeps the staged path', () => {
    const { repo, token } = createRepoWithTokenPath();
    try {
      const result = repo.footprint(['strategy', '--no-llm']);
      const strategy = JSON.parse(result.stdout) as AnalyzeDocument;

      assert.deepEqual(
        strategy.batches.flatMap((batch) => batch.changes.map((change) => change.path)),
        [`keys/${token}.txt`],
      );
    } finally {
      repo.cleanup();
    }
  });

  test('an allowed token path prints as staged', () => {
    const { repo, token } = createRepoWithTokenPath();
    try {
      const allow = { risk: { allow: [{ rule: 'secret-in-path', path: 'keys/**' }] } };
      repo.write('footprint.config.json', JSON.stringify(allow));
      repo.git(['add', 'footprint.config.json']);
      const result = repo.footprint(['precommit', '--no-llm']);

      assert.equal(result.status, 0, result.stderr);
      assert.match(result.stderr, new RegExp(`keys/${token}\\.txt`));
    } finally {
      repo.cleanup();
    }
  });

  test('analyze --json reports a critical finding and a message without the token', () => {
    const { repo, token } = createRepoWithTokenPath();
    try {
      const result = repo.footprint(['analyze', '--json', '--no-llm']);
      const document = JSON.parse(result.stdout) as AnalyzeDocument;

      const finding = document.risk.findings.find((each) => each.rule === 'secret-in-path');
      assert.deepEqual(
        { severity: finding?.severity, path: finding?.path },
        { severity: 'critical', path: 'keys/ghp_********.txt' },
      );
      assert.equal(document.risk.blocked, true);
      assert.deepEqual(
        document.batches.map((batch) => batch.message),
        ['docs(keys): add file'],
      );
      assert.equal(result.stdout.includes(token), false);
      assert.deepEqual(
        document.footprint.files.map((file) => file.path),
        ['keys/ghp_********.txt'],
      );
    } finally {
      repo.cleanup();
    }
  });

  test('footprint commit refuses and leaves HEAD where it was', () => {
    const { repo, token } = createRepoWithTokenPath();
    try {
      const head = repo.git(['rev-parse', 'HEAD']);
      const result = repo.footprint(['commit', '--yes', '--no-llm']);

      assert.equal(result.status, 1);
      assert.match(result.stderr, /secret-in-path in keys\/ghp_\*{8}\.txt/);
      assert.equal(repo.git(['rev-parse', 'HEAD']), head);
      assert.equal(repo.git(['log', '--format=%s']).includes(token), false);
    } finally {
      repo.cleanup();
    }
  });

  test('other findings on a flagged path are masked', () => {
    const repo = createTempRepo();
    try {
      repo.write('README.md', '# demo\n');
      repo.git(['add', '-A']);
      repo.git(['commit', '-q', '-m', 'start'], { env: { FOOTPRINT: '0' } });
      const token = fakeGithubToken();
      const debuggerLine = ['debug', 'ger;'].join('');
      repo.write(`cfg_${token}/app.js`, `const a = 1;\n${debuggerLine}\nconsole.log(a);\n`);
      repo.git(['add', '-A']);

      const hook = repo.footprint(['precommit', '--no-llm']);
      const json = repo.footprint(['analyze', '--json', '--no-llm']);
      const document = JSON.parse(json.stdout) as AnalyzeDocument;
      const located = document.risk.findings.map(
        (each) => `${each.rule} ${each.path}:${each.line}`,
      );

      assert.match(hook.stderr, /✖ cfg_ghp_\*{8}\/app\.js:2 {2}debugger/);
      assert.equal(hook.stderr.includes(token), false);
      assert.deepEqual(located, [
        'secret-in-path cfg_ghp_********/app.js:undefined',
        'debugger cfg_ghp_********/app.js:2',
        'debug-print cfg_ghp_********/app.js:3',
      ]);
      assert.equal(json.stdout.includes(token), false);
      const fossils = readFossilTexts(repo);
      const payload = (JSON.parse(fossils[0] ?? '{}') as { payload: AnalyzeDocument }).payload;
      assert.equal(fossils.length, 1);
      assert.equal(fossils[0]?.includes(token), false);
      assert.deepEqual(
        payload.risk.findings.map((each) => `${each.rule} ${each.path}:${each.line}`),
        located,
      );

      const sarif = repo.footprint(['analyze', '--format', 'sarif', '--no-llm']);
      assert.match(sarif.stdout, /cfg_ghp_\*{8}\/app\.js/);
      assert.equal(sarif.stdout.includes(token), false);
      const commit = repo.footprint(['commit', '--yes', '--no-llm']);
      assert.equal(commit.status, 1);
      assert.match(commit.stderr, /debugger in cfg_ghp_\*{8}\/app\.js/);
      assert.equal(commit.stderr.includes(token), false);
    } finally {
      repo.cleanup();
    }
  });

  test('validate masks a token path no longer staged', () => {
    const { repo, token } = createRepoWithTokenPath();
    try {
      const strategyFile = path.join(repo.dir, 'strategy.json');
      repo.footprint(['strategy', '--no-llm', '--output', strategyFile]);
      repo.git(['reset', '-q']);

      const text = repo.footprint(['validate', '--strategy', strategyFile]);
      const json = repo.footprint(['validate', '--json', '--strategy', strategyFile]);
      const problems = (
        JSON.parse(json.stdout) as { problems: Array<{ code: string; path?: string }> }
      ).problems;

      assert.equal(text.status, 1);
      assert.match(text.stdout, /Batch b1 names keys\/ghp_\*{8}\.txt, which is not in the staged/);
      assert.equal(text.stdout.includes(token), false);
      assert.deepEqual(
        problems
          .filter((problem) => problem.code === 'unknown-path')
          .map((problem) => problem.path),
        ['keys/ghp_********.txt'],
      );
      assert.equal(json.stdout.includes(token), false);
    } finally {
      repo.cleanup();
    }
  });

  test('rename away from a token passes', () => {
    const repo = createTempRepo();
    try {
      const token = fakeGithubToken();
      repo.write(`old_${token}.txt`, 'one\ntwo\nthree\n');
      repo.git(['add', '-A']);
      repo.git(['commit', '-q', '-m', 'start'], { env: { FOOTPRINT: '0' } });
      repo.git(['mv', `old_${token}.txt`, 'clean.txt']);

      const hook = repo.footprint(['precommit', '--no-llm']);
      const json = repo.footprint(['analyze', '--json', '--no-llm']);
      const document = JSON.parse(json.stdout) as AnalyzeDocument;

      assert.equal(hook.status, 0, hook.stderr);
      assert.equal(hook.stderr.includes('secret-in-path'), false);
      assert.equal(hook.stderr.includes(token), false);
      assert.deepEqual(document.risk.findings, []);
      assert.deepEqual(document.footprint.files, [
        { ...document.footprint.files[0], path: 'clean.txt', oldPath: 'old_ghp_********.txt' },
      ]);
      assert.equal(json.stdout.includes(token), false);
      assert.equal(readFossilTexts(repo)[0]?.includes(token), false);
    } finally {
      repo.cleanup();
    }
  });

  test('rename to a token name is blocked', () => {
    const repo = createTempRepo();
    try {
      const token = fakeGithubToken();
      repo.write('clean.txt', 'one\n');
      repo.git(['add', '-A']);
      repo.git(['commit', '-q', '-m', 'start'], { env: { FOOTPRINT: '0' } });
      repo.git(['mv', 'clean.txt', `new_${token}.txt`]);

      const hook = repo.footprint(['precommit', '--no-llm']);

      assert.equal(hook.status, 1);
      assert.match(hook.stderr, /new_ghp_\*{8}\.txt {2}secret-in-path {2}GitHub token/);
      assert.equal(hook.stderr.includes(token), false);
    } finally {
      repo.cleanup();
    }
  });

  test('Slack token path after underscore blocked', () => {
    const repo = createTempRepo();
    try {
      repo.write('README.md', '# demo\n');
      repo.git(['add', '-A']);
      repo.git(['commit', '-q', '-m', 'start'], { env: { FOOTPRINT: '0' } });
      const token = fakeSlackToken();
      repo.write(`k_${token}/cfg.txt`, 'x\n');
      repo.git(['add', '-A']);

      const hook = repo.footprint(['precommit', '--no-llm']);

      assert.equal(hook.status, 1);
      assert.match(hook.stderr, /k_xoxb-\*{8}\/cfg\.txt {2}secret-in-path {2}Slack token/);
      assert.equal(hook.stderr.includes(token), false);
      assert.equal(readFossilTexts(repo)[0]?.includes(token), false);
    } finally {
      repo.cleanup();
    }
  });

  test('intent-to-add token path masked', () => {
    const repo = createStartedRepo();
    try {
      const token = fakeGithubToken();
      repo.write(`keys/${token}.txt`, 'x\n');
      repo.git(['add', '--intent-to-add', `keys/${token}.txt`]);
      repo.write('README.md', '# demo\n\nMore.\n');
      repo.git(['add', 'README.md']);

      const hook = repo.footprint(['precommit', '--json', '--no-llm']);
      const document = JSON.parse(hook.stdout) as { footprint: { intentToAdd: string[] } };

      assert.equal(hook.status, 0, hook.stderr);
      assert.deepEqual(document.footprint.intentToAdd, ['keys/ghp_********.txt']);
      assert.equal(hook.stdout.includes(token), false);
      assert.equal(readFossilTexts(repo)[0]?.includes(token), false);
    } finally {
      repo.cleanup();
    }
  });

  test('unmerged token path masked', () => {
    const repo = createStartedRepo();
    try {
      const token = fakeGithubToken();
      repo.git(['checkout', '-q', '-b', 'other']);
      repo.write(`keys/${token}.txt`, 'other\n');
      repo.git(['add', '-A']);
      repo.git(['commit', '-q', '-m', 'other'], { env: { FOOTPRINT: '0' } });
      repo.git(['checkout', '-q', 'main']);
      repo.write(`keys/${token}.txt`, 'main\n');
      repo.git(['add', '-A']);
      repo.git(['commit', '-q', '-m', 'main'], { env: { FOOTPRINT: '0' } });
      const merge = repo.gitResult(['merge', 'other'], { env: { FOOTPRINT: '0' } });
      assert.notEqual(merge.status, 0, 'the merge should stop at a conflict');

      const analyzed = repo.footprint(['analyze', '--no-llm']);
      const hook = repo.footprint(['precommit', '--json', '--no-llm']);
      const document = JSON.parse(hook.stdout) as { footprint: { unmerged: string[] } };

      assert.deepEqual(document.footprint.unmerged, ['keys/ghp_********.txt']);
      assert.equal(hook.stdout.includes(token), false);
      assert.equal(analyzed.stdout.includes(token), false);
      assert.match(analyzed.stdout, /unmerged: keys\/ghp_\*{8}\.txt/);
      assert.equal(readFossilTexts(repo)[0]?.includes(token), false);
    } finally {
      repo.cleanup();
    }
  });
});
