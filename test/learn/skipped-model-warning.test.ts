import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, test } from 'node:test';

import { runCli } from '../cli/cli-io.js';
import { createTempRepo, type TempRepo } from '../helpers/repo.js';
import { commitHistory, knownHistory } from './history-fixture.js';

let repo: TempRepo;
/** Start of the one warning each command gives; the parser's reason in brackets follows. */
let expectedWarning: RegExp;

beforeEach(async () => {
  repo = createTempRepo();
  commitHistory(repo, knownHistory());
  const learned = await runCli(repo.dir, 'learn');
  assert.equal(learned.code, 0, learned.stderr);

  // An hour ahead: newer than the model learn wrote, and not so far ahead that it is misdated.
  const later = new Date(Date.now() + 60 * 60 * 1000).toISOString().replace(/[-:]/g, '');
  const corrupt = `${later}-model-0000abcd.json`;
  writeFileSync(path.join(repo.dir, 'fossils', corrupt), '{"schemaVersion": 1, "kind": "mod');
  const escaped = corrupt.replace(/\./g, '\\.');
  expectedWarning = new RegExp(`^⚠ fossils/${escaped}: skipped because it is not valid JSON \\(`);

  repo.write('src/extra.js', 'export const extra = 1;\n');
  repo.write('README.md', '# Notes\n\nMore words.\n');
  repo.git(['add', '-A']);
});

afterEach(() => {
  repo.cleanup();
});

/** Returns the lines of `stderr` that warn, the ones starting with the warning symbol. */
function warningLines(stderr: string): string[] {
  return stderr.split('\n').filter((line) => line.startsWith('⚠'));
}

const commands: Array<{ name: string; args: string[]; code: number }> = [
  { name: 'analyze', args: ['analyze'], code: 0 },
  { name: 'analyze --json', args: ['analyze', '--json'], code: 0 },
  { name: 'precommit', args: ['precommit', '--no-llm'], code: 0 },
  { name: 'strategy to stdout', args: ['strategy', '--no-llm'], code: 0 },
  { name: 'strategy --output', args: ['strategy', '--no-llm', '--output', 'plan.json'], code: 0 },
  { name: 'commit --dry-run', args: ['commit', '--dry-run', '--no-llm'], code: 0 },
];

describe('corrupt newest model fossil', () => {
  for (const { name, args, code } of commands) {
    test(`${name} warns once`, async () => {
      const result = await runCli(repo.dir, ...args);

      assert.equal(result.code, code, result.stderr);
      const warnings = warningLines(result.stderr);
      assert.equal(warnings.length, 1, result.stderr);
      assert.match(warnings[0] ?? '', expectedWarning);
      assert.doesNotMatch(result.stdout, /skipped because/);
    });
  }
});
