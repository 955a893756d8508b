import type { FileChange, Hunk } from '../footprint/types.js';
import { hunkKey } from '../footprint/hunk-key.js';
import { joinWords } from '../output/messages.js';
import { quoteJsonString, quotePath } from '../output/quote-path.js';
import { unstageCommand, unstageHunksCommand } from '../risk/unstage-command.js';
import { describePastedHunk, describeTakers, duplicateHunkFix } from './duplicates.js';
import { rewriteCommand } from './rewrite-command.js';
import { isExplainedByRestaging, type RestagingClue, type StagedRecord } from './restaging.js';
import type { ShapeChange, StrategyShape } from './shape.js';
import type { StrategyProblem } from './types.js';
import { unknownPath, type StagedPaths } from './unknown-path.js';

/** Staged hunks a message lists before it only counts the rest. */
const LISTED_HUNKS = 5;

/** The fix of a path or hunk that differs because the staged tree changed after the strategy. */
const STALE_FIX = 'Fix the stale strategy first.';

/**
 * A problem, with its `statement` kept apart from the fix when a changed staged tree can cause
 * it, so that STALE_FIX can replace the fix, and the `clue` to decide whether it did.
 */
type CoverageProblem = StrategyProblem & { statement?: string; clue?: RestagingClue };

/** Options of checkCoverage. */
export interface CoverageOptions {
  /** Changes that other problems report, counted as taken and not checked. */
  unchecked?: readonly ShapeChange[];
  /** True when the strategy was made for another staged tree, so paths and hunks may differ. */
  staleTree?: boolean;
  /**
   * The staged change the strategy was made for, when known. With it, only the problems that
   * restaging explains follow from the stale one (see isExplainedByRestaging).
   */
  recorded?: StagedRecord | undefined;
}

/** Writes a hunk as git's hunk header shows it: `@@ -12,3 +12,4 @@`. */
export function describeHunk(hunk: Hunk): string {
  return `@@ -${hunk.oldStart},${hunk.oldLines} +${hunk.newStart},${hunk.newLines} @@`;
}

function listHunks(hunks: readonly Hunk[]): string {
  const listed = hunks.slice(0, LISTED_HUNKS).map(describeHunk).join(', ');
  const rest = hunks.length - LISTED_HUNKS;
  return rest > 0 ? `${listed} and ${rest} more` : listed;
}

/**
 * Batch ids that take each hunk of one staged file, keyed by hunkKey, the batches that name
 * the file, and those that name it without `hunks`, which take every hunk. Hunks that unchecked
 * changes take are never reported missing.
 */
interface FileCoverage {
  file: FileChange;
  byHunk: Map<string, string[]>;
  mentions: string[];
  wholeFile: Set<string>;
  /** True when an unchecked change names the file. */
  namedUnchecked: boolean;
  /** Keys of the hunks that unchecked changes take, all of them when one names the file whole. */
  uncheckedHunks: Set<string>;
  /** Keys of the hunks that an entry lists in its `hunks`, rather than taking the whole file. */
  listedHunks: Set<string>;
}

/** Returns the staged files other than `file` that have `hunk`, by its four numbers. */
function findOwners(file: FileChange, hunk: Hunk, staged: StagedPaths): FileChange[] {
  const key = hunkKey(hunk);
  return staged.files.filter(
    (other) => other !== file && other.hunks.some((own) => hunkKey(own) === key),
  );
}

/** Returns the `owners` whose hunk with the key of `hunk` no batch takes. */
function findUntaken(
  owners: readonly FileChange[],
  hunk: Hunk,
  coverage: ReadonlyMap<string, FileCoverage>,
): FileChange[] {
  const key = hunkKey(hunk);
  return owners.filter((owner) => {
    const entry = coverage.get(owner.path);
    return entry?.byHunk.get(key)?.length === 0 && !entry.uncheckedHunks.has(key);
  });
}

/** Returns the fix of a hunk named under a file with no hunks, which a batch takes whole. */
function describeHunklessFix(file: FileChange): string {
  const reason =
    file.binary || file.opaque !== undefined
      ? 'its content is not diffed line by line'
      : 'only its mode or path changes';
  return (
    `${quotePath(file.path)} has no hunks, because ${reason}: drop \`hunks\` from this entry so ` +
    'that the batch takes it whole.'
  );
}

/**
 * Returns the fix of a hunk named under a path that does not have it. A hunk pasted under the
 * wrong path likely belongs to the file whose same hunk no batch takes, because its line was
 * cut from there. A hunk that another file has and a batch takes does not show where it
 * came from, because the same four numbers are common.
 */
