import { formatModelPayload } from '../learn/format-model.js';
import { plural } from '../output/messages.js';
import { quotePath } from '../output/quote-path.js';
import type { Style } from '../output/style.js';
import { escapeHiddenCharacters, stringifyJsonForTerminal } from '../output/terminal-text.js';
import { formatBatchList, formatCommitRun, formatStrategy, formatUndo } from './format-records.js';
import { formatLocalTime } from './format-time.js';
import { isFossilOfKind, type AnalysisFossilPayload, type Fossil } from './types.js';
import type { OutcomeFossilPayload } from './outcome-types.js';

/**
 * Formats one fossil for `footprint fossils show`: its envelope, then its payload by kind. A
 * fossil is a file anyone can edit, and an insight-cache fossil contains a model's reply, so every
 * line is escaped before it reaches the terminal (see escapeHiddenCharacters).
 */
export function formatFossil(fossil: Fossil, style: Style): string {
  const lines = [...formatEnvelope(fossil, style), ''];
  if (isFossilOfKind(fossil, 'analysis')) lines.push(...formatAnalysis(fossil.payload, style));
  else lines.push(...formatOtherPayload(fossil).map(escapeHiddenCharacters));
  return `${lines.join('\n')}\n`;
}

/** Formats the payload of a fossil that is not an analysis, as lines not yet escaped. */
function formatOtherPayload(fossil: Fossil): string[] {
  if (isFossilOfKind(fossil, 'outcome')) return formatOutcome(fossil.payload);
  if (isFossilOfKind(fossil, 'model')) return formatModelPayload(fossil.payload);
  if (isFossilOfKind(fossil, 'commit-run')) return formatCommitRun(fossil.payload);
  if (isFossilOfKind(fossil, 'undo')) return formatUndo(fossil.payload);
  if (isFossilOfKind(fossil, 'strategy')) return formatStrategy(fossil.payload);
  // JSON text with its hidden characters written as \u009b, which escaping leaves alone.
  return stringifyJsonForTerminal(fossil.payload, 2).split('\n');
}

function formatEnvelope(fossil: Fossil, style: Style): string[] {
  const { repository, tool } = fossil;
  const branch = repository.branch ?? 'detached HEAD';
  const lines = [
    `  written   ${formatLocalTime(fossil.createdAt)} by ${tool.name} ${tool.version}`,
    `  HEAD      ${repository.head ?? 'none (no commit yet)'} on ${branch}`,
    `  staged    ${repository.stagedTree ?? '-'}`,
  ];
  const title = style.colors.bold(escapeHiddenCharacters(`${fossil.kind} fossil ${fossil.id}`));
  return [title, ...lines.map(escapeHiddenCharacters)];
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
  const lines = formatAnalysisText(payload);
  const timings = Object.entries(payload.timings).map(
    ([stage, ms]) => `${stage} ${Math.round(ms)} ms`,
  );
  lines.push(style.colors.dim(escapeHiddenCharacters(`Timings: ${timings.join(', ')}`)));
  return lines;
}

/** Formats an analysis but for its timings, escaped for the terminal. */
function formatAnalysisText(payload: AnalysisFossilPayload): string[] {
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
    lines.push(text);
  }

  lines.push(
    '',
    `Insights: ${payload.insights.provider}${payload.insights.cached ? ' (cached)' : ''}`,
  );
  return lines.map(escapeHiddenCharacters);
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
