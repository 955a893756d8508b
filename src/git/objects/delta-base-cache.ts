import type { GitObject } from './types.js';

/**
 * Objects recently used as delta bases, least recently used dropped first, bounded in bytes.
 * Keys name a pack and an offset; a pack file never changes, so an entry never goes stale.
 */
export class DeltaBaseCache {
  private readonly entries = new Map<string, GitObject>();
  private bytes = 0;

  constructor(private readonly maxBytes: number) {}

  get(key: string): GitObject | undefined {
    const object = this.entries.get(key);
    if (object) {
      this.entries.delete(key);
      this.entries.set(key, object);
    }
    return object;
  }

  set(key: string, object: GitObject): void {
    // An object over a quarter of the budget would evict most others for one reuse.
    if (object.content.length > this.maxBytes / 4 || this.entries.has(key)) return;

    this.entries.set(key, object);
    this.bytes += object.content.length;
    for (const [oldest, value] of this.entries) {
      if (this.bytes <= this.maxBytes) break;
      this.entries.delete(oldest);
      this.bytes -= value.content.length;
    }
  }
}