function describeUnknownHunkFix(
  file: FileChange,
  hunk: Hunk,
  staged: StagedPaths,
  coverage: ReadonlyMap<string, FileCoverage>,
): string {
  if (file.hunks.length === 0) return describeHunklessFix(file);
  const owners = findOwners(file, hunk, staged);
  const untaken = findUntaken(owners, hunk, coverage);
  const owner = untaken.length === 1 ? untaken[0] : undefined;
  if (owner !== undefined) {
    return (
      `It is a staged hunk of ${quotePath(owner.path)}: move its line out of this entry ` +
      `into the \`hunks\` of { "path": ${quoteJsonString(owner.path)} } in one batch.`
    );
  }
  if (owners.length > 1) {
    const paths = owners.map((other) => quotePath(other.path));
    return (
      `The same hunk is staged in ${joinWords(paths, 'and')}: remove its line from this ` +
      'entry, or move it into the `hunks` of the file it came from.'
    );
  }
  return (
    `Use the staged hunks (${listHunks(file.hunks) || 'none'}) or drop \`hunks\` to take ` +
    'the whole file.'
  );
}

function unknownHunk(file: FileChange, batch: string, hunk: Hunk, fix: string): CoverageProblem {
  const start =
    `Batch ${batch} names hunk ${describeHunk(hunk)} of ${quotePath(file.path)}, ` +
    'which is not a staged hunk.';
  const clue: RestagingClue = { side: 'names', path: file.path, hunk };
  return statedProblem('unknown-hunk', clue, start, fix, batch);
}

/** Records which batches take which hunks; returns problems for paths and hunks that do not exist. */
function recordCoverage(
  strategy: StrategyShape,
  staged: StagedPaths,
  unchecked: readonly ShapeChange[],
) {
  const coverage = new Map<string, FileCoverage>();
  for (const file of staged.files) {
    const byHunk = new Map(file.hunks.map((hunk) => [hunkKey(hunk), [] as string[]]));
    coverage.set(file.path, {
      file,
      byHunk,
      mentions: [],
      wholeFile: new Set(),
      namedUnchecked: false,
      uncheckedHunks: new Set(),
      listedHunks: new Set(),
    });
  }
  for (const change of unchecked) {
    const entry = coverage.get(change.path);
    if (entry === undefined) continue;
    entry.namedUnchecked = true;
    for (const hunk of change.hunks ?? entry.file.hunks) entry.uncheckedHunks.add(hunkKey(hunk));
  }

  // The fix of an unknown hunk reads which hunks every batch takes, so problems are made last.
  const problems: Array<() => CoverageProblem> = [];
  for (const batch of strategy.batches) {
    for (const change of batch.changes) {
      const entry = coverage.get(change.path);
      if (!entry) {
        const clue: RestagingClue = { side: 'names', path: change.path };
        problems.push(() => ({ ...unknownPath(change.path, batch.id, staged), clue }));
        continue;
      }
      entry.mentions.push(batch.id);
      if (change.hunks === undefined) entry.wholeFile.add(batch.id);
      const hunks = change.hunks ?? entry.file.hunks;
      for (const hunk of hunks) {
        const takers = entry.byHunk.get(hunkKey(hunk));
        if (takers) {
          takers.push(batch.id);
          if (change.hunks !== undefined) entry.listedHunks.add(hunkKey(hunk));
          continue;
        }
        problems.push(() => {
          const fix = describeUnknownHunkFix(entry.file, hunk, staged, coverage);
          return unknownHunk(entry.file, batch.id, hunk, fix);
        });
      }
    }
  }
  return { coverage, problems: problems.map((describe) => describe()) };
}

function pathProblem(code: string, path: string, message: string, batch?: string): StrategyProblem {
  return batch === undefined ? { code, path, message } : { code, batch, path, message };
}

/** Makes a problem that a change of the staged tree can cause: the statement, then the fix. */
function statedProblem(
  code: string,
  clue: RestagingClue,
  statement: string,
  fix: string,
  batch?: string,
): CoverageProblem {
  return { ...pathProblem(code, clue.path, `${statement} ${fix}`, batch), statement, clue };
}

/** Returns the clue of a staged path that no batch takes. */
function stagedPathClue(file: FileChange): RestagingClue {
  return { side: 'staged', path: file.path, hunks: file.hunks };
}

/**
 * Returns the fix for a user who deleted the batch of a staged path to leave the path out.
 * `footprint commit` commits the whole staged tree, so the path must be unstaged.
 */
