import { plural } from '../output/messages.js';
import { escapeControlCharacters, quotePath } from '../output/quote-path.js';
import type { Batch } from '../batches/types.js';
import type { Strategy } from '../strategy/types.js';
import { formatLocalTime } from './format-time.js';
import type { CommitRunFossilPayload, UndoFossilPayload } from './types.js';

/**
 * Lists batches as `  b1  message` with their paths below, escaped for the terminal. A path
 * reads as in the summary: `(1 of 2 hunks)` when batches share its hunks, `(2 hunks)` when one
 * batch takes them all.
 */
export function formatBatchList(batches: readonly Batch[]): string[] {
  const totals = countListedHunks(batches);
  const lines: string[] = [];
  for (const batch of batches) {
    lines.push(escapeControlCharacters(`  ${batch.id}  ${batch.message}`));
    const paths = batch.changes.map((change) => {
      const name = quotePath(change.path);
      const total = totals.get(change.path) ?? 0;
      if (change.hunks === undefined) return name;
      if (change.hunks.length < total) return `${name} (${change.hunks.length} of ${total} hunks)`;
      return total > 1 ? `${name} (${total} hunks)` : name;
    });
    lines.push(`      ${paths.join(', ')}`);
  }
  return lines;
}

/**
 * Counts the hunks each path has in all batches together, which are all its staged hunks when
 * every hunk is in exactly one batch, as in a fossil the pipeline wrote.
 */
function countListedHunks(batches: readonly Batch[]): Map<string, number> {
  const totals = new Map<string, number>();
  for (const change of batches.flatMap((batch) => batch.changes)) {
    totals.set(change.path, (totals.get(change.path) ?? 0) + (change.hunks?.length ?? 0));
  }
  return totals;
}

/** Formats the record of a `footprint commit` run: the ref, its move, and each commit. */
export function formatCommitRun(payload: CommitRunFossilPayload): string[] {
  const { strategy } = payload;
  const source =
    strategy.source === 'file' && strategy.file !== null
      ? `strategy file ${quotePath(strategy.file)}`
      : 'a strategy planned for the run';
  const lines = [
    `Moved ${escapeControlCharacters(payload.ref)} from ${payload.startHead ?? 'an unborn branch'} to ${payload.finalHead}`,
    `From ${source} (mode ${strategy.mode}, made ${formatLocalTime(strategy.createdAt)})`,
    `Signed: ${payload.signing ?? 'no'}; commit-msg hook: ${payload.commitMsgHook}`,
    '',
    `${plural(payload.commits.length, 'commit')}, oldest first:`,
  ];
  for (const commit of payload.commits) {
    const subject = commit.message.split('\n', 1)[0] ?? '';
    lines.push(
      escapeControlCharacters(`  ${commit.oid.slice(0, 12)}  ${commit.batch}  ${subject}`),
    );
  }
  return lines;
}

/** Formats the record of a `footprint undo`: the run it undid and how the ref moved back. */
export function formatUndo(payload: UndoFossilPayload): string[] {
  return [
    `Undid commit run ${escapeControlCharacters(payload.run)}`,
    `Moved ${escapeControlCharacters(payload.ref)} from ${payload.from} back to ${payload.to ?? 'an unborn branch'}`,
    `${plural(payload.commits, 'commit')} left the ref`,
  ];
}

/** Formats a strategy kept as a fossil: its batches, the risks to address and the checks. */
export function formatStrategy(payload: Strategy): string[] {
  const lines = [
    `Strategy made ${formatLocalTime(payload.createdAt)}, mode ${payload.mode}, for staged tree ${payload.stagedTree ?? '-'}`,
    '',
    'Batches:',
    ...formatBatchList(payload.batches),
  ];
  if (payload.mitigations.length > 0) {
    lines.push('', 'Risks to address:');
    for (const finding of payload.mitigations) {
      const path = finding.path === '' ? '-' : quotePath(finding.path);
      const where = finding.line === undefined ? path : `${path}:${finding.line}`;
      lines.push(escapeControlCharacters(`  ${finding.rule}  ${where}  ${finding.message}`));
    }
  }
  if (payload.validation.length > 0) {
    lines.push('', 'Checks to run first:');
    for (const command of payload.validation) lines.push(escapeControlCharacters(`  ${command}`));
  }
  return lines;
}
