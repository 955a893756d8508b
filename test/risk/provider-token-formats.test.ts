import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { analyzeBatches } from '../../src/batches/analyze.js';
import { createDefaultConfig } from '../../src/config/defaults.js';
import { assessRisk } from '../../src/risk/assess.js';
import type { RiskReport } from '../../src/risk/types.js';
import { lines, makeFootprint, type FileSpec } from '../helpers/footprint-builder.js';
import {
  fakeAnthropicAdminKey,
  fakeDatabricksToken,
  fakeHuggingFaceToken,
  fakeSupabaseToken,
} from './secret-parts.js';

function assess(specs: FileSpec[]): RiskReport {
  const input = makeFootprint(specs);
  const analysis = analyzeBatches(input, { mode: 'balanced' });
  return assessRisk(input, analysis, { mode: 'balanced', config: createDefaultConfig(), skip: [] });
}

function tokenFindings(report: RiskReport): string[] {
  return report.findings
    .filter((finding) => finding.rule === 'provider-token')
    .map((finding) => `${finding.line ?? 0} ${finding.message}`);
}

// Tokens are joined from parts so that this file contains none that a scanner would flag.
const GITLAB = ['glp', 'at-', 'Qm9vVkx3ZzRpN0ZhYjJ5'].join('');
const GOOGLE = ['AI', 'za', 'SyD4qg6YYZYn9ZhyiA4uoRgnatmUdjAWtGS'].join('');
const DIGITALOCEAN = [
  'dop',
  '_v1_',
  '4f1c2b3a9d8e7f6a5b4c3d2e1f0a9b8c',
  '7d6e5f4a3b2c1d0e9f8a7b6c5d4e3f2a',
].join('');

describe('provider-token formats without a keyword', () => {
  test('GitLab, Google and DigitalOcean tokens are found', () => {
    const report = assess([
      {
        path: 'clients.py',
        new: lines(`GITLAB = "${GITLAB}"`, `MAPS = "${GOOGLE}"`, `DO = "${DIGITALOCEAN}"`),
      },
    ]);

    assert.deepEqual(tokenFindings(report), [
      '1 GitLab personal access token staged',
      '2 Google API key staged',
      '3 DigitalOcean token staged',
    ]);
  });

  test('other GitLab tokens are found', () => {
    const tokens = [
      ['glr', 't-', 'iK2ZWeqhFWCEPyYngFb5'],
      ['gld', 't-', '9382dffx1kVZQ2tqMnMc'],
      ['glpt', 't-', '1e59ca9210996e1e6acfb3a296768e5dbe902737'],
      ['glf', 't-', 'Ab3dE5gH7jK9mN1pQ3sT'],
    ].map((parts) => parts.join(''));
    const report = assess([
      { path: 'notes.md', new: lines(...tokens.map((token, index) => `token ${index}: ${token}`)) },
    ]);

    assert.deepEqual(tokenFindings(report), [
      '1 GitLab token staged',
      '2 GitLab token staged',
      '3 GitLab token staged',
      '4 GitLab token staged',
    ]);
    assert.deepEqual(
      report.findings.map((finding) => finding.masked),
      ['glrt-********', 'gldt-********', 'glptt-********', 'glft-********'],
    );
  });

  test('masks keep only the public prefix', () => {
    const report = assess([
      { path: 'a.py', new: lines(`A = "${GITLAB}"`, `B = "${GOOGLE}"`, `C = "${DIGITALOCEAN}"`) },
    ]);
    const masks = report.findings.map((finding) => finding.masked);

    assert.deepEqual(masks, ['glpat-********', 'AIza********', 'dop_v1_********']);
  });

  test('GitLab token in a clone URL is found', () => {
    const report = assess([
      {
        path: 'deploy.sh',
        new: lines(`git clone https://oauth2:${GITLAB}@gitlab.com/org/repo.git`),
      },
    ]);

    assert.deepEqual(tokenFindings(report), ['1 GitLab personal access token staged']);
  });

  test('near misses are not found', () => {
    const report = assess([
      {
        path: 'a.py',
        new: lines(
          `A = "${GITLAB.slice(0, -2)}"`,
          `B = "${GOOGLE}x"`,
          `C = "${DIGITALOCEAN.replace('4f1c', 'ZZZZ')}"`,
        ),
      },
    ]);

    assert.deepEqual(tokenFindings(report), []);
  });
});

