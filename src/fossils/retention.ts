import type { Config } from '../config/types.js';
import type { RetentionPolicy } from './prune.js';

/**
 * Model fossils kept at most. A model is large and only the newest is read, so one earlier
 * model is kept to compare with, whatever `fossils.keep` sets.
 */
const MODEL_KEEP = 2;

/**
 * Returns the retention policy of one kind from the configuration (`fossils.keep` and
 * `fossils.maxAgeDays`). The newest model never expires by age: until `learn` runs again it is
 * the only one, and removing it would quietly turn learning off.
 */
export function retentionPolicyFor(kind: string, fossils: Config['fossils']): RetentionPolicy {
  if (kind === 'model') {
    return {
      keep: Math.min(fossils.keep, MODEL_KEEP),
      maxAgeDays: fossils.maxAgeDays,
      keepRegardlessOfAge: 1,
    };
  }
  return { keep: fossils.keep, maxAgeDays: fossils.maxAgeDays };
}
