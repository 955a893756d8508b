import { maskFlaggedPaths } from '../../pipeline/mask-flagged-paths.js';
import type { PipelineResult } from '../../pipeline/types.js';
import { createPathSecretMask } from '../../risk/path-secret-mask.js';
import { describeRules } from '../../risk/rules/index.js';
import { findChangeLocations } from '../../risk/sarif-change-locations.js';
import { buildSarifLog } from '../../risk/sarif.js';
import { formatStatus } from '../../output/style.js';
import { adviceGitCommand } from '../advice-invocation.js';
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
  if (result.footprint.files.length === 0) context.stderr.write(`${nothingStagedNote(context)}\n`);
}

/**
 * Explains an empty log: footprint reads the staged change, and a CI checkout stages nothing,
 * so a scan there reports no finding unless the branch's change is staged first.
 */
function nothingStagedNote(context: CommandContext): string {
  const git = adviceGitCommand(context);
  const note =
    'Nothing is staged, so the log has no results: footprint checks the staged change. In CI, ' +
    `stage the branch's change first, such as with \`${git} reset --soft "$(${git} merge-base ` +
    'origin/main HEAD)"`, which moves HEAD back to the merge base and keeps every change staged.';
  return formatStatus(context.stderrStyle, 'info', note);
}
