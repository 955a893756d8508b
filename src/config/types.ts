import type { Mode } from '../batches/types.js';
import type { Severity } from '../risk/types.js';

/** footprint's configuration after defaults are applied. */
export interface Config {
  mode: Mode;
  /** Fossil store folder, relative to the worktree root. */
  fossilDir: string;
  /** Files whose staged blob is larger than this many bytes are opaque: no hunks are computed. */
  maxDiffBytes: number;
  /** Severities that block a commit, per mode. A critical finding always blocks. */
  blockOn: Record<Mode, Severity[]>;
  /** When true, an internal error in `precommit` blocks the commit instead of letting it through. */
  failClosed: boolean;
  llm: {
    enabled: boolean;
    provider: 'heuristic' | 'anthropic';
    model: string;
    baseURL: string | null;
    /** Milliseconds the hook gives the provider. */
    timeoutMs: number;
    /** Budget of the summary sent to the provider, in bytes. */
    maxRequestBytes: number;
  };
  risk: {
    /** Rule ids to turn off. */
    disable: string[];
    /** Findings to allow, by rule and path glob. */
    allow: Array<{ rule: string; path?: string }>;
    /** Staged blobs larger than this many bytes raise a finding. */
    maxFileBytes: number;
  };
  fossils: {
    /** Fossils kept at most; the oldest go first. */
    keep: number;
    /** Fossils older than this many days are removed on write. */
    maxAgeDays: number;
  };
}

/** Where the configuration came from, for messages. */
export interface ConfigSource {
  /** Absolute path of `footprint.config.json` or `package.json`, or null for defaults. */
  file: string | null;
  config: Config;
}
