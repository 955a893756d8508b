import { analyzeBatches } from '../../src/batches/analyze.js';
import { createDefaultConfig } from '../../src/config/defaults.js';
import type { Config } from '../../src/config/types.js';
import type { InsightRequest } from '../../src/insights/types.js';
import { assessRiskWithSecrets } from '../../src/risk/assess.js';
import {
  makeFootprint,
  type FileSpec,
  type FootprintOptions,
} from '../helpers/footprint-builder.js';

/** Returns the default configuration with the Anthropic provider and a 5 s time budget. */
export function anthropicConfig(change: (config: Config) => void = () => {}): Config {
  const config = createDefaultConfig();
  config.llm.provider = 'anthropic';
  config.llm.timeoutMs = 5000;
  change(config);
  return config;
}

/**
 * Builds the request the insights stage gets for the given staged files: footprint, offline
 * batches and risk findings, in balanced mode.
 */
export async function buildInsightRequest(
  specs: FileSpec[],
  options: FootprintOptions = {},
): Promise<InsightRequest> {
  const input = makeFootprint(specs, options);
  const analysis = analyzeBatches(input, { mode: 'balanced' });
  // `await` keeps this working whether the risk stage returns its report or a promise of it.
  const { report, requestSecrets } = await assessRiskWithSecrets(input, analysis, {
    mode: 'balanced',
    config: createDefaultConfig(),
    skip: [],
  });
  return { input, analysis, risk: report, requestSecrets, signal: new AbortController().signal };
}

/** Returns a fake private key file. The header is assembled, so this file never contains one. */
export function fakeKeyFile(material: string): string {
  const label = ['OPENSSH', 'PRIVATE', 'KEY'].join(' ');
  return `-----BEGIN ${label}-----\n${material}\n-----END ${label}-----\n`;
}
