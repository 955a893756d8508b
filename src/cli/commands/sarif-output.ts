import { maskFlaggedPaths } from '../../pipeline/mask-flagged-paths.js';
import type { PipelineResult } from '../../pipeline/types.js';
import { createPathSecretMask } from '../../risk/path-secret-mask.js';
import { describeRules } from '../../risk/rules/index.js';
import { findChangeLocations } from '../../risk/sarif-change-locations.js';
import { buildSarifLog } from '../../risk/sarif.js';
import type { CommandContext } from '../context.js';
import { readPackageVersion } from '../package-info.js';
import { writeJson } from './pipeline-options.js';

/**
 * Writes the run's risk findings as a SARIF 2.1.0 log on stdout (`--format sarif`). A path with
 * a token in it is masked as in the summary: code scanning cannot place such a finding on a
 * file, yet the log must not carry the token. Findings about the whole change are shown on a
 * staged file without a token.
 */
export function writeSarif(context: CommandContext, result: PipelineResult): void {
  const mask = createPathSecretMask(result.footprint, result.risk.findings);
  const log = buildSarifLog(maskFlaggedPaths(result).risk, {
    rules: describeRules(
      result.config.config,
      [...(result.riskScopes?.values() ?? [])].map((scope) => scope.risk),
    ),
    toolVersion: readPackageVersion(),
    changeLocations: findChangeLocations({
      footprint: result.footprint,
      analysis: result.analysis,
      configFile: result.config.file,
      mask: mask ?? ((text) => text),
    }),
  });
  writeJson(context, log);
}
