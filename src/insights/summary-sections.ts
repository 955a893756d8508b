import type { Batch, BatchAnalysis, BatchChange } from '../batches/types.js';
import type { FileChange, Footprint, Hunk } from '../footprint/types.js';
import type { Finding } from '../risk/types.js';
import type { WithheldReason } from './content-policy.js';
import { TextBudget } from './text-budget.js';
import { capitalizedOperationPhrase } from '../git/operation-phrase.js';
import { countUndiffed, describeBlobSizes, isUndiffed, notDiffedPhrase } from './undiffed-files.js';

/** A staged file as the change summary names it: `f1`, `f2`, ... in footprint order. */
export interface SummaryFile {
  id: string;
  file: FileChange;
  withheld: WithheldReason | null;
}

/** Redacts one text of the summary (see RequestRedactor). */
type Redact = (text: string) => string;

/** Room kept in a list section for its closing `and N more` line. */
const MORE_LINE_BYTES = 80;

function plural(count: number, noun: string, nouns = `${noun}s`): string {
  return `${count} ${count === 1 ? noun : nouns}`;
}

/** Describes the staged totals, with files over maxDiffBytes counted apart from the lines. */
function describeTotals(footprint: Footprint): string {
  const { files, additions, deletions, hunks } = footprint.totals;
  const fileCount = plural(files, 'file');
  const undiffed = countUndiffed(footprint.files);
  if (undiffed > 0 && undiffed === files) return `${fileCount}, ${notDiffedPhrase(files)}`;

  const counts = `${fileCount}, +${additions} -${deletions}, ${plural(hunks, 'hunk')}`;
  if (undiffed === 0) return counts;
  return `${counts}, ${plural(undiffed, 'file')} ${notDiffedPhrase(undiffed)}`;
}

export function describeChange(footprint: Footprint, analysis: BatchAnalysis): string[] {
  const lines = [`Staged change: ${describeTotals(footprint)}. Mode: ${analysis.mode}.`];
  if (analysis.fileLimit !== undefined) {
    lines.push(
      `The change has more than ${analysis.fileLimit} files, so it stays one commit: ` +
        'propose no merges or splits.',
    );
  } else if (!analysis.splitSuggested) {
    lines.push(
      `${footprint.operation === null ? 'A git operation' : capitalizedOperationPhrase(footprint.operation)} is in progress, so the change stays one ` +
        'commit: propose no merges or splits.',
    );
  }
  return lines;
}

/**
 * Describes a staged file: its id, status, path and line counts. A file over maxDiffBytes has no
 * line counts, so its line gives the blob sizes and the reason it was not diffed.
 */
export function describeFile({ id, file, withheld }: SummaryFile, redact: Redact): string {
  const path = redact(file.path);
  const from = file.oldPath === undefined ? '' : ` from ${redact(file.oldPath)}`;
  const named = `${id} ${file.status} ${path}${from}`;
  if (isUndiffed(file)) {
    // The line already explains why no lines are sent, so only a different reason is added.
    const lines =
      withheld === null || withheld === 'not diffed' ? '' : ` (lines withheld: ${withheld})`;
    return `${named}, ${describeBlobSizes(file)}, ${notDiffedPhrase(1)}${lines}`;
  }

  const hunks = file.hunks.length > 0 ? `, ${plural(file.hunks.length, 'hunk')}` : '';
  const lines = withheld === null ? '' : ` (lines withheld: ${withheld})`;
  return `${named} +${file.additions} -${file.deletions}${hunks}${lines}`;
}

function sameHunk(a: Hunk, b: Hunk): boolean {
  return (
    a.oldStart === b.oldStart &&
    a.oldLines === b.oldLines &&
    a.newStart === b.newStart &&
    a.newLines === b.newLines
  );
}

/** Names a batch's part of a file: `f1` for the whole file, `f1 (h1, h3)` for some hunks. */
function describeBatchChange(
  change: BatchChange,
  files: ReadonlyMap<string, SummaryFile>,
  redact: Redact,
): string {
  const entry = files.get(change.path);
  if (entry === undefined) return redact(change.path);
  if (change.hunks === undefined || change.hunks.length === entry.file.hunks.length) {
    return entry.id;
  }

  const numbers = change.hunks.map(
    (hunk) => `h${entry.file.hunks.findIndex((staged) => sameHunk(staged, hunk)) + 1}`,
  );
  return `${entry.id} (${numbers.join(', ')})`;
}

export function describeBatch(
  batch: Batch,
  files: ReadonlyMap<string, SummaryFile>,
  redact: Redact,
): string[] {
  const changes = batch.changes.map((change) => describeBatchChange(change, files, redact));
  const dependsOn = batch.dependsOn.length === 0 ? 'none' : batch.dependsOn.join(', ');
  return [
    `${batch.id} ${redact(batch.message)}`,
    `   files: ${changes.join(', ')}`,
    `   depends on: ${dependsOn}`,
    `   why: ${redact(batch.rationale)}`,
  ];
}

export function describeFinding(
  id: string,
  finding: Finding,
  files: ReadonlyMap<string, SummaryFile>,
  redact: Redact,
): string {
  const file = files.get(finding.path)?.id ?? redact(finding.path);
  const line = finding.line === undefined ? '' : ` line ${finding.line}`;
  const location = finding.path === '' ? '' : ` ${file}${line}`;
  const message = redact(finding.message);
  return `${id} ${finding.severity} ${finding.rule}${location}: ${message}`;
}

/**
 * Adds a heading and as many blocks as fit within `maxBytes`, then one line counting the
 * blocks left out. Returns how many blocks were added.
 */
export function addListSection(
  budget: TextBudget,
  heading: string,
  blocks: readonly string[][],
  maxBytes: number,
  noun: readonly [one: string, many: string],
): number {
  const limit = Math.min(maxBytes, budget.remaining);
  if (!budget.tryAdd(['', heading], limit)) return 0;

  let used = TextBudget.measure(['', heading]);
  let added = 0;
  for (const block of blocks) {
    const size = TextBudget.measure(block);
    const room = limit - used - (added + 1 < blocks.length ? MORE_LINE_BYTES : 0);
    if (size > room || !budget.tryAdd(block)) break;
    used += size;
    added += 1;
  }
  if (added < blocks.length) budget.tryAdd([`... and ${plural(blocks.length - added, ...noun)}`]);
  return added;
}
