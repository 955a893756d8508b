import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { analyzeBatches } from '../../src/batches/analyze.js';
import { createDefaultConfig } from '../../src/config/defaults.js';
import { assessRisk } from '../../src/risk/assess.js';
import { lines, makeFootprint, type FileSpec } from '../helpers/footprint-builder.js';

function findGenericSecrets(specs: FileSpec[]): string[] {
  const input = makeFootprint(specs);
  const analysis = analyzeBatches(input, { mode: 'balanced' });
  const report = assessRisk(input, analysis, {
    mode: 'balanced',
    config: createDefaultConfig(),
    skip: [],
  });
  return report.findings
    .filter((finding) => finding.rule === 'generic-secret')
    .map((finding) => `${finding.path}:${finding.line ?? 0}`);
}

// Values are joined from parts so that this file contains no string a scanner would flag.
const PASSWORD = ['Xk8pQz29', 'vLmRt7'].join('');
const AWS_SECRET = ['El2hpChYgCfrL1spNxnyV', 'mihA+2O76UMFxFkM+R5'].join('');

describe('generic-secret value forms', () => {
  const found: Array<{ name: string; path: string; line: string }> = [
    {
      name: 'PHP define() call',
      path: 's/wp-config.php',
      line: `<?php define('DB_PASSWORD', '${PASSWORD}');`,
    },
    {
      name: 'setenv() call',
      path: 's/main.c',
      line: `setenv("API_KEY", "${PASSWORD}", 1);`,
    },
    {
      name: 'XML element',
      path: 's/app.xml',
      line: `<config><password>${PASSWORD}</password></config>`,
    },
    {
      name: 'aws configure set',
      path: 's/setup.sh',
      line: `aws configure set aws_secret_access_key ${AWS_SECRET}`,
    },
  ];

  for (const { name, path, line } of found) {
    test(`${name} is found`, () => {
      assert.deepEqual(findGenericSecrets([{ path, new: lines(line) }]), [`${path}:1`]);
    });
  }

  const notFound: Array<{ name: string; path: string; line: string }> = [
    {
      name: 'unquoted argument after a name',
      path: 's/login.js',
      line: `check(password, "${PASSWORD}");`,
    },
    {
      name: 'XML element with a reference',
      path: 's/app.xml',
      line: '<password>${DB_PASS}</password>',
    },
    {
      name: 'word after a name in prose',
      path: 'docs/setup.md',
      line: `Set the password ${PASSWORD} later.`,
    },
  ];

  for (const { name, path, line } of notFound) {
    test(`${name} is not found`, () => {
      assert.deepEqual(findGenericSecrets([{ path, new: lines(line) }]), []);
    });
  }
});

describe('generic-secret short values', () => {
  const shortSecrets = [
    ['db_password = "Tr0ub4', 'dor&3"'],
    ['api_secret = "9f8a7b', '6c5d"'],
    ['smtp_password = "S3cur3', 'P@ss!"'],
    ['secret_key = "Kq9xW2', 'mZr8pL"'],
  ].map((parts) => parts.join(''));

  shortSecrets.forEach((line, index) => {
    test(`short password ${index + 1} is found`, () => {
      assert.deepEqual(findGenericSecrets([{ path: 'settings.py', new: lines(line) }]), [
        'settings.py:1',
      ]);
    });
  });

  const ordinary = [
    'auth_mode = "oauth2-pkce"',
    'token_prefix = "user2name3"',
    'api_key_column = "col2_row3x"',
    'token_version = "1.2.3-beta.4"',
    'password_changed = "2024-01-15"',
    'secret_label = "abc123def4"',
    'const authScheme = "Bearer2-v10";',
    'key: "item-10-of-20"',
    'sort_key = "col3_desc2_x9"',
    'auth_mode2 = "mode2-v3-x4"',
  ];

  for (const line of ordinary) {
    test(`ordinary ${line.slice(0, 24)} is not found`, () => {
      assert.deepEqual(findGenericSecrets([{ path: 'src/settings.py', new: lines(line) }]), []);
    });
  }
});

describe('generic-secret public values', () => {
  test('dependencies pinned to a commit are not found', () => {
    const findings = findGenericSecrets([
      {
        path: 'package.json',
        new: lines(
          '{',
          '  "dependencies": {',
          '    "keytar": "github:atom/node-keytar#8c1e5b3a9f2d4e6b7a0c1d2e3f4a5b6c7d8e9f0a",',
          '    "auth-lib": "git+https://example.com/auth-lib.git#4f2a9c1e7b3d"',
          '  }',
          '}',
        ),
      },
    ]);
    assert.deepEqual(findings, []);
  });

  test('Stripe publishable keys are not found', () => {
    const live = ['pk_', 'live_', '51H8mKqLkdIwHu7ixYt3RqZ9Xc4e'].join('');
    const testKey = ['pk_', 'test_', '51H8mKqLkdIwHu7ixYt3RqZ9Xc4e'].join('');
    const findings = findGenericSecrets([
      {
        path: 'web/checkout.js',
        new: lines(
          `export const stripe = Stripe(publishableKey = "${live}");`,
          `const stripeKey = "${testKey}";`,
        ),
      },
    ]);

    assert.deepEqual(findings, []);
  });
});

