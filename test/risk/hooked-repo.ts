import assert from 'node:assert/strict';
import { createTempRepo, type TempRepo } from '../helpers/repo.js';

/** One finding as the blocked hook prints it: `✖ path:line  rule  message  masked`. */
export interface PrintedFinding {
  symbol: string;
  path: string;
  line: number | undefined;
  rule: string;
  message: string;
  masked: string | undefined;
}

/** What `git commit` did with footprint's pre-commit hook installed. */
export interface CommitAttempt {
  /** True when git made no commit: the hook exited non-zero and HEAD did not move. */
  blocked: boolean;
  stderr: string;
  findings: PrintedFinding[];
}

const FINDING_LINE = /^ {2}(✖|⚠|ℹ) (\S+?)(?::(\d+))? {2}(\S+) {2}(.+?)(?: {2}(\S.*))?$/;

/** Makes a repository with one commit and footprint's hooks installed by `footprint init`. */
export function createHookedRepo(): TempRepo {
  const repo = createTempRepo();
  repo.write('README.md', '# demo\n');
  repo.git(['add', '-A']);
  repo.git(['commit', '-q', '-m', 'start'], { env: { FOOTPRINT: '0' } });
  const init = repo.footprint(['init']);
  assert.equal(init.status, 0, init.stderr);
  repo.git(['add', '-A']);
  repo.git(['commit', '-q', '--no-verify', '-m', 'chore: install footprint']);
  return repo;
}

/** Returns the findings printed in a hook's stderr, in order. */
export function readPrintedFindings(stderr: string): PrintedFinding[] {
  const findings: PrintedFinding[] = [];
  for (const text of stderr.split('\n')) {
    const match = FINDING_LINE.exec(text);
    if (match === null) continue;
    const [, symbol = '', path = '', line, rule = '', message = '', masked] = match;
    findings.push({
      symbol,
      path,
      line: line === undefined ? undefined : Number(line),
      rule,
      message,
      masked,
    });
  }
  return findings;
}

/** Writes `files`, stages them and runs `git commit` through the installed hook. */
export function commitFiles(repo: TempRepo, files: Record<string, string | Buffer>): CommitAttempt {
  for (const [file, content] of Object.entries(files)) repo.write(file, content);
  repo.git(['add', '-A']);
  const head = repo.git(['rev-parse', 'HEAD']);
  const result = repo.gitResult(['commit', '-m', 'feat: add files']);
  const moved = repo.git(['rev-parse', 'HEAD']) !== head;
  return {
    blocked: result.status !== 0 && !moved,
    stderr: result.stderr,
    findings: readPrintedFindings(result.stderr),
  };
}

/** Returns the printed findings of one rule. */
export function findingsOf(attempt: CommitAttempt, rule: string): PrintedFinding[] {
  return attempt.findings.filter((finding) => finding.rule === rule);
}
