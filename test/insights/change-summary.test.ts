import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { requestBudgetBytes } from '../../src/insights/anthropic.js';
import { buildChangeSummary } from '../../src/insights/change-summary.js';
import { findWithheldReason } from '../../src/insights/content-policy.js';
import { isSecretFinding } from '../../src/risk/secret-findings.js';
import type { Finding } from '../../src/risk/types.js';
import { lines, makeFootprint, type FileSpec } from '../helpers/footprint-builder.js';
import { anthropicConfig, buildInsightRequest } from './insight-request.js';

const NO_RISK = { score: 0, blocked: false, findings: [] };

const change: FileSpec[] = [
  { path: 'src/parser/tokenizer.ts', new: lines('export const a = 1;') },
  { path: 'README.md', old: lines('a', 'b', 'c'), new: lines('A', 'b', 'C') },
];

function finding(rule: string, path: string, extra: Partial<Finding> = {}): Finding {
  return { rule, severity: 'high', path, message: `${rule} found`, fix: 'fix it', ...extra };
}

describe('buildChangeSummary', () => {
  test('lists files, batches and hunks with ids', async () => {
    const request = await buildInsightRequest(change);
    const { text } = buildChangeSummary({ ...request, risk: NO_RISK }, 65536);

    assert.match(text, /^Staged change: 2 files, \+3 -2, 3 hunks\. Mode: balanced\.$/m);
    assert.match(text, /^f1 added src\/parser\/tokenizer\.ts \+1 -0, 1 hunk$/m);
    assert.match(text, /^f2 modified README\.md \+2 -2, 2 hunks$/m);
    assert.match(text, /^b1 feat\(parser\): add tokenizer\n {3}files: f1\n {3}depends on: none$/m);
    assert.match(text, /^Risk findings: none\.$/m);
    assert.match(text, /^f2 h2 @@ -3,1 \+3,1 @@\n-c\n\+C$/m);
  });

  test('file limit asks for no split', async () => {
    const request = await buildInsightRequest(change);
    request.analysis.splitSuggested = false;
    request.analysis.fileLimit = 2;
    const { text } = buildChangeSummary({ ...request, risk: NO_RISK }, 65536);

    assert.match(text, /^The change has more than 2 files, so it stays one commit: /m);
    assert.doesNotMatch(text, /in progress/);
  });

  test('index maps ids to files, batches and findings', async () => {
    const request = await buildInsightRequest(change);
    const risk = { ...NO_RISK, findings: [finding('todo', 'README.md')] };
    const { index } = buildChangeSummary({ ...request, risk }, 65536);

    assert.equal(index.files.get('f2')?.path, 'README.md');
    assert.equal(index.batches.get('b2')?.message, 'docs: update README');
    assert.equal(index.findings.get('r1')?.rule, 'todo');
    assert.equal(index.files.get('f3'), undefined);
  });

  test('finding names its file id and line', async () => {
    const request = await buildInsightRequest(change);
    const risk = { ...NO_RISK, findings: [finding('todo', 'README.md', { line: 3 })] };
    const { text } = buildChangeSummary({ ...request, risk }, 65536);

    assert.match(text, /^r1 high todo f2 line 3: todo found$/m);
  });

  test('withheld files are listed without lines', async () => {
    const request = await buildInsightRequest([
      { path: 'package-lock.json', new: lines('LOCK-LINE') },
      { path: '.env.local', new: lines('ENV-LINE') },
      { path: 'src/a.ts', new: lines('FOUND-LINE') },
    ]);
    const risk = { ...NO_RISK, findings: [finding('generic-secret', 'src/a.ts')] };
    // Only the finding above is a secret here, so each file shows its own reason.
    const requestSecrets = () => ({ paths: new Set<string>(), values: new Set<string>() });
    const { text } = buildChangeSummary({ ...request, risk, requestSecrets }, 65536);

    assert.match(text, /package-lock\.json \+1 -0, 1 hunk \(lines withheld: lockfile\)/);
    assert.match(text, /\.env\.local \+1 -0, 1 hunk \(lines withheld: credentials file\)/);
    assert.match(text, /src\/a\.ts \+1 -0, 1 hunk \(lines withheld: secret finding\)/);
    assert.doesNotMatch(text, /LOCK-LINE|ENV-LINE|FOUND-LINE/);
  });

  test('stays within the byte budget', async () => {
    const specs = Array.from({ length: 60 }, (_, index) => ({
      path: `src/module${index}.ts`,
      new: lines(
        ...Array.from({ length: 30 }, (_line, line) => `export const v${line} = ${line};`),
      ),
    }));
    const request = await buildInsightRequest(specs);
    const summary = buildChangeSummary({ ...request, risk: NO_RISK }, 4096);

    assert.ok(Buffer.byteLength(summary.text) <= 4096, `${Buffer.byteLength(summary.text)} bytes`);
    assert.ok(summary.omittedHunks > 0);
    assert.match(summary.text, /^\.\.\. and \d+ more files$/m);
    assert.match(summary.text, /^\d+ more hunks left out for size\.$/m);
  });

  test('long lines are cut', async () => {
    const request = await buildInsightRequest([
      { path: 'src/min.js', new: lines(`${'word '.repeat(200)}end`) },
    ]);
    const { text } = buildChangeSummary({ ...request, risk: NO_RISK }, 65536);
    const hunkLine = text.split('\n').find((line) => line.startsWith('+word'));

    assert.ok(hunkLine !== undefined);
    assert.ok(hunkLine.length <= 241, `${hunkLine.length} characters`);
    assert.ok(hunkLine.endsWith('…'));
  });

  test('merge in progress asks for no proposals', async () => {
    const request = await buildInsightRequest(change, { operation: 'merge' });
    const { text } = buildChangeSummary({ ...request, risk: NO_RISK }, 65536);

    assert.match(text, /A merge is in progress, so the change stays one commit/);
  });
});

