import type { DependencyImports } from './dependency-imports.js';
import type { Subject } from './subject.js';

/** Files that start or stop importing a dependency which a subject names before it counts them. */
const MAX_USER_NAMES = 2;

/**
 * Describes a batch that adds, removes or replaces dependencies together with the code that
 * starts or stops importing them: `add ms and use it in main`, `replace kleur with picocolors`
 * or `remove ms and its use in main`. Returns null for a batch that adds some dependencies
 * and removes others, other than one for one. `nameOf` names a file and `clean` a dependency.
 */
export function describeDependencyUse(
  use: DependencyImports,
  nameOf: (path: string) => string,
  clean: (name: string) => string,
): Subject | null {
  const added = use.added.map(clean);
  const removed = use.removed.map(clean);
  const unit: [string, string] = ['dependency', 'dependencies'];
  const [replaced] = removed;
  const [replacement] = added;
  if (removed.length === 1 && added.length === 1) {
    return { verb: 'replace', names: [replaced as string], tail: `with ${replacement}`, unit };
  }

  const where = nameUsers(use.users.map((part) => nameOf(part.file.path)));
  if (removed.length === 0) {
    const pronoun = added.length === 1 ? 'it' : 'them';
    return { verb: 'add', names: added, tail: `and use ${pronoun} in ${where}`, unit };
  }
  if (added.length === 0) {
    const pronoun = removed.length === 1 ? 'its' : 'their';
    return { verb: 'remove', names: removed, tail: `and ${pronoun} use in ${where}`, unit };
  }
  return null;
}

/** Names the files that import the dependencies, `main and cli`, or counts them past two. */
function nameUsers(paths: readonly string[]): string {
  const names = [...new Set(paths)];
  if (names.length > MAX_USER_NAMES) return `${paths.length} files`;
  return names.join(' and ');
}
