import { showEscapedBytes } from '../git/path-bytes.js';
import { replaceNameSecrets } from '../risk/secrets/name-secrets.js';
import type { CommitType } from './types.js';
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
 * characters. It names fewer things until the header fits, then shortens the first name (see
 * shortenName), then counts the names, and only then drops the tail. A provider token in a
 * name or the scope, taken from a staged path, becomes a neutral word, so a generated message
 * never carries a secret into history, output or fossils.
 */
export function writeMessage(type: CommitType, scope: string | null, subject: Subject): string {
  const safeScope = messageScope(scope);
  const safeSubject = hideSubjectSecrets(dropScopeVerb(dropScopeTail(subject, scope), scope));
  const prefix = safeScope === null ? `${type}: ` : `${type}(${safeScope}): `;
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

/**
 * Makes the headers of one analysis distinct. Batches whose subjects still share a header after
 * naming what each edits get `(part 1 of 2)`, `(part 2 of 2)` in batch order. A header too long
 * for the mark loses its last words first.
 */
export function distinguishMessages<T extends { message: string }>(batches: readonly T[]): T[] {
  const counts = new Map<string, number>();
  for (const batch of batches) counts.set(batch.message, (counts.get(batch.message) ?? 0) + 1);

  const seen = new Map<string, number>();
  return batches.map((batch) => {
    const count = counts.get(batch.message) ?? 1;
    if (count === 1) return batch;

    const part = (seen.get(batch.message) ?? 0) + 1;
    seen.set(batch.message, part);
    return { ...batch, message: appendMark(batch.message, ` (part ${part} of ${count})`) };
  });
}

/** Appends `mark` to a header, cutting the header at a word so the result fits in a line. */
function appendMark(header: string, mark: string): string {
  const room = MAX_HEADER_LENGTH - mark.length;
  if (header.length <= room) return header + mark;

  const space = header.slice(0, room + 1).lastIndexOf(' ');
  const shortened = space > 0 ? header.slice(0, space) : header.slice(0, room);
  return shortened.trimEnd() + mark;
}
