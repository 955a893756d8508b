import path from 'node:path';
import type { Batch, BatchChange, Mode } from '../batches/types.js';
import type { FileChange, FootprintWithContent } from '../footprint/types.js';
import { maskFlaggedPaths } from '../pipeline/mask-flagged-paths.js';
import type { PipelineResult } from '../pipeline/types.js';
import { createLineCommentTest } from '../risk/inline-allow.js';
import type { Finding, Severity } from '../risk/types.js';
import { unstageCommand } from '../risk/unstage-command.js';
import { listItems, packItems, renderLine, type Segment } from './fit.js';
import {
  blockedHeadline,
  llmNoticeLine,
  passedHeadline,
  plural,
  skippedRulesMessage,
  waysOutLines,
} from './messages.js';
import { gitCommandStart } from './footprint-invocation.js';
import { quotePath } from './quote-path.js';
import { shellQuote } from './shell-quote.js';
import { formatStatus, statusSegment, type Style } from './style.js';
import type { Level } from './symbols.js';
import { wrapFix } from './wrap-fix.js';
import { operationPhrase } from '../git/operation-phrase.js';

export interface SummaryOptions {
  style: Style;
  /** Folder the fossil path is shown relative to. */
  cwd: string;
  /** Milliseconds the command took, from start to the summary. */
  elapsedMs: number;
  /** Batches listed before "and N more batches"; default 8. */
  maxBatches?: number;
  /** Lines of paths per batch; default 2. */
  maxPathLines?: number;
  /** Findings listed before "and N more findings"; default 8. */
  maxFindings?: number;
  /**
   * Returns the start of the footprint command in advice (see footprintInvocation). It reads the
   * file system, so it is called only when the summary names a command. Default `footprint`.
   */
  invocation?: () => string;
  /** The `--mode` the run was given, which the advised `footprint commit` needs to split alike. */
  modeOption?: Mode;
  /** True when the run kept the LLM off (`--no-llm`, FOOTPRINT_LLM=0), as advice must too. */
  noLlm?: boolean;
  /** The `--cwd` the run was given, which the advised git command takes as `-C`. */
  cwdOption?: string;
}

const SEVERITY_ORDER: Severity[] = ['critical', 'high', 'medium', 'low', 'info'];
const INDENT = '  ';
const PATH_INDENT = '      ';
const MAX_FIX_LINES = 3;
/** Paths of a batch listed on a stream without a width, such as a CI log, before "and N more". */
const MAX_PATHS_WITHOUT_WIDTH = 10;

/**
 * Formats a pipeline run for a terminal: the staged change in one line, the suggested
 * batches, the risk findings, whether the commit passes and the ways out when it does not,
 * the fossil and the time taken. Every line fits `options.style.width` columns, which is
 * Infinity on a stream without a width. A token in a path that a secret-in-path finding
 * flagged is masked as the finding masks it. With the run's staged `content`, a finding on a
 * line inside a multi-line string gets no advice to add a `footprint-allow:` comment there.
 */
export function formatSummary(
  run: { result: PipelineResult; content?: FootprintWithContent['content'] },
  options: SummaryOptions,
): string {
  const result = maskFlaggedPaths(run.result);
  const lines = [
    headerLine(result, options.style),
    ...undiffedLines(result, options.style),
    ...unmergedLines(result, options.style),
    ...splitLines(result, options),
    ...findingLines(result, options),
    ...noticeLines(result, options.style),
    ...outcomeLines(result, options, run.content),
    ...followLines(result, options),
    footerLine(result, options),
  ];
  return lines.join('\n') + '\n';
}

function headerLine(result: PipelineResult, style: Style): string {
  const { colors, symbols } = style;
  const { totals } = result.footprint;
  const segments: Segment[] = [{ text: 'footprint', paint: colors.bold }];
  if (totals.files === 0) {
    segments.push({ text: ` ${symbols.dot} nothing staged` });
    return fitLine(style, segments);
  }
  segments.push({ text: ` ${symbols.dot} ${plural(totals.files, 'file')}, ` });
  // Files over maxDiffBytes have no line counts, so the header counts them apart as not diffed.
  const undiffed = result.footprint.files.filter((file) => file.opaque === 'too-large').length;
  if (undiffed === totals.files) {
    segments.push({ text: 'not diffed' });
  } else {
    segments.push(
      { text: `+${totals.additions}`, paint: colors.green },
      { text: ' ' },
      { text: `${symbols.minus}${totals.deletions}`, paint: colors.red },
      { text: ` in ${plural(totals.hunks, 'hunk')}` },
    );
    if (undiffed > 0) segments.push({ text: `, ${undiffed} not diffed` });
  }
  segments.push({ text: ` ${symbols.dot} ${result.analysis.mode}` });
  return fitLine(style, segments);
}

