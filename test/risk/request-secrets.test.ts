import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { analyzeBatches } from '../../src/batches/analyze.js';
import { createDefaultConfig } from '../../src/config/defaults.js';
import type { Config } from '../../src/config/types.js';
import { assessRiskWithSecrets, type RiskAssessment } from '../../src/risk/assess.js';
import { lines, makeFootprint, type FileSpec } from '../helpers/footprint-builder.js';
import { fakeDatabaseUrl, fakeGenericValue, fakeGithubToken, fakeJwt } from './secret-parts.js';

// Assembled from parts, so that this file contains no value that the hook reports.
const CLI_PASSWORD = ['S3c', 'r3tRootPw'].join('');
const SHELL_HEAD = ['k9Xm2', 'pQ7'].join('');
const SHELL_TAIL = ['zX4t8', 'bW3Lp5N'].join('');
const INTERNAL_ID = ['INT', '-', '7f3a9c', '2e41'].join('');

function assess(specs: FileSpec[], config = createDefaultConfig(), skip: string[] = []) {
  const input = makeFootprint(specs);
  const analysis = analyzeBatches(input, { mode: 'balanced' });
  return assessRiskWithSecrets(input, analysis, { mode: 'balanced', config, skip });
}

function valuesOf(assessment: RiskAssessment): string[] {
  return [...assessment.requestSecrets().values].sort();
}

function pathsOf(assessment: RiskAssessment): string[] {
  return [...assessment.requestSecrets().paths].sort();
}

/** Added lines of each secret rule, and the exact text that the request must not contain. */
const RULE_CASES: Array<[rule: string, spec: FileSpec, value: string]> = [
  [
    'generic-secret, quoted',
    { path: 'src/a.py', new: lines(`api_key = "${fakeGenericValue()}"`) },
    fakeGenericValue(),
  ],
  [
    'generic-secret, shell word with quotes',
    { path: 'deploy.sh', new: lines(`API_TOKEN=${SHELL_HEAD}"${SHELL_TAIL}" ./run`) },
    `${SHELL_HEAD}"${SHELL_TAIL}"`,
  ],
  [
    'generic-secret, shell default',
    { path: 'compose.yaml', new: lines(`  DB_PASSWORD: \${DB_PASSWORD:-${fakeGenericValue()}}`) },
    fakeGenericValue(),
  ],
  ['jwt', { path: 'src/b.ts', new: lines(`const t = "${fakeJwt()}";`) }, fakeJwt()],
  [
    'command-line-password',
    { path: 'backup.sh', new: lines(`mysqldump -uroot -p${CLI_PASSWORD} app > a.sql`) },
    CLI_PASSWORD,
  ],
  [
    'url-credentials',
    { path: 'src/db.ts', new: lines(`const url = "${fakeDatabaseUrl()}";`) },
    'S3cr3tPassw0rd',
  ],
  [
    'provider-token',
    { path: 'src/gh.ts', new: lines(`const gh = "${fakeGithubToken()}";`) },
    fakeGithubToken(),
  ],
];

/** Returns a configuration with a custom rule that masks internal ids, as for a secret. */
function customRuleConfig(): Config {
  const config = createDefaultConfig();
  config.risk.custom = [{ id: 'internal-id', pattern: 'INT-[0-9a-f]{10}', severity: 'high' }];
  return config;
}

describe('request secrets', () => {
  for (const [rule, spec, value] of RULE_CASES) {
    test(`exact value of ${rule}`, () => {
      const assessment = assess([spec]);

      assert.notEqual(assessment.report.findings.length, 0, 'the rule found nothing');
      assert.deepEqual(valuesOf(assessment), [value]);
      assert.deepEqual(pathsOf(assessment), [spec.path]);
    });
  }

  for (const [rule, spec, value] of RULE_CASES) {
    test(`${rule} after a byte order mark`, () => {
      const assessment = assess([{ ...spec, new: `\uFEFF${spec.new ?? ''}` }]);

      assert.notEqual(assessment.report.findings.length, 0, 'the rule found nothing');
      assert.deepEqual(valuesOf(assessment), [value]);
    });
  }

  test('exact value of a custom rule', () => {
    const spec = { path: 'src/ids.ts', new: lines(`const id = "${INTERNAL_ID}";`) };
    const assessment = assess([spec], customRuleConfig());

    assert.deepEqual(valuesOf(assessment), [INTERNAL_ID]);
  });

  test('skipped rule still collects', () => {
    const spec = { path: 'src/a.py', new: lines(`api_key = "${fakeGenericValue()}"`) };
    const assessment = assess([spec], createDefaultConfig(), ['generic-secret']);

    assert.deepEqual(assessment.report.findings, []);
    assert.deepEqual(valuesOf(assessment), [fakeGenericValue()]);
    assert.deepEqual(pathsOf(assessment), ['src/a.py']);
  });

  test('allowed finding still collects', () => {
    const config = createDefaultConfig();
    config.risk.allow = [{ rule: 'generic-secret', path: 'src/*.py' }];
    const spec = { path: 'src/a.py', new: lines(`api_key = "${fakeGenericValue()}"`) };
    const assessment = assess([spec], config);

    assert.deepEqual(assessment.report.findings, []);
    assert.deepEqual(valuesOf(assessment), [fakeGenericValue()]);
  });

  test('removed lines collected, not reported', () => {
    const old = lines('import os', `api_key = "${fakeGenericValue()}"`, 'DEBUG = False');
    const assessment = assess([
      { path: 'src/a.py', old, new: lines('import os', 'DEBUG = False') },
    ]);

    assert.deepEqual(assessment.report.findings, []);
    assert.deepEqual(valuesOf(assessment), [fakeGenericValue()]);
    assert.deepEqual(pathsOf(assessment), ['src/a.py']);
  });

  test('deleted file collected', () => {
    const old = lines(`const gh = "${fakeGithubToken()}";`);
    const assessment = assess([{ path: 'src/gh.ts', old, new: null }]);

    assert.deepEqual(valuesOf(assessment), [fakeGithubToken()]);
  });

  test('disabled rule still collects', () => {
    const config = createDefaultConfig();
    config.risk.disable = ['generic-secret'];
    const value = fakeGenericValue();
    const spec = { path: 'src/a.py', new: lines(`api_key = "${value}"`) };
    const assessment = assess([spec], config);

    assert.deepEqual(assessment.report.findings, []);
    assert.deepEqual(valuesOf(assessment), [value]);
    assert.deepEqual(pathsOf(assessment), ['src/a.py']);
  });

  test('ordinary change collects nothing', () => {
    const spec = {
      path: 'src/a.ts',
      old: lines('export const a = 1;'),
      new: lines('export const a = 2;'),
    };
    const assessment = assess([spec]);

    assert.deepEqual(valuesOf(assessment), []);
    assert.deepEqual(pathsOf(assessment), []);
  });
});
