import { joinWords } from '../output/messages.js';
import { quoteJsonString } from '../output/quote-path.js';
import { isCommitType } from './commit-types.js';
import { findForbiddenCharacters } from './message-characters.js';
import type { StrategyProblem } from './types.js';

/** The type and scope of a Conventional Commits header, as its text writes them. */
export interface HeaderParts {
  type: string;
  /** The scope between the parentheses, or null for a header without one. */
  scope: string | null;
}

/** A batch's `type` and `scope` fields, which the schema checks and `footprint commit` ignores. */
interface BatchFields {
  id: string;
  type?: unknown;
  scope?: unknown;
}

/** Names why a scope cannot stand in a header, or returns null when it can. */
function describeBadScope(scope: string): string | null {
  if (/\s/u.test(scope)) return 'it contains whitespace';
  if (/[()]/.test(scope)) return 'a parenthesis would end the scope early';
  if (findForbiddenCharacters(scope).length > 0) {
    return 'it contains control or invisible characters';
  }
  return null;
}

/** Turns a scope into one word: forbidden characters dropped, whitespace and parentheses a `-`. */
function suggestScope(scope: string): string {
  const forbidden = new Set(findForbiddenCharacters(scope));
  const visible = [...scope].filter((character) => !forbidden.has(character)).join('');
  return visible.replace(/[\s()]+/gu, '-').replace(/^-+|-+$/g, '');
}

/** Reports one scope that a header cannot carry, naming where the batch writes it. */
function invalidScope(
  id: string,
  scope: string,
  reason: string,
  places: string[],
): StrategyProblem {
  const word = suggestScope(scope);
  const example = word === '' ? 'the name of the folder it changes' : quoteJsonString(word);
  const message =
    `Batch ${id} has the scope ${quoteJsonString(scope)} in ${joinWords(places, 'and')}, ` +
    `which a Conventional Commits header cannot carry because ${reason}. Write it as one ` +
    `word, such as ${example}.`;
  return { code: 'invalid-scope', batch: id, message };
}

/**
 * Checks the scope of a batch's message header and its `scope` field. A scope with whitespace,
 * a parenthesis or a character that `footprint validate` rejects in a message does not fit a
 * `type(scope): subject` header. Each such scope is a warning, because git and `footprint
 * commit` commit the message all the same, and neither reads the field.
 */
export function checkScopes(batch: BatchFields, header: HeaderParts | null): StrategyProblem[] {
  // A scope written the same in both places is reported once, naming both.
  const places = new Map<string, string[]>();
  const headerScope = header?.scope ?? null;
  if (headerScope !== null) places.set(headerScope, ['its message']);
  if (typeof batch.scope === 'string') {
    places.set(batch.scope, [...(places.get(batch.scope) ?? []), 'its scope field']);
  }

  const problems: StrategyProblem[] = [];
  for (const [scope, where] of places) {
    const reason = describeBadScope(scope);
    if (reason !== null) problems.push(invalidScope(batch.id, scope, reason, where));
  }
  return problems;
}

/** Writes a scope as a message names it: `scope "cart"`, or `no scope`. */
function describeScope(scope: string | null): string {
  return scope === null ? 'no scope' : `scope ${quoteJsonString(scope)}`;
}

/**
 * Checks that a batch's `type` and `scope` fields agree with its message header. `footprint
 * commit` commits the message as written and does not read the fields, so a difference is a
 * warning that names what the commit will carry. A header type that the field cannot hold is
 * left to the `unknown-commit-type` warning, and a field type outside the list to the schema.
 */
export function checkFieldsMatchHeader(
  batch: BatchFields,
  header: HeaderParts,
): StrategyProblem | null {
  const differences: string[] = [];
  const settings: string[] = [];
  const { type, scope } = batch;
  // A type outside the list is a schema problem, whose fix already asks for the message's type.
  if (
    typeof type === 'string' &&
    isCommitType(type) &&
    type !== header.type &&
    isCommitType(header.type)
  ) {
    const headerType = quoteJsonString(header.type);
    differences.push(`type ${quoteJsonString(type)} where its message has ${headerType}`);
    settings.push(`"type": ${headerType}`);
  }
  if ((typeof scope === 'string' || scope === null) && scope !== header.scope) {
    differences.push(
      `${describeScope(scope)} where its message has ${describeScope(header.scope)}`,
    );
    settings.push(`"scope": ${header.scope === null ? 'null' : quoteJsonString(header.scope)}`);
  }
  if (differences.length === 0) return null;

  const carried = `type ${quoteJsonString(header.type)} and ${describeScope(header.scope)}`;
  const message =
    `Batch ${batch.id} has ${joinWords(differences, 'and')}. \`footprint commit\` commits ` +
    `the message as written, so the commit gets ${carried}. ` +
    `Set ${joinWords(settings, 'and')} to match the message, or reword the message.`;
  return { code: 'header-mismatch', batch: batch.id, message };
}
