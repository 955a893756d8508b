/** Message levels, each printed with its own symbol. */
export type Level = 'success' | 'error' | 'warning' | 'info';

/** Characters the output uses, in a Unicode and an ASCII variant. */
export interface Symbols {
  success: string;
  error: string;
  warning: string;
  info: string;
  /** Minus sign of the deleted-lines count. */
  minus: string;
  ellipsis: string;
  /** Separator between the parts of a header line. */
  dot: string;
}

const UNICODE_SYMBOLS: Symbols = {
  success: '✔',
  error: '✖',
  warning: '⚠',
  info: 'ℹ',
  minus: '−',
  ellipsis: '…',
  dot: '·',
};

const ASCII_SYMBOLS: Symbols = {
  success: '[ok]',
  error: '[x]',
  warning: '[!]',
  info: '[i]',
  minus: '-',
  ellipsis: '...',
  dot: '|',
};

/**
 * Returns true when the terminal most likely shows UTF-8. The locale variables decide when one
 * is set (LC_ALL over LC_CTYPE over LANG, as POSIX orders them). Without a locale, Windows
 * consoles other than Windows Terminal and VS Code, and the Linux text console, get ASCII.
 */
export function isUnicodeSupported(
  env: NodeJS.ProcessEnv,
  platform: NodeJS.Platform = process.platform,
): boolean {
  const locale = env['LC_ALL'] || env['LC_CTYPE'] || env['LANG'];
  if (locale) return /utf-?8/i.test(locale);

  if (platform === 'win32') {
    return Boolean(env['WT_SESSION']) || env['TERM_PROGRAM'] === 'vscode';
  }
  return env['TERM'] !== 'linux';
}

export function selectSymbols(unicode: boolean): Symbols {
  return unicode ? UNICODE_SYMBOLS : ASCII_SYMBOLS;
}
