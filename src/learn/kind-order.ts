import { OTHER_KIND } from './commit-kind.js';
import type { KindTransition } from './model-types.js';

/**
 * Orders kinds of change as a series of commits usually takes them. It repeatedly takes the
 * kind that came directly before the kinds still left more often than after them, by the
 * largest margin. Ties go by name. `other` is left out because it names no kind, and so are
 * steps from a kind to itself.
 */
export function orderKinds(transitions: readonly KindTransition[]): string[] {
  const steps = transitions.filter(
    ({ from, to }) => from !== to && from !== OTHER_KIND && to !== OTHER_KIND,
  );
  const remaining = new Set(steps.flatMap(({ from, to }) => [from, to]));
  const order: string[] = [];

  while (remaining.size > 0) {
    let best: { kind: string; score: number } | null = null;
    for (const kind of [...remaining].sort()) {
      const score = scoreAmong(kind, steps, remaining);
      if (best === null || score > best.score) best = { kind, score };
    }
    if (best === null) break;
    order.push(best.kind);
    remaining.delete(best.kind);
  }
  return order;
}

/** Times `kind` came before a kind in `among`, less the times it came after one. */
function scoreAmong(kind: string, steps: readonly KindTransition[], among: ReadonlySet<string>) {
  let score = 0;
  for (const { from, to, count } of steps) {
    if (from === kind && among.has(to)) score += count;
    if (to === kind && among.has(from)) score -= count;
  }
  return score;
}
