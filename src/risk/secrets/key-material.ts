/**
 * Reading the key material that follows a private key header, wherever a file keeps it. It may
 * sit on the header's line inside a string (after `\n` escapes), on the next lines of a PEM
 * file, in the elements of a string array, or in lines joined by backslash continuations.
 */

/** Maximum lines after a header read for material: a 4096-bit RSA key in PEM has 51. */
export const MAX_MATERIAL_LINES = 120;

/** Maximum characters of material read, enough to reach an OpenSSH key's private section. */
const MAX_MATERIAL_CHARS = 8192;

/**
 * Text around material that is not part of it: quotes, commas and `+` of a string array or a
 * concatenation, `\n` and `\r` escapes, a backslash that continues a line, and whitespace.
 */
const SEPARATORS = /^(?:\s|\\[nr]?|["'`+,])*$/;

/** Returns true when `text` holds only separators, as after a header that ends a string. */
export function isSeparatorsOnly(text: string): boolean {
  return SEPARATORS.test(text);
}

/**
 * A line that is material and nothing else: optional separators, 16 or more base64
 * characters, then separators. Stricter than a prefix match, because it is used where the
 * header's line ends in a quote or comma, as code does around any string.
 */
const WHOLE_MATERIAL_LINE =
  /^(?:\s|["'`+,])*[A-Za-z0-9+/]{16}[A-Za-z0-9+/=]*(?:\s|\\[nr]?|["'`+,])*$/;

export function isWholeMaterialLine(line: string): boolean {
  return WHOLE_MATERIAL_LINE.test(line);
}

function isBase64Char(code: number): boolean {
  return (
    (code >= 65 && code <= 90) ||
    (code >= 97 && code <= 122) ||
    (code >= 48 && code <= 57) ||
    code === 43 ||
    code === 47 ||
    code === 61
  );
}

/** Returns the length of the separator at `at` (see SEPARATORS), or 0 when none starts there. */
function separatorLength(text: string, at: number): number {
  const char = text[at] ?? '';
  if (char === '\\') return text[at + 1] === 'n' || text[at + 1] === 'r' ? 2 : 1;
  return /[\s"'`+,]/.test(char) ? 1 : 0;
}

/**
 * Collects the base64 material that starts at the beginning of `pieces` (the rest of the
 * header's line, then the lines after it), skipping separators. It stops at an END line, at
 * any other character (`...`, prose, a closing bracket) and after MAX_MATERIAL_CHARS.
 */
export function collectMaterial(pieces: readonly string[]): string {
  let material = '';
  for (const piece of pieces) {
    let at = 0;
    while (at < piece.length) {
      const code = piece.charCodeAt(at);
      if (isBase64Char(code)) {
        material += piece[at];
        if (material.length >= MAX_MATERIAL_CHARS) return material;
        at++;
        continue;
      }
      const skip = separatorLength(piece, at);
      if (skip === 0) return material;
      at += skip;
    }
  }
  return material;
}

/** Base64 of `openssh-key-v1`, the magic that starts every OpenSSH private key file. */
const OPENSSH_MAGIC_BASE64 = 'b3BlbnNzaC1rZXktdjE';
const OPENSSH_MAGIC = 'openssh-key-v1\0';

/** Bytes of the private section that must be present for the material to hold a secret. */
const MIN_PRIVATE_BYTES = 16;

/**
 * Returns true when OpenSSH material stops before the key's private section. The start of the
 * format is public and the same in many keys: the magic, the cipher and KDF names, the KDF
 * options, the key count and the public keys. Only the private section contains a secret, so
 * a document or a format check that quotes the start contains no key.
 */
export function isOpenSshPreambleOnly(material: string): boolean {
  if (!material.startsWith(OPENSSH_MAGIC_BASE64)) return false;

  const usable = material.replace(/=+$/, '');
  const bytes = Buffer.from(usable.slice(0, usable.length - (usable.length % 4)), 'base64');
  if (bytes.toString('latin1', 0, OPENSSH_MAGIC.length) !== OPENSSH_MAGIC) return true;
  return !hasPrivateSection(bytes, OPENSSH_MAGIC.length);
}

/**
 * Walks the fields of an OpenSSH key after its magic and returns true when at least
 * MIN_PRIVATE_BYTES of the private section are present. The fields are the cipher name, the
 * KDF name, the KDF options, the key count, the public keys and the private section, and each
 * string among them is a 4-byte length followed by its bytes.
 */
function hasPrivateSection(bytes: Buffer, start: number): boolean {
  let at = start;
  const skipString = (): boolean => {
    if (at + 4 > bytes.length) return false;
    at += 4 + bytes.readUInt32BE(at);
    return at <= bytes.length;
  };

  if (!skipString() || !skipString() || !skipString()) return false;
  if (at + 4 > bytes.length) return false;
  const keyCount = bytes.readUInt32BE(at);
  at += 4;
  // A key file contains one key. A count that no key file has is not the public preamble, so
  // the material is taken as a key.
  if (keyCount === 0 || keyCount > 16) return true;
  for (let key = 0; key < keyCount; key++) {
    if (!skipString()) return false;
  }
  return bytes.length - at >= 4 + MIN_PRIVATE_BYTES;
}
