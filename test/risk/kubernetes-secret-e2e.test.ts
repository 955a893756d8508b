import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import {
  commitFiles,
  createHookedRepo,
  findingsOf,
  type CommitAttempt,
  type PrintedFinding,
} from './hooked-repo.js';
import {
  fakeGithubToken,
  fakePemKey,
  fakeStripeLiveKey,
  pemBegin,
  pemEnd,
} from './secret-parts.js';

const RULE = 'kubernetes-secret';
const PASSWORD = ['Xq7Hg', 'ZVuRok', 'LERfE9z'].join('');

const base64 = (text: string): string => Buffer.from(text).toString('base64');
const lines = (...texts: string[]): string => texts.map((text) => `${text}\n`).join('');

/** Returns a Secret manifest whose `data:` contains `entries`, the first entry on line 7. */
function secretManifest(entries: Record<string, string>, kind = 'Secret'): string {
  return lines(
    'apiVersion: v1',
    `kind: ${kind}`,
    'metadata:',
    '  name: app-env',
    'type: Opaque',
    'data:',
    ...Object.entries(entries).map(([key, value]) => `  ${key}: ${value}`),
  );
}

/** Commits `files` in a new repository with the hook installed and returns the attempt. */
function attemptCommit(files: Record<string, string>): CommitAttempt {
  const repo = createHookedRepo();
  try {
    return commitFiles(repo, files);
  } finally {
    repo.cleanup();
  }
}

/** Returns the rule's findings in line order, since the summary lists blocking ones first. */
function byLine(attempt: CommitAttempt): PrintedFinding[] {
  return findingsOf(attempt, RULE).sort((a, b) => (a.line ?? 0) - (b.line ?? 0));
}

/** Returns each finding of the rule as `line masked`, in line order. */
function linesAndMasks(attempt: CommitAttempt): string[] {
  return byLine(attempt).map((finding) => `${finding.line} ${finding.masked}`);
}

describe('Kubernetes Secret data', () => {
  test('decoded secrets block the commit', () => {
    const registryAuth = base64(`ci:${PASSWORD}`);
    const attempt = attemptCommit({
      'k8s/db-secret.yaml': secretManifest({
        DATABASE_URL: base64(`postgres://app:${PASSWORD}@db.prod.svc:5432/app`),
        STRIPE: base64(fakeStripeLiveKey()),
        '.dockerconfigjson': base64(`{"auths":{"ghcr.io":{"auth":"${registryAuth}"}}}`),
      }),
    });
    const findings = byLine(attempt);

    assert.equal(attempt.blocked, true, attempt.stderr);
    assert.deepEqual(
      findings.map((finding) => finding.path),
      ['k8s/db-secret.yaml', 'k8s/db-secret.yaml', 'k8s/db-secret.yaml'],
    );
    assert.deepEqual(linesAndMasks(attempt), [
      '7 DATABASE_URL: ********',
      '8 STRIPE: ********',
      '9 .dockerconfigjson: ********',
    ]);
    assert.deepEqual(
      findings.map((finding) => finding.message),
      [
        'Password in a postgres URL in Kubernetes Secret data (base64)',
        'Stripe live secret key in Kubernetes Secret data (base64)',
        'Registry credentials in Kubernetes Secret data (base64)',
      ],
    );
    assert.deepEqual(
      findings.map((finding) => finding.symbol),
      ['✖', '✖', '✖'],
    );
    assert.equal(attempt.stderr.includes(PASSWORD), false);
    assert.equal(attempt.stderr.includes('db.prod.svc'), false);
    assert.equal(attempt.stderr.includes('sk_live_'), false);
  });

  test('opaque value blocks in balanced mode', () => {
    const attempt = attemptCommit({
      'deploy/api.yaml': secretManifest({ API: base64('q8ZrT2mVx4LpW9nK') }),
    });

    assert.equal(attempt.blocked, true, attempt.stderr);
    assert.deepEqual(linesAndMasks(attempt), ['7 API: ********']);
    assert.deepEqual(
      findingsOf(attempt, RULE).map((finding) => finding.message),
      ['Secret value in Kubernetes Secret data (base64)'],
    );
  });

  test('second document of a stream', () => {
    const configMap = lines(
      'apiVersion: v1',
      'kind: ConfigMap',
      'metadata:',
      '  name: app-config',
      'data:',
      `  LEVEL: ${base64('debug-level-verbose')}`,
      '---',
    );
    const attempt = attemptCommit({
      'k8s/app.yaml': `${configMap}${secretManifest({ TOKEN: base64(fakeGithubToken()) })}`,
    });

    assert.equal(attempt.blocked, true, attempt.stderr);
    assert.deepEqual(linesAndMasks(attempt), ['14 TOKEN: ********']);
    assert.deepEqual(
      findingsOf(attempt, RULE).map((finding) => finding.message),
      ['GitHub token in Kubernetes Secret data (base64)'],
    );
  });

  test('private key in TLS data', () => {
    const attempt = attemptCommit({
      'k8s/tls.yaml': secretManifest({
        'tls.crt': base64(
          lines(pemBegin('CERTIFICATE'), 'MIIBszCCAVmgAwIBAgIU', pemEnd('CERTIFICATE')),
        ),
        'tls.key': base64(lines(...fakePemKey())),
      }),
    });

    assert.equal(attempt.blocked, true, attempt.stderr);
    assert.deepEqual(linesAndMasks(attempt), ['8 tls.key: ********']);
  });

  test('JSON output of kubectl', () => {
    const manifest = JSON.stringify(
      {
        apiVersion: 'v1',
        kind: 'Secret',
        metadata: { name: 'db' },
        data: { PW: base64(PASSWORD) },
      },
      null,
      4,
    );
    const attempt = attemptCommit({ 'backup/db-secret.json': `${manifest}\n` });

    assert.equal(attempt.blocked, true, attempt.stderr);
    assert.deepEqual(linesAndMasks(attempt), ['8 PW: ********']);
  });
});

