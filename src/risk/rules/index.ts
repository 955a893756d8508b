import type { Config } from '../../config/types.js';
import type { RiskRule, Severity } from '../types.js';
import { binaryFileRule } from './binary-file.js';
import { caseConflictRule } from './case-conflict.js';
import { commandLinePasswordRule } from './command-line-password.js';
import { conflictMarkersRule } from './conflict-markers.js';
import { credentialFileRule } from './credential-file.js';
import { createCustomRules } from './custom-rules.js';
import { debugPrintRule } from './debug-print.js';
import { debuggerRule } from './debugger.js';
import { executableBitRule } from './executable-bit.js';
import { focusedTestRule } from './focused-test.js';
import { generatedEditRule } from './generated-edit.js';
import { genericSecretRule } from './generic-secret.js';
import { hotspotRule } from './hotspot.js';
import { jwtRule } from './jwt.js';
import { kubernetesSecretRule } from './kubernetes-secret.js';
import { largeFileRule } from './large-file.js';
import { lockfileWithoutManifestRule, manifestWithoutLockfileRule } from './lockfile-drift.js';
import { massDeletionRule } from './mass-deletion.js';
import { privateKeyRule } from './private-key.js';
import { protectedBranchRule } from './protected-branch.js';
import { providerTokenRule } from './provider-token.js';
import { secretInPathRule } from './secret-in-path.js';
import { sensitivePathRule } from './sensitive-path.js';
import { submoduleAddedRule } from './submodule-added.js';
import { symlinkOutsideRule } from './symlink-outside.js';
import { unrelatedBatchesRule } from './unrelated-batches.js';
import { unscannedFileRule } from './unscanned-file.js';
import { urlCredentialsRule } from './url-credentials.js';

/** Every built-in rule, in the order findings of one line are listed; a new rule adds itself here. */
export const riskRules: readonly RiskRule[] = [
  privateKeyRule,
  providerTokenRule,
  secretInPathRule,
  urlCredentialsRule,
  commandLinePasswordRule,
  jwtRule,
  kubernetesSecretRule,
  genericSecretRule,
  unscannedFileRule,
  credentialFileRule,
  conflictMarkersRule,
  debuggerRule,
  focusedTestRule,
  debugPrintRule,
  largeFileRule,
  binaryFileRule,
  manifestWithoutLockfileRule,
  lockfileWithoutManifestRule,
  caseConflictRule,
  submoduleAddedRule,
  symlinkOutsideRule,
  executableBitRule,
  generatedEditRule,
  massDeletionRule,
  unrelatedBatchesRule,
  sensitivePathRule,
  protectedBranchRule,
  hotspotRule,
];

const BUILT_IN_IDS: ReadonlySet<string> = new Set(riskRules.map((rule) => rule.id));

export function findRule(id: string): RiskRule | undefined {
  return riskRules.find((rule) => rule.id === id);
}

/** Returns the built-in rules followed by the configuration's custom rules. */
export function listRules(config: Config): RiskRule[] {
  return [...riskRules, ...createCustomRules(config, BUILT_IN_IDS)];
}

/**
 * Returns every rule of a configuration with the severity its findings get, followed by the
 * custom rules that only nested configurations (`nestedRisks`, their `risk` sections) add.
 */
export function describeRules(
  config: Config,
  nestedRisks: Iterable<Config['risk']> = [],
): Array<{ rule: RiskRule; severity: Severity }> {
  const described = new Map<string, { rule: RiskRule; severity: Severity }>();
  for (const risk of [config.risk, ...nestedRisks]) {
    for (const rule of listRules({ ...config, risk })) {
      if (described.has(rule.id)) continue;
      described.set(rule.id, {
        rule,
        severity: risk.rules[rule.id]?.severity ?? rule.defaultSeverity,
      });
    }
  }
  return [...described.values()];
}
