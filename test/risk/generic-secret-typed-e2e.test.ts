import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { createTempRepo } from '../helpers/repo.js';
import { fileText, runPrecommit, type PrecommitOutcome } from './precommit-risk.js';

// Values are joined from parts so that this file contains no string a scanner would flag.
const KEY = ['Xq7HgZVu', 'RokLERfE9z'].join('');
const TOKEN = ['p42O0AC3', 'oaP9w87kT3'].join('');
const HEX = ['9f3c1a7e5b', '2d4f6a8c0e', '1b3d5f7a9c', '4e6a8c0d2f'].join('');
const AWS_SECRET = ['wJ8rXUtnFE', 'MI/K7MDENG', '/bPxRfiCYz', 'Q2kd9LmA7v'].join('');
const DB_PASSWORD = ['RvwQRGW4f', 'OA5UB0nz46'].join('');

/** Returns the masked value of the first generic-secret finding. */
function firstMasked(outcome: PrecommitOutcome): string | undefined {
  return outcome.findings.find((finding) => finding.rule === 'generic-secret')?.masked;
}

/** Lists the generic-secret findings as `path:line severity`, in the hook's order. */
function typedFindings(outcome: PrecommitOutcome): string[] {
  return outcome.findings
    .filter((finding) => finding.rule === 'generic-secret')
    .map((finding) => `${finding.path}:${finding.line ?? 0} ${finding.severity}`);
}

describe('generic-secret in typed declarations', () => {
  test('typed constants block', () => {
    const outcome = runPrecommit({
      'crates/parser/src/secret.rs': fileText(
        `pub const API_KEY: &str = "${HEX}";`,
        `static API_TOKEN: &'static str = "${TOKEN}";`,
      ),
      'services/ingest/config.go': fileText(
        'package ingest',
        '',
        `const apiKey string = "${KEY}"`,
        'var (',
        `\tdbPassword string = "${DB_PASSWORD}"`,
        ')',
      ),
      'src/acme/settings.py': fileText(
        'from typing import Final',
        '',
        `API_KEY: str = "${KEY}"`,
        `AUTH_TOKEN: Final[str] = "${TOKEN}"`,
      ),
      'web/src/config.ts': fileText(`export const apiKey: string = "${KEY}";`),
      'app/src/main/kotlin/Config.kt': fileText(`val apiKey: String = "${KEY}"`),
      'Sources/App/Config.swift': fileText(`let apiToken: String = "${TOKEN}"`),
    });

    assert.deepEqual(typedFindings(outcome), [
      'Sources/App/Config.swift:1 high',
      'app/src/main/kotlin/Config.kt:1 high',
      'crates/parser/src/secret.rs:1 high',
      'crates/parser/src/secret.rs:2 high',
      'services/ingest/config.go:3 high',
      'services/ingest/config.go:5 high',
      'src/acme/settings.py:3 high',
      'src/acme/settings.py:4 high',
      'web/src/config.ts:1 high',
    ]);
    assert.equal(firstMasked(outcome), 'apiToken = ********');
    assert.equal(outcome.blocked, true);
    assert.equal(outcome.status, 1);
  });

  test('typed references and placeholders pass', () => {
    const outcome = runPrecommit({
      'crates/parser/src/secret.rs': fileText(
        'pub const API_KEY: &str = env!("API_KEY");',
        'pub const API_KEY_HEADER: &str = "x-api-key";',
        'pub fn token(password: &str) -> bool { password.len() > 3 }',
      ),
      'services/ingest/config.go': fileText(
        'package ingest',
        '',
        'var apiKey string = os.Getenv("API_KEY")',
        'const tokenHeader string = "Authorization"',
      ),
      'src/acme/settings.py': fileText(
        'import os',
        '',
        'API_KEY: str = os.environ["API_KEY"]',
        'def login(password: str = "") -> None: ...',
      ),
      'web/src/config.ts': fileText(
        'export const apiKey: string = process.env.API_KEY ?? "";',
        'export function sign(secret: string, payload: string = "{}") {}',
        `const { password: pw, retries = "${KEY}" } = options;`,
      ),
    });

    assert.deepEqual(typedFindings(outcome), []);
    assert.equal(outcome.blocked, false);
    assert.equal(outcome.status, 0);
  });

  test('Terraform variable defaults block', () => {
    const outcome = runPrecommit({
      'infra/variables.tf': fileText(
        'variable "region" {',
        '  default = "eu-west-1"',
        '}',
        '',
        'variable "aws_secret_key" {',
        '  type        = string',
        '  description = "Key for the deploy user"',
        `  default     = "${AWS_SECRET}"`,
        '}',
        '',
        `variable "db_password" { default = "${DB_PASSWORD}" }`,
        '',
        'variable "api_token" {',
        '  type      = string',
        '  sensitive = true',
        '}',
        '',
        'variable "signing_secret" {',
        '  default = ""',
        '}',
      ),
    });

    assert.deepEqual(typedFindings(outcome), [
      'infra/variables.tf:8 high',
      'infra/variables.tf:11 high',
    ]);
    assert.equal(firstMasked(outcome), 'aws_secret_key = ********');
    assert.equal(outcome.blocked, true);
  });

  test('default of another hunk passes', () => {
    const repo = createTempRepo();
    try {
      const filler = Array.from({ length: 12 }, (_, index) => `# note ${index}`);
      const rest = ['  type = string', '}', ...filler, 'variable "name" {'];
      repo.write('main.tf', fileText('variable "old" {', ...rest, '}'));
      repo.git(['add', '-A']);
      repo.git(['commit', '-q', '-m', 'start'], { env: { FOOTPRINT: '0' } });
      const secretDefault = `  default = "${DB_PASSWORD}"`;
      repo.write('main.tf', fileText('variable "db_password" {', ...rest, secretDefault, '}'));
      repo.git(['add', '-A']);

      const json = repo.footprint(['precommit', '--json', '--no-llm']);
      const risk = (JSON.parse(json.stdout) as { risk: PrecommitOutcome }).risk;

      assert.deepEqual(typedFindings(risk), []);
    } finally {
      repo.cleanup();
    }
  });
});
