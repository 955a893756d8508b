import type { FileChange, FileContent } from '../footprint/types.js';
import type { CoChangeModel } from './co-change.js';
import { FileTexts } from './file-texts.js';
import { ModuleIndex } from './module-index.js';
import type { AnalysisContext } from './relations/context.js';
import { describeUnit } from './unit-features.js';
import { buildUnits, type ChangeUnit } from './units.js';

function indexByPath(units: readonly ChangeUnit[]): Map<string, ChangeUnit[]> {
  const byPath = new Map<string, ChangeUnit[]>();
  for (const unit of units) {
    const list = byPath.get(unit.path);
    if (list) list.push(unit);
    else byPath.set(unit.path, [unit]);
  }
  return byPath;
}

function indexByIdentifier(identifierSets: ReadonlyArray<ReadonlySet<string>>) {
  const byIdentifier = new Map<string, number[]>();
  identifierSets.forEach((identifiers, unit) => {
    for (const identifier of identifiers) {
      const list = byIdentifier.get(identifier);
      if (list) list.push(unit);
      else byIdentifier.set(identifier, [unit]);
    }
  });
  return byIdentifier;
}

/** Splits sorted files into units and reads what relation finders need about them. */
export function buildAnalysisContext(
  files: readonly FileChange[],
  content: ReadonlyMap<string, FileContent>,
  model: CoChangeModel | undefined,
): AnalysisContext {
  const texts = new FileTexts(content);
  const units = buildUnits(files, content);
  const features = units.map((unit) => describeUnit(unit, texts));
  const context: AnalysisContext = {
    files,
    units,
    features,
    unitsOfPath: indexByPath(units),
    unitsByIdentifier: indexByIdentifier(features.map((entry) => entry.identifiers)),
    texts,
    modules: new ModuleIndex(files, texts),
  };
  if (model) context.model = model;
  return context;
}
