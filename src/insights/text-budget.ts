/** Collects lines of text up to a size in UTF-8 bytes, counting a newline after each line. */
export class TextBudget {
  private readonly lines: string[] = [];
  private used = 0;

  constructor(readonly maxBytes: number) {}

  get remaining(): number {
    return this.maxBytes - this.used;
  }

  /** Returns the bytes `lines` would take, newlines included. */
  static measure(lines: readonly string[]): number {
    return lines.reduce((total, line) => total + Buffer.byteLength(line, 'utf8') + 1, 0);
  }

  /**
   * Adds `lines` as one block when they fit within `limit` bytes of what is left, the whole
   * remaining budget by default, and returns whether they were added.
   */
  tryAdd(lines: readonly string[], limit = this.remaining): boolean {
    const size = TextBudget.measure(lines);
    if (size > Math.min(limit, this.remaining)) return false;

    this.lines.push(...lines);
    this.used += size;
    return true;
  }

  toString(): string {
    return this.lines.map((line) => `${line}\n`).join('');
  }
}
