import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { fileText, runPrecommit, secretLocations } from './precommit-risk.js';

// Values are joined from parts so that this file contains no string a scanner would flag.
const EXAMPLE_KEY_ID = ['AKIAIOSF', 'ODNN7EXAMPLE'].join('');
const EXAMPLE_SECRET = ['wJalrXUtnFEMI/K7MDENG', '/bPxRfiCYEXAMPLEKEY'].join('');
const PNG = [
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg',
  'AbPw9pass+Key/ApiToken1Pwd2==',
].join('');
const COMMIT = ['b4ffde65f46336ab', '88eb53be808477a3936bae11'].join('');
const INTEGRITY = [
  'sha512-0W8Wq1Jvb7cV2lu5Y0HnqsRlOWpGJ',
  '5YXz7mPYG6d5eUHVNqRMdqN8d3Ip2JkRQw==',
].join('');
const UUID = ['4f9d8c7b-6a5e', '-4d3c-8b1a-0f9e8d7c6b5a'].join('');
const DOLLAR = '$';

describe('generic-secret on ordinary files', () => {
  test('common false positives pass', () => {
    const outcome = runPrecommit({
      'package-lock.json': fileText(
        '{',
        '  "lockfileVersion": 3,',
        '  "packages": {',
        '    "node_modules/passport": {',
        `      "integrity": "${INTEGRITY}",`,
        '      "resolved": "https://registry.npmjs.org/passport/-/passport-0.7.0.tgz"',
        '    }',
        '  }',
        '}',
      ),
      '.github/workflows/ci.yml': fileText(
        'jobs:',
        '  test:',
        '    steps:',
        `      - uses: actions/checkout@${COMMIT}`,
        '      - run: npm test -- --pass-with-no-tests',
      ),
      'web/styles.css': fileText(`.logo { background: url(data:image/png;base64,${PNG}); }`),
      'docs/aws.md': fileText(
        '```ini',
        `aws_access_key_id = ${EXAMPLE_KEY_ID}`,
        `aws_secret_access_key = ${EXAMPLE_SECRET}`,
        '```',
      ),
      'locales/de.json': fileText(
        '{',
        '  "login.password": "Passwort",',
        '  "login.forgot_pass": "Passwort vergessen?",',
        '  "pass_hint": "Mindestens 8 Zeichen, davon 2 Ziffern",',
        '  "mot_de_passe": "Mot de passe",',
        '  "passer": "Passer l\'étape 2"',
        '}',
      ),
      'web/app.min.js': fileText(
        'var e={pw:t.pw,pass:n.pass||"",apiKey:r.apiKey,bypass:!0,pwd:o.pwd??""};' +
          'function a(p){return p.passes>2||p.compass}',
      ),
      'docs/setup.md': fileText(
        '# Setup',
        '',
        `Set \`DB_PASS=<your password>\` and \`SMTP_PWD=${DOLLAR}{SMTP_PWD}\` in \`.env\`.`,
        'The default login is `password: changeme`; pass `--pass-file` to read it from a file.',
        'Run `mysql -u root -p`, then `export DB_PW=' + DOLLAR + 'DB_PW`.',
        '    pw: ********',
      ),
      'src/nav.ts': fileText(
        'export const compass = { heading: "N2E", bypassPw: false };',
        `export const requestKey = "${UUID}";`,
        'export const passCount = process.env.PASS_COUNT || "3";',
        'export const pwmPin = "GPIO18";',
      ),
    });

    assert.deepEqual(secretLocations(outcome), []);
    assert.equal(outcome.blocked, false);
    assert.equal(outcome.status, 0);
  });
});
