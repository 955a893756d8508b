/**
 * The ANSI text styles of footprint's output. color.ts picks the colour level, and only the 16
 * basic colours are used, so every level above 0 writes the same codes. chalk, used before,
 * also detected the terminal when it loaded: about 2 ms of every commit, for a level footprint
 * sets itself.
 */

/** Wraps text in one style, or returns it unchanged at colour level 0. */
export type Paint = (text: string) => string;

export interface Paints {
  bold: Paint;
  dim: Paint;
  red: Paint;
  green: Paint;
  yellow: Paint;
  blue: Paint;
  cyan: Paint;
}

/** SGR codes that turn each style on and off. Bold and dim share their off code. */
const CODES: Readonly<Record<keyof Paints, readonly [on: number, off: number]>> = {
  bold: [1, 22],
  dim: [2, 22],
  red: [31, 39],
  green: [32, 39],
  yellow: [33, 39],
  blue: [34, 39],
  cyan: [36, 39],
};

function unchanged(text: string): string {
  return text;
}

/**
 * Builds a paint for one style. Text painted before with a style that shares the off code
 * (dim inside bold, red inside green) would end the outer style early, so each inner off code
 * is followed by the outer on code again.
 */
function createPaint(on: number, off: number): Paint {
  const open = `\u001b[${on}m`;
  const close = `\u001b[${off}m`;
  return (text) => {
    if (text === '') return text;
    const inner = text.includes(close) ? text.split(close).join(`${close}${open}`) : text;
    return `${open}${inner}${close}`;
  };
}

/** Returns the paints of a colour level: 0 leaves text as it is, 1 to 3 add ANSI codes. */
export function createPaints(level: number): Paints {
  const paints = {} as Record<keyof Paints, Paint>;
  for (const [name, [on, off]] of Object.entries(CODES) as Array<
    [keyof Paints, [number, number]]
  >) {
    paints[name] = level > 0 ? createPaint(on, off) : unchanged;
  }
  return paints;
}
