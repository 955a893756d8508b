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
  return new RegExp(globToSource(glob), 's');
}

function globToSource(glob: string): string {
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
  return anchored ? `^${source.replace(/^\//, '')}$` : `(?:^|/)${source}$`;
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

/**
 * Compiles a list of globs into one alternation, so a path costs one test however many globs
 * the list has. An empty list matches nothing.
 */
export function compileGlobs(globs: readonly string[]): RegExp {
  if (globs.length === 0) return /(?!)/;
  return new RegExp(globs.map((glob) => `(?:${globToSource(glob)})`).join('|'), 's');
}

const compiledLists = new Map<string, RegExp>();

/** Returns true when `path` matches any of `globs`; each list is compiled once per process. */
export function matchesAnyGlob(path: string, globs: readonly string[]): boolean {
  if (globs.length === 0) return false;
  const key = globs.join('\n');
  let pattern = compiledLists.get(key);
  if (pattern === undefined) {
    pattern = compileGlobs(globs);
    compiledLists.set(key, pattern);
  }
  return pattern.test(path);
}
