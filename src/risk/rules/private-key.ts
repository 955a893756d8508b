import type { FileChange, FileContent } from '../../footprint/types.js';
import {
  findAddedLinesWith,
  readAddedText,
  readLineAt,
  readStagedLines,
  type AddedLine,
  type AddedText,
} from '../added-lines.js';
import { createFinding } from '../finding.js';
import {
  collectMaterial,
  isOpenSshPreambleOnly,
  isSeparatorsOnly,
  isWholeMaterialLine,
  MAX_MATERIAL_LINES,
} from '../secrets/key-material.js';
import type { Finding, RiskRule, RuleContext } from '../types.js';
import { unstageCommand } from '../unstage-command.js';

/**
 * PEM armour of private keys: PKCS#1 (`RSA`), SEC1 (`EC`), `DSA`, OpenSSH, PKCS#8 (plain and
 * `ENCRYPTED`) and OpenPGP secret key blocks. The pattern runs sticky at each `-----BEGIN `
 * that indexOf finds, so a long line costs time linear in its length.
 */
const PEM_MARKER = '-----BEGIN ';
const PEM_HEADER =
  /-----BEGIN ((?:RSA |EC |DSA |OPENSSH |ENCRYPTED )?PRIVATE KEY|PGP PRIVATE KEY BLOCK)-----/y;

/** RFC 4716 (SSH.com) private keys, armoured with four dashes and spaces. */
const SSH2_MARKER = '---- BEGIN SSH2 ';
const SSH2_HEADER = /---- BEGIN SSH2 ((?:ENCRYPTED )?PRIVATE KEY) ----/y;

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
    '`git reset -q -- FILE`), then rotate the key: make a new one and revoke this one ' +
    'wherever it is trusted.',
};

/** Returns the rule's fix with the command that unstages `file`. */
function fixFor(file: FileChange): string {
  return (
    'Remove the key from the file and stage it again (or unstage the file with ' +
    `\`${unstageCommand(file)}\`), then rotate the key: make a new one and revoke this one ` +
    'wherever it is trusted.'
  );
}

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

/**
 * Returns true when key material follows a PEM header on its line or the lines after it, and
 * the material is more than the public start of an OpenSSH key. `line` is the header's 1-based
 * line in `lines`, the staged text's lines.
 */
function hasPemMaterial(text: string, headerEnd: number, lines: string[], line: number): boolean {
  const rest = text.slice(headerEnd);
  if (!hasMaterialStart(text, headerEnd, lines, line)) return false;

  const material = collectMaterial([rest, ...lines.slice(line, line + MAX_MATERIAL_LINES)]);
  return !isOpenSshPreambleOnly(material);
}

/** Returns true when the text right after a header, or the next line that counts, is material. */
function hasMaterialStart(text: string, headerEnd: number, lines: string[], line: number): boolean {
  MATERIAL_AFTER_HEADER.lastIndex = headerEnd;
  if (MATERIAL_AFTER_HEADER.test(text)) return true;

  const rest = text.slice(headerEnd);
  const following = lines.slice(line, line + LOOKAHEAD_LINES);
  if (rest.trim() === '') {
    for (const next of following) {
      if (next.trim() === '' || ARMOUR_HEADER.test(next)) continue;
      return MATERIAL_LINE.test(next);
    }
    return false;
  }

  // The header ends a string (an array element, a `\n\` or `\` continuation of a
  // .properties value or a shell string), so the material is the next line's string.
  if (!isSeparatorsOnly(rest)) return false;
  const next = following.find((candidate) => candidate.trim() !== '');
  return next !== undefined && isWholeMaterialLine(next);
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
  const ssh2 = text.includes(SSH2_MARKER) ? findAtMarker(text, SSH2_MARKER, SSH2_HEADER) : null;
  if (ssh2 !== null && hasPemMaterial(text, ssh2.end, readStagedLines(content), line)) {
    return ssh2.header;
  }
  const putty = text.includes(PUTTY_MARKER) ? findAtMarker(text, PUTTY_MARKER, PUTTY_HEADER) : null;
  if (putty !== null && hasPuttyPrivatePart(readStagedLines(content), line)) return putty.header;
  return null;
}