function unstageFix(file: FileChange): string {
  return (
    `To leave it out of these commits, unstage it with \`${unstageCommand(file)}\`, then move ` +
    `this strategy away and write it again with ${rewriteCommand()}.`
  );
}

/** Checks a file without hunks (a rename, mode change or binary): exactly one batch names it. */
function checkWholeFile({ file, mentions, namedUnchecked }: FileCoverage): CoverageProblem[] {
  const [first, second] = mentions;
  if (first === undefined && namedUnchecked) return [];
  if (first === undefined) {
    const fix = `Add { "path": ${quoteJsonString(file.path)} } to one batch. ${unstageFix(file)}`;
    const statement = `${quotePath(file.path)} is staged but in no batch.`;
    return [statedProblem('missing-path', stagedPathClue(file), statement, fix)];
  }
  if (second === undefined) return [];
  const fix = (batch: string): string => `Keep it in ${batch} only.`;
  const message = `${quotePath(file.path)} ${describeTakers(mentions, fix)}`;
  return [pathProblem('duplicate-path', file.path, message, second)];
}

/**
 * Returns the first batch that takes the hunk of the file nearest `hunk` in file order, the
 * earlier one on a tie, or undefined when no other hunk is taken.
 */
function nearestTaker(
  hunks: readonly Hunk[],
  hunk: Hunk,
  takersOf: (hunk: Hunk) => string[],
): string | undefined {
  const at = hunks.indexOf(hunk);
  for (let distance = 1; distance < hunks.length; distance += 1) {
    for (const index of [at - distance, at + distance]) {
      const other = hunks[index];
      const taker = other === undefined ? undefined : takersOf(other)[0];
      if (taker !== undefined) return taker;
    }
  }
  return undefined;
}

/**
 * Reports a file that batches name only with hunks that are not staged, as after the file was
 * staged again with other line numbers, so none of its staged hunks is taken.
 */
function noStagedHunkTaken(file: FileChange, mentions: readonly string[]): CoverageProblem {
  const batches = [...new Set(mentions)];
  const [first = ''] = batches;
  const single = batches.length === 1;
  const naming = single
    ? `batch ${first} names only hunks that are not staged`
    : `batches ${batches.join(', ')} name only hunks that are not staged`;
  const fix = single
    ? `List the staged hunks in the \`hunks\` of ${first}, or drop \`hunks\` there to take ` +
      'the whole file.'
    : 'Share the staged hunks out among their `hunks` lists, or keep the file in one of them ' +
      'without `hunks` to take it whole.';
  const statement =
    `None of the staged hunks of ${quotePath(file.path)} (${listHunks(file.hunks)}) is in a ` +
    `batch, because ${naming}.`;
  return statedProblem('missing-path', stagedPathClue(file), statement, fix, first);
}

/**
 * Returns the fix for a user who deleted the batch of a staged hunk to leave the hunk out, or
 * null for a file that git cannot unstage hunk by hunk. The other hunks of the file stay staged.
 */
function unstageHunkFix(file: FileChange, hunk: Hunk): string | null {
  // NOTE: git reset -p shows a renamed or copied file as a new file, one hunk of all its lines,
  // so such a file gets no way to leave out one hunk.
  if (file.status !== 'modified') return null;
  return (
    `To leave it out of these commits, unstage only that hunk with ` +
    `\`${unstageHunksCommand(file)}\`, answering y for ${describeHunk(hunk)} and n for the ` +
    'others (git shows it with context lines and may join it with a nearby hunk, which `s` ' +
    `splits), then move this strategy away and write it again with ${rewriteCommand()}.`
  );
}

/** Reports a hunk in no batch, with the batch of the nearest taken hunk in its fix. */
function missingHunk(
  file: FileChange,
  hunk: Hunk,
  takersOf: (hunk: Hunk) => string[],
): CoverageProblem {
  const near = nearestTaker(file.hunks, hunk, takersOf);
  const where =
    near === undefined
      ? 'one batch'
      : `batch ${near}, which takes the hunk nearest it, or of another batch`;
  const statement = `Hunk ${describeHunk(hunk)} of ${quotePath(file.path)} is in no batch.`;
  const add = `Add it to the \`hunks\` of ${where}.`;
  const unstage = unstageHunkFix(file, hunk);
  const fix = unstage === null ? add : `${add} ${unstage}`;
  // The batch that the fix suggests goes into the message only, because no batch takes it.
  const clue: RestagingClue = { side: 'staged', path: file.path, hunk };
  return statedProblem('missing-hunk', clue, statement, fix);
}

/**
 * Reports a hunk that `takers` take more than once: as a line pasted from the staged files in
 * `pastedFrom`, when there are any, else as a duplicate.
 */
