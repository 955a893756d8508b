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
import {
  fakeAwsAccessKeyId,
  fakeGenericValue,
  fakeGithubToken,
  fakeJwt,
  fakeLongPassword,
  fakeSlackToken,
  fakeStripeLiveKey,
} from './secret-parts.js';

// Stops a hang such as catastrophic backtracking. bench/risk/hostile.ts measures speed.
const HANG_TIMEOUT_MS = 120_000;

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
  test('provider token keeps only its public prefix', () => {
    assert.equal(maskSecret(fakeGithubToken()), 'ghp_********');
  });

  test('AWS access key id keeps only AKIA', () => {
    assert.equal(maskSecret(fakeAwsAccessKeyId()), 'AKIA********');
  });

  test('value without a provider prefix shows no character', () => {
    for (const value of ['abc', 'abcdefghijkl', fakeLongPassword(), fakeGenericValue()]) {
      assert.equal(maskSecret(value), '********');
    }
  });

  test('mask length does not depend on the value', () => {
    assert.equal(maskSecret('a'.repeat(8)).length, maskSecret('a'.repeat(200)).length);
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
    { name: 'AWS access key id', line: `aws_access_key_id = ${fakeAwsAccessKeyId()}` },
    { name: 'AWS access key id in JSON', line: `{"AccessKeyId": "${fakeAwsAccessKeyId()}"}` },
    { name: 'Stripe live secret key', line: `STRIPE_KEY=${fakeStripeLiveKey()}` },
    { name: 'Stripe restricted key', line: `stripe = '${fakeStripeLiveKey('rk')}'` },
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

  const negatives: Array<{ name: string; line: string }> = [
    { name: "AWS's documented example id", line: ['key = AKIA', 'IOSFODNN7', 'EXAMPLE'].join('') },
    { name: 'AWS role id', line: ['role = AROA', 'Q7W2R9T4Y6U1P3Z8'].join('') },
    { name: 'AWS account id', line: 'aws_account_id = 1234-5678-9012' },
    { name: 'AKIA inside a longer word', line: `x = X${fakeAwsAccessKeyId()}` },
    { name: 'AKIA followed by too many characters', line: `x = ${fakeAwsAccessKeyId()}QQ` },
    { name: 'Stripe test key', line: ['k = sk_', 'test_', '4eC39HqLyjWDarjtT1zdp7dc'].join('') },
    { name: 'Stripe key too short', line: ['k = sk_', 'live_', 'abc123'].join('') },
    {
      name: 'Stripe publishable key',
      line: ['k = pk_', 'live_', '4eC39HqLyjWDarjtT1zdp7dc'].join(''),
    },
  ];

  for (const { name, line } of negatives) {
    test(`${name} is not found`, () => {
      const report = assess([{ path: 'src/a.js', new: lines(line) }]);

      assert.deepEqual(rulesAt(report, 'provider-token'), []);
    });
  }

  test('Slack token after underscore found', () => {
    const token = fakeSlackToken();
    const report = assess([{ path: 'src/a.py', new: lines('x', `t = slack_${token}`) }]);
    const found = report.findings.filter((finding) => finding.rule === 'provider-token');

    assert.deepEqual(rulesAt(report, 'provider-token'), ['src/a.py:2']);
    assert.equal(found[0]?.message, 'Slack token staged');
    assert.equal(found[0]?.masked, 'xoxb-********');
    assert.equal(JSON.stringify(report).includes(token), false);
  });

  test('AWS key id after underscore found', () => {
    const id = fakeAwsAccessKeyId();
    const report = assess([{ path: 'src/a.py', new: lines(`KEY = 'aws_${id}'`) }]);
    const found = report.findings.filter((finding) => finding.rule === 'provider-token');

    assert.deepEqual(rulesAt(report, 'provider-token'), ['src/a.py:1']);
    assert.equal(found[0]?.message, 'AWS access key id staged');
    assert.equal(JSON.stringify(report).includes(id), false);
  });

  test('AWS example id after underscore ignored', () => {
    const line = ["KEY = 'aws_AKIA", 'IOSFODNN7', "EXAMPLE'"].join('');
    const report = assess([{ path: 'src/a.py', new: lines(line) }]);

    assert.deepEqual(rulesAt(report, 'provider-token'), []);
  });

  test('Slack token before underscore found', () => {
    const report = assess([{ path: 'src/a.py', new: lines(`t = ${fakeSlackToken()}_old`) }]);

    assert.deepEqual(rulesAt(report, 'provider-token'), ['src/a.py:1']);
  });

  const slackLookalikes = [
    'ui_xapp-header-v2',
    'my_xoxb-token-name',
    'cfg_xoxp-user-settings-panel',
    ['legacy_', 'xox', 'a-2-build-17'].join(''),
  ];

  for (const identifier of slackLookalikes) {
    test(`identifier ${identifier} is no Slack token`, () => {
      const report = assess([{ path: 'src/a.css', new: lines(`.${identifier} { color: red; }`) }]);

      assert.deepEqual(rulesAt(report, 'provider-token'), []);
    });
  }

  test('AWS and Stripe masks keep only the prefix', () => {
    const report = assess([
      { path: 'src/a.js', new: lines(`a = ${fakeAwsAccessKeyId()}`, `b = ${fakeStripeLiveKey()}`) },
    ]);
    const masks = report.findings
      .filter((finding) => finding.rule === 'provider-token')
      .map((finding) => finding.masked);

    assert.deepEqual(masks, ['AKIA********', 'sk_live_********']);
  });

  test('token-like word without the shape is not found', () => {
    const report = assess([{ path: 'src/a.js', new: lines('const ghp_prefix = "ghp_";') }]);

    assert.deepEqual(rulesAt(report, 'provider-token'), []);
  });
});

