import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { looksRandom } from '../../src/insights/entropy.js';
import { redactSecrets } from '../../src/insights/redact.js';
import { genericSecretRule } from '../../src/risk/rules/generic-secret.js';
import { readStringList } from '../../src/risk/settings.js';

// Stops a hang such as catastrophic backtracking. bench/risk/hostile.ts measures speed.
const HANG_TIMEOUT_MS = 120_000;

const pemLabel = ['RSA', 'PRIVATE', 'KEY'].join(' ');

/** A command-line password, assembled so that this file contains none that the hook reports. */
const cliPassword = ['S3c', 'r3tRootPw'].join('');

/** Generated-looking values that docs give in prose, assembled as the ones above. */
const prosePassword = ['Qz8Wx6', 'Ec4Rv2'].join('');
const proseToken = ['Pq1Wo2Ei', '3Ru4Ty5'].join('');

/** Inputs and what redaction makes of them. */
const redactedCases: Array<[name: string, input: string, expected: string]> = [
  [
    'password given in prose',
    `The staging password is ${prosePassword}.`,
    'The staging password is [REDACTED].',
  ],
  [
    'user and password pair',
    `Default credentials: admin / ${prosePassword}`,
    'Default credentials: [REDACTED] / [REDACTED]',
  ],
  [
    'token named in prose',
    `Use token ${proseToken} for the API.`,
    'Use token [REDACTED] for the API.',
  ],
  [
    'PEM block',
    `-----BEGIN ${pemLabel}-----\nMIIBOgIBAAJBAKj34\nabc\n-----END ${pemLabel}-----\nafter`,
    `-----BEGIN ${pemLabel}-----[REDACTED]-----END ${pemLabel}-----\nafter`,
  ],
  [
    'PEM block cut off by a hunk',
    `-----BEGIN ${pemLabel}-----\nMIIBOgIBAAJBAKj34`,
    `-----BEGIN ${pemLabel}-----[REDACTED]`,
  ],
  [
    'URL with a password',
    'DATABASE_URL=postgres://admin:s3cr3tP4ss@db.example.com:5432/app',
    'DATABASE_URL=postgres://[REDACTED]@db.example.com:5432/app',
  ],
  [
    'URL with a token as user',
    'git clone https://x0tokenvalue0x@github.com/acme/app.git',
    'git clone https://[REDACTED]@github.com/acme/app.git',
  ],
  [
    'Authorization header',
    'Authorization: Bearer abcdefghijklmnop123456',
    'Authorization: Bearer [REDACTED]',
  ],
  ['AWS access key id', 'id = AKIAIOSFODNN7EXAMPLE', 'id = [REDACTED]'],
  ['GitHub token', 'ghp_0123456789abcdefghijklmnopqrstuvwxyzAB in text', '[REDACTED] in text'],
  [
    'Anthropic key',
    'const client = new Anthropic("sk-ant-api03-abcdefghijklmnopqrstuvwxyz")',
    'const client = new Anthropic("[REDACTED]")',
  ],
  [
    'SendGrid key from the secretlint preset',
    `const mail = "SG.${'abcdefghijklmnopqrstuv'}.${'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopq'}";`,
    'const mail = "[REDACTED]";',
  ],
  [
    'Slack webhook from the secretlint preset',
    'const hook = "https://hooks.slack.com/services/TAAAAAAAA/BBBBBBBBB/abcdefghijklmnopqrstuvwx";', // footprint-allow: provider-token
    'const hook = "[REDACTED]";',
  ],
  ['password assignment', 'password=hunter22', 'password=[REDACTED]'],
  [
    'quoted secret in an object',
    "const db = { user: 'app', password: 'pa55w0rd!' };",
    "const db = { user: 'app', password: '[REDACTED]' };",
  ],
  ['YAML api key', 'api_key: abc123def456', 'api_key: [REDACTED]'],
  ['JSON client secret', '"clientSecret": "letmein-please"', '"clientSecret": "[REDACTED]"'],
  [
    'credential after another assignment',
    'config: password=abc123 other: x',
    'config: password=[REDACTED] other: x',
  ],
  ['camelCase password name', '-  dbPass: "Tr0ub4dor&3horse",', '-  dbPass: "[REDACTED]",'],
  ['snake_case password name', '+DB_PWD=correct-horse', '+DB_PWD=[REDACTED]'],
  ['auth name', "basicAuth = 'admin:admin'", "basicAuth = '[REDACTED]'"],
  ['key name', 'signingKey: plainwords', 'signingKey: [REDACTED]'],
  ['credential name', '"smtpCredential": "mailer2024"', '"smtpCredential": "[REDACTED]"'],
  ['upper-case secret name', 'APP_SECRET := letmein', 'APP_SECRET := [REDACTED]'],
  [
    'mysqldump -p password',
    `+mysqldump -uroot -p${cliPassword} app > app.sql`,
    '+mysqldump -uroot -p[REDACTED] app > app.sql',
  ],
  [
    '--password and a space',
    `mysql --user=root --password ${cliPassword} app < app.sql`,
    'mysql --user=root --password [REDACTED] app < app.sql',
  ],
  [
    'quoted --password= value',
    `mysql --password="${cliPassword}" app`,
    'mysql --password="[REDACTED]" app',
  ],
  ['PGPASSWORD', `PGPASSWORD=${cliPassword} psql -h db`, 'PGPASSWORD=[REDACTED] psql -h db'],
  ['sshpass -p', `sshpass -p ${cliPassword} ssh host`, 'sshpass -p [REDACTED] ssh host'],
  [
    'curl -u password',
    `curl -u deploy:${cliPassword} https://registry`,
    'curl -u deploy:[REDACTED] https://registry',
  ],
  ['continued mysql command', `mysql \\\n  -p${cliPassword} app`, 'mysql \\\n  -p[REDACTED] app'],
  [
    'single-quoted -p value with a dollar',
    `mysql -uroot -p'$${cliPassword}' app`,
    "mysql -uroot -p'[REDACTED]' app",
  ],
  [
    'quoted PGPASSWORD with a space',
    `PGPASSWORD="Quoted ${cliPassword}" psql app`,
    'PGPASSWORD="[REDACTED]" psql app',
  ],
  [
    'curl -u with a quoted space',
    `curl -u "deploy:Spaced ${cliPassword}" https://x`,
    'curl -u "deploy:[REDACTED]" https://x',
  ],
  [
    'attached password with an ampersand',
    `mysqldump -uapp -p${cliPassword}&nd app # footprint-allow: command-line-password`,
    'mysqldump -uapp -p[REDACTED] app # footprint-allow: command-line-password',
  ],
  [
    'quoted password with an ampersand',
    `mysqldump -uapp -p'${cliPassword}&nd' app`,
    "mysqldump -uapp -p'[REDACTED]' app",
  ],
  [
    'docker login -p',
    `docker login -u admin -p ${cliPassword} registry.example.com`,
    'docker login -u admin -p [REDACTED] registry.example.com',
  ],
  [
    'mongosh -p',
    `mongosh -u admin -p ${cliPassword} --authenticationDatabase admin`,
    'mongosh -u admin -p [REDACTED] --authenticationDatabase admin',
  ],
  [
    'sqlcmd -P',
    `sqlcmd -S localhost -U sa -P '${cliPassword}!' -Q "SELECT 1"`,
    `sqlcmd -S localhost -U sa -P '[REDACTED]' -Q "SELECT 1"`,
  ],
  [
    'gpg --passphrase with spaces',
    `gpg --batch --passphrase "correct ${cliPassword} staple" -d file.gpg`,
    'gpg --batch --passphrase "[REDACTED]" -d file.gpg',
  ],
  ['Dockerfile ENV', `ENV PGPASSWORD ${cliPassword}`, 'ENV PGPASSWORD [REDACTED]'],
  [
    'pw query parameter',
    'const url = "https://api.example.com/v1?user=bob&pw=Sup3r%40Secr3t";',
    'const url = "https://api.example.com/v1?user=bob&pw=[REDACTED]";',
  ],
  ['upper-case PW name', 'DB_PW=hunter2hunter2', 'DB_PW=[REDACTED]'],
  ['camelCase Pw name', 'smtpPw: "mailer2024"', 'smtpPw: "[REDACTED]"'],
  [
    'passphrase with spaces',
    'passphrase = "correct horse battery staple"',
    'passphrase = "[REDACTED]"',
  ],
  ['JSON password with spaces', '"password": "open sesame 42"', '"password": "[REDACTED]"'],
  ['XML password element', '<password>letmein2024</password>', '<password>[REDACTED]</password>'],
  [
    'XML element with spaces',
    '<keystorePassword>open sesame 42</keystorePassword>',
    '<keystorePassword>[REDACTED]</keystorePassword>',
  ],
  [
    'appSettings key and value',
    '<add key="PaymentApiKey" value="St4gingValue9" />',
    '<add key="[REDACTED]" value="[REDACTED]" />',
  ],
  [
    'Dockerfile ENV without =',
    `FROM node:20\nENV API_TOKEN ${cliPassword}\nRUN npm ci`,
    'FROM node:20\nENV API_TOKEN [REDACTED]\nRUN npm ci',
  ],
  [
    'Dockerfile ENV password with spaces',
    'ENV DB_PASSWORD correct horse battery',
    'ENV DB_PASSWORD [REDACTED]',
  ],
  [
    'high-entropy token',
    "const seed = 'Zx8Qp3Lm9Vt2Rk7Wn4Hs6Jd1Fg5Bc0Ay';",
    "const seed = '[REDACTED]';",
  ],
  [
    'hex digest',
    'const id = "7f3e2a9b1c4d5e6f7a8b9c0d1e2f3a4b5c6d7e8f";',
    'const id = "[REDACTED]";',
  ],
];

