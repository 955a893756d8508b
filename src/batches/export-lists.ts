/**
 * Start of a JavaScript or TypeScript export list: `export {`, `export type {`. Its names are
 * public whether the list re-exports from a module (`} from './x'`) or exports local bindings.
 */
const LIST_START = /^\s*export\s+(?:type\s+)?\{/;

/** `export * as ns from './x'`, which makes `ns` public. */
const NAMESPACE_EXPORT = /^\s*export\s+\*\s+as\s+([A-Za-z_$][\w$]*)/;

/** One item of a list: `a`, `type A`, `a as b`. */
const LIST_ITEM = /^(?:type\s+)?([A-Za-z_$][\w$]*)(?:\s+as\s+([A-Za-z_$][\w$]*))?$/;

/** Text that any line with an export list or namespace export contains. */
const MAY_LIST = /\bexport\s+(?:type\s+)?\{|\bexport\s+\*\s+as\b/;

/**
 * Returns the names that a piece of an export list makes public: `b` for `a as b`. A `default`
 * item names no declaration, so it is left out, and so is a comment or anything else.
 */
function namesOfItems(items: string): string[] {
  const names: string[] = [];
  for (const item of items.split(',')) {
    const match = LIST_ITEM.exec(item.trim());
    const name = match?.[2] ?? match?.[1];
    if (name !== undefined && name !== 'default') names.push(name);
  }
  return names;
}

/** A line with names that an export list makes public. */
export interface ListedExports {
  text: string;
  names: string[];
}

/**
 * Finds the names that export lists and namespace exports make public on each line of a text,
 * by 1-based line number. A list may span lines, as in a package's `index.ts` that re-exports
 * one name per line, so a line such as `  parse,` counts only inside `export {` ... `}`.
 */
export function findListedExports(text: string): ReadonlyMap<number, ListedExports> {
  const cached = recent.get(text);
  if (cached) return cached;

  const byLine = readListedExports(text);
  if (recent.size >= MAX_RECENT) recent.clear();
  recent.set(text, byLine);
  return byLine;
}

/**
 * Texts read lately. A batch's type and subject ask for the same file several times, and one
 * read splits the whole text into lines.
 */
const recent = new Map<string, ReadonlyMap<number, ListedExports>>();
const MAX_RECENT = 16;

function readListedExports(text: string): ReadonlyMap<number, ListedExports> {
  const byLine = new Map<number, ListedExports>();
  if (!MAY_LIST.test(text)) return byLine;

  let inList = false;
  text.split('\n').forEach((line, index) => {
    let items: string | null = null;
    if (inList) {
      const close = line.indexOf('}');
      items = close < 0 ? line : line.slice(0, close);
      inList = close < 0;
    } else if (LIST_START.test(line)) {
      const open = line.indexOf('{');
      const close = line.indexOf('}', open);
      items = close < 0 ? line.slice(open + 1) : line.slice(open + 1, close);
      inList = close < 0;
    } else {
      const namespace = NAMESPACE_EXPORT.exec(line)?.[1];
      if (namespace !== undefined) byLine.set(index + 1, { text: line, names: [namespace] });
    }

    const names = items === null ? [] : namesOfItems(items);
    if (names.length > 0) byLine.set(index + 1, { text: line, names });
  });
  return byLine;
}