describe('jwt rule', () => {
  test('signed token in source is high', () => {
    const report = assess([{ path: 'src/auth.js', new: lines('x', `const t = "${fakeJwt()}";`) }]);
    const found = report.findings.filter((finding) => finding.rule === 'jwt');

    assert.deepEqual(rulesAt(report, 'jwt'), ['src/auth.js:2']);
    assert.equal(found[0]?.severity, 'high');
    assert.equal(found[0]?.masked, 'eyJ********');
  });

  test('signed token in a test fixture is medium', () => {
    const report = assess([
      { path: 'test/fixtures/token.json', new: lines(`{"t":"${fakeJwt()}"}`) },
    ]);
    const found = report.findings.filter((finding) => finding.rule === 'jwt');

    assert.equal(found.length, 1);
    assert.equal(found[0]?.severity, 'medium');
  });

  test('token replaces generic-secret on its line', () => {
    const report = assess([{ path: 'src/a.py', new: lines(`api_token = "${fakeJwt()}"`) }]);

    assert.deepEqual(rulesAt(report, 'jwt'), ['src/a.py:1']);
    assert.deepEqual(rulesAt(report, 'generic-secret'), []);
  });

  const negatives: Array<{ name: string; line: string }> = [
    { name: 'unsigned token', line: fakeJwt({ alg: 'none' }) },
    { name: 'header without alg', line: fakeJwt({ typ: 'JWT', kid: 'k1' }) },
    { name: 'two parts only', line: fakeJwt().split('.').slice(0, 2).join('.') },
    { name: 'base64 of JSON that is no token', line: Buffer.from('{"a":1}').toString('base64') },
    { name: 'eyJ repeated', line: 'eyJ'.repeat(5000) },
  ];

  for (const { name, line } of negatives) {
    test(`${name} is not found`, () => {
      const report = assess([{ path: 'src/a.js', new: lines(`x = "${line}"`) }]);

      assert.deepEqual(rulesAt(report, 'jwt'), []);
    });
  }
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
    { url: ['redis://', ':', 'Mx9Kq2Lp7Vw3@cache.corp:6379'].join(''), found: true },
    { url: ['rediss://', ':', 'Mx9Kq2Lp7Vw3@cache.corp:6380/0'].join(''), found: true },
    { url: 'redis://:@cache.corp:6379', found: false },
    { url: 'redis://:${REDIS_PASSWORD}@cache.corp:6379', found: false },
    { url: 'redis://:password@cache.corp:6379', found: false },
    { url: 'redis://:****@cache.corp:6379', found: false },
    { url: 'http://@cache.corp/x', found: false },
    { url: 'ssh://git@cache.corp/repo.git', found: false },
    { url: ['redis://', ':', 'Mx9Kq2Lp7Vw3@localhost:6379'].join(''), found: false },
  ];

  for (const { url, found } of cases) {
    test(`${url.replace(/:[^:@/]+@/, ':…@')} ${found ? 'is' : 'is not'} found`, () => {
      const report = assess([{ path: 'src/a.js', new: lines(`const url = "${url}";`) }]);

      assert.equal(rulesAt(report, 'url-credentials').length, found ? 1 : 0);
    });
  }
});

