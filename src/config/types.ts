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
    /** Model name the provider requests. */
    model: string;
    /** Base URL of the provider's API; `ANTHROPIC_BASE_URL` wins over it. Null: the provider's own. */
    baseURL: string | null;
    /** Milliseconds the hook gives the provider, retry included. */
    timeoutMs: number;
    /** Budget of the change summary sent to the provider, in bytes. */
    maxRequestBytes: number;
    /** Budget of the change summary in estimated tokens (4 bytes each), or null for bytes only. */
    maxRequestTokens: number | null;
  };
  risk: {
    /** Rule ids to turn off. */
    disable: string[];
    /** Findings to allow, by rule and path glob. */
    allow: Array<{ rule: string; path?: string }>;
    /** Staged blobs larger than this many bytes raise a finding. */
    maxFileBytes: number;
    /** Severity and options of built-in rules, by rule id; absent keys keep the defaults. */
    rules: Record<string, RuleSettings>;
    /** Rules the configuration adds: a regular expression over added lines. */
    custom: CustomRuleConfig[];
  };
  fossils: {
    /** Fossils kept at most; the oldest go first. */
    keep: number;
    /** Fossils older than this many days are removed on write. */
    maxAgeDays: number;
  };
}

/** A built-in rule's settings in `risk.rules`. */
export interface RuleSettings {
  severity?: Severity;
  /** Options of the rule; each one given replaces that option's default. */
  options?: Record<string, unknown>;
}

/** A rule from `risk.custom`: a regular expression matched against each added line. */
export interface CustomRuleConfig {
  id: string;
  /** JavaScript regular expression source, matched in linear time (no backreferences or lookaround). */
  pattern: string;
  /** Flags among `m` and `s`. */
  flags?: string;
  severity: Severity;
  /** Path globs the rule reads; absent: every path. */
  paths?: string[];
  /** Path globs the rule skips. */
  ignorePaths?: string[];
  message?: string;
  fix?: string;
  /** When true (the default), findings show the matched text masked. */
  mask?: boolean;
}

/** Where the configuration came from, for messages. */
export interface ConfigSource {
  /** Absolute path of `footprint.config.json` or `package.json`, or null for defaults. */
  file: string | null;
  config: Config;
}
