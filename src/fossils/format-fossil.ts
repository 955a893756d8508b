import { formatModelPayload } from '../learn/format-model.js';
import { plural } from '../output/messages.js';
import { escapeControlCharacters, quotePath } from '../output/quote-path.js';
import type { Style } from '../output/style.js';
import { formatBatchList, formatCommitRun, formatStrategy, formatUndo } from './format-records.js';
import { formatLocalTime } from './format-time.js';
import { isFossilOfKind, type AnalysisFossilPayload, type Fossil } from './types.js';
import type { OutcomeFossilPayload } from './outcome-types.js';

/** Formats one fossil for `footprint fossils show`: its envelope, then its payload by kind. */
export function formatFossil(fossil: Fossil, style: Style): string {
  const lines = [...formatEnvelope(fossil, style), ''];
  if (isFossilOfKind(fossil, 'analysis')) lines.push(...formatAnalysis(fossil.payload, style));
  else if (isFossilOfKind(fossil, 'outcome')) lines.push(...formatOutcome(fossil.payload));
  else if (isFossilOfKind(fossil, 'model')) lines.push(...formatModelPayload(fossil.payload));
  else if (isFossilOfKind(fossil, 'commit-run')) lines.push(...formatCommitRun(fossil.payload));
  else if (isFossilOfKind(fossil, 'undo')) lines.push(...formatUndo(fossil.payload));
  else if (isFossilOfKind(fossil, 'strategy')) lines.push(...formatStrategy(fossil.payload));
  else lines.push(...JSON.stringify(fossil.payload, null, 2).split('\n'));
  return `${lines.join('\n')}\n`;
}

function formatEnvelope(fossil: Fossil, style: Style): string[] {
  const { repository, tool } = fossil;
  const branch = repository.branch ?? 'detached HEAD';
  return [
    style.colors.bold(`${fossil.kind} fossil ${fossil.id}`),
    `  written   ${formatLocalTime(fossil.createdAt)} by ${tool.name} ${tool.version}`,
    `  HEAD      ${repository.head ?? 'none (no commit yet)'} on ${branch}`,
    `  staged    ${repository.stagedTree ?? '-'}`,
  ];
}

/** Counts the staged files and lines, with files over maxDiffBytes counted as not diffed. */
function describeStagedCounts(footprint: AnalysisFossilPayload['footprint']): string {
  const { totals } = footprint;
  const files = plural(totals.files, 'file');
  const undiffed = footprint.files.filter((file) => file.opaque === 'too-large').length;
  if (undiffed === totals.files && undiffed > 0) return `${files}, not diffed`;
  const counts = `+${totals.additions} -${totals.deletions} in ${plural(totals.hunks, 'hunk')}`;
  return undiffed > 0 ? `${files}, ${counts}, ${undiffed} not diffed` : `${files}, ${counts}`;
}

function formatAnalysis(payload: AnalysisFossilPayload, style: Style): string[] {
  const lines = [
    `${payload.command}: ${payload.outcome}, mode ${payload.mode}, reader ${payload.reader.reader}`,
    `Staged: ${describeStagedCounts(payload.footprint)}`,
    '',
    payload.splitSuggested ? 'Suggested batches:' : 'Batches (no split suggested):',
  ];
  // A fossil is a file anyone can edit, and its paths and messages may hold control
  // characters, so they are quoted and escaped before they reach the terminal.
  lines.push(...formatBatchList(payload.batches));

  const blocked = payload.risk.blocked ? ', blocked' : '';
  lines.push('', `Risk ${payload.risk.score.toFixed(2)}${blocked}:`);
  if (payload.risk.findings.length === 0) lines.push('  no findings');
  for (const finding of payload.risk.findings) {
    // A finding on the whole change has no path, and a dash keeps the columns in place.
    const path = finding.path === '' ? '-' : quotePath(finding.path);
    const where = finding.line === undefined ? path : `${path}:${finding.line}`;
    const text = `  ${finding.severity.padEnd(10)}${finding.rule}  ${where}  ${finding.message}`;
    lines.push(escapeControlCharacters(text));
  }

  const timings = Object.entries(payload.timings).map(
    ([stage, ms]) => `${stage} ${Math.round(ms)} ms`,
  );
  lines.push(
    '',
    `Insights: ${payload.insights.provider}${payload.insights.cached ? ' (cached)' : ''}`,
  );
  lines.push(style.colors.dim(`Timings: ${timings.join(', ')}`));
  return lines;
}

function formatOutcome(payload: OutcomeFossilPayload): string[] {
  const matched = payload.matchedBatch === null ? '' : `, matching ${payload.matchedBatch}`;
  const touched = payload.batchesTouched.length === 0 ? 'none' : payload.batchesTouched.join(', ');
  return [
    `Result: ${payload.result}${matched}`,
    `Commit ${payload.commit} (parent ${payload.parent ?? 'none'})`,
    `Compared with analysis ${payload.analysis}${payload.exact ? ', made for this very tree' : ''}`,
    `Suggested ${plural(payload.suggestedBatches, 'batch', 'batches')}; the commit touched ${touched}`,
    `Committed ${plural(payload.committedFiles, 'file')}, ${payload.unsuggestedFiles} of them not in the analysis`,
  ];
}