describe('command-line-password rule', () => {
  // Assembled at run time, so this file contains no password that footprint's own hook reports.
  const password = ['S3c', 'r3tRootPw'].join('');
  const script = lines(
    '#!/bin/sh',
    `mysqldump -uroot -p${password} app > app.sql`,
    `mysql --user=root --password ${password} app < app.sql`,
    `PGPASSWORD=${password} psql -h db app`,
    `sshpass -p ${password} ssh backup@host`,
    `curl -u deploy:${password} https://registry.internal/upload`,
  );

  test('passwords in a script are found', () => {
    const report = assess([{ path: 'scripts/backup.sh', new: script }]);
    const found = report.findings.filter((finding) => finding.rule === 'command-line-password');

    assert.deepEqual(rulesAt(report, 'command-line-password'), [
      'scripts/backup.sh:2',
      'scripts/backup.sh:3',
      'scripts/backup.sh:4',
      'scripts/backup.sh:5',
      'scripts/backup.sh:6',
    ]);
    assert.deepEqual(
      found.map((finding) => finding.masked),
      [
        'mysqldump -p********',
        '--password ********',
        'PGPASSWORD=********',
        'sshpass -p ********',
        'curl -u deploy:********',
      ],
    );
    assert.equal(found[0]?.severity, 'high');
    assert.equal(found[0]?.message, 'Password given on a command line (mysqldump -p)');
    assert.match(found[0]?.fix ?? '', /^Pass the password from a variable set outside the file/);
    assert.equal(JSON.stringify(report).includes(password), false);
  });

  const negatives: Array<{ name: string; line: string }> = [
    { name: '-p alone', line: 'mysql -u root -p app' },
    { name: '-p with a variable', line: 'mysql -u root -p"$DB_PASSWORD" app' },
    { name: '--password with a variable', line: 'mysql --password "${DB_PASSWORD}" app' },
    { name: '--password=$VAR', line: 'mysqldump --password=$DB_PASSWORD app' },
    { name: 'placeholder', line: 'mysql -uroot -p<password> app' },
    { name: 'metavariable', line: '  --password PASSWORD  the database password' },
    { name: 'prose', line: 'Pass --password and --user to log in.' },
    { name: 'curl -u with variables', line: 'curl -u "$CI_USER:$CI_TOKEN" https://x' },
  ];

  for (const { name, line } of negatives) {
    test(`${name} is not found`, () => {
      const report = assess([{ path: 'scripts/run.sh', new: lines(line) }]);

      assert.deepEqual(rulesAt(report, 'command-line-password'), []);
    });
  }

  test('finding replaces generic-secret on its line', () => {
    const report = assess([
      { path: 'scripts/db.sh', new: lines(`mysql --password=${fakeGenericValue()} app`) },
    ]);

    assert.deepEqual(rulesAt(report, 'command-line-password'), ['scripts/db.sh:1']);
    assert.deepEqual(rulesAt(report, 'generic-secret'), []);
  });
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
    'secret_name = "prod/db/credentials-v2"',
    'secret_arn = "arn:aws:secretsmanager:us-east-1:123456789012:secret:prod/db-AbCdEf"',
    'password_field = "input[name=password2]"',
    'token_ref = "vault:secret/data/app#token2"',
    'api_key_id = "urn:example:api:key2:primary"',
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

  test('field names and message keys in code are not found', () => {
    const report = assess([
      {
        path: 'src/fields.ts',
        new: lines(
          'const passwordField = "password_confirmation2";',
          'export const tokenKey = "errors.invalidPassword1Retry";',
        ),
      },
    ]);

    assert.deepEqual(rulesAt(report, 'generic-secret'), []);
  });

  test('random parts joined by _ or . in code are found', () => {
    const report = assess([
      {
        path: 'src/keys.ts',
        new: lines(
          'const apiToken = "Xk29_Lm83_Qp47_Zr12_Wt56";',
          'const passphrase_key = "Tidy7.Falcon3.Oxen8.Grape";',
        ),
      },
    ]);

    assert.deepEqual(rulesAt(report, 'generic-secret'), ['src/keys.ts:1', 'src/keys.ts:2']);
  });

  test('the same words in a data file are found', () => {
    const report = assess([
      { path: 'config/app.yml', new: lines('db_password: password_confirmation2') },
    ]);

    assert.deepEqual(rulesAt(report, 'generic-secret'), ['config/app.yml:1']);
  });

  test('sample in a test file is medium', () => {
    const value = fakeGenericValue();
    const report = assess([
      { path: 'test/login.test.js', new: lines(`const user = { password: "${value}" };`) },
      { path: 'src/login.js', new: lines(`const fallback = { password: "${value}" };`) },
    ]);
    const severities = report.findings
      .filter((finding) => finding.rule === 'generic-secret')
      .map((finding) => `${finding.path} ${finding.severity}`);

    assert.deepEqual(severities, ['src/login.js high', 'test/login.test.js medium']);
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

  test('manifest with a byte order mark', () => {
    const report = assess(
      [{ path: 'package.json', old: `\uFEFF${manifest('1')}`, new: `\uFEFF${manifest('2')}` }],
      { indexPaths: ['package.json', 'package-lock.json'] },
    );

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

  test('new manifest without dependencies', () => {
    const stub = `${JSON.stringify({ name: 'tools', private: true, scripts: { gen: 'node gen.js' } })}\n`;
    const report = assess([{ path: 'tools/package.json', new: stub }], {
      indexPaths: ['package.json', 'package-lock.json', 'tools/package.json'],
    });

    assert.deepEqual(rulesAt(report, 'manifest-without-lockfile'), []);
  });

  test('new manifest with dependencies', () => {
    const report = assess([{ path: 'tools/package.json', new: manifest('1') }], {
      indexPaths: ['package.json', 'package-lock.json', 'tools/package.json'],
    });

    assert.deepEqual(rulesAt(report, 'manifest-without-lockfile'), ['tools/package.json:1']);
  });

  test('scripts edit is not a dependency change', () => {
    const before = { scripts: { test: 'node --test' }, dependencies: { x: '1' } };
    const after = { scripts: { test: 'node --test', lint: 'eslint .' }, dependencies: { x: '1' } };
    const report = assess(
      [{ path: 'package.json', old: JSON.stringify(before), new: JSON.stringify(after) }],
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

  test('added file clashes with a tracked file', () => {
    const report = assess([{ path: 'src/README.md', new: lines('a') }], {
      indexPaths: ['src/README.md', 'src/index.js', 'src/readme.md'],
    });

    assert.deepEqual(rulesAt(report, 'case-conflict'), ['src/README.md']);
  });

  test('deep folder clash is found', () => {
    const report = assess([{ path: 'src/Utils/a.js', new: lines('a') }], {
      indexPaths: ['lib/x.js', 'src/Utils/a.js', 'src/utils/b.js', 'src/utilsX/c.js'],
    });

    assert.deepEqual(rulesAt(report, 'case-conflict'), ['src/Utils/a.js']);
  });

  test('two added paths clash', () => {
    const report = assess(
      [
        { path: 'docs/a.md', new: lines('a') },
        { path: 'Docs/b.md', new: lines('b') },
      ],
      { indexPaths: ['Docs/b.md', 'docs/a.md'] },
    );

    assert.deepEqual(rulesAt(report, 'case-conflict'), ['Docs/b.md', 'docs/a.md']);
  });

  test('non-ASCII letters clash', () => {
    const report = assess([{ path: 'notes/Ärger.md', new: lines('a') }], {
      indexPaths: ['notes/Ärger.md', 'notes/ärger.md'],
    });

    assert.deepEqual(rulesAt(report, 'case-conflict'), ['notes/Ärger.md']);
  });

  test('same spelling is no clash', () => {
    const report = assess([{ path: 'src/utils/new.js', new: lines('a') }], {
      indexPaths: ['src/utils/a.js', 'src/utils/new.js', 'src/Other/b.js'],
    });

    assert.deepEqual(rulesAt(report, 'case-conflict'), []);
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

  test('many hotspots become one finding', () => {
    const fragile: RiskModel = {
      fixHistory: (path) => ({ commits: 10, fixes: path === 'src/f3.js' ? 9 : 4 }),
    };
    const files = Array.from({ length: 12 }, (_, index) => ({
      path: `src/f${index}.js`,
      old: lines('a'),
      new: lines('b'),
    }));
    const report = assess(files, { model: fragile });
    const hotspots = report.findings.filter((finding) => finding.rule === 'hotspot');

    assert.equal(hotspots.length, 1);
    assert.equal(hotspots[0]?.path, '');
    assert.match(
      hotspots[0]?.message ?? '',
      /^12 staged files are often fixed: src\/f3\.js \(9 fixes/,
    );
    assert.match(hotspots[0]?.message ?? '', /and 9 more$/);
  });

  test('five hotspots keep one finding each', () => {
    const fragile: RiskModel = { fixHistory: () => ({ commits: 10, fixes: 4 }) };
    const files = Array.from({ length: 5 }, (_, index) => ({
      path: `src/f${index}.js`,
      old: lines('a'),
      new: lines('b'),
    }));
    const report = assess(files, { model: fragile });

    assert.equal(rulesAt(report, 'hotspot').length, 5);
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
    assert.equal(finding?.masked, '********');
  });

  test('nested quantifier on a long line', { timeout: HANG_TIMEOUT_MS }, () => {
    const config = withCustom('^(a+)+$');
    const unmatched = assess([{ path: 'src/a.js', new: lines(`${'a'.repeat(50_000)}!`) }], {
      config,
    });
    const matched = assess([{ path: 'src/a.js', new: lines('a'.repeat(50_000)) }], { config });

    assert.deepEqual(rulesAt(unmatched, 'todo-ticket'), []);
    assert.deepEqual(rulesAt(matched, 'todo-ticket'), ['src/a.js:1']);
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