/** Paths of files over maxDiffBytes named before "and N more". */
const MAX_UNDIFFED_PATHS = 3;

/**
 * Returns a line naming the files that the header counts as not diffed. Files over
 * `maxDiffBytes` get no hunks or line counts, while the risk rules still scan their added text.
 */
function undiffedLines(result: PipelineResult, style: Style): string[] {
  const paths = result.footprint.files
    .filter((file) => file.opaque === 'too-large')
    .map((file) => quotePath(file.path));
  if (paths.length === 0) return [];

  const limit = result.config.config.maxDiffBytes;
  const text =
    `${plural(paths.length, 'file')} not diffed, over maxDiffBytes (${limit} bytes): ` +
    listItems(paths, MAX_UNDIFFED_PATHS);
  return [fitLine(style, [statusSegment(style, 'info'), { text }])];
}

function unmergedLines(result: PipelineResult, style: Style): string[] {
  const { unmerged } = result.footprint;
  if (unmerged.length === 0) return [];
  const text = `${plural(unmerged.length, 'path')} still unmerged: ${unmerged.map(quotePath).join(', ')}`;
  return [fitLine(style, [statusSegment(style, 'warning'), { text }])];
}

/** Returns the line that explains why no split is suggested. */
function noSplitText({ analysis, footprint }: PipelineResult): string {
  if (analysis.fileLimit !== undefined) {
    return (
      `No split suggested: ${footprint.files.length} files are staged, over the ` +
      `${analysis.fileLimit} that footprint splits. Risk rules still ran. To get a split, ` +
      `unstage files with \`git reset -q -- PATH\` and commit at most ${analysis.fileLimit} ` +
      'at a time.'
    );
  }
  const operation =
    footprint.operation === null ? 'an operation' : operationPhrase(footprint.operation);
  return `No split suggested while ${operation} is in progress; risk rules still ran.`;
}

function splitLines(result: PipelineResult, options: SummaryOptions): string[] {
  const { style } = options;
  const { analysis, footprint } = result;
  if (!analysis.splitSuggested) return [formatStatus(style, 'info', noSplitText(result))];
  if (analysis.batches.length === 0) return [];

  const files = new Map(footprint.files.map((file) => [file.path, file]));
  const heading =
    analysis.batches.length === 1
      ? 'One coherent commit:'
      : `Suggested split into ${analysis.batches.length} commits:`;
  const maxBatches = options.maxBatches ?? 8;
  const shown = analysis.batches.slice(0, maxBatches);
  const lines = [style.colors.bold(heading)];
  for (const batch of shown) lines.push(...batchLines(batch, files, options));

  const rest = analysis.batches.length - shown.length;
  if (rest > 0) {
    lines.push(
      `${INDENT}and ${plural(rest, 'more batch', 'more batches')}; ` +
        `\`${adviceCommand(options, 'strategy')}\` lists them all.`,
    );
  }
  return lines;
}

function batchLines(
  batch: Batch,
  files: Map<string, FileChange>,
  options: SummaryOptions,
): string[] {
  const { style } = options;
  const { colors, symbols } = style;
  const header = fitLine(style, [
    { text: INDENT },
    { text: batch.id.padEnd(4), paint: colors.dim },
    { text: batch.message, paint: colors.cyan },
  ]);
  const items = batch.changes.map((change) => describeChange(change, files.get(change.path)));
  const pathWidth = style.width - PATH_INDENT.length;
  const pathLines = Number.isFinite(pathWidth)
    ? packItems(items, pathWidth, options.maxPathLines ?? 2, symbols.ellipsis)
    : [listItems(items, MAX_PATHS_WITHOUT_WIDTH)];
  return [header, ...pathLines.map((line) => PATH_INDENT + line)];
}

