/**
 * Parts of an identifier made of words, versions and dates, as cache keys, feature flags and
 * migration ids are written (`user-profile-v2-2024-01-15`): lower-case words, numbered words
 * (`v2`, `rc1`, `beta4`, `oauth2`, `version2`), numbers of up to four digits and compact dates (`20240115`).
 * An ISO date is three numbers. A word of more than three letters needs a vowel, as words of
 * a language have, and random letters (`xkqzvbt`) rarely do.
 */
const IDENTIFIER_SEPARATOR = /[-_./]/;
const LETTER_WORD = /^[a-z]+$/;
const VOWEL = /[aeiouy]/;
const NUMBERED_WORD = /^([a-z]{1,12})\d{1,3}$/;
const SHORT_NUMBER = /^\d{1,4}$/;
const COMPACT_DATE = /^(?:19|20)\d{2}(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\d|3[01])$/;

function isWordLike(letters: string): boolean {
  return letters.length <= 3 || VOWEL.test(letters);
}

/**
 * Returns true when every part of `value` between `-`, `_`, `.` and `/` is a lower-case word,
 * a numbered word, a short number or a compact date, and one part is a word of at least three
 * letters. Generated secrets mix letters and digits inside their parts (`k9xm-2pq7-zx4t`).
 */
export function isWordIdentifier(value: string): boolean {
  const parts = value.split(IDENTIFIER_SEPARATOR);
  if (parts.length < 2) return false;

  let hasWord = false;
  for (const part of parts) {
    if (LETTER_WORD.test(part)) {
      if (!isWordLike(part)) return false;
      if (part.length >= 3 && VOWEL.test(part)) hasWord = true;
      continue;
    }
    const numbered = NUMBERED_WORD.exec(part);
    if (numbered?.[1] !== undefined && isWordLike(numbered[1])) continue;
    if (SHORT_NUMBER.test(part) || COMPACT_DATE.test(part)) continue;
    return false;
  }
  return hasWord;
}
