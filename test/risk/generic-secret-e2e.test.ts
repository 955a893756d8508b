import assert from 'node:assert/strict';
import { after, describe, test } from 'node:test';
import { createTempRepo, type TempRepo } from '../helpers/repo.js';

interface JsonFinding {
  rule: string;
  path: string;
  line?: number;
  message: string;
  masked?: string;
}

// Values are joined from parts so that this file contains no string a scanner would flag.
const TROUBADOR = ['Tr0ub4', 'dor&3'].join('');
const HASH_PASSWORD = ['Tr0ub4', 'dor#3'].join('');
const HASH_SECRET = ['k9#Lm2', 'Pq7Zx4'].join('');
const FLOW_TOKEN = ['Xk8p&Qz', '29vLm'].join('');
const RANDOM = ['Xk8pQz29', 'vLmRt7'].join('');
const PASSPHRASE = ['correct-horse', '-battery-staple-42'].join('');
const DASHED_RANDOM = ['k9xm-2pq7', '-zx4t-88ab'].join('');
const BASE64_KEY = ['dGhpcyBpcyBhIHNl', 'Y3JldCBrZXkgdmFsdWU9'].join('');
const HEX_KEY = ['9f86d081884c7d659a2f', 'eaa0c55ad015a3bf4f1b'].join('');

const repos: TempRepo[] = [];
after(() => {
  for (const repo of repos) repo.cleanup();
});

function createRepo(): TempRepo {
  const repo = createTempRepo();
  repos.push(repo);
  repo.write('README.md', '# demo\n');
  repo.git(['add', '-A']);
  repo.git(['commit', '-q', '-m', 'start'], { env: { FOOTPRINT: '0' } });
  return repo;
}

/** Stages `files` in a new repository and returns its generic-secret findings. */
function findGenericSecrets(files: Record<string, string[]>): JsonFinding[] {
  const repo = createRepo();
  for (const [path, lines] of Object.entries(files)) repo.write(path, `${lines.join('\n')}\n`);
  repo.git(['add', '-A']);
  const result = repo.footprint(['analyze', '--json', '--no-llm']);
  assert.ok(result.stdout.length > 0, `no JSON on stdout: ${result.stderr}`);
  const document = JSON.parse(result.stdout) as { risk: { findings: JsonFinding[] } };
  return document.risk.findings.filter((finding) => finding.rule === 'generic-secret');
}

function locations(findings: readonly JsonFinding[]): string[] {
  return findings.map((finding) => `${finding.path}:${finding.line ?? 0}`);
}

describe('generic-secret unquoted values', () => {
  test('compose file values with & and #', () => {
    const findings = findGenericSecrets({
      'docker-compose.yml': [
        'services:',
        '  db:',
        '    environment:',
        `      POSTGRES_PASSWORD: ${TROUBADOR}`,
        `      REDIS_PASSWORD: "${TROUBADOR}"`,
        `      API_SECRET: ${HASH_SECRET}`,
        `      password: ${HASH_PASSWORD}`,
        `      SMTP_PASSWORD: ${TROUBADOR} # rotated monthly`,
        `      # OLD_PASSWORD: ${TROUBADOR}`,
        '  cache:',
        '    environment:',
        `      - REDIS_PASSWORD=${TROUBADOR}`,
      ],
    });

    assert.deepEqual(locations(findings), [
      'docker-compose.yml:4',
      'docker-compose.yml:5',
      'docker-compose.yml:6',
      'docker-compose.yml:7',
      'docker-compose.yml:8',
      'docker-compose.yml:9',
      'docker-compose.yml:12',
    ]);
    assert.equal(findings[0]?.masked, 'POSTGRES_PASSWORD = ********');
    assert.equal(findings[2]?.masked, 'API_SECRET = ********');
  });

  test('properties file values with & and #', () => {
    const findings = findGenericSecrets({
      'app.properties': [
        `db.password=${TROUBADOR}`,
        `mail.password=${RANDOM}`,
        `PASSWORD=${TROUBADOR}`,
        `ldap.password = ${HASH_PASSWORD}`,
        `! legacy.password=${TROUBADOR}`,
      ],
    });

    assert.deepEqual(locations(findings), [
      'app.properties:1',
      'app.properties:2',
      'app.properties:3',
      'app.properties:4',
      'app.properties:5',
    ]);
    assert.equal(findings[3]?.masked, 'ldap.password = ********');
  });

  test('.env, ini and shell values', () => {
    const findings = findGenericSecrets({
      'deploy/.env.staging': [`export API_SECRET=${HASH_SECRET} # staging only`],
      'deploy/settings.ini': ['[db]', `password = ${TROUBADOR} ; rotated`],
      'deploy/run.sh': ['#!/bin/sh', `export DB_PASSWORD=${TROUBADOR}`],
    });

    assert.deepEqual(locations(findings).sort(), [
      'deploy/.env.staging:1',
      'deploy/run.sh:2',
      'deploy/settings.ini:2',
    ]);
  });

  test('YAML flow mapping ends at a comma', () => {
    const findings = findGenericSecrets({
      'config.yml': [`env: {API_TOKEN: ${FLOW_TOKEN}, DEBUG: on}`],
    });

    assert.deepEqual(locations(findings), ['config.yml:1']);
    assert.match(findings[0]?.message ?? '', /^Value of `API_TOKEN` looks like a secret/);
  });

  test('prose and embedded names pass', () => {
    const findings = findGenericSecrets({
      'config.yml': [
        'token_hint: ask ops for token 2',
        `url: "https://example.org/login?password=abc&user=${RANDOM}x"`,
        `api_key: changeme # ${HASH_SECRET}`,
      ],
    });

    assert.deepEqual(locations(findings), []);
  });
});