/** Names a batch's part of a path, with its hunk count when the file is split or has several. */
function describeChange(change: BatchChange, file: FileChange | undefined): string {
  const total = file?.hunks.length ?? 0;
  const name = quotePath(change.path);
  if (change.hunks !== undefined && change.hunks.length < total) {
    return `${name} (${change.hunks.length} of ${total} hunks)`;
  }
  return total > 1 ? `${name} (${total} hunks)` : name;
}

/**
 * Returns findings in the order the summary lists them: blocking ones first, then by severity.
 * Within a severity, the first finding of each file comes before any file's second, so the
 * listed findings cover as many files as they can, not 8 findings of one file out of 20.
 */
function sortForDisplay(findings: readonly Finding[], blocking: ReadonlySet<Finding>): Finding[] {
  const seen = new Map<string, number>();
  const rankInFile = new Map(
    findings.map((finding) => {
      const rank = seen.get(finding.path) ?? 0;
      seen.set(finding.path, rank + 1);
      return [finding, rank];
    }),
  );
  return [...findings].sort(
    (a, b) =>
      Number(blocking.has(b)) - Number(blocking.has(a)) ||
      severityRank(a) - severityRank(b) ||
      (rankInFile.get(a) ?? 0) - (rankInFile.get(b) ?? 0),
  );
}

function findingLines(result: PipelineResult, options: SummaryOptions): string[] {
  const { style } = options;
  const { findings, score } = result.risk;
  if (findings.length === 0) return [];

  const blocking = new Set(blockingFindings(result));
  const sorted = sortForDisplay(findings, blocking);
  const maxFindings = options.maxFindings ?? 8;
  const heading = `Risk ${score.toFixed(2)}, ${plural(findings.length, 'finding')}:`;
  const files = new Map(result.footprint.files.map((file) => [file.path, file]));
  const lines = [style.colors.bold(heading)];
  for (const finding of sorted.slice(0, maxFindings)) {
    lines.push(findingLine(finding, blocking.has(finding), style));
    if (blocking.has(finding)) lines.push(...fixLines(finding, files.get(finding.path), style));
  }
  const rest = sorted.length - maxFindings;
  if (rest > 0)
    lines.push(
      `${INDENT}and ${plural(rest, 'more finding')}; ` +
        `\`${adviceCommand(options, 'analyze --json')}\` lists them all.`,
    );
  return lines;
}

/**
 * Shows the first sentence of a blocking finding's fix, wrapped to the width. The rest of a
 * fix names the bypasses, which the ways-out lines below list once for all findings. The
 * command that unstages the finding's file, when the fix names it, is shown whole.
 */
function fixLines(finding: Finding, file: FileChange | undefined, style: Style): string[] {
  const width = style.width - PATH_INDENT.length;
  const command = file === undefined ? undefined : unstageCommand(file);
  const lines = wrapFix(finding.fix, command, width, MAX_FIX_LINES, style.symbols.ellipsis);
  return lines.map((line) => PATH_INDENT + style.colors.dim(line));
}

/**
 * Formats `path:line  rule  message  masked`, the symbol showing whether it blocks. A finding
 * about the whole change starts at its rule.
 */
function findingLine(finding: Finding, blocks: boolean, style: Style): string {
  const { colors } = style;
  const level: Level = blocks ? 'error' : severityLevel(finding.severity);
  const name = quotePath(finding.path);
  const location = finding.line === undefined ? name : `${name}:${finding.line}`;
  const segments: Segment[] = [{ text: INDENT }, statusSegment(style, level)];
  // A finding about the whole change has no path to show.
  if (finding.path !== '') segments.push({ text: location, paint: colors.bold }, { text: '  ' });
  segments.push({ text: finding.rule, paint: colors.dim }, { text: `  ${finding.message}` });
  if (finding.masked) segments.push({ text: `  ${finding.masked}`, paint: colors.dim });
  return fitLine(style, segments);
}

/** Returns the findings that block, by the configured severities of the mode; critical always blocks. */
export function blockingFindings(result: PipelineResult): Finding[] {
  if (!result.risk.blocked) return [];
  const severities = result.config.config.blockOn[result.analysis.mode] ?? [];
  return result.risk.findings.filter(
    (finding) => finding.severity === 'critical' || severities.includes(finding.severity),
  );
}

function severityRank(finding: Finding): number {
  return SEVERITY_ORDER.indexOf(finding.severity);
}

