import type { Mode } from '../batches/types.js';
import { maskNameSecrets } from '../risk/secrets/name-secrets.js';
import type { StrategyOrigin, StrategySource } from './types.js';

/**
 * Describes a strategy's origin as commit-run fossils and `commit --json` record it, with a
 * provider token in the file's path masked.
 */
export function describeStrategyOrigin(origin: StrategyOrigin): {
  source: StrategySource['kind'];
  file: string | null;
  createdAt: string;
  mode: Mode;
} {
  const file = origin.file === null ? null : maskNameSecrets(origin.file);
  return { source: origin.kind, file, createdAt: origin.createdAt, mode: origin.mode };
}