describe('Kubernetes manifests without secret data', () => {
  const cases: Array<{ name: string; text: string }> = [
    {
      name: 'ConfigMap data',
      text: secretManifest({ APP_MODE: base64(PASSWORD) }, 'ConfigMap'),
    },
    {
      name: 'SealedSecret encrypted data',
      text: lines(
        'apiVersion: bitnami.com/v1alpha1',
        'kind: SealedSecret',
        'metadata:',
        '  name: app-env',
        'spec:',
        '  encryptedData:',
        `    DATABASE_URL: ${base64(`AgB${PASSWORD}${PASSWORD}`)}`,
      ),
    },
    {
      name: 'empty, template and sample values',
      text: secretManifest({
        EMPTY: '""',
        BLANK: '',
        HELM: '{{ .Values.apiKey | b64enc }}',
        QUOTED: '"{{ .Values.password }}"',
        ENV: '${DB_PASSWORD}',
        SAMPLE: base64('changeme'),
      }),
    },
    {
      name: 'names that are not secret',
      text: secretManifest({ username: base64('app'), host: base64('db.prod.svc') }),
    },
  ];

  for (const { name, text } of cases) {
    test(`${name} commits`, () => {
      const attempt = attemptCommit({ 'k8s/manifest.yaml': text });

      assert.deepEqual(findingsOf(attempt, RULE), []);
      assert.equal(attempt.blocked, false, attempt.stderr);
    });
  }

  test('edit reports only added lines', () => {
    const repo = createHookedRepo();
    try {
      const before = { API: base64('q8ZrT2mVx4LpW9nK') };
      const first = commitFiles(repo, { 'k8s/api.yaml': secretManifest(before) });
      assert.equal(first.blocked, true);
      repo.git(['commit', '-q', '--no-verify', '-m', 'chore: keep the secret']);

      const attempt = commitFiles(repo, {
        'k8s/api.yaml': secretManifest({ ...before, EXTRA: base64('Zt4pDopbZ4nbpDMW') }),
      });

      assert.deepEqual(linesAndMasks(attempt), ['8 EXTRA: ********']);
    } finally {
      repo.cleanup();
    }
  });
});