/** Text with nothing secret, which redaction must leave as it is. */
const keptCases: Array<[name: string, input: string]> = [
  ['encoding names near a token', 'Decode the token with base64url and check its sha256.'],
  ['dates near a secret', 'The secret rotated on 2024-01-15 with v1.2.3.'],
  ['import', 'import { readFile } from "node:fs/promises";'],
  ['path', 'src/components/Header/index.ts'],
  ['function call', 'const tokenizer = createTokenizer();'],
  ['type annotation', 'password: string;'],
  ['empty password', '"password": "",'],
  ['prose about passwords', 'const message = "Invalid password or token";'],
  ['author field', 'author: Test Author'],
  ['author name', 'author: "jane"'],
  ['long identifier', 'handleRequestForUserAccountSettings2(request);'],
  ['environment reference', 'token: process.env.GITHUB_TOKEN,'],
  ['mysql -p alone', 'mysql -u root -p app'],
  ['-p with a variable', 'mysql -u root -p"$DB_PASSWORD" app'],
  ['--password with a variable', 'mysqldump --password "${DB_PASSWORD}" app'],
  ['curl -u with variables', 'curl -u "$CI_USER:$CI_TOKEN" https://x'],
  ['mkdir -p', 'mkdir -p build/out'],
  ['container named mysql', 'docker run -d --name mysql -p3306:3306 mysql:8'],
  ['x264 --pass', 'x264 --pass 1 --bitrate 1000 -o out.mkv in.y4m'],
  ['password hint with spaces', 'passwordHint: "Enter your password"'],
  ['token label with spaces', '"tokenLabel": "Personal access token"'],
  ['PWA name', 'PWA_NAME=storefront'],
  ['plist key element', '<key>CFBundleName</key>'],
  ['XML description element', '<tokenDescription>Used by CI</tokenDescription>'],
  ['XML password placeholder', '<password>${env.DEPLOY_PASSWORD}</password>'],
  ['Dockerfile ENV reference', 'ENV API_TOKEN ${API_TOKEN}'],
  ['Dockerfile ENV of a plain name', 'ENV NODE_ENV production'],
  ['Dockerfile token label with spaces', 'ENV TOKEN_LABEL Personal access token'],
];

