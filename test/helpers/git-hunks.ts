import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

import type { Hunk } from '../../src/footprint/types.js';
import { gitTestEnv } from './repo.js';

/** What `git diff --no-index -U0` reports for two contents. */
export interface GitHunkDiff {
  hunks: Hunk[];
  additions: number;
  deletions: number;
}

const HUNK_HEADER = /^@@ -(\d+)(?:,(\d+))? \+(\d+)(?:,(\d+))? @@/;

/** Parses the hunk headers of a unified diff; a count left out means 1, as git prints it. */
export function parseHunkHeaders(patch: string): Hunk[] {
  const hunks: Hunk[] = [];
  for (const line of patch.split('\n')) {
    const match = HUNK_HEADER.exec(line);
    if (!match) continue;
    hunks.push({
      oldStart: Number(match[1]),
      oldLines: match[2] === undefined ? 1 : Number(match[2]),
      newStart: Number(match[3]),
      newLines: match[4] === undefined ? 1 : Number(match[4]),
    });
  }
  return hunks;
}

/**
 * Runs git's own diff on two contents written to a temporary folder. `--text` keeps git from
 * calling content with NUL bytes binary, so every case compares line diffs.
 */
export function gitDiffContents(oldContent: Buffer, newContent: Buffer): GitHunkDiff {
  const dir = mkdtempSync(path.join(tmpdir(), 'footprint-hunks-'));
  try {
    writeFileSync(path.join(dir, 'old'), oldContent);
    writeFileSync(path.join(dir, 'new'), newContent);
    // With both flags git prints the numstat line first, then the patch.
    const output = runGitDiff(dir, ['-U0', '--numstat', '--patch']);
    const [added = '0', deleted = '0'] = output.split('\t');
    return {
      hunks: parseHunkHeaders(output),
      additions: Number(added),
      deletions: Number(deleted),
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

function runGitDiff(dir: string, args: string[]): string {
  const result = spawnSync(
    'git',
    ['diff', '--no-index', '--no-color', '--text', ...args, 'old', 'new'],
    {
      cwd: dir,
      env: gitTestEnv(),
      encoding: 'utf8',
      maxBuffer: 256 * 1024 * 1024,
    },
  );
  // git diff --no-index exits 1 when the files differ.
  if (result.status !== 0 && result.status !== 1) {
    throw new Error(`git diff --no-index failed with ${result.status}: ${result.stderr}`);
  }
  return result.stdout;
}
