/** Escapes a character that has a meaning in regular expressions. */
function escapeCharacter(character: string): string {
  return /[\\^$.|+()[\]{}]/.test(character) ? `\\${character}` : character;
}

/**
 * Converts a path glob to a regular expression: `**` matches any folders, `*` any characters
 * but `/`, `?` one character but `/`. A glob without `/` matches the base name in any folder,
 * as in `.gitignore`.
 */
export function globToRegExp(glob: string): RegExp {
  const anchored = glob.includes('/');
  let source = '';
  for (let index = 0; index < glob.length; index += 1) {
    const character = glob[index] as string;
    if (glob.startsWith('**/', index)) {
      source += '(?:.*/)?';
      index += 2;
    } else if (glob.startsWith('**', index)) {
      source += '.*';
      index += 1;
    } else if (character === '*') {
      source += '[^/]*';
    } else if (character === '?') {
      source += '[^/]';
    } else {
      source += escapeCharacter(character);
    }
  }
  return new RegExp(anchored ? `^${source.replace(/^\//, '')}$` : `(?:^|/)${source}$`, 's');
}

const compiled = new Map<string, RegExp>();

/** Returns true when `path` matches `glob`; each glob is compiled once per process. */
export function matchesGlob(path: string, glob: string): boolean {
  let pattern = compiled.get(glob);
  if (pattern === undefined) {
    pattern = globToRegExp(glob);
    compiled.set(glob, pattern);
  }
  return pattern.test(path);
}

export function matchesAnyGlob(path: string, globs: readonly string[]): boolean {
  return globs.some((glob) => matchesGlob(path, glob));
}
