/** One value under `data:` of a Kubernetes Secret, as written in the manifest (base64). */
export interface SecretDataEntry {
  key: string;
  value: string;
  /** 1-based line of the key. */
  line: number;
  /** 1-based last line of the value, after the key's line when a block scalar wraps it. */
  lastLine: number;
}

/** A line of `---` or `...` that ends a YAML document of a stream. */
const DOCUMENT_END = /^(?:---|\.\.\.)(?:\s|$)/;

/** A block scalar header: `|` or `>`, with a chomping or indentation indicator. */
const BLOCK_SCALAR = /^[|>][-+0-9]*\s*(?:#.*)?$/;

/** Mutable state of one document while its lines are read. */
interface DocumentState {
  kind: string | null;
  entries: SecretDataEntry[];
  /** Indentation of the `data:` entries while inside `data:`, and -1 before its first entry. */
  dataIndent: number | null;
}

function newDocument(): DocumentState {
  return { kind: null, entries: [], dataIndent: null };
}

/** Returns a YAML scalar without its quotes or its trailing comment. */
function readScalar(raw: string): string {
  const text = raw.trim();
  if (text.startsWith('"') || text.startsWith("'")) {
    const end = endOfQuoted(text);
    if (end === -1) return text;
    const inner = text.slice(1, end - 1);
    return text.startsWith('"') ? inner.replace(/\\(.)/g, '$1') : inner.replace(/''/g, "'");
  }
  const comment = text.search(/\s#/);
  const plain = comment === -1 ? text : text.slice(0, comment).trim();
  return plain === '~' || plain === 'null' ? '' : plain;
}

function indentOf(line: string): number {
  return line.length - line.trimStart().length;
}

function isBlankOrComment(line: string): boolean {
  const text = line.trim();
  return text === '' || text.startsWith('#');
}

/** A `key: value` pair of one line, the key unquoted and the value as written. */
interface MappingEntry {
  key: string;
  rest: string;
}

/** Returns the offset after a quoted scalar's closing quote, or -1 when it has none. */
function endOfQuoted(text: string): number {
  const quote = text[0];
  for (let at = 1; at < text.length; at++) {
    if (quote === '"' && text[at] === '\\') at++;
    else if (text[at] === quote && quote === "'" && text[at + 1] === "'") at++;
    else if (text[at] === quote) return at + 1;
  }
  return -1;
}

/** Returns the offset of the `:` that ends a plain key: the first one before a blank or the end. */
function endOfPlainKey(text: string): number {
  for (let at = text.indexOf(':'); at !== -1; at = text.indexOf(':', at + 1)) {
    const next = text[at + 1];
    if (next === undefined || next === ' ' || next === '\t') return at;
  }
  return -1;
}

/**
 * Splits a line that starts with a mapping key into the key and the rest after `:`, with
 * indexOf and loops only, since a lazy pattern for the key would backtrack quadratically on a
 * long line of spaces. Returns null for any other line.
 */
function splitMappingEntry(text: string): MappingEntry | null {
  const first = text[0];
  if (first === undefined || '#{[|>&*!%@` '.includes(first)) return null;
  // `- ` starts a sequence item, while `-` may start a Secret key such as `-dev.conf`.
  if (first === '-' && (text[1] === undefined || text[1] === ' ')) return null;

  let colon: number;
  let key: string;
  if (first === '"' || first === "'") {
    const end = endOfQuoted(text);
    if (end === -1) return null;
    colon = end;
    while (text[colon] === ' ' || text[colon] === '\t') colon++;
    if (text[colon] !== ':') return null;
    key = readScalar(text.slice(0, end));
  } else {
    colon = endOfPlainKey(text);
    if (colon === -1) return null;
    key = text.slice(0, colon).trimEnd();
    if (key.includes(' #')) return null;
  }
  const after = text[colon + 1];
  if (after !== undefined && after !== ' ' && after !== '\t') return null;
  return { key, rest: text.slice(colon + 1) };
}

/** Reads the entries of a one-line flow mapping, such as `data: {A: QQ==, B: Qg==}`. */
function readFlowMapping(text: string, line: number): SecretDataEntry[] {
  const trimmed = text.trim();
  const close = trimmed.lastIndexOf('}');
  if (!trimmed.startsWith('{') || close === -1) return [];
  const entries: SecretDataEntry[] = [];
  for (const part of trimmed.slice(1, close).split(',')) {
    const entry = splitMappingEntry(part.trim());
    if (entry === null) continue;
    entries.push({ key: entry.key, value: readScalar(entry.rest), line, lastLine: line });
  }
  return entries;
}

/** Reads one top-level line of a document: `kind:` and the start of `data:`. */
function readTopLevel(state: DocumentState, text: string, line: number): void {
  state.dataIndent = null;
  const entry = splitMappingEntry(text);
  if (entry === null) return;
  const { key, rest } = entry;
  if (key === 'kind') state.kind = readScalar(rest);
  if (key !== 'data') return;

  if (!rest.trim().startsWith('{')) {
    state.dataIndent = -1;
    return;
  }
  for (const flowEntry of readFlowMapping(rest, line)) state.entries.push(flowEntry);
}

/** Reads one indented line inside `data:`: a new entry, or more of the last entry's value. */
function readDataLine(state: DocumentState, text: string, line: number): void {
  const indent = indentOf(text);
  if (state.dataIndent === -1) state.dataIndent = indent;
  const last = state.entries.at(-1);
  if (indent > (state.dataIndent ?? 0) && last !== undefined) {
    // A wrapped value, whose lines join into one base64 text.
    last.value += text.trim();
    last.lastLine = line;
    return;
  }

  const entry = indent === state.dataIndent ? splitMappingEntry(text.trim()) : null;
  if (entry === null) return;
  const value = BLOCK_SCALAR.test(entry.rest.trim()) ? '' : readScalar(entry.rest);
  state.entries.push({ key: entry.key, value, line, lastLine: line });
}

/**
 * Returns the `data:` entries of the Secrets in a YAML stream, each document separated by
 * `---`. It reads the block style that kubectl and hand-written manifests use: top-level
 * `kind:` and `data:` keys, and under `data:` one `key: value` per line, plain or quoted,
 * wrapped in a block scalar, or in a one-line `{key: value}` mapping.
 *
 * NOTE: Secrets nested in a `kind: List` (`kubectl get secrets -o yaml`) are not read.
 */
export function readYamlSecretData(text: string): SecretDataEntry[] {
  const found: SecretDataEntry[] = [];
  let state = newDocument();
  const finish = (): void => {
    // A loop, since spreading 100,000 entries into push() overflows the call stack.
    if (state.kind === 'Secret') for (const entry of state.entries) found.push(entry);
    state = newDocument();
  };

  const lines = text.split('\n');
  for (let index = 0; index < lines.length; index++) {
    const content = (lines[index] ?? '').replace(/\r$/, '');
    const line = index + 1;
    if (DOCUMENT_END.test(content)) finish();
    else if (isBlankOrComment(content)) continue;
    else if (indentOf(content) === 0) readTopLevel(state, content, line);
    else if (state.dataIndent !== null) readDataLine(state, content, line);
  }
  finish();
  return found;
}
