import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { LogParser, type LoggedCommit } from '../../src/learn/log-parser.js';

const A = 'a'.repeat(40);
const B = 'b'.repeat(40);
const C = 'c'.repeat(40);

function header(oid: string, parents: string, message: string): string {
  return `\x01${oid}\0${parents}\0${1_700_000_000}\0dev@example.com\0${message}\0\0`;
}

/** Output as `git log -z --numstat -p -U0` prints it, for three commits. */
const WITH_LINES = [
  header(A, B, 'feat: add parser\n\nbody line\n'),
  '\n2\t0\tsrc/a.ts\0-\t-\tlogo.png\0\0',
  'diff --git a/src/a.ts b/src/a.ts\nindex 1..2 100644\n--- a/src/a.ts\n+++ b/src/a.ts\n',
  '@@ -1,0 +2,2 @@ context\n+one\n+@@ not a hunk header\n',
  'diff --git a/logo.png b/logo.png\nBinary files a/logo.png and b/logo.png differ\n',
  header(B, '', 'empty commit\n'),
  header(C, `${A} ${B}`, 'fix: ä path\n'),
  '\n1\t1\tdocs/ä b.md\0\0',
  'diff --git a/docs/ä b.md b/docs/ä b.md\n--- a/docs/ä b.md\n+++ b/docs/ä b.md\n',
  '@@ -3 +3 @@\n-old\n+new\n@@ -9,0 +10 @@\n+tail\n',
].join('');

/** A commit that adds its first and third files, one of whose lines looks like a marker. */
const WITH_NEW_FILES = [
  header(A, B, 'feat: add the lexer\n'),
  '\n2\t0\tsrc/lexer.ts\x001\t1\tsrc/parser.ts\x001\t0\tsrc/tokens.ts\0\0',
  'diff --git a/src/lexer.ts b/src/lexer.ts\nnew file mode 100644\nindex 0000000..1\n',
  '--- /dev/null\n+++ b/src/lexer.ts\n@@ -0,0 +1,2 @@\n+new file mode 100644\n+end\n',
  'diff --git a/src/parser.ts b/src/parser.ts\nindex 1..2 100644\n--- a/src/parser.ts\n',
  '+++ b/src/parser.ts\n@@ -4 +4 @@\n-old\n+new\n',
  'diff --git a/src/tokens.ts b/src/tokens.ts\nnew file mode 100644\nindex 0000000..3\n',
  '--- /dev/null\n+++ b/src/tokens.ts\n@@ -0,0 +1 @@\n+token\n',
].join('');

function parse(text: string, withLines: boolean, chunkSize: number): LoggedCommit[] {
  const commits: LoggedCommit[] = [];
  const parser = new LogParser(withLines, (commit) => commits.push(commit));
  const latin1 = Buffer.from(text, 'utf8').toString('latin1');
  for (let at = 0; at < latin1.length; at += chunkSize)
    parser.push(latin1.slice(at, at + chunkSize));
  assert.equal(parser.end(), true, 'the output ends after a whole commit');
  return commits;
}

describe('log parser', () => {
  test('reads headers, numstat and hunks', () => {
    const [first, second, third] = parse(WITH_LINES, true, 1 << 16);

    assert.equal(first?.oid, A);
    assert.deepEqual(first?.parents, [B]);
    assert.equal(first?.committedAt, 1_700_000_000);
    assert.equal(first?.authorEmail, 'dev@example.com');
    assert.equal(first?.message, 'feat: add parser\n\nbody line\n');
    assert.deepEqual(first?.files, [
      { path: 'src/a.ts', additions: 2, deletions: 0 },
      { path: 'logo.png', additions: null, deletions: null },
    ]);
    assert.equal(first?.hunks, 1, 'an added line starting with @@ is no hunk header');
    assert.deepEqual(second?.parents, []);
    assert.deepEqual(second?.files, []);
    assert.equal(second?.hunks, 0);
    assert.deepEqual(third?.parents, [A, B]);
    assert.equal(third?.files[0]?.path, 'docs/ä b.md');
    assert.equal(third?.hunks, 2);
  });

  test('same result for every chunk size', () => {
    const whole = parse(WITH_LINES, true, 1 << 16);
    for (const size of [1, 2, 3, 5, 7, 13, 64]) {
      assert.deepEqual(parse(WITH_LINES, true, size), whole, `chunks of ${size}`);
    }
  });

  test('marks the files a commit adds', () => {
    for (const size of [1, 2, 3, 7, 64, 1 << 16]) {
      const [commit] = parse(WITH_NEW_FILES, true, size);

      assert.deepEqual(
        commit?.files.map((file) => file.added ?? false),
        [true, false, true],
        `chunks of ${size}`,
      );
      assert.equal(commit?.hunks, 3, `chunks of ${size}`);
    }
  });

  test('reads paths only without lines', () => {
    const text = `${header(A, B, 'docs: x\n')}\ndocs/a.md\0src/d-first.ts\0\0${header(B, '', 'y\n')}\nb.ts\0`;
    const commits = parse(text, false, 4);

    assert.deepEqual(
      commits.map((commit) => commit.files.map((file) => file.path)),
      [['docs/a.md', 'src/d-first.ts'], ['b.ts']],
    );
    assert.equal(commits[0]?.hunks, null);
    assert.equal(commits[0]?.files[0]?.additions, null);
  });

  test('output cut inside a header', () => {
    const parser = new LogParser(true, () => {});
    parser.push(`\x01${A}\0${B}\0`);

    assert.equal(parser.end(), false);
  });

  test('pending commit until the next one starts', () => {
    const seen: string[] = [];
    const parser = new LogParser(true, (commit) => seen.push(commit.oid));
    parser.push(header(A, B, 'a\n'));

    assert.equal(parser.pendingOid, A);
    assert.deepEqual(seen, []);
    parser.push(header(B, '', 'b\n'));
    assert.deepEqual(seen, [A]);
    assert.equal(parser.pendingOid, B);
  });
});
