import type { FileContent } from '../footprint/types.js';
import { LineIndex } from './line-index.js';

export type TextSide = 'old' | 'new';

/** The staged and HEAD texts of changed files, each indexed by line on first use. */
export class FileTexts {
  private readonly indices = new Map<string, LineIndex | null>();

  constructor(readonly content: ReadonlyMap<string, FileContent>) {}

  /** Returns a file's HEAD or staged text, or null when it has none on that side. */
  text(path: string, side: TextSide): string | null {
    const file = this.content.get(path);
    if (!file) return null;
    return side === 'new' ? file.newText : file.oldText;
  }

  /** Returns the line index of a file's text on one side, or null when it has no text there. */
  index(path: string, side: TextSide): LineIndex | null {
    const key = `${side}\0${path}`;
    if (this.indices.has(key)) return this.indices.get(key) ?? null;

    const text = this.text(path, side);
    const index = text === null ? null : new LineIndex(text);
    this.indices.set(key, index);
    return index;
  }
}
