import { nowMs } from '../log/clock.js';
import { createDebug } from '../log/debug.js';
import type { StageName } from './types.js';

const debug = createDebug('stage');

/** Records how long each pipeline stage takes, in whole milliseconds. */
export class StageTimer {
  readonly timings: Partial<Record<StageName, number>> = {};

  async time<T>(stage: StageName, run: () => Promise<T>): Promise<T> {
    const start = nowMs();
    try {
      return await run();
    } finally {
      this.record(stage, start);
    }
  }

  timeSync<T>(stage: StageName, run: () => T): T {
    const start = nowMs();
    try {
      return run();
    } finally {
      this.record(stage, start);
    }
  }

  private record(stage: StageName, start: number): void {
    const elapsed = Math.round((nowMs() - start) * 10) / 10;
    this.timings[stage] = elapsed;
    debug(`${stage} took ${elapsed}ms`);
  }
}
