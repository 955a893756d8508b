import type { RiskRule } from '../types.js';
import { conflictMarkersRule } from './conflict-markers.js';
import { privateKeyRule } from './private-key.js';

/** Every risk rule, in the order findings of one line are listed; a new rule adds itself here. */
export const riskRules: readonly RiskRule[] = [privateKeyRule, conflictMarkersRule];

export function findRule(id: string): RiskRule | undefined {
  return riskRules.find((rule) => rule.id === id);
}
