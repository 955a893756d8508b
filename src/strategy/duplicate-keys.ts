/** A key that occurs more than once in one JSON object. */
export interface DuplicateKey {
  /** Keys and array indexes from the document's root to the object, such as `batches`, `2`. */
  segments: string[];
  key: string;
  /** 1-based line of each occurrence, in file order. */
  lines: number[];
  /** 1-based column of each occurrence's opening quote, in UTF-16 code units, as `lines`. */
  columns: number[];
}

/**
 * An open object or array. Frames link to their parent instead of copying its path, because
 * copying made scanning a text nested N levels deep cost N squared time and memory.
 */
interface ObjectFrame {
  kind: 'object';
  parent: Frame | undefined;
  /** Key or index of this value in its parent, or '' at the root. */
  segment: string;
  /** Line and column of each occurrence of each key. */
  keys: Map<string, Array<[number, number]>>;
  /** The key whose value comes next, or null before the first key. */
  key: string | null;
  expectsKey: boolean;
}

interface ArrayFrame {
  kind: 'array';
  parent: Frame | undefined;
  segment: string;
  index: number;
}

type Frame = ObjectFrame | ArrayFrame;

/** Returns the index of the quote that ends the string starting at `start`. */
export function stringEnd(text: string, start: number): number {
  let at = start + 1;
  while (at < text.length && text[at] !== '"') at += text[at] === '\\' ? 2 : 1;
  return at;
}

/** Returns the key or index of the next value in `parent`. */
function childSegment(parent: Frame | undefined): string {
  if (parent === undefined) return '';
  return parent.kind === 'object' ? (parent.key ?? '') : String(parent.index);
}

/** Returns the keys and indexes from the root to `frame`. */
function pathSegments(frame: Frame): string[] {
  const segments: string[] = [];
  for (let at: Frame | undefined = frame; at?.parent !== undefined; at = at.parent) {
    segments.push(at.segment);
  }
  return segments.reverse();
}

function collect(frame: ObjectFrame, found: DuplicateKey[]): void {
  for (const [key, places] of frame.keys) {
    if (places.length < 2) continue;
    const lines = places.map(([line]) => line);
    const columns = places.map(([, column]) => column);
    found.push({ segments: pathSegments(frame), key, lines, columns });
  }
}

/**
 * Finds the keys that occur more than once in an object of `text`, which must be valid JSON.
 * JSON.parse keeps the last value of such a key and silently drops the others, so an edit
 * that adds a second `message` or `hunks` would be lost.
 */
export function findDuplicateKeys(text: string): DuplicateKey[] {
  const found: DuplicateKey[] = [];
  const stack: Frame[] = [];
  let line = 1;
  let lineStart = 0;
  for (let at = 0; at < text.length; at += 1) {
    const character = text[at];
    const top = stack.at(-1);
    if (character === '\n') {
      line += 1;
      lineStart = at + 1;
    } else if (character === '"') {
      const end = stringEnd(text, at);
      if (top?.kind === 'object' && top.expectsKey) {
        const key = JSON.parse(text.slice(at, end + 1)) as string;
        const place: [number, number] = [line, at - lineStart + 1];
        const places = top.keys.get(key);
        if (places === undefined) top.keys.set(key, [place]);
        else places.push(place);
        top.key = key;
        top.expectsKey = false;
      }
      at = end;
    } else if (character === '{') {
      const segment = childSegment(top);
      const keys = new Map<string, Array<[number, number]>>();
      stack.push({ kind: 'object', parent: top, segment, keys, key: null, expectsKey: true });
    } else if (character === '[') {
      stack.push({ kind: 'array', parent: top, segment: childSegment(top), index: 0 });
    } else if (character === '}' || character === ']') {
      const closed = stack.pop();
      if (closed?.kind === 'object') collect(closed, found);
    } else if (character === ',' && top !== undefined) {
      if (top.kind === 'object') top.expectsKey = true;
      else top.index += 1;
    }
  }
  return found;
}
