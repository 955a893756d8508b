import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { createTempRepo, type TempRepo } from '../helpers/repo.js';
import { fakeGithubToken, fakePemKey } from './secret-parts.js';

interface JsonFinding {
  rule: string;
  path: string;
  line?: number;
}

/** Makes a repository whose configuration lets files of up to 5 MB in, but diffs only 1 KB. */
function createRepo(files: Record<string, string | Buffer> = {}): TempRepo {
  const repo = createTempRepo();
  repo.write(
    'footprint.config.json',
    JSON.stringify({ maxDiffBytes: 1024, risk: { maxFileBytes: 5_000_000 } }),
  );
  repo.write('README.md', '# demo\n');
  for (const [path, content] of Object.entries(files)) repo.write(path, content);
  repo.git(['add', '-A']);
  repo.git(['commit', '-q', '-m', 'start'], { env: { FOOTPRINT: '0' } });
  return repo;
}

function precommitFindings(repo: TempRepo): { status: number | null; findings: JsonFinding[] } {
  const result = repo.footprint(['precommit', '--json', '--no-llm']);
  assert.ok(result.stdout.length > 0, `no JSON on stdout: ${result.stderr}`);
  const document = JSON.parse(result.stdout) as { risk: { findings: JsonFinding[] } };
  return { status: result.status, findings: document.risk.findings };
}

function numberedLines(count: number): string {
  return Array.from({ length: count }, (_, index) => `row ${index + 1}`).join('\n');
}

describe('secret rules on files too large to diff', () => {
  test('token on the last line of a new file', () => {
    const repo = createRepo();
    repo.write('data/rows.txt', `${numberedLines(5000)}\ntoken = "${fakeGithubToken()}"\n`);
    repo.git(['add', 'data/rows.txt']);

    const { status, findings } = precommitFindings(repo);

    const tokens = findings.filter((finding) => finding.rule === 'provider-token');
    assert.equal(tokens.length, 1);
    assert.equal(tokens[0]?.path, 'data/rows.txt');
    assert.equal(tokens[0]?.line, 5001);
    assert.equal(status, 1);
  });

  test('token added to an existing file', () => {
    const repo = createRepo({ 'data/rows.txt': `${numberedLines(5000)}\n` });
    repo.write(
      'data/rows.txt',
      `${numberedLines(2500)}\nkey: ${fakeGithubToken()}\n${numberedLines(5000).split('\n').slice(2500).join('\n')}\n`,
    );
    repo.git(['add', 'data/rows.txt']);

    const { findings } = precommitFindings(repo);

    const tokens = findings.filter((finding) => finding.rule === 'provider-token');
    assert.deepEqual(
      tokens.map((finding) => finding.line),
      [2501],
    );
  });

  test('token already in HEAD is not found again', () => {
    const secretLine = `key: ${fakeGithubToken()}`;
    const repo = createRepo({ 'data/rows.txt': `${secretLine}\n${numberedLines(5000)}\n` });
    repo.write('data/rows.txt', `${secretLine}\n${numberedLines(5001)}\n`);
    repo.git(['add', 'data/rows.txt']);

    const { status, findings } = precommitFindings(repo);

    assert.deepEqual(
      findings.filter((finding) => finding.rule === 'provider-token'),
      [],
    );
    assert.equal(status, 0);
  });

  test('private key in a large file', () => {
    const repo = createRepo();
    repo.write('deploy/bundle.txt', `${numberedLines(3000)}\n${fakePemKey().join('\n')}\n`);
    repo.git(['add', 'deploy/bundle.txt']);

    const { findings } = precommitFindings(repo);

    const keys = findings.filter((finding) => finding.rule === 'private-key');
    assert.deepEqual(
      keys.map((finding) => finding.line),
      [3001],
    );
  });

  test('leftover rules do not read large files', () => {
    const repo = createRepo();
    repo.write('src/big.js', `${numberedLines(3000)}\ndebugger;\n`);
    repo.git(['add', 'src/big.js']);

    const { findings } = precommitFindings(repo);

    assert.deepEqual(
      findings.filter((finding) => finding.rule === 'debugger'),
      [],
    );
  });
});

describe('secret rules on binary files', () => {
  test('token after a NUL byte', () => {
    const repo = createRepo();
    repo.write('src/nul.js', Buffer.from(`x\0y\nconst token = '${fakeGithubToken()}';\n`));
    repo.git(['add', 'src/nul.js']);

    const { status, findings } = precommitFindings(repo);

    const tokens = findings.filter((finding) => finding.rule === 'provider-token');
    assert.equal(tokens.length, 1);
    assert.equal(tokens[0]?.line, 2);
    assert.equal(status, 1);
  });

  test('image bytes raise no secret finding', () => {
    const repo = createRepo();
    const bytes = Buffer.alloc(4096);
    for (let index = 0; index < bytes.length; index++) bytes[index] = (index * 7919) % 256;
    repo.write(
      'assets/logo.png',
      Buffer.concat([Buffer.from('\x89PNG\r\n\x1a\n', 'latin1'), bytes]),
    );
    repo.git(['add', 'assets/logo.png']);

    const { findings } = precommitFindings(repo);

    const secrets = findings.filter((finding) =>
      ['provider-token', 'private-key', 'url-credentials', 'generic-secret'].includes(finding.rule),
    );
    assert.deepEqual(secrets, []);
  });
});

describe('conflict markers in files too large to diff', () => {
  test('conflict in a large lockfile blocks', () => {
    const rows = numberedLines(5000).split('\n');
    const repo = createRepo({ 'data/rows.txt': `${rows.join('\n')}\n` });
    const conflict = ['<<<<<<< HEAD', 'row 100 ours', '=======', 'row 100 theirs', '>>>>>>> topic'];
    repo.write(
      'data/rows.txt',
      `${[...rows.slice(0, 99), ...conflict, ...rows.slice(100)].join('\n')}\n`,
    );
    repo.git(['add', 'data/rows.txt']);

    const { status, findings } = precommitFindings(repo);

    const markers = findings.filter((finding) => finding.rule === 'conflict-markers');
    assert.deepEqual(
      markers.map((finding) => `${finding.path}:${finding.line}`),
      ['data/rows.txt:100'],
    );
    assert.equal(status, 1);
  });
});
