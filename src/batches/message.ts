import { showEscapedBytes } from '../git/path-bytes.js';
import { replaceNameSecrets } from '../risk/secrets/name-secrets.js';
import { baseNameOf } from './paths.js';
import type { BatchChange, CommitType } from './types.js';
import { shortenName } from './short-names.js';
import { formatSubject, type Subject } from './subject.js';

/** Maximum header length, by the common git convention for subject lines. */
export const MAX_HEADER_LENGTH = 72;

/** The word that replaces, in a generated message, a token found in a path or name. */
const SECRET_STAND_IN = 'file';

/** Makes a name from a staged path fit for a message: no token, and bytes that are not UTF-8 in octal. */
function hideSecrets(text: string): string {
  return showEscapedBytes(replaceNameSecrets(text, () => SECRET_STAND_IN));
}

/** Replaces provider tokens in the names and tail of a subject, which come from staged paths. */
function hideSubjectSecrets(subject: Subject): Subject {
  const hidden: Subject = { ...subject, names: subject.names.map(hideSecrets) };
  if (subject.tail !== undefined) hidden.tail = hideSecrets(subject.tail);
  return hidden;
}

/** Returns a scope as a generated message writes it, with a provider token as a neutral word. */
export function messageScope(scope: string | null): string | null {
  return scope === null ? null : hideSecrets(scope);
}

/**
 * Writes a Conventional Commits header `type(scope): subject` of at most MAX_HEADER_LENGTH
 * characters, with `!` before the colon for a `breaking` change. It names fewer things until
 * the header fits, then shortens the first name (see shortenName), then counts the names, and
 * only then drops the tail. A provider token in a
 * name or the scope, taken from a staged path, becomes a neutral word, so a generated message
 * never carries a secret into history, output or fossils.
 */
export function writeMessage(
  type: CommitType,
  scope: string | null,
  subject: Subject,
  breaking = false,
): string {
  const safeScope = messageScope(scope);
  const safeSubject = hideSubjectSecrets(dropScopeVerb(dropScopeTail(subject, scope), scope));
  const mark = breaking ? '!' : '';
  const prefix = safeScope === null ? `${type}${mark}: ` : `${type}(${safeScope})${mark}: `;
  let header = '';
  for (const candidate of subjectForms(safeSubject, prefix)) {
    header = prefix + candidate;
    if (header.length <= MAX_HEADER_LENGTH) return header;
  }
  return header.slice(0, MAX_HEADER_LENGTH);
}

/**
 * Lists the forms of a subject from the most to the least detailed. With the tail, they are
 * three, two and one names, the first name shortened, and several names counted. Without the
 * tail, they are the first name shortened, then a count.
 */
function* subjectForms(subject: Subject, prefix: string): Generator<string> {
  for (const maxNames of [3, 2, 1]) yield formatSubject(subject, maxNames);

  const shortened = shortenFirstName(subject, prefix);
  if (shortened) yield formatSubject(shortened, 1);
  if (subject.names.length > 1) yield formatSubject(subject, 0);

  const untailed: Subject = { ...subject };
  delete untailed.tail;
  const shortenedUntailed = shortenFirstName(untailed, prefix);
  if (shortenedUntailed) yield formatSubject(shortenedUntailed, 1);
  yield formatSubject(untailed, 0);
}

/** Shortens a subject's first name to the room its header leaves, or returns null. */
function shortenFirstName(subject: Subject, prefix: string): Subject | null {
  const [first, ...rest] = subject.names;
  if (first === undefined) return null;

  const without = prefix + formatSubject({ ...subject, names: ['', ...rest] }, 1);
  const short = shortenName(first, MAX_HEADER_LENGTH - without.length);
  return short === null ? null : { ...subject, names: [short, ...rest] };
}

/** Drops a verb that only repeats the scope: `chore(release): 1.7.0`, as standard-version writes. */
function dropScopeVerb(subject: Subject, scope: string | null): Subject {
  if (scope === null || subject.verb !== scope || subject.names.length === 0) return subject;
  return { ...subject, verb: '' };
}

/**
 * Drops a tail that only repeats the scope: `feat(cli): use tokenizer in cli`. A rename keeps
 * its new name: `refactor(b): rename a to b`.
 */
function dropScopeTail(subject: Subject, scope: string | null): Subject {
  if (scope === null || subject.tail === undefined || subject.verb === 'rename') return subject;
  if (subject.tail !== `in ${scope}` && subject.tail !== `to ${scope}`) return subject;
  const rest: Subject = { ...subject };
  delete rest.tail;
  return rest;
}

/** A batch as distinguishMessages reads it: its header and what it takes. */
interface MarkedBatch {
  message: string;
  changes: readonly BatchChange[];
}

/**
 * Makes the headers of one analysis distinct. Batches whose subjects still share a header after
 * naming what each edits get the place of their own edits: the files no other such batch takes,
 * `(Price.tsx)`, or else the lines of their first hunk, `(lines 7-9)`, with the file's name when
 * they take several files. A header
 * too long for the mark loses its last words first.
 */
export function distinguishMessages<T extends MarkedBatch>(batches: readonly T[]): T[] {
  const groups = new Map<string, T[]>();
  for (const batch of batches)
    groups.set(batch.message, [...(groups.get(batch.message) ?? []), batch]);

  return batches.map((batch) => {
    const group = groups.get(batch.message) ?? [];
    if (group.length < 2) return batch;
    const others = group.filter((other) => other !== batch);
    return { ...batch, message: appendMark(batch.message, ` (${placeOf(batch, others)})`) };
  });
}

/** Names where a batch's edits lie apart from those of `others`: its own files, or its lines. */
function placeOf(batch: MarkedBatch, others: readonly MarkedBatch[]): string {
  const otherPaths = new Set(others.flatMap((other) => other.changes.map((change) => change.path)));
  const own = batch.changes.filter((change) => !otherPaths.has(change.path));
  const names = [...new Set(own.map((change) => baseNameOf(change.path)))];
  if (names.length > 0) return listPlaces(names);

  const [first] = batch.changes;
  const hunk = first?.hunks?.[0];
  if (first === undefined || hunk === undefined) return 'the rest';
  const last = hunk.newStart + Math.max(hunk.newLines, 1) - 1;
  const lines = last > hunk.newStart ? `lines ${hunk.newStart}-${last}` : `line ${hunk.newStart}`;
  return batch.changes.length === 1 ? lines : `${lines} of ${baseNameOf(first.path)}`;
}

/** Lists one or two names, `a and b`, and counts more: `a and 2 more`. */
function listPlaces(names: readonly string[]): string {
  if (names.length === 1) return names[0] ?? '';
  if (names.length === 2) return `${names[0]} and ${names[1]}`;
  return `${names[0]} and ${names.length - 1} more`;
}

/** Appends `mark` to a header, cutting the header at a word so the result fits in a line. */
function appendMark(header: string, mark: string): string {
  const room = MAX_HEADER_LENGTH - mark.length;
  if (header.length <= room) return header + mark;

  const space = header.slice(0, room + 1).lastIndexOf(' ');
  const shortened = space > 0 ? header.slice(0, space) : header.slice(0, room);
  return shortened.trimEnd() + mark;
}