function severityLevel(severity: Severity): Level {
  if (severity === 'critical' || severity === 'high' || severity === 'medium') return 'warning';
  return 'info';
}

function noticeLines(result: PipelineResult, style: Style): string[] {
  const lines: string[] = [];
  // A fallback reason already states that the offline heuristic was used instead.
  const insights = llmNoticeLine(style, result.insights);
  if (insights !== null) lines.push(insights);
  if (!result.validation.valid) {
    const first = result.validation.problems[0]?.message ?? '';
    const count = plural(result.validation.problems.length, 'problem');
    const text = `The suggested strategy failed its own check (${count}): ${first}`;
    lines.push(fitLine(style, [statusSegment(style, 'warning'), { text }]));
  }
  return lines;
}

/**
 * Returns the status lines: the skipped rules, whether the commit passes, and when it is
 * blocked the ways out. The staged texts in `content` show whether a finding's line can take a
 * `footprint-allow:` comment or lies inside a multi-line string.
 */
function outcomeLines(
  result: PipelineResult,
  options: SummaryOptions,
  content: FootprintWithContent['content'] | undefined,
): string[] {
  const { style } = options;
  const skipped = result.risk.skippedRules ?? [];
  const skippedLines = skipped.length === 0 ? [] : [skippedRulesMessage(style, skipped)];
  if (!result.risk.blocked) {
    const count = result.risk.findings.length;
    return [...skippedLines, passedHeadline(style, result.command, count, skipped)];
  }
  // In the order the findings are listed, so the rules and the first finding match the list.
  const blocking = blockingFindings(result);
  const shown = sortForDisplay(
    blocking.length > 0 ? blocking : result.risk.findings,
    new Set(blocking),
  );
  const target = allowTarget(result, shown[0]);
  const configFile = target.file === null ? null : displayPath(target.file, options.cwd);
  return [
    ...skippedLines,
    blockedHeadline(style, shown, result.command),
    ...waysOutLines(style, shown, configFile, target.glob, createLineCommentTest(content)),
    ...pendingMergeLines(result),
  ];
}

/**
 * Returns the line on how to leave a merge that a block left pending: git keeps its
 * merge result and parents, so `git commit` finishes it and `git merge --abort` undoes it.
 */
function pendingMergeLines(result: PipelineResult): string[] {
  if (result.command !== 'precommit' || result.footprint.operation !== 'merge') return [];
  return [
    `${INDENT}The merge is not committed yet: \`git commit\` finishes it once the findings are ` +
      'fixed, and `git merge --abort` undoes it.',
  ];
}

/** Hex digits of the commit id in the advice's reset. git rejects an id two objects share. */
const ADVICE_OID_DIGITS = 12;

/**
 * Returns the advice that makes a passed split of several batches into commits. The hook's
 * `git commit` still makes one commit, so the advice first undoes it, which keeps the index.
 * It resets to the commit the hook compared the index with, by id: the amended commit after an
 * amend, and no move at all when the commit failed after the hook. A commit of only some
 * paths gets none, because `footprint commit` would also commit what is still staged beside
 * those paths, and neither does a repository `footprint commit` cannot write.
 */
function followLines(result: PipelineResult, options: SummaryOptions): string[] {
  const { analysis, footprint } = result;
  if (!analysis.splitSuggested || analysis.batches.length < 2 || result.risk.blocked) return [];
  if (result.partialCommit === true || result.commitUnsupported === true) return [];

  const count = plural(analysis.batches.length, 'commit');
  const commit = `\`${skipPrefix(result)}${adviceCommand(options, 'commit')}\``;
  let text: string;
  if (result.command === 'analyze') {
    text = `To make these ${count}, run ${commit}.`;
  } else if (result.command === 'precommit') {
    // NOTE: a pre-commit hook cannot tell an amend, so its advice keeps the amended commit and
    // splits the amendment on top. git's GIT_AUTHOR_DATE hints at one, but users may export it.
    const head = footprint.head.oid;
    const git = gitCommandStart(options.cwdOption);
    const undo =
      head === null
        ? `\`${git} update-ref -d ${shellQuote(footprint.head.ref ?? 'HEAD')}\``
        : `\`${git} reset --soft ${head.slice(0, ADVICE_OID_DIGITS)}\``;
    text = `To make these ${count} instead, run ${undo} after this commit, then ${commit}.`;
    // git drops what `-a` staged when the commit fails, so the split would find nothing. An
    // `--include` of some paths uses the same index, so `git add -u` is named for `-a` only.
    if (result.stagedByCommit === true) {
      text +=
        ' If this commit fails, git unstages what `-a` or `--include` staged for it: stage it' +
        ` again first (\`${git} add -u\` after \`-a\`).`;
    }
  } else {
    return [];
  }
  return wrapKeepingCommands(text, options.style.width).map((line) =>
    options.style.colors.dim(line),
  );
}

