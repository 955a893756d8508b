/**
 * Short forms of "password" in names (`DB_PASS`, `dbPwd`, `smtpPw`). They are also parts of
 * everyday words (`bypass`, `compass`, `passive`, `pwm`), so a name counts as naming a password
 * only where the short form is a whole word of it, as isNameWordAt checks.
 */
export const PASSWORD_ABBREVIATIONS: readonly string[] = ['pass', 'pwd', 'pw'];

function isLetter(char: string): boolean {
  return (char >= 'a' && char <= 'z') || (char >= 'A' && char <= 'Z');
}

function isUpper(char: string): boolean {
  return char >= 'A' && char <= 'Z';
}

function isLower(char: string): boolean {
  return char >= 'a' && char <= 'z';
}

/**
 * Returns true when a word of an identifier starts at `at`: after a character that is no
 * letter, at a lower-to-upper case change (`dbPass`), or at the last capital of an acronym
 * followed by lower case (`SMTPPass`).
 */
function startsWord(text: string, at: number): boolean {
  const before = text.charAt(at - 1);
  const first = text.charAt(at);
  if (!isLetter(before)) return true;
  if (isLower(before) && isUpper(first)) return true;
  return isUpper(before) && isUpper(first) && isLower(text.charAt(at + 1));
}

/**
 * Returns true when a word of an identifier ends at `end`: before a character that is no
 * letter, or at a lower-to-upper case change (`pwdHash`, `PassFile`).
 */
function endsWord(text: string, end: number): boolean {
  const after = text.charAt(end);
  if (!isLetter(after)) return true;
  return isLower(text.charAt(end - 1)) && isUpper(after);
}

/**
 * Returns true when `text` from `start` to `end` is a whole word of the identifier around it,
 * split at `_`, `-`, `.`, digits and case changes: `pass` in `DB_PASS`, `dbPass` and
 * `SMTPPass`, but not in `bypass`, `passive` or `BYPASS`.
 */
export function isNameWordAt(text: string, start: number, end: number): boolean {
  return startsWord(text, start) && endsWord(text, end);
}

/** Returns true when one of PASSWORD_ABBREVIATIONS is a whole word of `name`. */
export function hasPasswordAbbreviation(name: string): boolean {
  const lower = name.toLowerCase();
  for (const abbreviation of PASSWORD_ABBREVIATIONS) {
    for (
      let at = lower.indexOf(abbreviation);
      at !== -1;
      at = lower.indexOf(abbreviation, at + 1)
    ) {
      if (isNameWordAt(name, at, at + abbreviation.length)) return true;
    }
  }
  return false;
}
