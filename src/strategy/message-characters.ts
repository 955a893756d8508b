import { cleanupCommitMessage } from '../commit/message.js';
import type { MessageCleanup } from '../message/cleanup-setting.js';
import { escapeControlCharacters } from '../output/quote-path.js';
import type { StrategyShape } from './shape.js';
import type { StrategyProblem } from './types.js';

/**
 * Control characters a commit message may not contain: C0 controls other than the line feed
 * and the tab (which a message body uses), DEL and the C1 controls. A terminal reads ESC and
 * the C1 controls as commands, and git keeps them in the commit message as they are.
 */
// eslint-disable-next-line no-control-regex -- control characters are what it finds
const CONTROL_CHARACTER = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/;

/**
 * Unicode bidirectional controls: the Arabic letter mark (U+061C), the left-to-right and
 * right-to-left marks (U+200E, U+200F), the embeddings, overrides and their pop (U+202A to
 * U+202E), and the isolates (U+2066 to U+2069). Terminals and web views reorder the text
 * around them: U+202E before `gnp.exe` makes it show as `exe.png`.
 */
const BIDI_CONTROL = /[\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/;

/**
 * Invisible characters that hide text or break a line where none shows. They are the
 * zero-width space (U+200B), the line and paragraph separators (U+2028, U+2029), the word
 * joiner and invisible operators (U+2060 to U+2064), the zero-width no-break space (U+FEFF)
 * and the tag characters (U+E0000 to U+E007F). The zero-width joiners that emoji and some
 * scripts need are allowed.
 */
const INVISIBLE = /[\u200b\u2028\u2029\u2060-\u2064\ufeff]|[\u{e0000}-\u{e007f}]/u;

const FORBIDDEN_CHARACTER = new RegExp(
  `${CONTROL_CHARACTER.source}|${BIDI_CONTROL.source}|${INVISIBLE.source}`,
  'gu',
);

/** Writes a character as `U+202E`. */
function codePointOf(character: string): string {
  const code = character.codePointAt(0) ?? 0;
  return `U+${code.toString(16).toUpperCase().padStart(4, '0')}`;
}

/**
 * Returns each distinct character of `message` that no commit message may contain, in order
 * of appearance: control characters, bidirectional controls and invisible characters. `footprint validate` runs
 * this check on batch messages, and the insights stage on an LLM's messages.
 */
export function findForbiddenCharacters(message: string): string[] {
  return [...new Set(message.match(FORBIDDEN_CHARACTER) ?? [])];
}

/**
 * Replaces each character that findForbiddenCharacters finds with `replacement`, for text
 * such as a path that a generated message quotes.
 */
export function replaceForbiddenCharacters(text: string, replacement: string): string {
  return text.replace(FORBIDDEN_CHARACTER, replacement);
}

/** Writes a control character as a C escape such as `\033`, and any other as `U+202E`. */
function describeCharacter(character: string): string {
  if (CONTROL_CHARACTER.test(character)) return escapeControlCharacters(character);
  return codePointOf(character);
}

/** Names the forbidden characters of one message, by kind, with the harm each kind does. */
function describeForbidden(found: readonly string[]): string {
  const bidi = found.filter((character) => BIDI_CONTROL.test(character));
  const invisible = found.filter((character) => INVISIBLE.test(character));
  const controls = found.filter((character) => CONTROL_CHARACTER.test(character));
  const kinds: string[] = [];
  if (controls.length > 0) {
    const listed = controls.map(describeCharacter).join(', ');
    kinds.push(`control characters (${listed}), which a terminal reads as commands`);
  }
  if (bidi.length > 0) {
    const listed = bidi.map(describeCharacter).join(', ');
    kinds.push(
      `bidirectional control characters (${listed}), which make the message show in ` +
        'another order than git stores it',
    );
  }
  if (invisible.length > 0) {
    const listed = invisible.map(describeCharacter).join(', ');
    kinds.push(`invisible characters (${listed}), which hide text or break a line unseen`);
  }
  return kinds.join(', and ');
}

/**
 * Checks that no batch message, as `git commit -F` cleans it under `cleanup`, contains a
 * forbidden character (see findForbiddenCharacters). So the carriage returns of CRLF line
 * ends pass, because git removes them as trailing whitespace, unless the mode is `verbatim`.
 */
export function checkMessageCharacters(
  strategy: StrategyShape,
  cleanup: MessageCleanup,
): StrategyProblem[] {
  const problems: StrategyProblem[] = [];
  for (const batch of strategy.batches) {
    const found = findForbiddenCharacters(cleanupCommitMessage(batch.message, cleanup));
    if (found.length === 0) continue;

    const message =
      `Batch ${batch.id} has a message with ${describeForbidden(found)}. ` +
      'Remove them from the message.';
    problems.push({ code: 'message-control-character', batch: batch.id, message });
  }
  return problems;
}
