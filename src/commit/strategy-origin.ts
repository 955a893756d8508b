import type { Mode } from '../batches/types.js';
import type { StrategyOrigin, StrategySource } from './types.js';

/** Describes a strategy's origin as commit-run fossils and `commit --json` record it. */
export function describeStrategyOrigin(origin: StrategyOrigin): {
  source: StrategySource['kind'];
  file: string | null;
  createdAt: string;
  mode: Mode;
} {
  return { source: origin.kind, file: origin.file, createdAt: origin.createdAt, mode: origin.mode };
}
