import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { analyzeBatches } from '../../src/batches/analyze.js';
import { createDefaultConfig } from '../../src/config/defaults.js';
import { assessRisk, assessRiskWithSecrets } from '../../src/risk/assess.js';
import type { RiskReport } from '../../src/risk/types.js';
import { lines, makeFootprint, type FileSpec } from '../helpers/footprint-builder.js';
import { fakeGithubToken } from './secret-parts.js';

const base64 = (text: string): string => Buffer.from(text).toString('base64');
const OPAQUE = base64('q8ZrT2mVx4LpW9nK');

function assess(specs: FileSpec[]): RiskReport {
  const input = makeFootprint(specs);
  const analysis = analyzeBatches(input, { mode: 'balanced' });
  return assessRisk(input, analysis, { mode: 'balanced', config: createDefaultConfig(), skip: [] });
}

/** Returns each kubernetes-secret finding as `line severity masked`. */
function secretFindings(report: RiskReport): string[] {
  return report.findings
    .filter((finding) => finding.rule === 'kubernetes-secret')
    .map((finding) => `${finding.line ?? 0} ${finding.severity} ${finding.masked ?? ''}`);
}

const HEADER = ['apiVersion: v1', 'kind: Secret', 'metadata:', '  name: app'];

describe('kubernetes-secret manifest forms', () => {
  test('token is critical, others high', () => {
    const report = assess([
      {
        path: 'k8s/app.yaml',
        new: lines(...HEADER, 'data:', `  GH: ${base64(fakeGithubToken())}`, `  API: ${OPAQUE}`),
      },
    ]);

    assert.deepEqual(secretFindings(report), ['6 critical GH: ********', '7 high API: ********']);
  });

  test('test fixture is medium', () => {
    const report = assess([
      { path: 'test/fixtures/secret.yaml', new: lines(...HEADER, 'data:', `  API: ${OPAQUE}`) },
    ]);

    assert.deepEqual(secretFindings(report), ['6 medium API: ********']);
  });

  test('block scalar and quoted key', () => {
    const wrapped = base64(`${fakeGithubToken()}\n`.repeat(3));
    const report = assess([
      {
        path: 'k8s/app.yml',
        new: lines(
          'data:',
          '  "token.txt": |',
          `    ${wrapped.slice(0, 60)}`,
          `    ${wrapped.slice(60)}`,
          `  'other': "${OPAQUE}" # rotated`,
          ...HEADER,
        ),
      },
    ]);

    assert.deepEqual(secretFindings(report), [
      '2 critical token.txt: ********',
      '5 high other: ********',
    ]);
  });

  test('flow mapping and CRLF lines', () => {
    const text = [...HEADER, `data: {A: ${OPAQUE}, B: ""}`, ''].join('\r\n');
    const report = assess([{ path: 'k8s/app.yaml', new: text }]);

    assert.deepEqual(secretFindings(report), ['5 high A: ********']);
  });

  test('JSON list of Secrets', () => {
    const list = {
      kind: 'List',
      items: [
        { kind: 'ConfigMap', data: { A: OPAQUE } },
        { kind: 'Secret', data: { B: OPAQUE } },
      ],
    };
    const report = assess([{ path: 'backup/all.json', new: `${JSON.stringify(list, null, 2)}\n` }]);

    assert.deepEqual(secretFindings(report), ['13 high B: ********']);
  });

  test('other file kinds are not read', () => {
    const text = lines(...HEADER, 'data:', `  API: ${OPAQUE}`);
    const report = assess([
      { path: 'docs/secret.md', new: text },
      { path: 'k8s/secret.yaml.tpl', new: text },
    ]);

    assert.deepEqual(secretFindings(report), []);
  });

  test('generic finding on the line is dropped', () => {
    const report = assess([
      { path: 'k8s/app.yaml', new: lines(...HEADER, 'data:', `  password: ${OPAQUE}`) },
    ]);

    assert.deepEqual(
      report.findings.filter((finding) => finding.line === 6).map((finding) => finding.rule),
      ['kubernetes-secret'],
    );
  });

  test('request secrets take the base64', () => {
    const input = makeFootprint([
      { path: 'k8s/app.yaml', new: lines(...HEADER, 'data:', `  CONN: "${OPAQUE}" # rotated`) },
    ]);
    const analysis = analyzeBatches(input, { mode: 'balanced' });
    const config = createDefaultConfig();
    const options = { mode: 'balanced' as const, config, skip: ['kubernetes-secret'] };
    const secrets = assessRiskWithSecrets(input, analysis, options).requestSecrets();

    assert.deepEqual([...secrets.values], [OPAQUE]);
    assert.deepEqual([...secrets.paths], ['k8s/app.yaml']);
  });
});
