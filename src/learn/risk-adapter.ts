import type { RiskModel } from '../risk/types.js';
import type { Model } from './model-types.js';

/** Adapts a learned model to what the risk rules read: a path's commits and fixes. */
export function toRiskModel(model: Model): RiskModel {
  return {
    fixHistory(path) {
      const hotspot = model.hotspot(path);
      return hotspot === null ? null : { commits: hotspot.changes, fixes: hotspot.fixes };
    },
  };
}
