import type { FileChange } from '../../footprint/types.js';
import { readDependencyChanges, type DependencyChange } from '../manifest-changes.js';
import { baseNameOf, folderOf, isWithin } from '../paths.js';
import { changesProviderRequirements, isTerraformPath } from '../terraform.js';
import type { ChangeUnit } from '../units.js';
import { weights } from '../weights.js';
import { link, mainUnitOf, type AnalysisContext, type Link } from './context.js';

/**
 * Returns the units of a manifest that change dependency entries: those whose lines name a
 * dependency the manifest adds, removes or moves. Falls back to the manifest's main edit when
 * the change of dependencies cannot be read, as for manifests other than `package.json`, and
 * when it changes none, as a version bump of a workspace package still changes the lockfile.
 */
function dependencyUnits(
  context: AnalysisContext,
  manifest: FileChange,
  changes: readonly DependencyChange[] | null,
): ChangeUnit[] {
  const units = context.unitsOfPath.get(manifest.path) ?? [];
  const names = (changes ?? []).map((change) => `"${change.name}"`);
  const mentioning = units.filter((unit) =>
    [...unit.added, ...unit.removed].some((line) => names.some((name) => line.includes(name))),
  );
  if (mentioning.length > 0) return mentioning;
  const main = mainUnitOf(context, manifest.path);
  return main ? [main] : [];
}

/**
 * Links each lockfile to the dependency manifests it locks: those in its own folder, or when
 * its folder has none that changed, those in folders below it, as workspaces keep one lockfile
 * at the root for many manifests. A manifest below whose dependency list changes is always
 * bound to it: the lockfile is one unit, so a commit that took it without that manifest, or the
 * manifest without it, would not install with a frozen lockfile.
 */
export function findManifestLockfileLinks(context: AnalysisContext): Link[] {
  const manifests = context.files.filter((file) => file.category === 'dependency-manifest');
  // Each manifest's dependency changes are read once, for every lockfile that locks it.
  const changesOf = new Map(
    manifests.map((manifest) => [
      manifest.path,
      readDependencyChanges(manifest, context.texts.content.get(manifest.path)),
    ]),
  );
  const changesDependencyList = (manifest: FileChange) =>
    (changesOf.get(manifest.path)?.length ?? 0) > 0;
  const lockfiles = context.files.filter((file) => file.category === 'lockfile');

  const links: Link[] = [];
  for (const lockfile of lockfiles) {
    const lockUnit = mainUnitOf(context, lockfile.path);
    if (!lockUnit) continue;
    const folder = folderOf(lockfile.path);
    const beside = manifests.filter((manifest) => folderOf(manifest.path) === folder);
    const below = manifests.filter(
      (manifest) => folderOf(manifest.path) !== folder && isWithin(folderOf(manifest.path), folder),
    );
    const related: Array<[FileChange, number]> = [
      ...beside.map((manifest): [FileChange, number] => [manifest, weights.manifestLockfile]),
      ...below.map((manifest): [FileChange, number] => {
        if (changesDependencyList(manifest)) return [manifest, weights.manifestLockfile];
        return [manifest, beside.length > 0 ? 0 : weights.workspaceLockfile];
      }),
    ].filter(([, weight]) => weight > 0);

    for (const [manifest, weight] of related) {
      const changes = changesOf.get(manifest.path) ?? null;
      for (const unit of dependencyUnits(context, manifest, changes)) {
        links.push(link('manifest-lockfile', lockUnit.index, unit.index, weight));
      }
    }
    for (const unit of providerUnits(context, lockfile)) {
      links.push(link('manifest-lockfile', lockUnit.index, unit.index, weights.manifestLockfile));
    }
  }
  return links;
}

/**
 * Returns the units of the `.tf` files beside a `.terraform.lock.hcl` that change their
 * `required_providers` blocks, whose providers that lockfile records.
 */
function providerUnits(context: AnalysisContext, lockfile: FileChange): ChangeUnit[] {
  if (baseNameOf(lockfile.path) !== TERRAFORM_LOCKFILE) return [];
  const folder = folderOf(lockfile.path);
  return context.units.filter(
    (unit) =>
      isTerraformPath(unit.path) &&
      folderOf(unit.path) === folder &&
      changesProviderRequirements(unit, context.texts.content),
  );
}

const TERRAFORM_LOCKFILE = '.terraform.lock.hcl';
