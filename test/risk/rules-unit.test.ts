import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { analyzeBatches } from '../../src/batches/analyze.js';
import { createDefaultConfig } from '../../src/config/defaults.js';
import type { Config } from '../../src/config/types.js';
import { UserError } from '../../src/errors.js';
import { assessRisk } from '../../src/risk/assess.js';
import { shannonEntropy } from '../../src/risk/entropy.js';
import { maskSecret } from '../../src/risk/mask.js';
import { pathToUri } from '../../src/risk/sarif.js';
import type { RiskModel, RiskReport } from '../../src/risk/types.js';
import { lines, makeFootprint, type FileSpec } from '../helpers/footprint-builder.js';
import { fakeGenericValue, fakeGithubToken, fakeSlackToken } from './secret-parts.js';

interface AssessOptions {
  config?: Config;
  indexPaths?: string[];
  model?: RiskModel;
}

function assess(specs: FileSpec[], options: AssessOptions = {}): RiskReport {
  const input = makeFootprint(specs);
  const analysis = analyzeBatches(input, { mode: 'balanced' });
  return assessRisk(input, analysis, {
    mode: 'balanced',
    config: options.config ?? createDefaultConfig(),
    skip: [],
    ...(options.indexPaths ? { indexPaths: options.indexPaths } : {}),
    ...(options.model ? { model: options.model } : {}),
  });
}

function rulesAt(report: RiskReport, rule: string): string[] {
  return report.findings
    .filter((finding) => finding.rule === rule)
    .map((finding) =>
      finding.line === undefined ? finding.path : `${finding.path}:${finding.line}`,
    );
}

describe('maskSecret', () => {
  test('long value keeps a four-character prefix', () => {
    assert.equal(maskSecret(fakeGithubToken()), 'ghp_************');
  });

  test('short value shows no character', () => {
    assert.equal(maskSecret('abc'), '****');
  });

  test('medium value keeps two characters', () => {
    assert.equal(maskSecret('abcdefghijkl'), 'ab**********');
  });
});

describe('shannonEntropy', () => {
  test('one repeated character is zero', () => {
    assert.equal(shannonEntropy('aaaaaaaa'), 0);
  });

  test('random value is over 3.5', () => {
    assert.ok(shannonEntropy(fakeGenericValue()) > 3.5);
  });
});

describe('provider-token rule', () => {
  const providers: Array<{ name: string; line: string }> = [
    { name: 'Slack token', line: `SLACK=${fakeSlackToken()}` },
    {
      name: 'AWS secret access key',
      line: `aws_secret_access_key = ${['wJalrXUtnFEMI', 'K7MDENGbPxRfiCYzEXAMPLEKEY'].join('/')}`,
    },
    {
      name: 'npm token',
      line: `//registry.npmjs.org/:_authToken=${['npm_', 'a'.repeat(20), 'B'.repeat(16)].join('')}`,
    },
  ];

  for (const { name, line } of providers) {
    test(`${name} is found`, () => {
      const report = assess([{ path: 'config/.npmrc', new: lines('x', line) }]);

      assert.deepEqual(rulesAt(report, 'provider-token'), ['config/.npmrc:2']);
    });
  }

  test('masked value never holds the token', () => {
    const report = assess([{ path: 'src/a.js', new: lines(`t = '${fakeGithubToken()}'`) }]);

    assert.equal(JSON.stringify(report).includes(fakeGithubToken()), false);
  });

  test('token-like word without the shape is not found', () => {
    const report = assess([{ path: 'src/a.js', new: lines('const ghp_prefix = "ghp_";') }]);

    assert.deepEqual(rulesAt(report, 'provider-token'), []);
  });
});

