import { findCoChangeLinks } from './co-change.js';
import type { AnalysisContext, Link, LinkFinder } from './context.js';
import { findDefinitionUseLinks } from './definitions.js';
import { findDependencyUseLinks } from './dependency-use.js';
import { findImportLinks } from './imports.js';
import { findPackageImportLinks } from './package-imports.js';
import { findManifestLockfileLinks } from './manifest-lockfile.js';
import { findSubmoduleLinks } from './submodule.js';
import { findFileFolderLinks } from './file-folder.js';
import { findNewPackageLinks } from './new-package.js';
import { findProximityLinks } from './proximity.js';
import { findMovedLineLinks } from './moved-lines.js';
import { findSameFileLinks } from './same-file.js';
import { findSharedIdentifierLinks, findSimilarEditLinks } from './similarity.js';
import { findTestSourceLinks } from './test-source.js';
import { findTextSimilarityLinks } from './text-similarity.js';

/** Every link finder batch analysis runs; a new kind of relation adds its finder here. */
export const linkFinders: readonly LinkFinder[] = [
  findSimilarEditLinks,
  findMovedLineLinks,
  findManifestLockfileLinks,
  findDependencyUseLinks,
  findSubmoduleLinks,
  findFileFolderLinks,
  findNewPackageLinks,
  findTestSourceLinks,
  findImportLinks,
  findPackageImportLinks,
  findDefinitionUseLinks,
  findSameFileLinks,
  findSharedIdentifierLinks,
  findTextSimilarityLinks,
  findCoChangeLinks,
  findProximityLinks,
];

export function findLinks(context: AnalysisContext): Link[] {
  return linkFinders.flatMap((finder) => finder(context));
}