describe('generic-secret word identifiers', () => {
  const identifiers = [
    'cacheKey: "user-profile-v2-2024-01-15"',
    'flagKey: "checkout-redesign-v2"',
    'exportKey: "billing.export.beta4.2024"',
    'cacheKey: "20240115-add-users-table"',
    'headerKey: "X-API-Key-Version2"',
    'secretName: "payments-db-credentials-v2"',
    'secret_name = "payments-db-credentials-v2"',
  ];

  for (const line of identifiers) {
    test(`identifier ${line.slice(0, 24)} is not found`, () => {
      assert.deepEqual(findGenericSecrets([{ path: 'config/app.yml', new: lines(line) }]), []);
    });
  }

  // Values joined from parts, so that this file contains none that the hook reports.
  const secrets = [
    ['api_key = "ab12-cd34', '-ef56-gh78"'],
    ['cacheKey: "xkqzvbtw', '-2024-01-15-v2"'],
    ['apiKey: "mq7zx-', 'notes-2024"'],
    ['api_key: "Release-Notes', '-2024-01-15"'],
    ['webhook_secret: "release-notes', '-2024-01-15"'],
  ].map((parts) => parts.join(''));

  secrets.forEach((line, index) => {
    test(`identifier-like secret ${index + 1} is found`, () => {
      assert.deepEqual(findGenericSecrets([{ path: 'src/conf.js', new: lines(line) }]), [
        'src/conf.js:1',
      ]);
    });
  });
});

// A random value from parts, which every case below places under a different name or form.
const RANDOM = ['Xq7HgZVu', 'RokLERfE9z'].join('');
const DOLLAR = '$';

/** Returns the generic-secret findings of each text, each in its own file at `path`. */
function findEach(path: string, texts: readonly string[]): string[][] {
  return texts.map((text) => findGenericSecrets([{ path, new: lines(text) }]));
}

describe('generic-secret password abbreviations', () => {
  const names = ['DB_PW', 'dbPwd', 'SMTPPass', 'user.pass', 'pass', 'PASS_2', 'ldap-pw'];
  const words = ['bypassCache', 'passive', 'PWA_ICON', 'compass_heading', 'passengerCount'];

  for (const name of names) {
    test(`${name} is a password name`, () => {
      assert.deepEqual(findEach('conf/app.ini', [`${name} = ${RANDOM}`]), [['conf/app.ini:1']]);
    });
  }

  for (const name of words) {
    test(`${name} is no password name`, () => {
      assert.deepEqual(findEach('conf/app.ini', [`${name} = ${RANDOM}`]), [[]]);
    });
  }
});

describe('generic-secret fallback literals', () => {
  const found = [
    `$password = getenv('DB_PASSWORD') ?: '${RANDOM}';`,
    `api_key = ENV["API_KEY"] || "${RANDOM}"`,
    `const apiKey: string = process.env.API_KEY || "${RANDOM}";`,
    `const secret = config.get("secret") ?? process.env.SECRET ?? "${RANDOM}";`,
  ];
  const notFound = [
    `const opts = { apiKey: config.key, name: opts.name || "${RANDOM}" };`,
    `if (apiKey == null || "${RANDOM}") {}`,
    `const token = process.env.TOKEN || fallbackToken("${RANDOM}");`,
  ];

  found.forEach((line, index) => {
    test(`fallback ${index + 1} is found`, () => {
      assert.deepEqual(findEach('src/app.ts', [line]), [['src/app.ts:1']]);
    });
  });

  notFound.forEach((line, index) => {
    test(`non-fallback ${index + 1} is not found`, () => {
      assert.deepEqual(findEach('src/app.ts', [line]), [[]]);
    });
  });
});

