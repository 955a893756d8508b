import { specificityOf } from '../identifiers.js';
import { weights } from '../weights.js';
import { link, type AnalysisContext, type Link } from './context.js';

/** Uses of a name past which it is too common to tie its definition to each use. */
const MAX_USERS = 8;

/** An edit inside a definition's body ties to its uses less than an edit of its declaration. */
const BODY_EDIT_FACTOR = 0.85;

/** Returns each name a unit declares or edits, with how strongly its edit ties to a use. */
function definitionsOf(context: AnalysisContext): Map<string, Array<[number, number]>> {
  const definers = new Map<string, Array<[number, number]>>();
  const add = (name: string, unit: number, factor: number) => {
    const list = definers.get(name);
    if (list?.some(([other]) => other === unit)) return;
    if (list) list.push([unit, factor]);
    else definers.set(name, [[unit, factor]]);
  };

  context.features.forEach((features, unit) => {
    for (const name of features.addedDeclarations) add(name, unit, 1);
    for (const name of features.removedDeclarations) add(name, unit, 1);
    if (features.enclosing !== null) add(features.enclosing, unit, BODY_EDIT_FACTOR);
  });
  return definers;
}

/**
 * Links a unit that changes a definition (declares, removes, or edits the body of a name) to
 * the units that mention the name on changed lines, in any language: identifiers are read
 * from lines, not parsed. The weight falls with how common the name is. A JavaScript or
 * TypeScript use of a name imported from a registry package does not link.
 */
export function findDefinitionUseLinks(context: AnalysisContext): Link[] {
  const links: Link[] = [];
  for (const [name, definers] of definitionsOf(context)) {
    const users = context.unitsByIdentifier.get(name) ?? [];
    const specificity = specificityOf(name);
    if (users.length === 0 || users.length > MAX_USERS || specificity === 0) continue;

    for (const [definer, factor] of definers) {
      const weight = weights.definitionUse * specificity * factor;
      const definerPath = context.units[definer]?.path ?? '';
      for (const user of users) {
        if (user === definer) continue;
        // A use of a name imported from a registry package is that package's name.
        const userPath = context.units[user]?.path ?? '';
        if (context.modules.importsFromElsewhere(userPath, name, definerPath)) continue;
        links.push(link('definition-use', user, definer, weight));
      }
    }
  }
  return links;
}
