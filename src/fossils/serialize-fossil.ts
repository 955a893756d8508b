/** Kinds written without indentation: large lists of numbers, read by programs more than people. */
const COMPACT_KINDS: ReadonlySet<string> = new Set(['model']);

/**
 * Returns a fossil's file text. Most kinds are indented for people who open the file. A model
 * is written on one line, because indenting puts each number of its long lists on a line of
 * its own, which the hook would then have to read and parse. `footprint fossils show` prints
 * either kind readably.
 */
export function serializeFossil(fossil: { kind: string }): string {
  const indent = COMPACT_KINDS.has(fossil.kind) ? undefined : 2;
  return `${JSON.stringify(fossil, null, indent)}\n`;
}
