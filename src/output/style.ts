import { createColors, type ColorChoice } from './color.js';
import type { Segment } from './fit.js';
import type { Paints } from './paints.js';
import { isUnicodeSupported, selectSymbols, type Level, type Symbols } from './symbols.js';

/** A stream the CLI writes to: process.stdout, process.stderr, or a test double. */
export interface OutputStream {
  write(text: string): unknown;
  isTTY?: boolean;
  columns?: number;
}

/** Look of the text for one stream: its colours, its symbols and the width it fits. */
export interface Style {
  colors: Paints;
  symbols: Symbols;
  /**
   * Columns a line may take before it is shortened: the terminal's width, else COLUMNS, else
   * Infinity, because a pipe or a file has no width and a cut line loses its end.
   */
  width: number;
}

/** Width of a terminal that reports none. */
const DEFAULT_WIDTH = 100;
const MIN_WIDTH = 40;

/** Builds the style of one stream from `--color`, the environment and the stream itself. */
export function createStyle(
  stream: OutputStream,
  env: NodeJS.ProcessEnv,
  color: ColorChoice,
): Style {
  const isTTY = stream.isTTY === true;
  return {
    colors: createColors(color, env, isTTY),
    symbols: selectSymbols(isUnicodeSupported(env)),
    width: resolveWidth(stream, env),
  };
}

/** Prefixes `text` with the coloured symbol of `level`. */
export function formatStatus(style: Style, level: Level, text: string): string {
  return `${paintLevel(style, level)(style.symbols[level])} ${text}`;
}

/** Returns the symbol of `level` and a space, as a segment that `renderLine` can measure. */
export function statusSegment(style: Style, level: Level): Segment {
  const paint = paintLevel(style, level);
  return { text: `${style.symbols[level]} `, paint };
}

function paintLevel(style: Style, level: Level): (text: string) => string {
  const { colors } = style;
  const paints = {
    success: colors.green,
    error: colors.red,
    warning: colors.yellow,
    info: colors.blue,
  };
  return paints[level];
}

function resolveWidth(stream: OutputStream, env: NodeJS.ProcessEnv): number {
  const columns = stream.isTTY ? stream.columns : Number(env['COLUMNS'] || undefined);
  if (columns !== undefined && Number.isFinite(columns) && columns > 0) {
    return Math.max(MIN_WIDTH, columns);
  }
  return stream.isTTY ? DEFAULT_WIDTH : Number.POSITIVE_INFINITY;
}