function hunkTakenTwice(
  entry: FileCoverage,
  hunk: Hunk,
  takers: readonly string[],
  pastedFrom: readonly FileChange[],
): CoverageProblem {
  const { file, wholeFile } = entry;
  if (pastedFrom.length > 0) {
    const message = describePastedHunk(file.path, describeHunk(hunk), takers, pastedFrom);
    return pathProblem('unknown-hunk', file.path, message, takers[1]);
  }
  const fix = (): string => duplicateHunkFix(file.path, takers, wholeFile);
  const message = `Hunk ${describeHunk(hunk)} of ${quotePath(file.path)} ${describeTakers(takers, fix)}`;
  return pathProblem('duplicate-hunk', file.path, message, takers[1]);
}

/**
 * Checks that each hunk of a file is in exactly one batch. A file in no batch, or with all its
 * hunks in the same batches, is reported once for its path, unless a hunk taken twice may be
 * a line pasted from another file (see `pastedFrom`).
 */
function checkHunks(
  entry: FileCoverage,
  pastedFrom: (hunk: Hunk) => FileChange[],
): CoverageProblem[] {
  const { file, byHunk, mentions, uncheckedHunks } = entry;
  const takersOf = (hunk: Hunk): string[] => byHunk.get(hunkKey(hunk)) ?? [];
  const missing = file.hunks.filter(
    (hunk) => takersOf(hunk).length === 0 && !uncheckedHunks.has(hunkKey(hunk)),
  );
  const duplicated = file.hunks.filter((hunk) => takersOf(hunk).length > 1);
  const owners = new Map(duplicated.map((hunk) => [hunk, pastedFrom(hunk)]));

  if (missing.length === file.hunks.length && mentions.length > 0) {
    return [noStagedHunkTaken(file, mentions)];
  }
  if (missing.length === file.hunks.length) {
    const fix =
      `Add { "path": ${quoteJsonString(file.path)} } to a batch, or list its hunks. ` +
      unstageFix(file);
    const statement = `${quotePath(file.path)} is staged but in no batch.`;
    return [statedProblem('missing-path', stagedPathClue(file), statement, fix)];
  }

  const firstTakers = takersOf(file.hunks[0] as Hunk).join(',');
  const sameTakers = file.hunks.every((hunk) => takersOf(hunk).join(',') === firstTakers);
  const pasted = [...owners.values()].some((from) => from.length > 0);
  if (duplicated.length === file.hunks.length && sameTakers && !pasted) {
    return checkWholeFile({ ...entry, mentions: takersOf(file.hunks[0] as Hunk) });
  }

  const problems = missing.map((hunk) => missingHunk(file, hunk, takersOf));
  for (const hunk of duplicated) {
    problems.push(hunkTakenTwice(entry, hunk, takersOf(hunk), owners.get(hunk) ?? []));
  }
  return problems;
}

/**
 * Checks that the batches take every staged hunk of every staged path exactly once, comparing
 * hunks by all four numbers. An entry without `hunks` takes every hunk of its path. A path
 * without hunks (a rename without edits, a mode change, a binary file) must be named once. A
 * path that is not staged gets the likely fix (see unknownPath). With `options.staleTree`, a
 * path or hunk that is unknown or missing gets STALE_FIX and `cause: 'stale'` instead, unless
 * `options.recorded` shows that restaging does not explain it.
 */
export function checkCoverage(
  strategy: StrategyShape,
  staged: StagedPaths,
  options: CoverageOptions = {},
): StrategyProblem[] {
  const { coverage, problems } = recordCoverage(strategy, staged, options.unchecked ?? []);
  for (const entry of coverage.values()) {
    // A hunk line listed under this file may be one cut from a file that has the same hunk.
    const pastedFrom = (hunk: Hunk): FileChange[] =>
      entry.listedHunks.has(hunkKey(hunk))
        ? findUntaken(findOwners(entry.file, hunk, staged), hunk, coverage)
        : [];
    const checked =
      entry.file.hunks.length === 0 ? checkWholeFile(entry) : checkHunks(entry, pastedFrom);
    problems.push(...checked);
  }
  const { staleTree, recorded } = options;
  return problems.map(({ statement, clue, ...problem }) => {
    if (statement === undefined || staleTree !== true) return problem;
    if (clue !== undefined && recorded !== undefined && !isExplainedByRestaging(clue, recorded)) {
      return problem;
    }
    return { ...problem, message: `${statement} ${STALE_FIX}`, cause: 'stale' };
  });
}