describe('request budget', () => {
  test('bytes alone by default', () => {
    assert.equal(requestBudgetBytes(anthropicConfig().llm), 65536);
  });

  test('smaller of bytes and four bytes a token', () => {
    const config = anthropicConfig((value) => {
      value.llm.maxRequestTokens = 1000;
    });

    assert.equal(requestBudgetBytes(config.llm), 4000);
  });
});

describe('content policy', () => {
  const cases: Array<[spec: FileSpec, reason: string | null]> = [
    [{ path: 'src/a.ts', new: lines('x') }, null],
    [{ path: 'yarn.lock', new: lines('x') }, 'lockfile'],
    [{ path: 'dist/bundle.js', new: lines('x'), category: 'generated' }, 'generated'],
    [{ path: 'logo.png', new: 'x', binary: true }, 'binary'],
    [{ path: 'big.txt', new: lines('x'), opaque: 'too-large' }, 'not diffed'],
    [{ path: '.env', new: lines('x') }, 'credentials file'],
    [{ path: 'config/.npmrc', new: lines('x') }, 'credentials file'],
    [{ path: 'keys/id_ed25519', new: lines('x') }, 'credentials file'],
    [{ path: 'certs/server.pem', new: lines('x') }, 'credentials file'],
    [
      { path: 'env.sample', oldPath: '.env', old: lines('a=1'), new: lines('a=2') },
      'credentials file',
    ],
    [{ path: 'src/b.ts', oldPath: 'src/a.ts', old: lines('x'), new: lines('y') }, null],
    [{ path: 'old.ts', old: lines('x') }, 'deleted'],
  ];

  for (const [spec, reason] of cases) {
    test(`${spec.path} is ${reason ?? 'sent'}`, () => {
      const [file] = makeFootprint([spec]).footprint.files;
      assert.ok(file);

      assert.equal(findWithheldReason(file, new Set()), reason);
    });
  }

  test('secret finding withholds its file', () => {
    const [file] = makeFootprint([{ path: 'src/a.ts', new: lines('x') }]).footprint.files;
    assert.ok(file);

    assert.equal(findWithheldReason(file, new Set(['src/a.ts'])), 'secret finding');
  });

  test('secret findings by rule or masked value', () => {
    assert.equal(isSecretFinding(finding('private-key', 'a')), true);
    assert.equal(isSecretFinding(finding('generic-secret', 'a')), true);
    assert.equal(isSecretFinding(finding('custom', 'a', { masked: 'ab…(masked)' })), true);
    assert.equal(isSecretFinding(finding('conflict-markers', 'a')), false);
  });
});
