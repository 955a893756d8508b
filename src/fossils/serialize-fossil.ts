/** Kinds written without indentation: large lists of numbers, read by programs more than people. */
const COMPACT_KINDS: ReadonlySet<string> = new Set(['model']);

const INDENT = '  ';

/**
 * Returns a fossil's file text. Objects are indented, and each element of a list is written
 * on one line of its own: a staged file, a batch, a finding. Indenting every key of every
 * element as well would double the file, because an analysis of a change of thousands of
 * files contains thousands of such elements. A model is written on one line, because its long
 * lists of numbers are read by the hook, not by people. `footprint fossils show` prints
 * either kind readably.
 */
export function serializeFossil(fossil: { kind: string }): string {
  if (COMPACT_KINDS.has(fossil.kind)) return `${JSON.stringify(fossil)}\n`;
  return `${writeValue(fossil, '')}\n`;
}

/** Writes a JSON value at an indentation level; lists get one compact element per line. */
function writeValue(value: unknown, indent: string): string {
  if (Array.isArray(value)) return writeList(value, indent);
  if (typeof value === 'object' && value !== null && !hasToJson(value)) {
    return writeObject(value as Record<string, unknown>, indent);
  }
  return JSON.stringify(value) ?? 'null';
}

function writeList(list: readonly unknown[], indent: string): string {
  if (list.length === 0) return '[]';
  const inner = indent + INDENT;
  // JSON.stringify writes undefined, a function or a symbol in a list as null.
  const lines = list.map((element) => JSON.stringify(element) ?? 'null');
  return `[\n${inner}${lines.join(`,\n${inner}`)}\n${indent}]`;
}

function writeObject(object: Record<string, unknown>, indent: string): string {
  const inner = indent + INDENT;
  const members: string[] = [];
  for (const [key, member] of Object.entries(object)) {
    // JSON.stringify leaves out members it cannot write.
    if (member === undefined || typeof member === 'function' || typeof member === 'symbol') {
      continue;
    }
    members.push(`${JSON.stringify(key)}: ${writeValue(member, inner)}`);
  }
  if (members.length === 0) return '{}';
  return `{\n${inner}${members.join(`,\n${inner}`)}\n${indent}}`;
}

function hasToJson(value: object): boolean {
  return typeof (value as { toJSON?: unknown }).toJSON === 'function';
}
