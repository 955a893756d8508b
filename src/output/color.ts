import { createPaints, type Paints } from './paints.js';

export const COLOR_CHOICES = ['auto', 'always', 'never'] as const;
export type ColorChoice = (typeof COLOR_CHOICES)[number];

/** Colour levels: 0 none, 1 basic 16 colours, 2 256 colours, 3 truecolor. */
export type ColorLevel = 0 | 1 | 2 | 3;

/**
 * Chooses the colour level of one output stream. `--color never|always` wins over the
 * environment. Under `auto`, FORCE_COLOR wins over NO_COLOR (the order Node.js itself uses),
 * then NO_COLOR, `CI`, a stream that is not a terminal, and `TERM=dumb` each turn colour off.
 */
export function resolveColorLevel(
  choice: ColorChoice,
  env: NodeJS.ProcessEnv,
  isTTY: boolean,
): ColorLevel {
  if (choice === 'never') return 0;

  const forced = parseForceColor(env['FORCE_COLOR']);
  if (choice === 'always') return forced !== undefined && forced > 0 ? forced : terminalDepth(env);

  if (forced !== undefined) return forced;
  if (env['NO_COLOR']) return 0;
  if (isCi(env)) return 0;
  if (!isTTY || env['TERM'] === 'dumb') return 0;
  return terminalDepth(env);
}

/** Returns the paints of one stream, so stdout and stderr can differ. */
export function createColors(choice: ColorChoice, env: NodeJS.ProcessEnv, isTTY: boolean): Paints {
  return createPaints(resolveColorLevel(choice, env, isTTY));
}

/** Reads FORCE_COLOR as Node.js does: empty, `true` or `1` is level 1, `0` or `false` is off. */
function parseForceColor(value: string | undefined): ColorLevel | undefined {
  if (value === undefined) return undefined;
  if (value === '0' || value === 'false') return 0;
  if (value === '2') return 2;
  if (value === '3') return 3;
  return 1;
}

function isCi(env: NodeJS.ProcessEnv): boolean {
  const value = env['CI'];
  return value !== undefined && value !== '' && value !== '0' && value !== 'false';
}

function terminalDepth(env: NodeJS.ProcessEnv): ColorLevel {
  const colorTerm = env['COLORTERM'] ?? '';
  if (colorTerm === 'truecolor' || colorTerm === '24bit') return 3;
  if ((env['TERM'] ?? '').includes('256')) return 2;
  return 1;
}