describe('url-credentials rule', () => {
  const cases: Array<{ url: string; found: boolean }> = [
    { url: ['redis://cache', ':', 'Zq81kLm2@cache.prod.corp:6379'].join(''), found: true },
    { url: ['https://deploy', ':', 'Xy7pQ2w9@git.corp.net/repo.git'].join(''), found: true },
    { url: 'postgres://app:app@db:5432/app', found: false },
    { url: 'postgres://app:password@db:5432/app', found: false },
    { url: 'https://user:****@example.com/x', found: false },
    { url: ['mysql://root', ':', 'Zq81kLm2@localhost/db'].join(''), found: false },
    { url: 'https://host.com:8080/path@thing', found: false },
  ];

  for (const { url, found } of cases) {
    test(`${url.replace(/:[^:@/]+@/, ':…@')} ${found ? 'is' : 'is not'} found`, () => {
      const report = assess([{ path: 'src/a.js', new: lines(`const url = "${url}";`) }]);

      assert.equal(rulesAt(report, 'url-credentials').length, found ? 1 : 0);
    });
  }
});

describe('generic-secret rule', () => {
  const negatives = [
    'password = "correcthorsebatterystaple"',
    'token = "${API_TOKEN}"',
    'api_key = "your-api-key-here-123"',
    'author = "Jane Doe 1234567890"',
    'key = "sha512-abcdefghijklmnop"',
    `password: "${'x'.repeat(12)}"`,
    'const keyboardLayout = "qwerty1234567890";',
  ];

  for (const line of negatives) {
    test(`${line.slice(0, 30)} is not found`, () => {
      const report = assess([{ path: 'src/settings.py', new: lines(line) }]);

      assert.deepEqual(rulesAt(report, 'generic-secret'), []);
    });
  }

  test('random value in YAML is found', () => {
    const report = assess([
      { path: 'config/app.yml', new: lines(`client_secret: ${fakeGenericValue()}`) },
    ]);

    assert.deepEqual(rulesAt(report, 'generic-secret'), ['config/app.yml:1']);
  });

  test('minEntropy option raises the bar', () => {
    const config = createDefaultConfig();
    config.risk.rules['generic-secret'] = { options: { minEntropy: 7 } };
    const report = assess(
      [{ path: 'config/app.yml', new: lines(`client_secret: ${fakeGenericValue()}`) }],
      {
        config,
      },
    );

    assert.deepEqual(rulesAt(report, 'generic-secret'), []);
  });
});

describe('dependency rules', () => {
  const manifest = (version: string) => `${JSON.stringify({ dependencies: { x: version } })}\n`;

  test('manifest without its tracked lockfile', () => {
    const report = assess([{ path: 'package.json', old: manifest('1'), new: manifest('2') }], {
      indexPaths: ['package.json', 'package-lock.json'],
    });

    assert.deepEqual(rulesAt(report, 'manifest-without-lockfile'), ['package.json:1']);
  });

  test('workspace manifest uses the root lockfile', () => {
    const report = assess(
      [{ path: 'packages/a/package.json', old: manifest('1'), new: manifest('2') }],
      {
        indexPaths: ['package.json', 'pnpm-lock.yaml', 'packages/a/package.json'],
      },
    );

    assert.deepEqual(rulesAt(report, 'manifest-without-lockfile'), ['packages/a/package.json:1']);
  });

  test('project without a lockfile', () => {
    const report = assess([{ path: 'package.json', old: manifest('1'), new: manifest('2') }], {
      indexPaths: ['package.json'],
    });

    assert.deepEqual(rulesAt(report, 'manifest-without-lockfile'), []);
  });

  test('version bump is not a dependency change', () => {
    const report = assess(
      [{ path: 'package.json', old: '{"version":"1.0.0"}\n', new: '{"version":"1.1.0"}\n' }],
      { indexPaths: ['package.json', 'package-lock.json'] },
    );

    assert.deepEqual(rulesAt(report, 'manifest-without-lockfile'), []);
  });

  test('Cargo dependency table change', () => {
    const report = assess(
      [
        {
          path: 'Cargo.toml',
          old: lines('[package]', 'name = "a"', '', '[dependencies]', 'serde = "1"'),
          new: lines(
            '[package]',
            'name = "a"',
            '',
            '[dependencies]',
            'serde = "1"',
            'rand = "0.8"',
          ),
        },
      ],
      { indexPaths: ['Cargo.toml', 'Cargo.lock'] },
    );

    assert.deepEqual(rulesAt(report, 'manifest-without-lockfile'), ['Cargo.toml:6']);
  });

  test('Cargo package table change', () => {
    const report = assess(
      [
        {
          path: 'Cargo.toml',
          old: lines('[package]', 'version = "1.0.0"', '[dependencies]', 'serde = "1"'),
          new: lines('[package]', 'version = "1.1.0"', '[dependencies]', 'serde = "1"'),
        },
      ],
      { indexPaths: ['Cargo.toml', 'Cargo.lock'] },
    );

    assert.deepEqual(rulesAt(report, 'manifest-without-lockfile'), []);
  });
});

