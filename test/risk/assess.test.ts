import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { analyzeBatches } from '../../src/batches/analyze.js';
import type { Mode } from '../../src/batches/types.js';
import { createDefaultConfig } from '../../src/config/defaults.js';
import type { Config } from '../../src/config/types.js';
import type { FootprintWithContent } from '../../src/footprint/types.js';
import { assessRisk } from '../../src/risk/assess.js';
import type { RiskReport } from '../../src/risk/types.js';
import { lines, makeFootprint, type FileSpec } from '../helpers/footprint-builder.js';

// A key header with escaped key material after it, as a key inside a JSON or code string has.
const KEY_HEADER = '-----BEGIN ' + 'RSA PRIVATE KEY-----' + '\\nMIIBOgIBAAJBAKj34GkxFhD90vcN';
const START = '<'.repeat(7);
const SEPARATOR = '='.repeat(7);
const END = '>'.repeat(7);
const CONFLICT = [`${START} HEAD`, 'a', SEPARATOR, 'b', `${END} topic`];

// Stops a hang such as catastrophic backtracking. bench/risk/hostile.ts measures speed.
const HANG_TIMEOUT_MS = 120_000;

interface AssessOptions {
  mode?: Mode;
  config?: Config;
  skip?: string[];
  operation?: 'merge';
}

function assess(specs: FileSpec[], options: AssessOptions = {}): RiskReport {
  const input: FootprintWithContent = makeFootprint(specs, {
    operation: options.operation ?? null,
  });
  const mode = options.mode ?? 'balanced';
  const analysis = analyzeBatches(input, { mode });
  return assessRisk(input, analysis, {
    mode,
    config: options.config ?? createDefaultConfig(),
    skip: options.skip ?? [],
  });
}

function configWith(change: (config: Config) => void): Config {
  const config = createDefaultConfig();
  change(config);
  return config;
}

