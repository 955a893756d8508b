import type { FileChange, FileContent } from '../../footprint/types.js';
import { findAddedLinesWith, readStagedLines, type AddedLine } from '../added-lines.js';
import { createFinding } from '../finding.js';
import type { Finding, RiskRule, RuleContext } from '../types.js';

/**
 * PEM armour of private keys: PKCS#1 (`RSA`), SEC1 (`EC`), `DSA`, OpenSSH, PKCS#8 (plain and
 * `ENCRYPTED`) and OpenPGP secret key blocks. The pattern runs sticky at each `-----BEGIN `
 * that indexOf finds, so a long line costs time linear in its length.
 */
const PEM_MARKER = '-----BEGIN ';
const PEM_HEADER =
  /-----BEGIN ((?:RSA |EC |DSA |OPENSSH |ENCRYPTED )?PRIVATE KEY|PGP PRIVATE KEY BLOCK)-----/y;

/** PuTTY's `.ppk` files start with `PuTTY-User-Key-File-`, the format version and a colon. */
const PUTTY_MARKER = 'PuTTY-User-Key-File-';
const PUTTY_HEADER = /PuTTY-User-Key-File-\d{1,2}:/y;

/**
 * Key material right after a header: optional quotes, whitespace and escaped line breaks (a
 * key inside a JSON or code string), then 16 base64 characters or the END line. Placeholder
 * text such as `(masked)` or `...` does not match.
 */
const MATERIAL_AFTER_HEADER = /(?:\s|\\[nr]|["'`+,])*(?:[A-Za-z0-9+/]{16}|-----END )/y;
/** A line of key material on its own: base64, possibly quoted or indented. */
const MATERIAL_LINE = /^[\s"'`]*(?:[A-Za-z0-9+/]{16}|-----END )/;
/** RFC 1421 and OpenPGP armour headers that may sit between the BEGIN line and the material. */
const ARMOUR_HEADER = /^\s*(?:Proc-Type|DEK-Info|Version|Comment|Hash|Charset):/;
/** A PuTTY key names its private part in a `Private-Lines:` line. */
const PUTTY_PRIVATE = /^Private-Lines:\s*\d/;
/** Lines read after a header when looking for the key material. */
const LOOKAHEAD_LINES = 6;
const PUTTY_LOOKAHEAD_LINES = 40;

const RULE = {
  id: 'private-key',
  fix:
    'Remove the key from the file and stage it again (or unstage the file with ' +
    '`git restore --staged FILE`), then rotate the key: make a new one and revoke this one ' +
    'wherever it is trusted.',
};

/** Returns the first match of a sticky `header` at an occurrence of `marker`, with its end. */
function findAtMarker(
  text: string,
  marker: string,
  header: RegExp,
): { header: string; end: number } | null {
  for (let at = text.indexOf(marker); at !== -1; at = text.indexOf(marker, at + 1)) {
    header.lastIndex = at;
    const match = header.exec(text);
    if (match) return { header: match[0], end: header.lastIndex };
  }
  return null;
}

/** Returns true when key material follows a PEM header on its line or the lines after it. */
function hasPemMaterial(text: string, headerEnd: number, lines: string[], line: number): boolean {
  MATERIAL_AFTER_HEADER.lastIndex = headerEnd;
  if (MATERIAL_AFTER_HEADER.test(text)) return true;
  if (text.slice(headerEnd).trim() !== '') return false;

  for (const next of lines.slice(line, line + LOOKAHEAD_LINES)) {
    if (next.trim() === '' || ARMOUR_HEADER.test(next)) continue;
    return MATERIAL_LINE.test(next);
  }
  return false;
}

function hasPuttyPrivatePart(lines: string[], line: number): boolean {
  return lines.slice(line, line + PUTTY_LOOKAHEAD_LINES).some((next) => PUTTY_PRIVATE.test(next));
}

/** Returns the key's header when the line starts a real key, or null. */
function findKey(text: string, content: FileContent, line: number): string | null {
  const pem = text.includes(PEM_MARKER) ? findAtMarker(text, PEM_MARKER, PEM_HEADER) : null;
  if (pem !== null && hasPemMaterial(text, pem.end, readStagedLines(content), line)) {
    return pem.header;
  }
  const putty = text.includes(PUTTY_MARKER) ? findAtMarker(text, PUTTY_MARKER, PUTTY_HEADER) : null;
  if (putty !== null && hasPuttyPrivatePart(readStagedLines(content), line)) return putty.header;
  return null;
}

/**
 * Finds private keys on added lines: a key header followed by key material (base64, an END
 * line, or PuTTY's private lines). A header followed by placeholder text is not a key. The
 * finding shows only the header, which names the format and holds no key material.
 */
function checkPrivateKeys(file: FileChange, content: FileContent, context: RuleContext): Finding[] {
  const findings: Finding[] = [];
  const candidates = new Map<number, AddedLine>();
  for (const marker of [PEM_MARKER, PUTTY_MARKER]) {
    for (const added of findAddedLinesWith(file, content, marker))
      candidates.set(added.line, added);
  }
  for (const added of [...candidates.values()].sort((a, b) => a.line - b.line)) {
    const header = findKey(added.text, content, added.line);
    if (header === null) continue;

    findings.push(
      createFinding(RULE, context, {
        path: file.path,
        line: added.line,
        message: 'Private key staged',
        masked: `${header} (masked)`,
      }),
    );
  }
  return findings;
}

export const privateKeyRule: RiskRule = {
  ...RULE,
  group: 'secrets',
  defaultSeverity: 'critical',
  description:
    'Finds private keys (PEM, OpenSSH, PGP, PuTTY) with their key material on added lines.',
  defaultOptions: {},
  check: checkPrivateKeys,
};
