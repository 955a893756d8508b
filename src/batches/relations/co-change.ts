import { readCoChange } from '../co-change.js';
import { weights } from '../weights.js';
import { linkFiles, type AnalysisContext, type Link } from './context.js';

/** Files past which pairs are not looked up, as the pairs grow with the square of the files. */
const MAX_FILES = 150;

/** Co-change strengths below this say too little to link two files. */
const MIN_STRENGTH = 0.1;

/** Links files that the learned model says often changed together in past commits. */
export function findCoChangeLinks(context: AnalysisContext): Link[] {
  const { model, files } = context;
  if (!model || files.length < 2 || files.length > MAX_FILES) return [];

  const links: Link[] = [];
  for (let i = 0; i < files.length; i += 1) {
    for (let j = i + 1; j < files.length; j += 1) {
      const a = (files[i] as { path: string }).path;
      const b = (files[j] as { path: string }).path;
      const strength = readCoChange(model, a, b);
      if (strength >= MIN_STRENGTH) {
        links.push(...linkFiles(context, 'co-change', a, b, weights.coChange * strength));
      }
    }
  }
  return links;
}
