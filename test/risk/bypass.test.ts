import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createFinding } from '../../src/risk/finding.js';

const rule = { id: 'protected-branch', fix: 'Commit on a topic branch.' };
const context = { severity: 'high' as const, options: {} };

test('bypass of a whole-change finding names the rule alone', () => {
  const finding = createFinding(rule, context, { path: '', message: 'On main' });

  assert.equal(
    finding.fix,
    'Commit on a topic branch. To keep it, commit with FOOTPRINT_SKIP=protected-branch, ' +
      'allow the rule with `{ "rule": "protected-branch" }` in the `risk.allow` configuration, ' +
      'or skip every hook with `git commit --no-verify`.',
  );
});

test('bypass of a file finding has no inline comment', () => {
  const finding = createFinding(rule, context, { path: '.env', message: 'A .env file' });

  assert.doesNotMatch(finding.fix, /comment on that line/);
  assert.match(finding.fix, /allow it in the `risk\.allow` configuration/);
});

test('bypass of a line finding offers the inline comment', () => {
  const finding = createFinding(rule, context, { path: 'a.ts', line: 3, message: 'x' });

  assert.match(finding.fix, /add `footprint-allow: protected-branch` in a comment on that line, /);
});