/** A 40-character AWS secret access key shape. */
const awsSecret = ['Wm4Rt7Yp2Kx9Lq3Zv8Nb', '5Hd1Gf6Js0Ac2Ex7Tu4Q'].join('');
const npmAuthToken = ['3f2b8c1e-9a4d-4e7b', '-b6c2-8d1f0a9e7c45'].join('');
const oauthToken = ['9f8e7d6c5b4a3f2e1d0c', '9b8a7f6e5d4c3b2a1f0e'].join('');

/** Inputs from a file at a path, and what redaction makes of them. */
const pathCases: Array<[name: string, path: string, input: string, expected: string]> = [
  [
    'Rust constant with a lifetime',
    'src/lib.rs',
    `static API_TOKEN: &'static str = "${cliPassword}";`,
    `static API_TOKEN: &'static str = "[REDACTED]";`,
  ],
  [
    'Go constant in a block',
    'config.go',
    `\tdbPassword string = "${cliPassword}"`,
    '\tdbPassword string = "[REDACTED]"',
  ],
  [
    'Python annotation with Final',
    'settings.py',
    `AUTH_TOKEN: Final[str] = "${cliPassword}"`,
    'AUTH_TOKEN: Final[str] = "[REDACTED]"',
  ],
  [
    'typed reference',
    'settings.py',
    'API_KEY: str = os.environ["API_KEY"]',
    'API_KEY: str = os.environ["API_KEY"]',
  ],
  [
    'Terraform variable default',
    'infra/vars.tf',
    `variable "db_password" {\n  type = string\n  default = "${cliPassword}"\n}`,
    'variable "db_password" {\n  type = string\n  default = "[REDACTED]"\n}',
  ],
  [
    'Terraform default of another variable',
    'infra/vars.tf',
    'variable "region" { default = "eu-west-1" }',
    'variable "region" { default = "eu-west-1" }',
  ],
  [
    'YAML passphrase before a comment',
    'config/app.yml',
    'password: correct horse battery staple # rotated',
    'password: [REDACTED] # rotated',
  ],
  [
    'commented-out YAML setting',
    'config/app.yml',
    '  # db_password: open sesame 42',
    '  # db_password: [REDACTED]',
  ],
  [
    'YAML sequence entry',
    'docker-compose.yml',
    `      - POSTGRES_PASSWORD=${cliPassword},x y`,
    '      - POSTGRES_PASSWORD=[REDACTED]',
  ],
  [
    'YAML flow mapping',
    'config/app.yml',
    `env: {API_TOKEN: ${cliPassword}#1, DEBUG: on}`,
    'env: {API_TOKEN: [REDACTED], DEBUG: on}',
  ],
  ['YAML label with spaces', 'config/app.yml', 'token_hint: ask ops', 'token_hint: ask ops'],
  [
    'first word under a label name',
    'config/app.yml',
    `auth_mode: ${cliPassword} then more`,
    'auth_mode: [REDACTED] then more',
  ],
  [
    'properties value with # and spaces',
    'src/main/resources/app.properties',
    'db.password=open sesame #42',
    'db.password=[REDACTED]',
  ],
  [
    'INI value before a comment',
    'db.ini',
    'password = open sesame ; old',
    'password = [REDACTED] ; old',
  ],
  [
    '.env value before a comment',
    'deploy/.env.staging',
    `export API_SECRET=${cliPassword}#1 x # staging`,
    'export API_SECRET=[REDACTED] # staging',
  ],
  [
    'shell word with a comma and semicolon',
    'scripts/run.sh',
    `export DB_PASSWORD=${cliPassword},x;y && ./run`,
    'export DB_PASSWORD=[REDACTED] && ./run',
  ],
  [
    'shell word with quoted parts',
    'deploy.sh',
    `API_TOKEN=${cliPassword}"a b"'c' && ./run`,
    'API_TOKEN=[REDACTED] && ./run',
  ],
  [
    'shell word with an escaped space',
    'deploy.sh',
    `AUTH_KEY=${cliPassword}\\ tail`,
    'AUTH_KEY=[REDACTED]',
  ],
  [
    'shell word with an unclosed quote',
    'deploy.sh',
    `export API_SECRET=${cliPassword}"tail more\nnext`,
    'export API_SECRET=[REDACTED]\nnext',
  ],
  [
    'shell reference in quotes',
    'deploy.sh',
    'DB_PASSWORD="$DB_PASSWORD"',
    'DB_PASSWORD="$DB_PASSWORD"',
  ],
  [
    'Dockerfile ENV value with quotes',
    'Dockerfile',
    `ENV DB_PASSWORD "${cliPassword}" tail  `,
    'ENV DB_PASSWORD [REDACTED]  ',
  ],
  [
    'Dockerfile ARG with an escaped space',
    'build/app.Dockerfile',
    `ARG NPM_TOKEN=${cliPassword}\\ tail`,
    'ARG NPM_TOKEN=[REDACTED]',
  ],
  [
    'AWS secret key after its name',
    'config/aws.yml',
    `aws_secret_access_key: ${awsSecret}`,
    'aws_secret_access_key: [REDACTED]',
  ],
  [
    'npm auth token',
    '.npmrc',
    `//registry.npmjs.org/:_authToken=${npmAuthToken}`,
    '//registry.npmjs.org/:_authToken=[REDACTED]',
  ],
  [
    'token in a package URL',
    'package.json',
    `"url": "https://${oauthToken}:x-oauth-basic@github.com/acme/app.git"`,
    '"url": "https://[REDACTED]@github.com/acme/app.git"',
  ],
];

