import { shannonEntropy } from '../risk/entropy.js';

/** Tokens shorter than this are never judged random: short ids and words come out too high. */
const MIN_RANDOM_LENGTH = 20;

/**
 * Bits per character above which a token looks random. Random hex of 40 characters scores
 * about 3.7 and random base64 of 20 or more about 4; identifiers and paths score less,
 * because they repeat letters.
 */
const RANDOM_BITS_PER_CHAR = 3.5;

function countMatches(text: string, pattern: RegExp): number {
  return text.match(pattern)?.length ?? 0;
}

/**
 * Returns true when a token of base64 or hex characters looks like a generated secret: long,
 * with letters and at least two digits, and high entropy. Hashes, UUIDs and long numbered ids
 * also pass, which costs the summary a little detail and never leaks a key.
 */
export function looksRandom(token: string): boolean {
  if (token.length < MIN_RANDOM_LENGTH) return false;
  if (countMatches(token, /[0-9]/g) < 2 || countMatches(token, /[A-Za-z]/g) < 2) return false;
  return shannonEntropy(token) >= RANDOM_BITS_PER_CHAR;
}