describe('generic-secret identifiers', () => {
  test('word, version and date keys pass', () => {
    const findings = findGenericSecrets({
      'src/conf.js': [
        'export const conf = {',
        '  cacheKey: "user-profile-v2-2024-01-15",',
        '  idempotencyKey: "order-create-v3-2024-01-15",',
        '  flagKey: "checkout-redesign-v2",',
        '  migrationKey: "20240115-add-users-table",',
        '  storeKey: "users/profile/v2/2024-01-15",',
        '  release_token: "release.notes.rc1.2024",',
        '};',
      ],
      'config/cache.yml': ['cache_key: session_store_v12_2024_03_01'],
    });

    assert.deepEqual(locations(findings), []);
  });

  test('random-looking values are still found', () => {
    const findings = findGenericSecrets({
      'src/keys.js': [
        `export const apiKey = "${RANDOM}";`,
        `export const dbPassword = "${TROUBADOR}";`,
        `export const signingKey = "${BASE64_KEY}";`,
        `export const secretKey = "${HEX_KEY}";`,
        `export const apiToken = "${DASHED_RANDOM}";`,
        `export const password = "${PASSPHRASE}";`,
      ],
    });

    assert.deepEqual(locations(findings), [
      'src/keys.js:1',
      'src/keys.js:2',
      'src/keys.js:3',
      'src/keys.js:4',
      'src/keys.js:5',
      'src/keys.js:6',
    ]);
  });
});

// Shell words with quoted or escaped parts, which the shell joins into one value.
const QUOTED_TAIL = ['k9Xm2pQ7"zX4t', '8bW3Lp5N"'].join('');
const ESCAPED_SPACE = ['Hq3Zm8Wv\\ Tr5', 'Kp2Lx9Nb'].join('');
const SINGLE_QUOTED_TAIL = ["Wn4Rt8Yp'Kd7F", "s2Gh6Jl'"].join('');
const DOCKER_QUOTED_TAIL = ['Bq7Xw2Nk"Rf5T', 'z9Mc3Vd"'].join('');
const LETTERS_AND_DIGITS = ['Zq8Wm3Xk9', 'Lp2Vb7Nr4'].join('');

describe('generic-secret shell words', () => {
  test('quoted and escaped parts join', () => {
    const findings = findGenericSecrets({
      'deploy.sh': [
        `API_TOKEN=${QUOTED_TAIL}`,
        `SECRET_KEY=${ESCAPED_SPACE}`,
        `export CLIENT_SECRET=${SINGLE_QUOTED_TAIL}`,
      ],
      Dockerfile: ['FROM node:20', `ENV API_SECRET=${DOCKER_QUOTED_TAIL}`],
    });

    assert.deepEqual(locations(findings).sort(), [
      'Dockerfile:2',
      'deploy.sh:1',
      'deploy.sh:2',
      'deploy.sh:3',
    ]);
  });

  test('letters and digits in every form', () => {
    const findings = findGenericSecrets({
      'run.sh': [`DB_PASSWORD=${LETTERS_AND_DIGITS}`, `export DB_PASSWORD=${LETTERS_AND_DIGITS}`],
      Dockerfile: [
        'FROM node:20',
        `ENV DB_PASSWORD=${LETTERS_AND_DIGITS}`,
        `ENV DB_PASSWORD ${LETTERS_AND_DIGITS}`,
        `ENV DB_PASSWORD "${LETTERS_AND_DIGITS}"`,
        `ENV DB_PASSWORD ${TROUBADOR}xQ9Lm7Pz`,
        `ARG DB_PASSWORD=${LETTERS_AND_DIGITS}`,
      ],
      'app.properties': [`DB_PASSWORD=${LETTERS_AND_DIGITS}`],
    });

    assert.deepEqual(locations(findings).sort(), [
      'Dockerfile:2',
      'Dockerfile:3',
      'Dockerfile:4',
      'Dockerfile:5',
      'Dockerfile:6',
      'app.properties:1',
      'run.sh:1',
      'run.sh:2',
    ]);
    assert.equal(findings[0]?.masked, 'DB_PASSWORD = ********');
  });

  test('identifiers, references and prose pass', () => {
    const findings = findGenericSecrets({
      'ci/cache.sh': [
        'CACHE_KEY=user-profile-v2-2024-01-15',
        'export FLAG_KEY="checkout-redesign-v2"',
        'DB_PASSWORD="$DB_PASSWORD"',
        "API_KEY='${API_KEY}'",
        'TOKEN_HELP="Run make token 2 first"',
        'AUTH_MODE=oauth2-pkce',
      ],
      Dockerfile: [
        'FROM node:20',
        'ENV CACHE_KEY build-cache-v3-2024',
        'ENV TOKEN_LABEL Personal access token 2',
        'ARG NPM_TOKEN',
        'ENV API_TOKEN ${API_TOKEN}',
      ],
    });

    assert.deepEqual(locations(findings), []);
  });
});
