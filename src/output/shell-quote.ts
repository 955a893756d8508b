import { escapeCharacter, isHiddenCharacter } from './quote-path.js';

/**
 * Quotes a value for a POSIX shell so that a command shown to the user runs as shown: left as
 * it is when it has only letters, digits and `_./:-`, else in single quotes with each `'`
 * written as `'\''`. A newline stays inside the single quotes, because `$'\n'` is not POSIX.
 * The other characters that quotePath escapes, such as a tab, ESC, bidirectional controls and
 * bytes that are not UTF-8, are written as `"$(printf '\033')"`. Printed as they are, they
 * would move the cursor, hide or reorder the name, or turn into spaces when copied.
 */
export function shellQuote(value: string): string {
  if (/^[\w./:-]+$/.test(value)) return value;
  if (value === '') return "''";

  let quoted = '';
  let literal = '';
  let escaped = '';
  for (const character of value) {
    if (character !== '\n' && isHiddenCharacter(character)) {
      quoted += singleQuote(literal);
      literal = '';
      escaped += escapeCharacter(character);
    } else {
      quoted += printfWord(escaped);
      escaped = '';
      literal += character;
    }
  }
  return quoted + singleQuote(literal) + printfWord(escaped);
}

/**
 * Quotes a file path for a command shown to the user, as shellQuote does, and writes a relative
 * path that starts with `-` as `./-name`, so that the command does not read it as an option.
 */
export function shellPath(file: string): string {
  return shellQuote(file.startsWith('-') ? `./${file}` : file);
}

function singleQuote(text: string): string {
  return text === '' ? '' : `'${text.replace(/'/g, `'\\''`)}'`;
}

/**
 * Writes C escapes such as `\033` as a word that printf turns back into the characters.
 * Command substitution drops only trailing newlines, and a newline never comes this way.
 */
function printfWord(escapes: string): string {
  return escapes === '' ? '' : `"$(printf '${escapes}')"`;
}
