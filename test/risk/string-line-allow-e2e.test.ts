import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import {
  fileText,
  runPrecommit,
  type JsonFinding,
  type PrecommitOutcome,
} from './precommit-risk.js';
import { fakePemKey } from './secret-parts.js';

// Values are joined from parts so that this file contains no string a scanner would flag.
const KEY = ['Xq7HgZVu', 'RokLERfE9z'].join('');
const [BEGIN = '', BODY = '', END = ''] = fakePemKey('EC PRIVATE KEY');
const ALLOW_LINE = /Allow one line/;

function findingOf(outcome: PrecommitOutcome, rule: string): JsonFinding | undefined {
  return outcome.findings.find((finding) => finding.rule === rule);
}

describe('allow advice inside multi-line strings', () => {
  test('key in Python triple quotes', () => {
    const outcome = runPrecommit(
      { 'src/keys.py': fileText(`PRIVATE = """${BEGIN}`, BODY, `${END}"""`) },
      { summary: true },
    );

    const finding = findingOf(outcome, 'private-key');
    assert.equal(finding?.line, 1);
    assert.equal(outcome.blocked, true);
    assert.doesNotMatch(outcome.summary, ALLOW_LINE);
    assert.match(
      outcome.summary,
      /Allow a path: +add \{ "rule": "private-key", "path": "src\/keys\.py" \}/,
    );
    assert.doesNotMatch(finding?.fix ?? '', /footprint-allow/);
  });

  test('key in a JavaScript template literal', () => {
    const outcome = runPrecommit(
      { 'src/keys.js': fileText('export const key = `', BEGIN, BODY, END, '`;') },
      { summary: true },
    );

    const finding = findingOf(outcome, 'private-key');
    assert.equal(finding?.line, 2);
    assert.doesNotMatch(outcome.summary, ALLOW_LINE);
    assert.doesNotMatch(finding?.fix ?? '', /footprint-allow/);
  });

  test('key in a YAML block scalar', () => {
    const outcome = runPrecommit(
      {
        'config/tls.yaml': fileText(
          'tls:',
          '  key: |',
          `    ${BEGIN}`,
          `    ${BODY}`,
          `    ${END}`,
        ),
      },
      { summary: true },
    );

    const finding = findingOf(outcome, 'private-key');
    assert.equal(finding?.line, 3);
    assert.equal(outcome.blocked, true);
    assert.doesNotMatch(outcome.summary, ALLOW_LINE);
    assert.doesNotMatch(finding?.fix ?? '', /footprint-allow/);
  });

  test('YAML block password on its key', () => {
    const outcome = runPrecommit(
      { 'config/app.yaml': fileText('auth:', '  password: |', `    ${KEY}`, 'debug: false') },
      { summary: true },
    );

    const finding = findingOf(outcome, 'generic-secret');
    assert.equal(finding?.line, 2);
    assert.match(
      outcome.summary,
      /Allow one line: +add the comment `footprint-allow: generic-secret`/,
    );
    assert.match(finding?.fix ?? '', /footprint-allow: generic-secret/);
  });

  test('key in a shell here-document', () => {
    const outcome = runPrecommit(
      { 'deploy.sh': fileText('#!/bin/sh', "cat > key.pem <<'EOF'", BEGIN, BODY, END, 'EOF') },
      { summary: true },
    );

    const finding = findingOf(outcome, 'private-key');
    assert.equal(finding?.line, 3);
    assert.doesNotMatch(outcome.summary, ALLOW_LINE);
  });

  test('string closed on its line keeps the comment', () => {
    const outcome = runPrecommit(
      {
        'src/keys.py': fileText('HELP = """Keys live in the vault."""', `API_KEY = "${KEY}"`),
      },
      { summary: true },
    );

    const finding = findingOf(outcome, 'generic-secret');
    assert.equal(finding?.line, 2);
    assert.match(
      outcome.summary,
      /Allow one line: +add the comment `footprint-allow: generic-secret`/,
    );
    assert.match(finding?.fix ?? '', /footprint-allow: generic-secret/);
  });
});
