/** A piece of a line with an optional colour, so a line can be shortened before it is painted. */
export interface Segment {
  text: string;
  paint?: (text: string) => string;
}

/**
 * Joins segments into one line of at most `width` columns, cutting the segment that
 * overflows and ending it with `ellipsis`.
 * NOTE: counts UTF-16 code units, so lines with wide (East Asian) characters may still wrap.
 */
export function renderLine(segments: Segment[], width: number, ellipsis: string): string {
  let used = 0;
  let line = '';
  for (const segment of segments) {
    const room = width - used;
    const fits = segment.text.length <= room;
    const text = fits ? segment.text : cutText(segment.text, room, ellipsis);
    line += segment.paint ? segment.paint(text) : text;
    used += text.length;
    if (!fits) break;
  }
  return line;
}

/** Shortens `text` to `width` columns, ending it with `ellipsis` when it was cut. */
export function cutText(text: string, width: number, ellipsis: string): string {
  if (text.length <= width) return text;
  if (width <= ellipsis.length) return ellipsis.slice(0, Math.max(0, width));
  return text.slice(0, width - ellipsis.length) + ellipsis;
}

/**
 * Joins at most `maxItems` items into one line separated by ", ", for a stream without a
 * width. Items left out are counted in a final "and N more".
 */
export function listItems(items: string[], maxItems: number): string {
  const listed = items.slice(0, maxItems);
  const rest = items.length - listed.length;
  if (rest > 0) listed.push(`and ${rest} more`);
  return listed.join(', ');
}

/**
 * Packs items into lines of at most `width` columns, separated by ", ", using at most
 * `maxLines` lines. Items that do not fit are counted in a final "and N more".
 */
export function packItems(
  items: string[],
  width: number,
  maxLines: number,
  ellipsis: string,
): string[] {
  const lines: string[][] = [[]];
  let placed = 0;
  for (const raw of items) {
    const item = cutText(raw, width, ellipsis);
    const current = lines[lines.length - 1] ?? [];
    if (current.length === 0 || joinedLength([...current, item]) <= width) {
      current.push(item);
    } else if (lines.length < maxLines) {
      lines.push([item]);
    } else {
      break;
    }
    placed++;
  }

  const rest = items.length - placed;
  if (rest > 0) appendRestCount(lines, rest, width);
  return lines.map((line, index) => line.join(', ') + (index < lines.length - 1 ? ',' : ''));
}

/** Ends the last line with "and N more", dropping its items until the note fits. */
function appendRestCount(lines: string[][], rest: number, width: number): void {
  const last = lines[lines.length - 1] ?? [];
  let count = rest;
  while (last.length > 0 && joinedLength([...last, `and ${count} more`]) > width) {
    last.pop();
    count++;
  }
  last.push(`and ${count} more`);
}

function joinedLength(items: string[]): number {
  return items.reduce((sum, item) => sum + item.length, 0) + 2 * Math.max(0, items.length - 1);
}

/**
 * Wraps `text` at spaces into at most `maxLines` lines of at most `width` columns. When text
 * was left out, the last line ends with `ellipsis`.
 */
export function wrapWords(
  text: string,
  width: number,
  maxLines: number,
  ellipsis: string,
): string[] {
  const words = text.split(/\s+/).filter((part) => part !== '');
  return wrapWordList(words, width, maxLines, ellipsis);
}

/**
 * Wraps words into at most `maxLines` lines of at most `width` columns, like wrapWords. The
 * word at index `whole` is never cut: its line stays whole however long it is, and is kept
 * even past `maxLines`. It may hold newlines, after which its line goes on from column 0.
 */
export function wrapWordList(
  words: string[],
  width: number,
  maxLines: number,
  ellipsis: string,
  whole = -1,
): string[] {
  const lines: string[] = [];
  let current = '';
  let column = 0;
  let wholeLine = -1;
  words.forEach((word, index) => {
    const firstLine = word.split('\n', 1)[0] ?? '';
    if (current !== '' && column + 1 + firstLine.length > width) {
      lines.push(current);
      current = '';
    }
    column = current === '' ? word.length : column + 1 + word.length;
    if (word.includes('\n')) column = word.length - word.lastIndexOf('\n') - 1;
    current = current === '' ? word : `${current} ${word}`;
    if (index === whole) wholeLine = lines.length;
  });
  if (current !== '') lines.push(current);

  const limit = Math.max(maxLines, wholeLine + 1);
  const kept = lines
    .slice(0, limit)
    .map((line, index) => (index === wholeLine ? line : cutText(line, width, ellipsis)));
  if (lines.length <= limit) return kept;

  const lastIndex = kept.length - 1;
  const last = kept[lastIndex] ?? '';
  const room = width - ellipsis.length;
  const shortened = last.length <= room || lastIndex === wholeLine ? last : last.slice(0, room);
  kept[lastIndex] = shortened + ellipsis;
  return kept;
}
