/** Names of the Latin-1 encoding that `i18n.commitEncoding` may give, without punctuation. */
const LATIN1_NAMES = new Set(['latin1', 'l1', 'iso88591', 'iso885911987', 'cp819', 'ibm819']);

/** A character that Latin-1 lacks: Latin-1 encodes U+0000 to U+00FF, one byte each. */
const OUTSIDE_LATIN1 = /[\u0100-\u{10ffff}]/u;

/** A character outside ASCII. */
const NON_ASCII = /[\u0080-\u{10ffff}]/gu;

/**
 * Encodes text that footprint adds to a message file in `i18n.commitEncoding` (UTF-8 when
 * unset), and returns the bytes as a Latin-1 string, one character per byte, as the message
 * file is read. Under any other encoding, or for a character Latin-1 lacks, each character
 * outside ASCII becomes `?`, because those bytes would be read as other characters.
 */
export function encodeAddedText(text: string, commitEncoding: string | null): string {
  const name = (commitEncoding ?? 'utf-8').toLowerCase().replace(/[^a-z0-9]/g, '');
  if (name === 'utf8') return Buffer.from(text, 'utf8').toString('latin1');
  if (LATIN1_NAMES.has(name) && !OUTSIDE_LATIN1.test(text)) return text;
  return text.replace(NON_ASCII, '?');
}