describe('redactSecrets', () => {
  for (const [name, input, expected] of redactedCases) {
    test(`redacts ${name}`, () => {
      assert.equal(redactSecrets(input), expected);
    });
  }

  for (const [name, input] of keptCases) {
    test(`keeps ${name}`, () => {
      assert.equal(redactSecrets(input), input);
    });
  }

  test('second pass changes nothing', () => {
    for (const [name, input] of redactedCases) {
      const once = redactSecrets(input);
      assert.equal(redactSecrets(once), once, name);
    }
  });

  for (const [name, path, input, expected] of pathCases) {
    test(`redacts ${name}`, () => {
      assert.equal(redactSecrets(input, path), expected);
    });
  }

  test('second pass with paths unchanged', () => {
    for (const [name, path, input] of pathCases) {
      const once = redactSecrets(input, path);
      assert.equal(redactSecrets(once, path), once, name);
    }
  });

  test('every generic-secret keyword name', () => {
    const keywords = readStringList(genericSecretRule.defaultOptions, 'keywords');

    assert.ok(keywords.length >= 10, 'the rule has fewer keywords than expected');
    for (const keyword of keywords) {
      assert.equal(
        redactSecrets(`db_${keyword} = "${cliPassword}"`),
        `db_${keyword} = "[REDACTED]"`,
        keyword,
      );
    }
  });

  test('long config lines of keys', { timeout: HANG_TIMEOUT_MS }, () => {
    const inputs = ['- key: x\n'.repeat(100_000), `{${'key: x,'.repeat(100_000)}}`];
    for (const path of ['config/app.yml', 'app.properties', '.env', 'run.sh']) {
      for (const input of inputs) {
        assert.equal(redactSecrets(input, path), input, `${path} ${input.slice(0, 8)}`);
      }
    }
  });

  test('long lines of repeated words', { timeout: HANG_TIMEOUT_MS }, () => {
    const inputs = ['password'.repeat(100_000), 'ab1_'.repeat(250_000), 'a: '.repeat(300_000)];
    for (const input of inputs) {
      const header = `${input} Authorization: Bearer abcdefghijklmnop123456`;

      assert.equal(redactSecrets(input), input, input.slice(0, 8));
      assert.equal(
        redactSecrets(header),
        `${input} Authorization: Bearer [REDACTED]`,
        input.slice(0, 8),
      );
    }
  });
});

describe('entropy', () => {
  test('looksRandom needs length, digits and entropy', () => {
    assert.equal(looksRandom('Zx8Qp3Lm9Vt2Rk7Wn4Hs'), true);
    assert.equal(looksRandom('Zx8Qp3Lm9Vt2Rk7Wn4H'), false);
    assert.equal(looksRandom('someVeryLongIdentifierName'), false);
    assert.equal(looksRandom('aaaaaaaaaaaaaaaaaaaa11'), false);
  });
});
