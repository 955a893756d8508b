import { isRecord } from './records.js';
import {
  checkNestingDepth,
  countOpenFlows,
  findQuoteEnd,
  readInlineValue,
  readQuoted,
  stripComment,
  YamlSubsetError,
} from './yaml-scalars.js';

export { YamlSubsetError } from './yaml-scalars.js';

/** One line with content: its indentation in spaces and its text without a comment. */
interface Line {
  indent: number;
  text: string;
  /** The 1-based line number, for errors. */
  number: number;
}

const MERGE_KEY = '<<';
const ANCHOR = /^&([^\s,[\]{}]+)(?:\s+|$)/;
const BLOCK_SCALAR_HEADER = /^[|>][-+1-9]*$/;
/** A `...` line, which ends the document, with an optional comment. */
const DOCUMENT_END = /^\.\.\.(?:[ \t]+#.*|[ \t]*)$/;
/** A `---` or `...` line, which ends a block scalar or flow collection still open. */
const DOCUMENT_MARKER = /^(?:---|\.\.\.)(?:[ \t]|$)/;

/**
 * Parses the block YAML of configuration files such as `.github/dependabot.yml` into plain
 * values. It reads mappings, sequences, quoted and plain scalars, flow collections on one line
 * or several, comments, literal and folded block scalars, anchors, aliases, `<<` merge keys and
 * the `---` and `...` markers of one document. Plain scalars stay text, except that `~`, `null`
 * and nothing are null. Anything else, such as a tag, a second document, a plain scalar over
 * several lines or collections nested deeper than MAX_NESTING_DEPTH, raises YamlSubsetError.
 */
export function parseYamlSubset(text: string): unknown {
  const source = text.startsWith('\uFEFF') ? text.slice(1) : text;
  return new BlockReader(source.split(/\r?\n/)).readDocument();
}

function isSequenceItem(text: string): boolean {
  return text === '-' || text.startsWith('- ') || text.startsWith('-\t');
}

function isColonEnd(text: string, index: number): boolean {
  const next = text[index + 1];
  return text[index] === ':' && (next === undefined || next === ' ' || next === '\t');
}

/** Returns the index of the colon after a line's mapping key, or -1 when it has none. */
function findMappingColon(text: string): number {
  if (text.startsWith('[') || text.startsWith('{')) return -1;
  if (text.startsWith('"') || text.startsWith("'")) {
    let index = findQuoteEnd(text, 0);
    if (index < 0) return -1;
    while (text[index] === ' ') index += 1;
    return isColonEnd(text, index) ? index : -1;
  }
  for (let index = 0; index < text.length; index += 1) {
    if (isColonEnd(text, index)) return index;
  }
  return -1;
}

function readKey(text: string, line: number): string {
  const key = text.trim();
  if (key === '' || key.startsWith('?')) throw new YamlSubsetError(line, 'unsupported key');
  if (key.startsWith('"') || key.startsWith("'")) return readQuoted(key, line);
  return key;
}

function describeUnexpected(line: Line): string {
  if (line.text === '---') return 'a second document, which is not supported';
  return `expected "key: value" but found ${line.text}`;
}

/** Describes content after the document end marker `...`. */
function describeAfterEnd(text: string): string {
  if (text === '---' || text.startsWith('--- ') || text.startsWith('%')) {
    return 'a second document, which is not supported';
  }
  return `unexpected text after the document end marker: ${text}`;
}

/** Joins the lines of a folded block scalar, keeping blank lines as line breaks. */
function foldLines(lines: readonly string[]): string {
  return lines.join('\n').replace(/([^\n])\n(?=[^\n])/g, '$1 ');
}

/** Reads the lines of one document, each block node by its indentation. */
class BlockReader {
  private index = 0;
  /** The text after a sequence item's dash, read as a line of its own (see readSequence). */
  private pending: Line | null = null;
  private readonly anchors = new Map<string, unknown>();
  /** True after the `...` line, which ends the document. */
  private ended = false;
  /** The number of block collections open around the current line. */
  private depth = 0;

  constructor(private readonly lines: readonly string[]) {}

  readDocument(): unknown {
    for (let line = this.peek(); line !== null && line.text.startsWith('%'); line = this.peek()) {
      this.advance();
    }
    if (this.peek()?.text === '---') this.advance();

    const value = this.readBlock(-1);
    const rest = this.peek();
    if (rest !== null) throw new YamlSubsetError(rest.number, describeUnexpected(rest));
    if (this.ended) this.expectOnlyComments();
    return value;
  }

  /** Raises YamlSubsetError for content after the `...` line, where only comments may follow. */
  private expectOnlyComments(): void {
    for (let index = this.index + 1; index < this.lines.length; index += 1) {
      const text = stripComment((this.lines[index] as string).trim()).trimEnd();
      if (text !== '') throw new YamlSubsetError(index + 1, describeAfterEnd(text));
    }
  }

  /** Returns the next line with content without moving past it, or null at the end. */
  private peek(): Line | null {
    if (this.pending !== null) return this.pending;
    if (this.ended) return null;
    for (; this.index < this.lines.length; this.index += 1) {
      const raw = this.lines[this.index] as string;
      if (DOCUMENT_END.test(raw)) {
        this.ended = true;
        return null;
      }
      const leading = (/^[ \t]*/.exec(raw) as RegExpExecArray)[0];
      const text = stripComment(raw.slice(leading.length)).trimEnd();
      if (text === '') continue;
      if (leading.includes('\t')) {
        throw new YamlSubsetError(this.index + 1, 'a tab in the indentation');
      }
      return { indent: leading.length, text, number: this.index + 1 };
    }
    return null;
  }

  private advance(): void {
    this.pending = null;
    this.index += 1;
  }

  /** Reads the node whose lines are indented more than `parentIndent`, or null for none. */
  private readBlock(parentIndent: number): unknown {
    const line = this.peek();
    if (line === null || line.indent <= parentIndent) return null;
    if (isSequenceItem(line.text)) return this.readSequence(line.indent);
    if (findMappingColon(line.text) >= 0) return this.readMapping(line.indent);

    this.advance();
    return this.readValue(line.text, parentIndent, line, false);
  }

  /** Opens a block collection whose first line is `line`, one level deeper. */
  private open(line: Line | null): void {
    this.depth += 1;
    checkNestingDepth(this.depth, line?.number ?? this.index + 1);
  }

  private readMapping(indent: number): Record<string, unknown> {
    this.open(this.peek());
    const entries = new Map<string, unknown>();
    const merges: Array<{ value: unknown; line: number }> = [];
    for (let line = this.peek(); line !== null && line.indent >= indent; line = this.peek()) {
      const colon = findMappingColon(line.text);
      if (line.indent > indent) throw new YamlSubsetError(line.number, 'unexpected indentation');
      if (colon < 0) throw new YamlSubsetError(line.number, describeUnexpected(line));

      const key = readKey(line.text.slice(0, colon), line.number);
      this.advance();
      const value = this.readValue(line.text.slice(colon + 1).trim(), indent, line, true);
      if (key === MERGE_KEY) merges.push({ value, line: line.number });
      else if (entries.has(key)) throw new YamlSubsetError(line.number, `duplicate key ${key}`);
      else entries.set(key, value);
    }

    // Keys of the mapping itself win over merged ones, wherever they stand.
    for (const { value, line } of merges) {
      for (const source of Array.isArray(value) ? value : [value]) {
        if (!isRecord(source))
          throw new YamlSubsetError(line, 'invalid merge: the value after << is not a mapping');
        for (const [key, merged] of Object.entries(source)) {
          if (!entries.has(key)) entries.set(key, merged);
        }
      }
    }
    this.depth -= 1;
    return Object.fromEntries(entries);
  }

  private readSequence(indent: number): unknown[] {
    this.open(this.peek());
    const items: unknown[] = [];
    for (let line = this.peek(); line !== null && line.indent >= indent; line = this.peek()) {
      if (line.indent > indent) throw new YamlSubsetError(line.number, 'unexpected indentation');
      if (!isSequenceItem(line.text)) break;

      const rest = line.text.slice(1).trimStart();
      const column = indent + line.text.length - rest.length;
      // `- key: value` and `- - item` start a node at the column of `key` or the inner dash.
      if (isSequenceItem(rest) || (findMappingColon(rest) >= 0 && !ANCHOR.test(rest))) {
        this.pending = { indent: column, text: rest, number: line.number };
        items.push(this.readBlock(indent));
      } else {
        this.advance();
        items.push(this.readValue(rest, indent, line, false));
      }
    }
    this.depth -= 1;
    return items;
  }

  /**
   * Reads the value after a key or dash on `line`, or below it when `text` is empty. A key's
   * value may be a sequence at the key's own indentation (`sequenceAtIndent`).
   */
  private readValue(text: string, indent: number, line: Line, sequenceAtIndent: boolean) {
    const anchor = ANCHOR.exec(text);
    const rest = anchor === null ? text : text.slice(anchor[0].length);
    if (anchor !== null && findMappingColon(rest) >= 0) {
      throw new YamlSubsetError(line.number, 'unsupported anchor before a key');
    }
    const value = this.readUnanchored(rest, indent, line, sequenceAtIndent);
    if (anchor?.[1] !== undefined) this.anchors.set(anchor[1], value);
    return value;
  }

  private readUnanchored(text: string, indent: number, line: Line, sequenceAtIndent: boolean) {
    if (text === '') {
      const next = this.peek();
      if (next !== null && next.indent > indent) return this.readBlock(indent);
      const sequence = next !== null && next.indent === indent && isSequenceItem(next.text);
      return sequence && sequenceAtIndent ? this.readSequence(indent) : null;
    }
    if (text.startsWith('*')) {
      const name = text.slice(1);
      if (!this.anchors.has(name)) throw new YamlSubsetError(line.number, `unknown alias ${text}`);
      return this.anchors.get(name);
    }
    if (BLOCK_SCALAR_HEADER.test(text)) {
      return this.readBlockScalar(indent, text.startsWith('|'), text.includes('-'));
    }
    if (findMappingColon(text) >= 0 && !/^["'[{]/.test(text)) {
      throw new YamlSubsetError(line.number, 'unexpected mapping after a key');
    }
    const flow = countOpenFlows(text) > 0 ? this.readFlowLines(text, line) : text;
    return readInlineValue(flow, line.number, this.depth);
  }

  /**
   * Joins the lines of a flow collection that `text` on `line` leaves open, with a space for
   * each line break as YAML folds them, and moves past them. Their indentation is not checked.
   */
  private readFlowLines(text: string, line: Line): string {
    const parts = [text];
    let open = countOpenFlows(text);
    for (; open > 0 && this.index < this.lines.length; this.index += 1) {
      const raw = this.lines[this.index] as string;
      if (DOCUMENT_MARKER.test(raw)) break;
      const part = stripComment(raw.trim()).trimEnd();
      parts.push(part);
      open += countOpenFlows(part);
    }
    if (open > 0) throw new YamlSubsetError(line.number, 'unclosed flow collection');
    return parts.join(' ');
  }

  /**
   * Reads the lines of a block scalar below its `|` or `>` header, which are indented more than
   * `indent`. Its text ends with one line break, or with none after `|-` or `>-` (`strip`).
   */
  private readBlockScalar(indent: number, literal: boolean, strip: boolean): string {
    const lines: string[] = [];
    let contentIndent = -1;
    for (; this.index < this.lines.length; this.index += 1) {
      const raw = this.lines[this.index] as string;
      const leading = (/^ */.exec(raw) as RegExpExecArray)[0].length;
      if (DOCUMENT_MARKER.test(raw)) break;
      if (raw.trim() === '') {
        lines.push('');
        continue;
      }
      if (contentIndent < 0 && leading > indent) contentIndent = leading;
      if (contentIndent < 0 || leading < contentIndent) break;
      lines.push(raw.slice(contentIndent));
    }
    while (lines[lines.length - 1] === '') lines.pop();

    const body = literal ? lines.join('\n') : foldLines(lines);
    return strip || body === '' ? body : `${body}\n`;
  }
}
