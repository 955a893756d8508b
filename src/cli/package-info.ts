import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const PACKAGE_NAME = 'footprint-cli';

let cachedRoot: string | undefined;

/**
 * Finds footprint's own package folder by walking up from this module, which sits in
 * `dist/` once bundled and in `src/cli/` under tsx.
 */
export function findPackageRoot(): string {
  if (cachedRoot !== undefined) return cachedRoot;

  let dir = path.dirname(fileURLToPath(import.meta.url));
  for (;;) {
    if (readPackageName(dir) === PACKAGE_NAME) return (cachedRoot = dir);
    const parent = path.dirname(dir);
    if (parent === dir)
      throw new Error(`No ${PACKAGE_NAME} package.json above ${fileURLToPath(import.meta.url)}.`);
    dir = parent;
  }
}

export function readPackageVersion(): string {
  const manifest = JSON.parse(
    readFileSync(path.join(findPackageRoot(), 'package.json'), 'utf8'),
  ) as {
    version?: string;
  };
  return manifest.version ?? '0.0.0';
}

function readPackageName(dir: string): string | undefined {
  const file = path.join(dir, 'package.json');
  if (!existsSync(file)) return undefined;
  try {
    return (JSON.parse(readFileSync(file, 'utf8')) as { name?: string }).name;
  } catch {
    return undefined;
  }
}
