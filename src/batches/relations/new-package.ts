import type { FileChange } from '../../footprint/types.js';
import { folderOf, isWithin } from '../paths.js';
import { weights } from '../weights.js';
import { isNewPath, linkFiles, type AnalysisContext, type Link } from './context.js';

/**
 * A package name in a manifest: `"name": "@ws/utils"` in package.json or composer.json,
 * `name = "fmtnum"` in Cargo.toml or pyproject.toml, `module example.com/x` in go.mod.
 */
const PACKAGE_NAME =
  /^\s*(?:"name"\s*:\s*"([^"\n]{1,214})"|name\s*=\s*["']([^"'\n]{1,214})["']|module\s+(\S{1,300}))/m;

/** A new package: a manifest the change adds below the root, and the folder it defines. */
interface NewPackage {
  manifest: FileChange;
  folder: string;
  name: string | null;
}

function findNewPackages(context: AnalysisContext): NewPackage[] {
  return (
    context.files
      .filter((file) => file.category === 'dependency-manifest' && isNewPath(file))
      .map((manifest) => {
        const text = context.texts.text(manifest.path, 'new') ?? '';
        const match = PACKAGE_NAME.exec(text);
        const name = match?.[1] ?? match?.[2] ?? match?.[3] ?? null;
        return { manifest, folder: folderOf(manifest.path), name };
      })
      // A manifest added at the root starts a project, not a package inside one.
      .filter((found) => found.folder !== '')
  );
}

/** Returns true when some line a manifest adds names the package's folder or its name. */
function namesPackage(context: AnalysisContext, manifest: FileChange, found: NewPackage): boolean {
  const quotedName = found.name === null ? null : `"${found.name}"`;
  return (context.unitsOfPath.get(manifest.path) ?? []).some((unit) =>
    unit.added.some(
      (line) =>
        line.includes(found.folder) ||
        (quotedName !== null && line.includes(quotedName)) ||
        (found.name !== null && new RegExp(`^\\s*${escapeRegExp(found.name)}\\s*=`).test(line)),
    ),
  );
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * Links the manifest of a package the change adds to every other new file in its folder. A
 * commit with the manifest but not the sources, or the reverse, does not build: a Cargo crate
 * without targets, a workspace package whose exports are missing. The link binds.
 * Each other changed manifest whose added lines name the package, by its folder (`path =
 * "vendor/fmtnum"`) or its name (`"@ws/utils": "*"`), links to it too, because it depends
 * on the package from that commit on.
 */
export function findNewPackageLinks(context: AnalysisContext): Link[] {
  const links: Link[] = [];
  for (const found of findNewPackages(context)) {
    for (const file of context.files) {
      if (file === found.manifest) continue;
      if (isNewPath(file) && isWithin(folderOf(file.path), found.folder)) {
        links.push(...linkFiles(context, 'new-package', file.path, found.manifest.path, 1));
      } else if (file.category === 'dependency-manifest' && namesPackage(context, file, found)) {
        links.push(
          ...linkFiles(
            context,
            'new-package',
            file.path,
            found.manifest.path,
            weights.newPackageUse,
          ),
        );
      }
    }
  }
  return links;
}
