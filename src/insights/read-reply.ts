import type { BatchChange } from '../batches/types.js';
import type { Hunk } from '../footprint/types.js';
import { createDebug } from '../log/debug.js';
import type { SummaryIndex } from './change-summary.js';
import { parseConventionalHeader } from './conventional-header.js';
import { REDACTED, redactSecrets } from './redact.js';
import type { ToolReply } from './tool-schema.js';
import type { BatchProposal, RiskNote, SplitProposal } from './types.js';

const debug = createDebug('insights');

/** Proposals of a valid reply, in the pipeline's terms: batch ids, paths and hunks. */
export interface ReplyInsights {
  summary: string;
  messages: Record<string, string>;
  proposals: BatchProposal[];
  riskNotes: RiskNote[];
}

/**
 * Returns the header when it is a Conventional Commits header that redaction leaves alone and
 * that contains no `[REDACTED]` mark. A cached reply was redacted before it was stored, and the
 * model may copy the mark from the redacted summary, so a batch keeps its heuristic message
 * instead of a commit titled `feat: add [REDACTED]`.
 */
function usableHeader(message: string): string | null {
  if (
    parseConventionalHeader(message) === null ||
    message.includes(REDACTED) ||
    redactSecrets(message) !== message
  ) {
    debug(`dropped a message that is not a usable Conventional Commits header`);
    return null;
  }
  return message;
}

function readMessages(reply: ToolReply, index: SummaryIndex): Record<string, string> {
  const messages: Record<string, string> = {};
  for (const { batch, message } of reply.messages) {
    const header = usableHeader(message);
    if (index.batches.has(batch) && header !== null) messages[batch] = header;
  }
  return messages;
}

function readMerges(reply: ToolReply, index: SummaryIndex): BatchProposal[] {
  return (reply.merges ?? []).flatMap((merge) => {
    const message = usableHeader(merge.message);
    if (message === null || !merge.batches.every((id) => index.batches.has(id))) return [];
    return [{ kind: 'merge' as const, batches: [...merge.batches], message }];
  });
}

/** Maps a part's file and hunk numbers to paths and hunks; null when one does not exist. */
function readChange(
  change: { file: string; hunks?: number[] },
  index: SummaryIndex,
): BatchChange | null {
  const file = index.files.get(change.file);
  if (file === undefined) return null;
  if (change.hunks === undefined) return { path: file.path };

  const hunks: Hunk[] = [];
  for (const number of change.hunks) {
    const hunk = file.hunks[number - 1];
    if (hunk === undefined) return null;
    hunks.push({ ...hunk });
  }
  return { path: file.path, hunks };
}

function readPart(
  part: { changes: Array<{ file: string; hunks?: number[] }>; message: string },
  index: SummaryIndex,
): SplitProposal['parts'][number] | null {
  const message = usableHeader(part.message);
  const changes: BatchChange[] = [];
  for (const change of part.changes) {
    const read = readChange(change, index);
    if (read === null) return null;
    changes.push(read);
  }
  return message === null ? null : { message, changes };
}

function readSplits(reply: ToolReply, index: SummaryIndex): SplitProposal[] {
  return (reply.splits ?? []).flatMap((split) => {
    if (!index.batches.has(split.batch)) return [];
    const parts = split.parts.map((part) => readPart(part, index));
    if (parts.some((part) => part === null)) {
      debug(`dropped the split of ${split.batch}: a part names an unknown file, hunk or header`);
      return [];
    }
    return [
      { kind: 'split' as const, batch: split.batch, parts: parts.filter((part) => part !== null) },
    ];
  });
}

function readRiskNotes(reply: ToolReply, index: SummaryIndex): RiskNote[] {
  return (reply.riskNotes ?? []).flatMap((note) => {
    const finding = index.findings.get(note.finding);
    if (finding === undefined) return [];
    const text = redactSecrets(note.note);
    return [{ rule: finding.rule, path: finding.path, severity: note.severity, note: text }];
  });
}

/**
 * Reads a reply that passed the tool schema into batch messages, proposals and risk notes,
 * keyed by the ids the change summary gave. An entry that names an id the summary did not
 * give, or a message that is not a Conventional Commits header under 72 characters, is left
 * out. Text the model wrote goes through redactSecrets before anything keeps it.
 */
export function readReply(reply: ToolReply, index: SummaryIndex): ReplyInsights {
  return {
    summary: redactSecrets(reply.summary.trim()),
    messages: readMessages(reply, index),
    proposals: [...readMerges(reply, index), ...readSplits(reply, index)],
    riskNotes: readRiskNotes(reply, index),
  };
}
