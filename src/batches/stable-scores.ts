import type { Agglomeration } from './agglomerate.js';
import type { Clustering } from './clustering.js';

/**
 * Shifts added to every pair score, one agglomeration each. Three runs around the scores
 * themselves: a pair the middle run joins or splits by a small margin gets the verdict of
 * the two runs on either side.
 */
const SCORE_SHIFTS: readonly number[] = [-0.5, 0, 0.5];

/**
 * Log-odds per unit of agreement away from an even split between the runs. This number and
 * SCORE_SHIFTS were chosen on the untangling benchmark's fitting composites: ±0.25 and ±0.75,
 * or scales of 3 and 5, scored a little lower there.
 */
const AGREEMENT_SCALE = 4;

/**
 * Returns pair scores that measure how steadily two units share a batch. The pair scores
 * are shifted by each of SCORE_SHIFTS and agglomerated once per shift. A pair then scores
 * AGREEMENT_SCALE times the share of runs that put its units together, less one half. A pair
 * that most runs join scores above zero and one that most runs split below it. One more
 * agglomeration of these scores keeps what survives small changes of the evidence. `start`
 * makes the clustering each run begins from (the binding links), the one `agglomeration` was
 * built from. The result is symmetric, n by n, in one array.
 */
export function scoreStability(
  scores: Float64Array,
  agglomeration: Agglomeration,
  start: () => Clustering,
): Float64Array {
  const count = Math.round(Math.sqrt(scores.length));
  const together = new Float64Array(count * count);
  for (const shift of SCORE_SHIFTS) {
    const clustering = start();
    agglomeration.run(clustering, scores, shift);
    // Index loops: a hook run reaches them before V8 compiles them, and there a for-of loop
    // makes an object per step, n squared of them for a cluster of n units.
    for (const members of clustering.clusters()) {
      for (let i = 0; i < members.length; i += 1) {
        const row = (members[i] as number) * count;
        for (let j = 0; j < members.length; j += 1) {
          const cell = row + (members[j] as number);
          together[cell] = (together[cell] ?? 0) + 1;
        }
      }
    }
  }
  return together.map((runs) => AGREEMENT_SCALE * (runs / SCORE_SHIFTS.length - 0.5));
}
