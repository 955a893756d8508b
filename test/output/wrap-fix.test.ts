import { test } from 'node:test';
import assert from 'node:assert/strict';
import { wrapFix } from '../../src/output/wrap-fix.js';

const FIX = (command: string): string =>
  `Unstage the file with \`${command}\`, add its name to \`.gitignore\`. Or skip the rule.`;

test('wrapFix keeps a short command unchanged', () => {
  const command = 'git reset -q -- .env';
  const lines = wrapFix(FIX(command), command, 100, 3, '…');

  assert.deepEqual(lines, [
    'Unstage the file with `git reset -q -- .env`, add its name to `.gitignore`.',
  ]);
});

test('wrapFix moves a command whole to the next line', () => {
  const command = 'git reset -q -- deploy/key.pem';
  const lines = wrapFix(FIX(command), command, 40, 3, '…');

  assert.deepEqual(lines, [
    'Unstage the file with',
    '`git reset -q -- deploy/key.pem`, add',
    'its name to `.gitignore`.',
  ]);
});

test('wrapFix never cuts a command wider than the line', () => {
  const command = `git reset -q -- ${'long-folder/'.repeat(6)}.env`;
  const lines = wrapFix(FIX(command), command, 40, 3, '…');

  assert.equal(lines[1], `\`${command}\`,`);
});

test('wrapFix keeps a newline inside the command', () => {
  const command = "git reset -q -- 'a\nb.env'";
  const lines = wrapFix(FIX(command), command, 100, 3, '…');

  assert.equal(lines[0], `Unstage the file with \`${command}\`, add its name to \`.gitignore\`.`);
});

test('wrapFix keeps spaces inside the command', () => {
  const command = "git reset -q -- 'a  b.env'";
  const lines = wrapFix(FIX(command), command, 100, 3, '…');

  assert.ok(lines[0]?.includes(`\`${command}\``), lines.join('\n'));
});

test('wrapFix reads no sentence end in the path', () => {
  const command = "git reset -q -- 'notes. old.env'";
  const lines = wrapFix(FIX(command), command, 100, 3, '…');

  assert.equal(lines.join(' '), FIX(command).replace(' Or skip the rule.', ''));
});

test('wrapFix keeps the command past the line limit', () => {
  const command = 'git reset -q -- deploy/key.pem';
  const fix = `Take a careful look at the file first, then run \`${command}\` and more.`;
  const lines = wrapFix(fix, command, 30, 2, '…');

  assert.deepEqual(lines, [
    'Take a careful look at the',
    'file first, then run',
    `\`${command}\`…`,
  ]);
});

test('wrapFix wraps a fix without the command', () => {
  const lines = wrapFix('Remove the key and rotate it. Then more.', 'git reset', 16, 3, '…');

  assert.deepEqual(lines, ['Remove the key', 'and rotate it.']);
});

test('wrapFix joins brackets to the command', () => {
  const command = 'git reset -q -- key.pem';
  const fix = `Remove the key (or unstage the file with \`${command}\`), then rotate it.`;
  const lines = wrapFix(fix, command, 30, 4, '…');

  assert.deepEqual(lines, [
    'Remove the key (or unstage the',
    'file with',
    `\`${command}\`),`,
    'then rotate it.',
  ]);
});
