import type { Batch } from '../batches/types.js';
import type { FileChange } from '../footprint/types.js';
import type { RequestSecrets } from '../risk/request-secrets.js';
import { isSecretFinding } from '../risk/secret-findings.js';
import type { Finding } from '../risk/types.js';
import { findWithheldReason } from './content-policy.js';
import { createRequestRedactor } from './request-redactor.js';
import { addHunks, orderHunkCandidates } from './summary-hunks.js';
import {
  addListSection,
  describeBatch,
  describeChange,
  describeFile,
  describeFinding,
  type SummaryFile,
} from './summary-sections.js';
import { TextBudget } from './text-budget.js';
import type { InsightRequest } from './types.js';

/** Shares of the budget that each list may take at most, so hunks keep room in a huge change. */
const FILES_SHARE = 0.35;
const BATCHES_SHARE = 0.25;
const FINDINGS_SHARE = 0.15;

const FILES_NOUN = ['more file', 'more files'] as const;
const BATCHES_NOUN = ['more batch', 'more batches'] as const;
const FINDINGS_NOUN = ['more finding', 'more findings'] as const;

/** The ids the summary gave to files, batches and findings, for reading the reply. */
export interface SummaryIndex {
  files: ReadonlyMap<string, FileChange>;
  batches: ReadonlyMap<string, Batch>;
  findings: ReadonlyMap<string, Finding>;
}

export interface ChangeSummary {
  /** The user message: redacted, at most the budget in UTF-8 bytes. */
  text: string;
  index: SummaryIndex;
  /** Hunks of sendable files that did not fit in the budget. */
  omittedHunks: number;
}

/**
 * Names the staged files and why any are withheld. A file with a secret is withheld whether
 * its finding is reported or only the request's own scan found it (see RequestSecrets).
 */
function summaryFiles(
  request: Pick<InsightRequest, 'input' | 'risk'>,
  secrets: RequestSecrets,
): SummaryFile[] {
  const secretPaths = new Set(secrets.paths);
  for (const finding of request.risk.findings.filter(isSecretFinding)) {
    secretPaths.add(finding.path);
  }
  return request.input.footprint.files.map((file, index) => ({
    id: `f${index + 1}`,
    file,
    withheld: findWithheldReason(file, secretPaths),
  }));
}

/** Cuts text to `maxBytes` UTF-8 bytes at the last line end that fits. */
function cutToBytes(text: string, maxBytes: number): string {
  const bytes = Buffer.from(text, 'utf8');
  if (bytes.length <= maxBytes) return text;
  const end = bytes.lastIndexOf(0x0a, maxBytes - 1);
  return bytes.subarray(0, end + 1).toString('utf8');
}

/**
 * Builds the user message of an insight request, at most `maxBytes` UTF-8 bytes: the change's
 * totals, its files with status and line counts, the batches proposed offline, the risk
 * findings, then as many hunks as fit. Lockfiles, generated and binary files, credentials files
 * and files where a secret rule matched an added or removed line are listed, but none of their
 * lines. Every path, message and line goes through the request's redactor, which replaces the
 * exact secret values of the change and then runs redactSecrets, and the whole text once more
 * at the end.
 */
export function buildChangeSummary(
  request: Pick<InsightRequest, 'input' | 'analysis' | 'risk' | 'requestSecrets'>,
  maxBytes: number,
): ChangeSummary {
  const { input, analysis, risk } = request;
  const secrets = request.requestSecrets();
  const redactor = createRequestRedactor(secrets.values);
  const redact = (text: string): string => redactor.redact(text);
  const entries = summaryFiles(request, secrets);
  const byPath = new Map(entries.map((entry) => [entry.file.path, entry]));
  const findingIds = risk.findings.map((finding, index) => [`r${index + 1}`, finding] as const);

  const budget = new TextBudget(maxBytes);
  budget.tryAdd(describeChange(input.footprint, analysis));
  const fileLines = entries.map((entry) => [describeFile(entry, redact)]);
  addListSection(budget, 'Files:', fileLines, maxBytes * FILES_SHARE, FILES_NOUN);
  const batchBlocks = analysis.batches.map((batch) => describeBatch(batch, byPath, redact));
  addListSection(
    budget,
    'Batches, in commit order:',
    batchBlocks,
    maxBytes * BATCHES_SHARE,
    BATCHES_NOUN,
  );
  const findingLines = findingIds.map(([id, finding]) => [
    describeFinding(id, finding, byPath, redact),
  ]);
  const findingsHeading = findingLines.length === 0 ? 'Risk findings: none.' : 'Risk findings:';
  addListSection(budget, findingsHeading, findingLines, maxBytes * FINDINGS_SHARE, FINDINGS_NOUN);

  budget.tryAdd(['', 'Hunks, redacted:']);
  const omittedHunks = addHunks(budget, orderHunkCandidates(entries, input.content), redactor);
  if (omittedHunks > 0) budget.tryAdd([`${omittedHunks} more hunks left out for size.`]);

  return {
    text: cutToBytes(redact(budget.toString()), maxBytes),
    index: {
      files: new Map(entries.map((entry) => [entry.id, entry.file])),
      batches: new Map(analysis.batches.map((batch) => [batch.id, batch])),
      findings: new Map(findingIds),
    },
    omittedHunks,
  };
}
