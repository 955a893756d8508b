import type { Clustering } from './clustering.js';
import type { ChangeUnit } from './units.js';

/**
 * Release-note files that tools expect one of per change, by the folder they are in:
 * changesets writes `.changeset/brave-cats-sing.md`, and towncrier reads news fragments such as
 * `newsfragments/1234.bugfix` by default.
 */
const NOTE_FILES: ReadonlyMap<string, RegExp> = new Map([
  ['.changeset', /\.md$/],
  ['newsfragments', /./],
]);

/** Files of those folders that are not notes. */
const NOT_NOTES = /^(?:README(?:\.\w+)?|\.gitignore|\.gitkeep)$/i;

/** Returns true for a path in a release-note folder that is a note: `.changeset/x.md`. */
export function isNotePath(path: string): boolean {
  const segments = path.split('/');
  const name = segments[segments.length - 1] ?? '';
  const pattern = NOTE_FILES.get(segments[segments.length - 2] ?? '');
  return pattern !== undefined && pattern.test(name) && !NOT_NOTES.test(name);
}

/** Returns true for a release-note file the change adds. */
export function isNewReleaseNote(unit: ChangeUnit): boolean {
  return unit.file.status === 'added' && isNotePath(unit.path);
}

/**
 * Returns every pair of new release notes, keyed `a * count + b` with a < b as scorePairs
 * reads them. Each note describes one commit, so two notes are kept apart: on the untangling
 * benchmark, two new notes of one change came from different commits in 98 of 101 cases.
 */
export function releaseNotePairs(units: readonly ChangeUnit[]): Set<number> {
  const count = units.length;
  const notes = units.filter(isNewReleaseNote).map((unit) => unit.index);
  const pairs = new Set<number>();
  for (let i = 0; i < notes.length; i += 1) {
    for (let j = i + 1; j < notes.length; j += 1) {
      pairs.add((notes[i] as number) * count + (notes[j] as number));
    }
  }
  return pairs;
}

/**
 * Lead a note's best batch must have over its second best. Where no evidence separates two
 * batches, their scores are equal, and a join would follow the order of the files.
 */
const MIN_LEAD = 0.01;

/** Returns true when one score leads all others by MIN_LEAD, or there is only one. */
function hasClearBest(scores: readonly number[]): boolean {
  const [best, second] = [...scores].sort((left, right) => right - left);
  return best !== undefined && (second === undefined || best - second >= MIN_LEAD);
}

/**
 * Joins each batch that holds only new release notes to a batch without a note: the note
 * belongs to the commit of some other batch. The pairs with the highest pair score between
 * one of the notes and one of the batch's units choose first, and each batch takes at most
 * one note, as each commit has one. A note stays alone when two batches score equally
 * with it, or when the batch it scores highest with took another note first: its second
 * choice is no better evidence than a tie.
 */
export function joinLoneReleaseNotes(
  clustering: Clustering,
  units: readonly ChangeUnit[],
  scores: Float64Array,
): void {
  const count = units.length;
  const isNote = units.map(isNewReleaseNote);
  const clusters = clustering.clusters();
  const lone = clusters.filter((members) => members.every((unit) => isNote[unit]));
  if (lone.length === 0) return;
  // Every batch with other changes competes for a note, including one that already has a note.
  const targets = clusters.filter((members) => !members.every((unit) => isNote[unit]));
  const noted = new Set<number>();
  targets.forEach((members, target) => {
    if (members.some((unit) => isNote[unit])) noted.add(target);
  });

  // Each note's one choice: the batch it scores highest with, when that one leads the others.
  const choices: Array<{ note: number; target: number; score: number }> = [];
  lone.forEach((notes, note) => {
    const own = targets.map((members, target) => {
      let score = -Infinity;
      for (const a of notes) {
        for (const b of members) score = Math.max(score, scores[a * count + b] ?? -Infinity);
      }
      return { note, target, score };
    });
    if (!hasClearBest(own.map((option) => option.score))) return;
    own.sort((left, right) => right.score - left.score);
    choices.push(own[0] as { note: number; target: number; score: number });
  });
  // Sorting is stable, so equal scores keep the order of the notes.
  choices.sort((left, right) => right.score - left.score);

  for (const { note, target } of choices) {
    if (noted.has(target)) continue;
    const first = (lone[note] as number[])[0] as number;
    const into = (targets[target] as number[])[0] as number;
    clustering.join(first, into, { kind: 'unseparated', weight: 0 });
    noted.add(target);
  }
}
