import type { BatchAnalysis } from '../batches/types.js';
import type { Footprint } from '../footprint/types.js';
import type { RiskReport, Severity } from '../risk/types.js';
import { capitalizedOperationPhrase } from '../git/operation-phrase.js';
import { countUndiffed, notDiffedPhrase } from './undiffed-files.js';

/** Batch messages a summary lists before it only counts the rest. */
const LISTED_BATCHES = 5;

const SEVERITIES: readonly Severity[] = ['critical', 'high', 'medium', 'low', 'info'];

function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`;
}

/** Describes the staged totals, with files over maxDiffBytes counted apart from the lines. */
function describeFiles(footprint: Footprint): string {
  const { files, additions, deletions } = footprint.totals;
  const touched = `The staged change touches ${plural(files, 'file')}`;
  const undiffed = countUndiffed(footprint.files);
  if (undiffed > 0 && undiffed === files) return `${touched}, ${notDiffedPhrase(files)}.`;

  const counts = `${touched} (+${additions} -${deletions})`;
  if (undiffed === 0) return `${counts}.`;
  return `${counts}, ${undiffed} ${notDiffedPhrase(undiffed)}.`;
}

function describeBatches(footprint: Footprint, analysis: BatchAnalysis): string {
  const messages = analysis.batches.map((batch) => batch.message);
  if (messages.length === 0) return 'Nothing is staged.';
  if (analysis.fileLimit !== undefined) {
    return `It has more than ${analysis.fileLimit} files, so it stays one commit: ${messages[0]}.`;
  }
  if (!analysis.splitSuggested) {
    return `${footprint.operation === null ? 'A commit' : capitalizedOperationPhrase(footprint.operation)} is in progress, so it stays one commit: ${messages[0]}.`;
  }
  if (messages.length === 1) return `It fits one commit: ${messages[0]}.`;

  const listed = messages.slice(0, LISTED_BATCHES).join('; ');
  const rest = messages.length - LISTED_BATCHES;
  const more = rest > 0 ? `; and ${rest} more` : '';
  return `It splits into ${messages.length} commits: ${listed}${more}.`;
}

function describeRisk(risk: RiskReport): string {
  if (risk.findings.length === 0) return 'No risk rule found anything.';

  const counts = SEVERITIES.map((severity) => {
    const count = risk.findings.filter((finding) => finding.severity === severity).length;
    return count > 0 ? `${count} ${severity}` : null;
  }).filter((part) => part !== null);
  const single = risk.findings.length === 1;
  const verdict = risk.blocked
    ? `which ${single ? 'blocks' : 'block'} the commit`
    : `which ${single ? 'does' : 'do'} not block the commit`;
  const findings = plural(risk.findings.length, 'finding');
  return `Risk score ${risk.score} from ${findings} (${counts.join(', ')}), ${verdict}.`;
}

/**
 * Writes a one-paragraph summary of the staged change from the footprint, batches and risk.
 * It repeats counts, batch messages and severities but no line of file content, so it may go into
 * a fossil.
 */
export function summarizeChange(
  footprint: Footprint,
  analysis: BatchAnalysis,
  risk: RiskReport,
): string {
  return [describeFiles(footprint), describeBatches(footprint, analysis), describeRisk(risk)].join(
    ' ',
  );
}
