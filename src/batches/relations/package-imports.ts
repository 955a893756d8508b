import { findPackageImports } from '../package-imports.js';
import { weights } from '../weights.js';
import {
  isNewPath,
  link,
  mainUnitOf,
  unitsAtLines,
  type AnalysisContext,
  type Link,
} from './context.js';

/**
 * Links a Python or Go import, a Rust `mod` declaration or a stylesheet import that the change
 * adds or edits to the main edit of each changed file it reaches, as findImportLinks does for
 * JavaScript and TypeScript.
 */
export function findPackageImportLinks(context: AnalysisContext): Link[] {
  const links: Link[] = [];
  for (const entry of findPackageImports(context)) {
    const importers = unitsAtLines(context, entry.importer, 'new', entry.line, entry.line);
    for (const target of entry.targets) {
      const main = mainUnitOf(context, target);
      if (!main) continue;
      const weight = isNewPath(main.file) ? weights.importNewFile : weights.importChanged;
      for (const importer of importers) {
        if (importer.path !== target)
          links.push(link('import', importer.index, main.index, weight));
      }
    }
  }
  return links;
}