/** A key found: its header and the 1-based staged line the finding points at. */
interface FoundKey {
  header: string;
  line: number;
}

/** Base64 run that a line of key material has. */
const BASE64_RUN = /[A-Za-z0-9+/]{16}/;

/**
 * Returns the last 1-based line of the key block whose header is on `headerLine`: its END
 * line, or the last line read when none comes. A PuTTY key has no END line.
 */
function findBlockEnd(lines: readonly string[], headerLine: number, putty: boolean): number {
  const last = Math.min(
    lines.length,
    headerLine + (putty ? PUTTY_LOOKAHEAD_LINES : MAX_MATERIAL_LINES),
  );
  if (putty) return last;
  for (let line = headerLine + 1; line <= last; line++) {
    if ((lines[line - 1] ?? '').includes('-----END ')) return line;
  }
  return last;
}

/** Returns the first added line in `[first, last]` that contains key material, or undefined. */
function findAddedMaterial(added: AddedText, first: number, last: number): number | undefined {
  const numbers = added.lineNumbers;
  let low = 0;
  let high = numbers.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if ((numbers[middle] ?? 0) < first) low = middle + 1;
    else high = middle;
  }
  for (let index = low; index < numbers.length && (numbers[index] ?? 0) <= last; index++) {
    const line = readLineAt(added, index);
    if (BASE64_RUN.test(line.text)) return line.line;
  }
  return undefined;
}

/**
 * Finds keys whose header is an unchanged line of the staged blob but whose material the
 * change adds, as when a key is rotated inside a file that already contained one. A diff shows
 * the BEGIN and END lines as context then, so the added lines alone contain no header.
 */
function findKeysAroundAddedLines(
  file: FileChange,
  content: FileContent,
  addedHeaders: ReadonlySet<number>,
): FoundKey[] {
  const staged = content.newText;
  if (staged === null || (!staged.includes(PEM_MARKER) && !staged.includes(PUTTY_MARKER))) {
    return [];
  }

  const added = readAddedText(file, content);
  const lines = readStagedLines(content);
  const found: FoundKey[] = [];
  lines.forEach((text, index) => {
    const line = index + 1;
    const putty = text.includes(PUTTY_MARKER);
    if (addedHeaders.has(line) || (!putty && !text.includes(PEM_MARKER))) return;
    const header = findKey(text, content, line);
    if (header === null) return;

    const first = findAddedMaterial(added, line + 1, findBlockEnd(lines, line, putty));
    if (first !== undefined) found.push({ header, line: first });
  });
  return found;
}

/** Finds keys whose header is on an added line. */
function findKeysOnAddedLines(candidates: readonly AddedLine[], content: FileContent): FoundKey[] {
  const found: FoundKey[] = [];
  for (const added of candidates) {
    const header = findKey(added.text, content, added.line);
    if (header !== null) found.push({ header, line: added.line });
  }
  return found;
}

/**
 * Finds private keys that a change adds: a key header followed by key material (base64, an END
 * line, or PuTTY's private lines), with either the header or the material on added lines. A
 * header followed by placeholder text, or by only the public start of an OpenSSH key, is not a
 * key. The finding shows only the header, which names the format and contains no key material.
 */
function checkPrivateKeys(file: FileChange, content: FileContent, context: RuleContext): Finding[] {
  const candidates = new Map<number, AddedLine>();
  for (const marker of [PEM_MARKER, SSH2_MARKER, PUTTY_MARKER]) {
    for (const added of findAddedLinesWith(file, content, marker))
      candidates.set(added.line, added);
  }
  const onAdded = findKeysOnAddedLines([...candidates.values()], content);
  const around = findKeysAroundAddedLines(file, content, new Set(candidates.keys()));

  return [...onAdded, ...around]
    .sort((a, b) => a.line - b.line)
    .map(({ header, line }) =>
      createFinding({ ...RULE, fix: fixFor(file) }, context, {
        path: file.path,
        line,
        message: 'Private key staged',
        masked: `${header} (masked)`,
      }),
    );
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
