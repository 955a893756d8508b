const SPACE = 0x20;
const TAB = 0x09;
const CARRIAGE_RETURN = 0x0d;

/** Maps offsets of a text to 1-based line numbers, and reads single lines without splitting it. */
export class LineIndex {
  private readonly starts: Int32Array;

  constructor(private readonly text: string) {
    let count = 1;
    for (let at = text.indexOf('\n'); at !== -1; at = text.indexOf('\n', at + 1)) count += 1;
    this.starts = new Int32Array(count);
    let line = 1;
    for (let at = text.indexOf('\n'); at !== -1; at = text.indexOf('\n', at + 1)) {
      this.starts[line] = at + 1;
      line += 1;
    }
  }

  /** The number of lines, counting the text after the last line break as one. */
  get count(): number {
    return this.starts.length;
  }

  /** Returns the 1-based line that contains `offset`. */
  lineAt(offset: number): number {
    let low = 0;
    let high = this.starts.length - 1;
    while (low < high) {
      const middle = (low + high + 1) >> 1;
      if ((this.starts[middle] ?? 0) <= offset) low = middle;
      else high = middle - 1;
    }
    return low + 1;
  }

  /**
   * Returns the width of the spaces and tabs that start line `line` (1-based), a tab as 4, or
   * Infinity for a blank line or one past the end. It reads the text in place, without a slice.
   */
  indentWidth(line: number): number {
    if (line < 1 || line > this.starts.length) return Infinity;
    const start = this.starts[line - 1] ?? 0;
    const next = line < this.starts.length ? (this.starts[line] ?? 0) - 1 : this.text.length;
    const end =
      next > start && this.text.charCodeAt(next - 1) === CARRIAGE_RETURN ? next - 1 : next;
    let width = 0;
    for (let at = start; at < end; at += 1) {
      const code = this.text.charCodeAt(at);
      if (code === SPACE) width += 1;
      else if (code === TAB) width += 4;
      else return width;
    }
    return Infinity;
  }

  /** Returns line `line` (1-based) without its terminator, or '' past the end. */
  line(line: number): string {
    if (line < 1 || line > this.starts.length) return '';
    const start = this.starts[line - 1] ?? 0;
    const next = line < this.starts.length ? (this.starts[line] ?? 0) - 1 : this.text.length;
    const end = next > start && this.text[next - 1] === '\r' ? next - 1 : next;
    return this.text.slice(start, end);
  }
}
