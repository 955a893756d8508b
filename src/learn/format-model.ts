import { escapeControlCharacters, quotePath } from '../output/quote-path.js';
import type { CodeTypeCount } from './counts-document.js';
import { createModel, MIN_COMMITS_FOR_CONVENTION } from './create-model.js';
import { chooseKindScope, chooseKindType, HEADER_KINDS } from './kind-types.js';
import type { KindHeader } from './model-counts.js';
import type { ModelDigest, ModelPayload } from './model-payload.js';

/** Rows listed for hotspots and for pairs. */
const LISTED = 10;
const FILE_FIELDS = 5;

/**
 * Formats a model fossil's payload readably for `footprint fossils show`. Paths, types and
 * scopes come from history and from a file anyone can edit, so paths are quoted as git quotes
 * them and control characters are escaped before they reach the terminal.
 */
export function formatModelPayload(payload: ModelPayload): string[] {
  const model = createModel(payload);
  const { digest } = payload;
  const share = payload.commits === 0 ? 0 : digest.messages.conventional / payload.commits;
  const targets = Object.entries(model.sizeTargets).map(
    ([mode, target]) => `${mode} ${target.files}/${target.hunks}/${target.lines}`,
  );

  return [
    `Learned from ${payload.commits} commits${describeSpan(payload)}, up to ${payload.head}`,
    `  ${payload.coChangeCommits} of them count for co-change (at most ${payload.options.coChangeMaxFiles} files), ${describeFixes(payload.fixCommits)}`,
    `  options: at most ${payload.options.maxCommits} commits, since ${payload.options.since ?? 'the first'}`,
    `Conventional Commits: ${describeConvention(model.usesConventionalCommits, payload.commits, share)}`,
    `  types: ${escapeControlCharacters(model.commitTypes.join(', ')) || 'none'}`,
    `  scopes: ${escapeControlCharacters(model.scopes.join(', ')) || 'none'}`,
    `  habits by kind: ${describeKindHabits(digest.messages.kindTypes)}`,
    `  types of code commits: ${describeCodeTypes(digest.messages.codeTypes)}`,
    `Batch size targets (files/hunks/lines): ${targets.join(', ')}`,
    `Usual order of kinds: ${model.kindOrder.join(', ') || 'not enough series'}`,
    '',
    'Hotspots (changes, fixes, score):',
    ...listHotspots(digest),
    '',
    'Files most often changed together (commits, confidence each way):',
    ...listPairs(digest, payload.coChangeCommits),
  ];
}

/**
 * Lists the header each kind of commit takes when the repository has a habit for it:
 * `release chore(release), build chore(deps), ci ci`.
 */
function describeKindHabits(headers: readonly KindHeader[] | undefined): string {
  if (headers === undefined) return 'not learned by this model; run footprint learn';
  const habits = HEADER_KINDS.flatMap((kind) => {
    const type = chooseKindType(kind, headers);
    const scope = chooseKindScope(kind, headers);
    if (type === null && scope === null) return [];
    if (type === null) {
      // Only the scope is a habit, which may be to name no scope at all.
      const named = scope?.scope ? `scope ${scope.scope}` : 'no scope';
      return [`${kind} ${escapeControlCharacters(named)}`];
    }
    const header = `${type}${scope?.scope ? `(${scope.scope})` : ''}`;
    return [`${kind} ${escapeControlCharacters(header)}`];
  });
  return habits.join(', ') || 'none';
}

/** Lists the types of the code commits the model counts, most used first: `fix 40, feat 12`. */
function describeCodeTypes(entries: readonly CodeTypeCount[] | undefined): string {
  if (entries === undefined) return 'not learned by this model; run footprint learn';
  const totals = entries.filter(([, feature]) => feature === '');
  totals.sort((a, b) => b[2] - a[2] || (a[0] < b[0] ? -1 : 1));
  const listed = totals.map(([type, , commits]) => `${escapeControlCharacters(type)} ${commits}`);
  return listed.join(', ') || 'none';
}

function describeFixes(count: number): string {
  return count === 1 ? '1 is a fix' : `${count} are fixes`;
}

/** Says whether the history follows Conventional Commits, and why not when it is too short. */
function describeConvention(uses: boolean, commits: number, share: number): string {
  const percent = `${Math.round(share * 100)}% of commits`;
  if (uses) return `yes (${percent})`;
  if (commits < MIN_COMMITS_FOR_CONVENTION) {
    return `not decided (${percent}, but fewer than ${MIN_COMMITS_FOR_CONVENTION} commits)`;
  }
  return `no (${percent})`;
}

function describeSpan(payload: ModelPayload): string {
  if (payload.span === null) return '';
  const day = (seconds: number) => new Date(seconds * 1000).toISOString().slice(0, 10);
  return ` from ${day(payload.span.oldest)} to ${day(payload.span.newest)}`;
}

function listHotspots(digest: ModelDigest): string[] {
  const rows = digest.paths.map((path, index) => {
    const at = index * FILE_FIELDS;
    return {
      path,
      changes: digest.files[at] ?? 0,
      fixes: digest.files[at + 2] ?? 0,
      score: digest.files[at + 4] ?? 0,
    };
  });
  rows.sort((a, b) => b.score - a.score || b.fixes - a.fixes || (a.path < b.path ? -1 : 1));
  if (rows.length === 0) return ['  none'];
  return rows
    .slice(0, LISTED)
    .map(
      (row) =>
        `  ${quotePath(row.path)}  ${row.changes}, ${row.fixes}, ${(row.score / 1000).toFixed(3)}`,
    );
}

function listPairs(digest: ModelDigest, total: number): string[] {
  const commitsOf = (index: number) => digest.files[index * FILE_FIELDS + 1] ?? 0;
  const rows: Array<{ a: number; b: number; support: number }> = [];
  for (let at = 0; at + 2 < digest.pairs.length; at += 3) {
    rows.push({
      a: digest.pairs[at] ?? 0,
      b: digest.pairs[at + 1] ?? 0,
      support: digest.pairs[at + 2] ?? 0,
    });
  }
  rows.sort((x, y) => y.support - x.support || x.a - y.a || x.b - y.b);
  if (rows.length === 0 || total === 0) return ['  none'];
  return rows.slice(0, LISTED).map(({ a, b, support }) => {
    const forward = (support / commitsOf(a)).toFixed(2);
    const backward = (support / commitsOf(b)).toFixed(2);
    const pair = `${quotePath(digest.paths[a] ?? '')} + ${quotePath(digest.paths[b] ?? '')}`;
    return `  ${pair}  ${support}, ${forward}/${backward}`;
  });
}
