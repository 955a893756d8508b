import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { fileText, runPrecommit, secretLocations } from './precommit-risk.js';

// Values are joined from parts so that this file contains no string a scanner would flag.
const RANDOM = ['Xq7HgZVu', 'RokLERfE9z'].join('');
const UUID = ['9b2f6c1e-3d4a', '-4f8b-9c7e-2a1b3c4d5e6f'].join('');
const OTHER_UUID = ['7c9e6679-7425', '-40de-944b-e07fc1f90ae7'].join('');
const TITLE_PASSPHRASE = ['Correct-Horse', '-Battery-42'].join('');

describe('generic-secret short password names', () => {
  test('pass, pwd and pw names block', () => {
    const outcome = runPrecommit({
      'src/a.js': fileText(`const dbPass = "${RANDOM}";`),
      'src/a.py': fileText('import os', `smtp_pass = "${RANDOM}"`),
      'deploy/site.yml': fileText('all:', '  vars:', `    ansible_become_pass: ${RANDOM}`),
      'config/db.yml': fileText(`db_pwd: ${RANDOM}`),
      'src/m.php': fileText('<?php', `$mysql_pwd = '${RANDOM}';`),
      'src/p.ts': fileText(`const smtpPw = "${RANDOM}";`),
      '.env': fileText(`DB_PASS=${RANDOM}`),
      'src/keys.ts': fileText(`export const passphrase = "${RANDOM}";`),
    });

    assert.deepEqual(secretLocations(outcome), [
      'generic-secret .env:1',
      'generic-secret config/db.yml:1',
      'generic-secret deploy/site.yml:3',
      'generic-secret src/a.js:1',
      'generic-secret src/a.py:2',
      'generic-secret src/keys.ts:1',
      'generic-secret src/m.php:2',
      'generic-secret src/p.ts:1',
    ]);
    const dotenv = outcome.findings.find((finding) => finding.rule === 'generic-secret');
    assert.equal(dotenv?.masked, 'DB_PASS = ********');
    assert.equal(outcome.blocked, true);
    assert.equal(outcome.status, 1);
  });

  test('words containing pass or pw pass', () => {
    const outcome = runPrecommit({
      'src/words.ts': fileText(
        `const bypass = "${RANDOM}";`,
        `const passive = "${RANDOM}";`,
        `const compass = "${RANDOM}";`,
        `const passportNumber = "${RANDOM}";`,
        `const pwmChannel = "${RANDOM}";`,
        `const BYPASS_CACHE = "${RANDOM}";`,
        `const encompassId = "${RANDOM}";`,
        `const PWA_MANIFEST = "${RANDOM}";`,
      ),
      'config/app.yml': fileText(`passenger: ${RANDOM}`, `surpass: ${RANDOM}`),
    });

    assert.deepEqual(secretLocations(outcome), []);
    assert.equal(outcome.blocked, false);
    assert.equal(outcome.status, 0);
  });
});

describe('generic-secret value shapes', () => {
  test('identifiers under key names pass', () => {
    const outcome = runPrecommit({
      'src/x.ts': fileText(
        'export const request = {',
        `  idempotencyKey: "${UUID}",`,
        '};',
        `const partitionKey = "${OTHER_UUID}";`,
        'const webhookSecretHeader = "X-Hub-Signature-256";',
        'const keyHash = "sha256:3b7e0f0c";',
        `const cacheKey = "${UUID.toUpperCase()}";`,
        'const shopifyKeyHeader = "X-Shopify-Hmac-Sha256";',
      ),
    });

    assert.deepEqual(secretLocations(outcome), []);
    assert.equal(outcome.blocked, false);
    assert.equal(outcome.status, 0);
  });

  test('secrets under the same names block', () => {
    const outcome = runPrecommit({
      'src/x.ts': fileText(
        'export const request = {',
        `  idempotencyKey: "${RANDOM}",`,
        '};',
        `const apiToken = "${UUID}";`,
        `const HEROKU_API_KEY = "${OTHER_UUID}";`,
        `const password = "${TITLE_PASSPHRASE}";`,
      ),
    });

    assert.deepEqual(secretLocations(outcome), [
      'generic-secret src/x.ts:2',
      'generic-secret src/x.ts:4',
      'generic-secret src/x.ts:5',
      'generic-secret src/x.ts:6',
    ]);
    assert.equal(outcome.blocked, true);
    assert.equal(outcome.status, 1);
  });
});
