import { readFileSync, writeFileSync } from 'node:fs';

/** Builds forty numbered lines, replacing each line whose number is a key of `edits`. */
export function numberedLines(edits: Record<number, string> = {}): string {
  const lines = [];
  for (let line = 1; line <= 40; line += 1) lines.push(edits[line] ?? `const v${line} = ${line};`);
  return `${lines.join('\n')}\n`;
}

/** The hunk of an edit of line 3 of numberedLines. */
export const HUNK_3 = { oldStart: 3, oldLines: 1, newStart: 3, newLines: 1 };
/** The hunk of an edit of line 37 of numberedLines. */
export const HUNK_37 = { oldStart: 37, oldLines: 1, newStart: 37, newLines: 1 };

/** Makes a batch as a person writes one by hand, with `more` keys added or replaced. */
export function batch(id: string, changes: unknown, more: Record<string, unknown> = {}) {
  return {
    id,
    message: `chore: edit ${id}`,
    type: 'chore',
    scope: null,
    rationale: 'r',
    changes,
    dependsOn: [],
    ...more,
  };
}

/** Rewrites the strategy file with other batches, keeping its other keys. */
export function writeBatches(file: string, batches: unknown[]): void {
  const strategy = JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>;
  writeFileSync(file, `${JSON.stringify({ ...strategy, batches }, null, 2)}\n`);
}

/** A problem of `validate --json`. */
export interface Problem {
  code: string;
  batch?: string;
  path?: string;
  message: string;
  cause?: string;
}