describe('assessRisk', () => {
  test('clean change has no findings', () => {
    const report = assess([{ path: 'src/a.ts', old: lines('a'), new: lines('b') }]);

    assert.deepEqual(report, { score: 0, blocked: false, findings: [] });
  });

  test('unscanned blob blocks when balanced', () => {
    const input = makeFootprint([{ path: 'data/big.csv', new: lines('a,b', '1,2') }]);
    const content = input.content.get('data/big.csv');
    assert.ok(content !== undefined);
    content.unscanned = 'change-size';
    const analysis = analyzeBatches(input, { mode: 'balanced' });

    const report = assessRisk(input, analysis, {
      mode: 'balanced',
      config: createDefaultConfig(),
      skip: [],
    });

    assert.equal(report.findings[0]?.rule, 'unscanned-file');
    assert.equal(report.findings[0]?.severity, 'high');
    assert.equal(report.blocked, true);
  });

  test('private key blocks in every mode', () => {
    for (const mode of ['conservative', 'balanced', 'aggressive'] as const) {
      const report = assess([{ path: 'key.pem', new: lines(KEY_HEADER, 'AAAA') }], { mode });

      assert.equal(report.blocked, true, mode);
      assert.equal(report.findings[0]?.rule, 'private-key', mode);
      assert.equal(report.score, 0.9, mode);
    }
  });

  test('conflict markers block by mode', () => {
    const specs = [{ path: 'a.txt', new: lines(...CONFLICT) }];

    assert.equal(assess(specs, { mode: 'conservative' }).blocked, true);
    assert.equal(assess(specs, { mode: 'balanced' }).blocked, true);
    assert.equal(assess(specs, { mode: 'aggressive' }).blocked, false);
  });

  test('rules run while a merge is in progress', () => {
    const report = assess([{ path: 'a.txt', new: lines(...CONFLICT) }], { operation: 'merge' });

    assert.equal(report.findings.length, 1);
    assert.equal(report.blocked, true);
  });

  test('findings are sorted by path and line', () => {
    const report = assess([
      { path: 'z.txt', new: lines(...CONFLICT) },
      { path: 'a.pem', new: lines('x', KEY_HEADER) },
      { path: 'a.txt', new: lines('x', 'y', ...CONFLICT, KEY_HEADER) },
    ]);

    assert.deepEqual(
      report.findings.map((finding) => `${finding.path}:${finding.line}:${finding.rule}`),
      [
        'a.pem:2:private-key',
        'a.txt:3:conflict-markers',
        'a.txt:8:private-key',
        'z.txt:1:conflict-markers',
      ],
    );
  });

  test('binary and opaque files are not read', () => {
    const report = assess([
      { path: 'a.bin', new: lines(KEY_HEADER), binary: true },
      { path: 'big.txt', new: lines(KEY_HEADER), opaque: 'too-large' },
    ]);

    assert.deepEqual(
      report.findings.filter((finding) => finding.rule === 'private-key'),
      [],
    );
  });

  test('inline allow comment drops the finding', () => {
    const report = assess([
      {
        path: 'src/fixture.ts',
        new: lines(`const key = '${KEY_HEADER}'; // footprint-allow: private-key`),
      },
    ]);

    assert.deepEqual(report.findings, []);
    assert.equal(report.blocked, false);
  });

  test('inline allow for another rule keeps the finding', () => {
    const report = assess([
      {
        path: 'src/fixture.ts',
        new: lines(`const key = '${KEY_HEADER}'; // footprint-allow: other-rule`),
      },
    ]);

    assert.equal(report.findings.length, 1);
  });

  test('inline allow on another line keeps the finding', () => {
    const report = assess([
      {
        path: 'src/fixture.ts',
        new: lines('// footprint-allow: private-key', `const key = '${KEY_HEADER}';`),
      },
    ]);

    assert.equal(report.findings.length, 1);
  });

  test('skip turns a rule off', () => {
    const specs = [{ path: 'key.pem', new: lines(KEY_HEADER, ...CONFLICT) }];
    const report = assess(specs, { skip: ['private-key'] });

    assert.deepEqual(
      report.findings.map((finding) => finding.rule),
      ['conflict-markers'],
    );
  });

  test('unknown skipped rule is ignored', () => {
    const report = assess([{ path: 'key.pem', new: lines(KEY_HEADER) }], {
      skip: ['no-such-rule'],
    });

    assert.equal(report.findings.length, 1);
  });

  test('risk.disable turns a rule off', () => {
    const config = configWith((value) => {
      value.risk.disable = ['conflict-markers'];
    });
    const report = assess([{ path: 'a.txt', new: lines(...CONFLICT) }], { config });

    assert.deepEqual(report.findings, []);
  });

  test('risk.allow with a path glob drops matching findings only', () => {
    const config = configWith((value) => {
      value.risk.allow = [{ rule: 'private-key', path: 'test/fixtures/**' }];
    });
    const report = assess(
      [
        { path: 'test/fixtures/keys/a.pem', new: lines(KEY_HEADER) },
        { path: 'deploy/a.pem', new: lines(KEY_HEADER) },
      ],
      { config },
    );

    assert.deepEqual(
      report.findings.map((finding) => finding.path),
      ['deploy/a.pem'],
    );
  });

  test('risk.allow without a path drops every finding of the rule', () => {
    const config = configWith((value) => {
      value.risk.allow = [{ rule: 'conflict-markers' }];
    });
    const report = assess([{ path: 'a.txt', new: lines(...CONFLICT) }], { config });

    assert.deepEqual(report.findings, []);
  });

  test('custom blockOn blocks on high in aggressive mode', () => {
    const config = configWith((value) => {
      value.blockOn.aggressive = ['high', 'critical'];
    });
    const report = assess([{ path: 'a.txt', new: lines(...CONFLICT) }], {
      config,
      mode: 'aggressive',
    });

    assert.equal(report.blocked, true);
  });

  test('findings hold no key material', () => {
    const report = assess([{ path: 'key.pem', new: lines(KEY_HEADER, 'SECRETMATERIAL') }]);

    assert.ok(!JSON.stringify(report).includes('SECRETMATERIAL'));
  });
});

