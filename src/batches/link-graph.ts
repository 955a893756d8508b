import type { Link } from './relations/context.js';

/** The links between pairs of units, the strongest of each kind per pair. */
export class LinkGraph {
  private readonly neighbours = new Map<number, Map<number, Link[]>>();
  /** One link per pair, its strongest, by falling weight then unit indices: one merge order. */
  readonly strongestFirst: Link[];

  constructor(links: readonly Link[]) {
    for (const found of links) {
      if (found.a === found.b || !(found.weight > 0)) continue;
      const [a, b] = found.a < found.b ? [found.a, found.b] : [found.b, found.a];
      const pair = this.neighboursOf(a).get(b) ?? [];
      const same = pair.findIndex((other) => other.kind === found.kind);
      if (same !== -1 && (pair[same] as Link).weight >= found.weight) continue;

      const kept = { ...found, a, b };
      if (same === -1) pair.push(kept);
      else pair[same] = kept;
      this.neighboursOf(a).set(b, pair);
      this.neighboursOf(b).set(a, pair);
    }

    const strongest: Link[] = [];
    for (const [a, others] of this.neighbours) {
      for (const [b, pair] of others) {
        if (a > b) continue;
        strongest.push(pair.reduce((best, link) => (link.weight > best.weight ? link : best)));
      }
    }
    this.strongestFirst = strongest.sort((x, y) => y.weight - x.weight || x.a - y.a || x.b - y.b);
  }

  /** Returns the links of each unit linked to `unit`, one per kind. */
  linksOf(unit: number): ReadonlyMap<number, readonly Link[]> {
    return this.neighbours.get(unit) ?? new Map<number, Link[]>();
  }

  private neighboursOf(unit: number): Map<number, Link[]> {
    let map = this.neighbours.get(unit);
    if (!map) {
      map = new Map();
      this.neighbours.set(unit, map);
    }
    return map;
  }
}
