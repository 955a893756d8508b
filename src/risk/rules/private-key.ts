import type { FileChange, FileContent } from '../../footprint/types.js';
import { readAddedLines } from '../added-lines.js';
import { describeBypass } from '../bypass.js';
import type { Finding, RiskRule, RuleContext } from '../types.js';

const RULE = 'private-key';

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

const FIX =
  'Remove the key from the file and stage it again (or unstage the file with ' +
  '`git restore --staged FILE`), then rotate the key: make a new one and revoke this one ' +
  'wherever it is trusted. ';

/** Returns the first match of a sticky `header` at an occurrence of `marker`, or null. */
function findAtMarker(text: string, marker: string, header: RegExp): string | null {
  for (let at = text.indexOf(marker); at !== -1; at = text.indexOf(marker, at + 1)) {
    header.lastIndex = at;
    const match = header.exec(text);
    if (match) return match[0];
  }
  return null;
}

/** Returns the key's header, which names its format and contains no key material, or null. */
function findKeyHeader(text: string): string | null {
  return (
    findAtMarker(text, PEM_MARKER, PEM_HEADER) ?? findAtMarker(text, PUTTY_MARKER, PUTTY_HEADER)
  );
}

/** Finds private keys on added lines; the finding shows only the key's header, masked. */
function checkPrivateKeys(file: FileChange, content: FileContent, context: RuleContext): Finding[] {
  const findings: Finding[] = [];
  for (const added of readAddedLines(file, content)) {
    const header = findKeyHeader(added.text);
    if (header === null) continue;

    findings.push({
      rule: RULE,
      severity: context.severity,
      path: file.path,
      line: added.line,
      message: `Private key at ${file.path}:${added.line}`,
      masked: `${header} (masked)`,
      fix: FIX + describeBypass(RULE),
    });
  }
  return findings;
}

export const privateKeyRule: RiskRule = {
  id: RULE,
  defaultSeverity: 'critical',
  description:
    'Finds private keys (PEM, OpenSSH, PGP, PuTTY) on added lines before they are committed.',
  defaultOptions: {},
  check: checkPrivateKeys,
};