describe('assessRisk on adversarial input', () => {
  /** Returns each finding as its rule, with `:line` when it has one. */
  function ruleLines(report: RiskReport): string[] {
    return report.findings.map((finding) =>
      finding.line === undefined ? finding.rule : `${finding.rule}:${finding.line}`,
    );
  }

  const cases: Array<{ name: string; text: string; expected: string[] }> = [
    { name: '5 MB single line', text: 'a'.repeat(5 * 1024 * 1024), expected: ['large-file'] },
    { name: '5 MB of dashes', text: '-'.repeat(5 * 1024 * 1024), expected: ['large-file'] },
    {
      name: '5 MB of marker prefixes',
      text: '-----BEGIN '.repeat(480_000),
      expected: ['large-file'],
    },
    { name: '5 MB of angle brackets', text: '<'.repeat(5 * 1024 * 1024), expected: ['large-file'] },
    {
      name: '5 MB of allow markers',
      text: 'footprint-allow:'.repeat(330_000) + KEY_HEADER,
      expected: ['large-file', 'private-key:1'],
    },
  ];

  for (const { name, text, expected } of cases) {
    test(name, { timeout: HANG_TIMEOUT_MS }, () => {
      const report = assess([{ path: 'big.txt', new: text }]);

      assert.deepEqual(ruleLines(report), expected);
    });
  }

  test('1 MB line of 80,000 passwords', { timeout: HANG_TIMEOUT_MS }, () => {
    // Assembled, so this file contains no command-line password that footprint would report.
    const text = ['--pass', 'word=a '].join('').repeat(80_000);
    const report = assess([{ path: 'big.txt', new: text }]);
    const listed = Array.from({ length: 100 }, () => 'command-line-password:1');

    assert.deepEqual(ruleLines(report), ['command-line-password', 'large-file', ...listed]);
    assert.equal(
      report.findings[0]?.message,
      '79900 more command-line-password findings in this file are not listed',
    );
  });
});

describe('assessRisk with nested configurations', () => {
  function assessNested(
    specs: FileSpec[],
    nested: (config: Config) => void,
    governed: string[],
  ): RiskReport {
    const input = makeFootprint(specs);
    const analysis = analyzeBatches(input, { mode: 'balanced' });
    const risk = configWith(nested).risk;
    return assessRisk(input, analysis, {
      mode: 'balanced',
      config: createDefaultConfig(),
      skip: [],
      riskByPath: new Map(governed.map((path) => [path, risk])),
    });
  }

  const findingsOf = (report: RiskReport): string[] =>
    report.findings.map((finding) => `${finding.rule} ${finding.path} ${finding.severity}`);

  test('file rule takes the path severity', () => {
    const report = assessNested(
      [
        { path: 'packages/a/x.ts', new: lines('debugger;') },
        { path: 'src/x.ts', new: lines('debugger;') },
      ],
      (config) => {
        config.risk.rules['debugger'] = { severity: 'low' };
      },
      ['packages/a/x.ts'],
    );

    assert.deepEqual(findingsOf(report), [
      'debugger packages/a/x.ts low',
      'debugger src/x.ts high',
    ]);
    assert.equal(report.blocked, true);
  });

  test('nested disable spares only its paths', () => {
    const report = assessNested(
      [
        { path: 'packages/a/x.ts', new: lines('debugger;') },
        { path: 'src/x.ts', new: lines('debugger;') },
      ],
      (config) => {
        config.risk.disable = ['debugger'];
      },
      ['packages/a/x.ts'],
    );

    assert.deepEqual(findingsOf(report), ['debugger src/x.ts high']);
  });

  test('nested custom rule reads only its paths', () => {
    const report = assessNested(
      [
        { path: 'packages/a/x.js', new: lines('// HACK here') },
        { path: 'src/x.js', new: lines('// HACK here') },
      ],
      (config) => {
        config.risk.custom = [{ id: 'no-hack', pattern: 'HACK', severity: 'medium' }];
      },
      ['packages/a/x.js'],
    );

    assert.deepEqual(findingsOf(report), ['no-hack packages/a/x.js medium']);
  });

  test('nested allow drops its change finding', () => {
    const report = assessNested(
      [
        { path: 'packages/a/auth/login.ts', new: lines('export {};') },
        { path: 'src/auth/login.ts', new: lines('export {};') },
      ],
      (config) => {
        config.risk.allow = [{ rule: 'sensitive-path' }];
      },
      ['packages/a/auth/login.ts'],
    );

    assert.deepEqual(findingsOf(report), ['sensitive-path src/auth/login.ts low']);
  });
});
