import type { FileContent } from '../footprint/types.js';
import { createStringLineTest } from './string-lines.js';
import type { Finding } from './types.js';

/** The comment marker that allows findings on its own line: `footprint-allow: rule-a, rule-b`. */
export const INLINE_ALLOW_MARKER = 'footprint-allow:';

const RULE_ID = /\s*([A-Za-z0-9_-]+)/y;
const SEPARATOR = /\s*,/y;

/** Returns the rule ids listed after the first `footprint-allow:` on a line, comma-separated. */
export function readInlineAllows(text: string): string[] {
  const marker = text.indexOf(INLINE_ALLOW_MARKER);
  if (marker === -1) return [];

  const ids: string[] = [];
  let position = marker + INLINE_ALLOW_MARKER.length;
  for (;;) {
    RULE_ID.lastIndex = position;
    const id = RULE_ID.exec(text);
    if (!id || id[1] === undefined) break;
    ids.push(id[1]);
    position = RULE_ID.lastIndex;

    SEPARATOR.lastIndex = position;
    if (!SEPARATOR.test(text)) break;
    position = SEPARATOR.lastIndex;
  }
  return ids;
}

export function allowsInline(text: string, rule: string): boolean {
  return readInlineAllows(text).includes(rule);
}

/** JSON files, which have no comment syntax, so a `footprint-allow:` comment breaks them. */
const JSON_NAME = /\.(?:json|ipynb|geojson|webmanifest|har)$/i;
/** JSON files that their tools read with comments allowed (JSONC). */
const JSONC_NAME = /(?:^|\/)(?:[tj]sconfig(?:\.[^/]*)?\.json|\.vscode\/[^/]*\.json)$/i;

/**
 * Keys and certificates, whose armour and base64 lines a comment would corrupt: `.pem`,
 * `.key`, `.crt`, PuTTY's `.ppk`, SSH's `id_rsa` and the like.
 */
const KEY_NAME = /(?:\.(?:pem|key|crt|cer|csr|der|p8|p12|pfx|ppk|asc|gpg)|(?:^|\/)id_[a-z0-9]+)$/i;

/**
 * Returns true when a file at `path` can hold a `footprint-allow:` comment on a line without
 * breaking its format. JSON cannot, except files whose tools accept comments (`tsconfig.json`,
 * `.vscode/settings.json`), and neither can key and certificate files, so their findings are
 * allowed by a `risk.allow` entry instead.
 */
export function acceptsLineComments(path: string): boolean {
  if (KEY_NAME.test(path)) return false;
  return !JSON_NAME.test(path) || JSONC_NAME.test(path);
}

/**
 * Returns a test of whether a finding's line can take a `footprint-allow:` comment. It can
 * when its file's format takes comments and the line ends outside any multi-line string of
 * the staged text in `content`, which the comment would otherwise join.
 */
export function createLineCommentTest(
  content: ReadonlyMap<string, FileContent> | undefined,
): (finding: Finding) => boolean {
  const stringLineTests = new Map<string, (line: number) => boolean>();
  return (finding) => {
    if (finding.line === undefined || !acceptsLineComments(finding.path)) return false;
    const text = content?.get(finding.path)?.newText;
    if (text === null || text === undefined) return true;

    let insideString = stringLineTests.get(finding.path);
    if (insideString === undefined) {
      insideString = createStringLineTest(finding.path, text);
      stringLineTests.set(finding.path, insideString);
    }
    return !insideString(finding.line);
  };
}
