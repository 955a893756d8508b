import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { commitFiles, createHookedRepo, findingsOf } from './hooked-repo.js';
import {
  fakeAnthropicKey,
  fakeGithubToken,
  fakeHuggingFaceToken,
  fakeSupabaseToken,
  pseudoRandomBody,
} from './secret-parts.js';

/** Returns a PowerShell script with a token on line 2, as Windows tools save it. */
function powershellScript(token: string): string {
  return `# deploy\r\n$Token = "${token}"\r\nWrite-Host "done"\r\n`;
}

/** Returns `text` in UTF-16, without a byte order mark. */
function utf16WithoutBom(text: string, order: 'le' | 'be'): Buffer {
  const little = Buffer.from(text, 'utf16le');
  return order === 'le' ? little : Buffer.from(little).swap16();
}

/** Returns binary bytes with `middle` between runs of NUL and control bytes. */
function binaryAround(middle: string): Buffer {
  const noise = Buffer.from([0, 1, 2, 0, 0, 0x7f, 0x10, 0, 0xff, 0]);
  return Buffer.concat([noise, noise, Buffer.from(middle, 'latin1'), noise, noise]);
}

describe('UTF-16 text without a byte order mark', () => {
  for (const order of ['le', 'be'] as const) {
    test(`UTF-16${order.toUpperCase()} token blocks the commit`, () => {
      const repo = createHookedRepo();
      try {
        const token = fakeGithubToken();
        const attempt = commitFiles(repo, {
          'deploy.ps1': utf16WithoutBom(powershellScript(token), order),
        });
        const [finding, ...others] = findingsOf(attempt, 'provider-token');

        assert.equal(attempt.blocked, true, attempt.stderr);
        assert.equal(finding?.path, 'deploy.ps1');
        assert.equal(finding?.line, 2);
        assert.equal(finding?.masked, 'ghp_********');
        assert.deepEqual(others, []);
        assert.deepEqual(findingsOf(attempt, 'binary-file'), []);
      } finally {
        repo.cleanup();
      }
    });
  }

  test('UTF-16 text without secrets commits', () => {
    const repo = createHookedRepo();
    try {
      const attempt = commitFiles(repo, {
        'scripts/setup.ps1': utf16WithoutBom('Write-Host "hello"\r\nExit 0\r\n', 'le'),
      });

      assert.equal(attempt.blocked, false, attempt.stderr);
      assert.deepEqual(findingsOf(attempt, 'binary-file'), []);
    } finally {
      repo.cleanup();
    }
  });
});

describe('tokens glued to text in binaries', () => {
  const cases = [
    { name: 'GitHub token', token: fakeGithubToken(), masked: 'ghp_********' },
    { name: 'Anthropic key', token: fakeAnthropicKey(), masked: 'sk-ant-api03-********' },
  ];

  for (const { name, token, masked } of cases) {
    test(`${name} after a word blocks`, () => {
      const repo = createHookedRepo();
      try {
        const attempt = commitFiles(repo, { 'build/app.bin': binaryAround(`octocat${token}`) });
        const [finding, ...others] = findingsOf(attempt, 'provider-token');

        assert.equal(attempt.blocked, true, attempt.stderr);
        assert.equal(finding?.path, 'build/app.bin');
        assert.equal(finding?.line, 1);
        assert.equal(finding?.masked, masked);
        assert.deepEqual(others, []);
      } finally {
        repo.cleanup();
      }
    });
  }

  test('token glued in text passes', () => {
    const repo = createHookedRepo();
    try {
      const attempt = commitFiles(repo, { 'src/names.txt': `octocat${fakeGithubToken()}\n` });

      assert.deepEqual(findingsOf(attempt, 'provider-token'), []);
    } finally {
      repo.cleanup();
    }
  });

  test('weak prefixes after a word pass', () => {
    const repo = createHookedRepo();
    try {
      const glued = [
        `pnpm_${pseudoRandomBody('abcdefghijklmnopqrstuvwxyz0123456789', 36, 3)}`,
        `x${fakeHuggingFaceToken()}`,
        `fakeSupabaseToken${fakeSupabaseToken()}`,
      ];
      const attempt = commitFiles(repo, { 'build/tool.bin': binaryAround(glued.join('\0')) });

      assert.deepEqual(findingsOf(attempt, 'provider-token'), []);
    } finally {
      repo.cleanup();
    }
  });
});