describe('case-conflict rule', () => {
  test('added path clashes with a tracked folder', () => {
    const report = assess([{ path: 'Docs/intro.md', new: lines('a') }], {
      indexPaths: ['docs/guide.md', 'Docs/intro.md'],
    });

    assert.deepEqual(rulesAt(report, 'case-conflict'), ['Docs/intro.md']);
  });
});

describe('hotspot rule', () => {
  const model: RiskModel = {
    fixHistory: (path) => (path === 'src/fragile.js' ? { commits: 10, fixes: 6 } : null),
  };

  test('often fixed file is marked', () => {
    const report = assess(
      [
        { path: 'src/fragile.js', old: lines('a'), new: lines('b') },
        { path: 'src/calm.js', old: lines('a'), new: lines('b') },
      ],
      { model },
    );

    assert.deepEqual(rulesAt(report, 'hotspot'), ['src/fragile.js']);
  });
});

describe('custom rules', () => {
  function withCustom(pattern: string, flags?: string): Config {
    const config = createDefaultConfig();
    config.risk.custom = [
      { id: 'todo-ticket', pattern, severity: 'low', ...(flags ? { flags } : {}) },
    ];
    return config;
  }

  test('match is reported masked', () => {
    const report = assess([{ path: 'src/a.js', new: lines('// TODO fix later') }], {
      config: withCustom('TODO'),
    });
    const [finding] = report.findings.filter((item) => item.rule === 'todo-ticket');

    assert.equal(finding?.line, 1);
    assert.equal(finding?.masked, '****');
  });

  test('nested quantifier runs in linear time', () => {
    const started = performance.now();
    assess([{ path: 'src/a.js', new: lines(`${'a'.repeat(50_000)}!`) }], {
      config: withCustom('^(a+)+$'),
    });

    assert.ok(performance.now() - started < 2000);
  });

  test('i flag is rejected', () => {
    assert.throws(
      () => assess([{ path: 'src/a.js', new: lines('x') }], { config: withCustom('todo', 'i') }),
      (error: unknown) => error instanceof UserError && /flags/.test(error.message),
    );
  });

  test('lookbehind is rejected', () => {
    assert.throws(
      () => assess([{ path: 'src/a.js', new: lines('x') }], { config: withCustom('(?<=a)b') }),
      (error: unknown) =>
        error instanceof UserError && /risk\.custom\[0\]\.pattern/.test(error.message),
    );
  });
});

describe('sensitive-path rule', () => {
  test('configured kind keeps the default kinds', () => {
    const config = createDefaultConfig();
    config.risk.rules['sensitive-path'] = { options: { paths: { payments: ['src/billing/**'] } } };
    const report = assess(
      [
        { path: 'src/billing/charge.js', new: lines('a') },
        { path: '.github/workflows/ci.yml', new: lines('on: push') },
      ],
      { config },
    );

    assert.deepEqual(rulesAt(report, 'sensitive-path'), [
      '.github/workflows/ci.yml',
      'src/billing/charge.js',
    ]);
  });
});

describe('pathToUri', () => {
  test('encodes spaces and keeps slashes', () => {
    assert.equal(pathToUri('my docs/a b#1.js'), 'my%20docs/a%20b%231.js');
  });
});