describe('generic-secret shell defaults', () => {
  const found: Array<[string, string]> = [
    ['docker-compose.yml', `      POSTGRES_PASSWORD: ${DOLLAR}{POSTGRES_PASSWORD:-${RANDOM}}`],
    ['scripts/run.sh', `DB_PASSWORD="${DOLLAR}{DB_PASSWORD:-${RANDOM}}"`],
    ['scripts/run.sh', `API_TOKEN=${DOLLAR}{API_TOKEN=${RANDOM}}`],
    ['.env', `SMTP_PASS=${DOLLAR}{SMTP_PASS:-"${RANDOM}"}`],
  ];
  const notFound: Array<[string, string]> = [
    ['docker-compose.yml', `      POSTGRES_PASSWORD: ${DOLLAR}{POSTGRES_PASSWORD:-postgres}`],
    ['scripts/run.sh', `DB_PASSWORD="${DOLLAR}{DB_PASSWORD:-${DOLLAR}FALLBACK_PASSWORD}"`],
    ['scripts/run.sh', `DB_PASSWORD="${DOLLAR}{DB_PASSWORD:?DB_PASSWORD must be set}"`],
    ['scripts/run.sh', `API_TOKEN="${DOLLAR}{API_TOKEN:+${RANDOM}}"`],
    ['docker-compose.yml', `      POSTGRES_PASSWORD: ${DOLLAR}{POSTGRES_PASSWORD:-changeme}`],
  ];

  found.forEach(([path, line], index) => {
    test(`default ${index + 1} is found`, () => {
      assert.deepEqual(findEach(path, [line]), [[`${path}:1`]]);
    });
  });

  notFound.forEach(([path, line], index) => {
    test(`non-default ${index + 1} is not found`, () => {
      assert.deepEqual(findEach(path, [line]), [[]]);
    });
  });
});

describe('generic-secret values in docs', () => {
  const found: Array<[string, string]> = [
    ['README.md', `The staging password is ${RANDOM}.`],
    ['docs/setup.md', `password: ${RANDOM}`],
    ['docs/setup.rst', `The API token was "${RANDOM}", rotate it.`],
    ['src/db.py', `# the secret is ${RANDOM} for now`],
  ];
  const notFound: Array<[string, string]> = [
    ['README.md', 'The password is required.'],
    ['README.md', 'If the token was 3 days old, refresh it.'],
    ['src/db.py', 'if password is None:'],
    ['README.md', 'password: process.env.DB_PASSWORD'],
  ];

  found.forEach(([path, line], index) => {
    test(`docs value ${index + 1} is found`, () => {
      assert.deepEqual(findEach(path, [line]), [[`${path}:1`]]);
    });
  });

  notFound.forEach(([path, line], index) => {
    test(`docs text ${index + 1} is not found`, () => {
      assert.deepEqual(findEach(path, [line]), [[]]);
    });
  });
});

describe('generic-secret credential arguments', () => {
  const basic = (userPassword: string): string => Buffer.from(userPassword).toString('base64');
  const found = [
    `CREATE USER app IDENTIFIED WITH mysql_native_password BY '${RANDOM}';`,
    `CREATE USER app IDENTIFIED BY ${RANDOM};`,
    `new UsernamePasswordCredentials("svc", "${RANDOM}")`,
    `new PasswordAuthentication("svc", "${RANDOM}".toCharArray())`,
    `aiohttp.BasicAuth("svc", "${RANDOM}")`,
    `headers = {"Authorization": "Basic ${basic(`svc:${RANDOM}`)}"}`,
    `credentials = ["svc", "${RANDOM}"]`,
    `auth = "Basic " + base64.b64encode(b"svc:${RANDOM}").decode()`,
  ];
  const notFound = [
    'DriverManager.getConnection(url, properties);',
    `DriverManager.getConnection(url, "app", password, "${RANDOM}");`,
    `headers = {"Authorization": "Basic ${basic('admin:admin')}"}`,
    'CREATE USER app IDENTIFIED BY PASSWORD;',
    `CREATE USER app IDENTIFIED BY :${RANDOM};`,
    `HTTPBasicAuth(user, "${DOLLAR}{PASSWORD}")`,
    `sort = ("name", "${RANDOM}")`,
  ];

  found.forEach((line, index) => {
    test(`argument ${index + 1} is found`, () => {
      assert.deepEqual(findEach('src/app.py', [line]), [['src/app.py:1']]);
    });
  });

  notFound.forEach((line, index) => {
    test(`non-argument ${index + 1} is not found`, () => {
      assert.deepEqual(findEach('src/app.py', [line]), [[]]);
    });
  });
});

describe('generic-secret pairs inside strings', () => {
  const found = [
    `const cs = "Server=db; User Id=sa; Password=${RANDOM};";`,
    `const cs = "Password=${RANDOM};Server=db";`,
    `const url = "https://db.example.org/app?user=app&password=${RANDOM}";`,
  ];
  const notFound = [
    `let a = 1; password = someVariable${RANDOM};`,
    `e="x",a?apiKey=t.key${RANDOM}:null;`,
    `var n="";t.apiKey=n.apiKeyFrom${RANDOM};`,
    `const q = cond && password=${RANDOM};`,
  ];

  found.forEach((line, index) => {
    test(`string pair ${index + 1} is found`, () => {
      assert.deepEqual(findEach('src/db.ts', [line]), [['src/db.ts:1']]);
    });
  });

  notFound.forEach((line, index) => {
    test(`code pair ${index + 1} is not found`, () => {
      assert.deepEqual(findEach('src/db.ts', [line]), [[]]);
    });
  });
});