describe('provider-token placeholders', () => {
  const placeholders: Array<{ name: string; line: string }> = [
    { name: 'GitHub token of x', line: `GITHUB_TOKEN=${['gh', 'p_'].join('')}${'x'.repeat(36)}` },
    {
      name: 'Stripe key of X',
      line: `STRIPE_SECRET_KEY=${['sk', '_live_'].join('')}${'X'.repeat(24)}`,
    },
    {
      name: 'AWS key id of X',
      line: `AWS_ACCESS_KEY_ID=${['AK', 'IA'].join('')}${'X'.repeat(16)}`,
    },
    { name: 'AWS secret of x', line: `AWS_SECRET_ACCESS_KEY=${'x'.repeat(40)}` },
    { name: 'npm token of X', line: `NPM_TOKEN=${['np', 'm_'].join('')}${'X'.repeat(36)}` },
    {
      name: 'GitHub token mostly x',
      line: `token: ${['gh', 'p_'].join('')}1234${'x'.repeat(32)}`,
    },
    {
      name: 'Slack webhook of X',
      line: `SLACK_URL=https://hooks.${['sla', 'ck'].join('')}.com/services/TXXXXXXXX/BXXXXXXXX/${'X'.repeat(24)}`,
    },
    {
      name: 'GitLab token of zeros',
      line: `GITLAB_TOKEN=${['glp', 'at-'].join('')}${'0'.repeat(20)}`,
    },
  ];

  for (const { name, line } of placeholders) {
    test(`${name} is not found`, () => {
      const report = assess([{ path: 'docs/configuration.md', new: lines(line) }]);

      assert.deepEqual(tokenFindings(report), []);
      assert.equal(report.blocked, false);
    });
  }

  test('token with some x is still found', () => {
    const token = ['gh', 'p_', 'xA1b2C3d4E5f6G7h8I9j0', 'K1l2M3n4O5p6Q7r'].join('');
    const report = assess([{ path: 'src/a.js', new: lines(`t = '${token}'`) }]);

    assert.deepEqual(tokenFindings(report), ['1 GitHub token staged']);
  });
});

describe('newer token families near misses', () => {
  const hf = ['h', 'f_'].join('');
  const near: Array<{ name: string; line: string }> = [
    { name: 'lower-case name after hf_', line: `${hf}${'abcdefghijklmnopqrstuvwxyzabcdefgh'}()` },
    { name: 'hf_ with 33 letters', line: `t = "${fakeHuggingFaceToken().slice(0, -1)}"` },
    { name: 'hf_ with 35 letters', line: `t = "${fakeHuggingFaceToken()}Q"` },
    { name: 'Supabase token of zeros', line: `t = "${['sb', 'p_'].join('')}${'0'.repeat(40)}"` },
    { name: 'Supabase token not hex', line: `t = "${fakeSupabaseToken().replace(/[a-f]/g, 'G')}"` },
    { name: 'Databricks token too short', line: `t = "${fakeDatabricksToken().slice(0, -1)}"` },
    { name: 'PyPI name of a package', line: 'pip install pypi-AgEnt-tools==1.0' },
    { name: 'Anthropic admin key cut', line: `k = "${fakeAnthropicAdminKey().slice(0, 40)}"` },
  ];

  for (const { name, line } of near) {
    test(`${name} is not found`, () => {
      const report = assess([{ path: 'src/near.py', new: lines(line) }]);

      assert.deepEqual(tokenFindings(report), []);
    });
  }

  test('token after a word is not found', () => {
    const report = assess([{ path: 'src/a.py', new: lines(`x = "prefix${fakeSupabaseToken()}"`) }]);

    assert.deepEqual(tokenFindings(report), []);
  });
});
