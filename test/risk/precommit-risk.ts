import assert from 'node:assert/strict';
import { createTempRepo } from '../helpers/repo.js';

/** One finding of `footprint precommit --json`. */
export interface JsonFinding {
  rule: string;
  severity: string;
  path: string;
  line?: number;
  message: string;
  masked?: string;
  fix: string;
}

/** What the hook decided on a staged change: its exit status, JSON risk and summary. */
export interface PrecommitOutcome {
  status: number | null;
  blocked: boolean;
  findings: JsonFinding[];
  /** The summary that `footprint precommit` without `--json` writes on stderr, when requested. */
  summary: string;
}

/**
 * Makes a repository with one commit, stages `files` with `git add` and runs `footprint
 * precommit --json` on them. With `summary`, it runs the hook again without `--json` to read
 * the summary.
 */
export function runPrecommit(
  files: Record<string, string>,
  options: { summary?: boolean } = {},
): PrecommitOutcome {
  const repo = createTempRepo();
  try {
    repo.write('README.md', '# demo\n');
    repo.git(['add', '-A']);
    repo.git(['commit', '-q', '-m', 'start'], { env: { FOOTPRINT: '0' } });
    for (const [path, text] of Object.entries(files)) repo.write(path, text);
    repo.git(['add', '-A']);

    const json = repo.footprint(['precommit', '--json', '--no-llm']);
    assert.ok(json.stdout.length > 0, `no JSON on stdout: ${json.stderr}`);
    const risk = (JSON.parse(json.stdout) as { risk: Omit<PrecommitOutcome, 'status'> }).risk;
    const outcome = { status: json.status, blocked: risk.blocked, findings: risk.findings };
    if (options.summary !== true) return { ...outcome, summary: '' };
    return { ...outcome, summary: repo.footprint(['precommit', '--no-llm']).stderr };
  } finally {
    repo.cleanup();
  }
}

/** Lists the findings of the secret rules as `rule path:line`, in the hook's order. */
export function secretLocations(outcome: PrecommitOutcome): string[] {
  const secretRules = new Set(['generic-secret', 'command-line-password', 'private-key']);
  return outcome.findings
    .filter((finding) => secretRules.has(finding.rule))
    .map((finding) => `${finding.rule} ${finding.path}:${finding.line ?? 0}`);
}

/** Joins `lines` into a file's text, each line ended by `\n`. */
export function fileText(...lines: string[]): string {
  return lines.map((line) => `${line}\n`).join('');
}