/**
 * Returns `FOOTPRINT_SKIP=RULES ` when this run skipped rules, so that `footprint commit` skips
 * them too instead of blocking the split that the advice suggests.
 */
function skipPrefix(result: PipelineResult): string {
  const skipped = result.risk.skippedRules ?? [];
  return skipped.length === 0 ? '' : `FOOTPRINT_SKIP=${shellQuote(skipped.join(','))} `;
}

/**
 * Wraps text at spaces into lines of `width` columns, keeping each command in backquotes whole
 * on one line however long it is, so a copied line never runs half of a command.
 */
function wrapKeepingCommands(text: string, width: number): string[] {
  const lines: string[] = [];
  for (const word of text.match(/`[^`]*`\S*|\S+/g) ?? []) {
    const last = lines.at(-1);
    if (last !== undefined && last.length + 1 + word.length <= width) {
      lines[lines.length - 1] = `${last} ${word}`;
    } else {
      lines.push(word);
    }
  }
  return lines;
}

/**
 * Returns a footprint command for advice, with the `--cwd`, `--mode` and `--no-llm` the run was
 * given, so it runs in the same repository, splits alike and sends nothing the run did not:
 * `footprint --cwd app commit --mode aggressive --no-llm`.
 */
function adviceCommand(options: SummaryOptions, command: string): string {
  const mode = options.modeOption === undefined ? '' : ` --mode ${options.modeOption}`;
  const llm = options.noLlm === true ? ' --no-llm' : '';
  return `${options.invocation?.() ?? 'footprint'} ${command}${mode}${llm}`;
}

/**
 * Returns the configuration file that governs a finding's path and the path as a `risk.allow`
 * glob in that file. A nested configuration's globs are relative to its folder, and a name
 * without `/` would match in every folder below it, so such a name gets a leading `/`.
 */
function allowTarget(
  result: PipelineResult,
  finding: Finding | undefined,
): { file: string | null; glob: string } {
  const scope = finding === undefined ? undefined : result.riskScopes?.get(finding.path);
  if (finding === undefined || scope === undefined || scope.dir === '') {
    return { file: result.config.file, glob: anchorGlob(finding?.path ?? '') };
  }
  return { file: scope.file, glob: anchorGlob(finding.path.slice(scope.dir.length + 1)) };
}

/**
 * Makes a path relative to a configuration's folder into a glob that names only that file:
 * a name without a folder gets a leading `/`, because a glob without `/` matches the name in
 * every folder, and the characters globs read (`* ? [ ] { } \` and a leading `!`) get a
 * backslash, so `a*b.txt` allows that file alone.
 */
function anchorGlob(relative: string): string {
  const escaped = relative.replace(/[*?[\]{}\\]/g, '\\$&').replace(/^!/, '\\!');
  return escaped === '' || escaped.includes('/') ? escaped : `/${escaped}`;
}

function footerLine(result: PipelineResult, options: SummaryOptions): string {
  const { style } = options;
  const time = `${Math.round(options.elapsedMs)} ms`;
  if (result.fossilPath === null) return style.colors.dim(`Done in ${time}.`);
  // The fossil path is never shortened, because the user copies it.
  const fossil = displayPath(result.fossilPath, options.cwd);
  return `${style.colors.dim('Fossil')} ${fossil} ${style.colors.dim(`${style.symbols.dot} ${time}`)}`;
}

function fitLine(style: Style, segments: Segment[]): string {
  return renderLine(segments, style.width, style.symbols.ellipsis);
}

/** Shows `file` relative to `cwd` when it is inside it, else as given. */
export function displayPath(file: string, cwd: string): string {
  const relative = path.relative(cwd, file);
  if (relative === '' || relative.startsWith('..') || path.isAbsolute(relative)) return file;
  return relative;
}
