/** Folders of a monorepo whose children are packages, each changed mostly on its own. */
export const PACKAGE_CONTAINERS: ReadonlySet<string> = new Set([
  'packages',
  'apps',
  'libs',
  'crates',
  'plugins',
  'modules',
  'services',
  'playground',
  'playgrounds',
  'examples',
  'sites',
  'tools',
]);

/**
 * Returns true when folder `index` of `folders` names a package of a monorepo, as `docs` in
 * `apps/docs/app/page.tsx`: it follows a folder such as `packages` or `apps`.
 */
export function isPackageName(folders: readonly string[], index: number): boolean {
  return index > 0 && PACKAGE_CONTAINERS.has(folders[index - 1] as string);
}
