/** Bytes git scans for a NUL byte before it calls content binary (FIRST_FEW_BYTES in git). */
export const BINARY_SCAN_BYTES = 8000;

/** Returns true when the first 8,000 bytes hold a NUL byte, git's test for binary content. */
export function hasBinaryContent(content: Buffer): boolean {
  return content.subarray(0, BINARY_SCAN_BYTES).includes(0);
}

/**
 * Returns what `.gitattributes` decides about diffing a path as binary: true for `binary` or
 * `-diff`, false for `diff` (forced text), null when the content decides. A named diff driver
 * (`diff=NAME`) leaves it to the content.
 */
// NOTE: a driver's `diff.NAME.binary` setting in git config is not consulted.
export function binaryFromAttributes(attributes: Readonly<Record<string, string>>): boolean | null {
  if (attributes['binary'] === 'set') return true;
  if (attributes['diff'] === 'unset') return true;
  if (attributes['diff'] === 'set') return false;
  return null;
}
