import { parseManifest } from './manifest-changes.js';
import { dependencyKey } from './manifest-lines.js';
import { baseNameOf, folderOf } from './paths.js';
import { entryUnitsByPackage } from './relations/dependency-use.js';
import { isNewPath, mainUnitOf, type AnalysisContext } from './relations/context.js';
import type { Requirement } from './requirements.js';

/**
 * Finds the manifests that add a dependency on a workspace package the change adds, such as
 * `"@acme/logger": "workspace:*"` while `packages/logger/package.json` is new. The dependency
 * cannot be installed before the package exists, so its unit needs the package's manifest,
 * which binds the package's other new files (see findNewPackageLinks).
 */
export function findNewPackageRequirements(context: AnalysisContext): Requirement[] {
  const packages = new Map<string, number>();
  for (const file of context.files) {
    if (baseNameOf(file.path) !== 'package.json' || folderOf(file.path) === '') continue;
    if (!isNewPath(file)) continue;
    const name = parseManifest(context.texts.text(file.path, 'new'))?.['name'];
    const unit = mainUnitOf(context, file.path);
    if (typeof name === 'string' && unit) packages.set(dependencyKey(name), unit.index);
  }
  if (packages.size === 0) return [];

  const found: Requirement[] = [];
  for (const file of context.files) {
    if (file.category !== 'dependency-manifest' || isNewPath(file)) continue;
    for (const [key, { name, units }] of entryUnitsByPackage(context, file, true)) {
      const target = packages.get(key);
      if (target === undefined) continue;
      for (const unit of units) {
        found.push({ from: unit.index, to: target, subject: name, removes: false, certain: true });
      }
    }
  }
  return found;
}
