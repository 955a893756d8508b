/** Path helpers for repository-relative paths, which always use `/` whatever the platform. */

/** Returns the folder of a path, or '' for a file at the repository root. */
export function folderOf(path: string): string {
  const slash = path.lastIndexOf('/');
  return slash === -1 ? '' : path.slice(0, slash);
}

export function baseNameOf(path: string): string {
  return path.slice(path.lastIndexOf('/') + 1);
}

/** Returns the base name without its last extension: `foo.test.ts` gives `foo.test`. */
export function stemOf(path: string): string {
  const base = baseNameOf(path);
  const dot = base.lastIndexOf('.');
  return dot <= 0 ? base : base.slice(0, dot);
}

/** Compares by UTF-16 code units, so the order never depends on the locale. */
export function comparePaths(a: string, b: string): number {
  if (a === b) return 0;
  return a < b ? -1 : 1;
}

/** Returns true when `folder` is `ancestor` or lies below it. */
export function isWithin(folder: string, ancestor: string): boolean {
  if (ancestor === '') return true;
  return folder === ancestor || folder.startsWith(ancestor + '/');
}
