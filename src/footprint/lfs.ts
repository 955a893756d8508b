/** The object a Git LFS pointer file names. */
export interface LfsPointer {
  /** `sha256:` followed by 64 hex digits. */
  oid: string;
  /** Size in bytes of the real file in LFS storage. */
  size: number;
}

/** Real pointers are about 130 bytes, so larger blobs are not parsed at all. */
const MAX_POINTER_BYTES = 1024;
const VERSION_LINE = 'version https://git-lfs.github.com/spec/v1';
const OID_VALUE = /^sha256:[0-9a-f]{64}$/;
const SIZE_VALUE = /^[0-9]+$/;
const KEY = /^[a-z0-9.-]+$/;

/**
 * Parses a Git LFS pointer (specification v1): a version line, then `key value` lines that
 * include `oid` and `size`, each ending in LF. Returns null for anything else.
 */
export function parseLfsPointer(content: Buffer): LfsPointer | null {
  if (content.length > MAX_POINTER_BYTES || content.at(-1) !== 0x0a) return null;

  const lines = content.toString('utf8').slice(0, -1).split('\n');
  if (lines[0] !== VERSION_LINE) return null;

  const values = new Map<string, string>();
  for (const line of lines.slice(1)) {
    const space = line.indexOf(' ');
    const key = line.slice(0, space);
    if (space <= 0 || !KEY.test(key) || values.has(key)) return null;
    values.set(key, line.slice(space + 1));
  }

  const oid = values.get('oid') ?? '';
  const size = values.get('size') ?? '';
  if (!OID_VALUE.test(oid) || !SIZE_VALUE.test(size)) return null;
  return { oid, size: Number(size) };
}
