import { parseArgs } from 'node:util';
import type { Mode } from '../batches/types.js';
import { UserError } from '../errors.js';
import { COLOR_CHOICES, type ColorChoice } from '../output/color.js';
import { closestName } from './closest-name.js';
import { COUNT_OPTIONS, countOptionError } from './count-options.js';
import {
  dashValueMessage,
  emptyOptionValueMessage,
  invalidDateMessage,
  invalidOptionValueMessage,
  missingOptionValueMessage,
  optionOfOtherCommandMessage,
  requiredOptionMessage,
  shortOptionEqualsMessage,
  standardStreamValueMessage,
  strategyArgumentMessage,
  unexpectedArgumentMessage,
  unexpectedOptionValueMessage,
  unknownCommandMessage,
  unknownOptionMessage,
} from '../output/messages.js';

export const COMMANDS = [
  'precommit',
  'analyze',
  'strategy',
  'validate',
  'init',
  'prepare-commit-msg',
  'commit',
  'undo',
  'learn',
  'fossils',
] as const;
export type CommandName = (typeof COMMANDS)[number];

export const MODES: readonly Mode[] = ['conservative', 'balanced', 'aggressive'];

/** Output formats of `--format`: `json` is `--json`, `sarif` is SARIF 2.1.0 for code scanning. */
export const OUTPUT_FORMATS = ['text', 'json', 'sarif'] as const;
export type OutputFormat = (typeof OUTPUT_FORMATS)[number];

/** The parsed command line, with defaults applied. */
export interface CommandLine {
  /** Null for `footprint --help`, `footprint --version` and a bare `footprint`. */
  command: CommandName | null;
  help: boolean;
  version: boolean;
  json: boolean;
  noLlm: boolean;
  debug: boolean;
  color: ColorChoice;
  mode?: Mode;
  cwd?: string;
  output?: string;
  strategy?: string;
  /** `--format`; absent means text, or JSON with `--json`. */
  format?: OutputFormat;
  /** `init --uninstall`. */
  uninstall: boolean;
  /** `init --force`: install the pre-commit hook even where pre-commit's configuration runs footprint. */
  force: boolean;
  /** `precommit --merge`: the pre-merge-commit hook runs it, so a merge is being committed. */
  merge: boolean;
  /** Arguments after the command, for the commands that take them (COMMAND_OPERANDS). */
  operands: string[];
  /** `commit --dry-run`: print the plan and write nothing. */
  dryRun: boolean;
  /** `commit --yes`: commit without asking. */
  yes: boolean;
  /** `commit --no-verify`: skip the commit-msg hook and the risk block. */
  noVerify: boolean;
  /** `learn --full`: learn from scratch instead of adding new commits to the last model. */
  full: boolean;
  /** `fossils prune --unreadable`: also remove selected fossils that cannot be read as JSON. */
  unreadable: boolean;
  /** Values of `learn` and `fossils` options, as written; those commands check them. */
  maxCommits?: string;
  since?: string;
  until?: string;
  type?: string;
  keep?: string;
  olderThan?: string;
  limit?: string;
}

interface OptionSpec {
  type: 'string' | 'boolean';
  short?: string;
  /** Allowed values, named in the message when the value is missing. */
  valueHint?: string;
  /** A value the message of an empty value shows, such as `strategy.json`. */
  example?: string;
}

const DATE_HINT = 'a date such as 2025-01-31, or an age such as 30d';

const OPTION_SPECS: Record<string, OptionSpec> = {
  help: { type: 'boolean', short: 'h' },
  version: { type: 'boolean', short: 'v' },
  json: { type: 'boolean' },
  mode: { type: 'string', valueHint: `one of ${MODES.join(', ')}`, example: 'balanced' },
  'no-llm': { type: 'boolean' },
  color: { type: 'string', valueHint: `one of ${COLOR_CHOICES.join(', ')}`, example: 'never' },
  'no-color': { type: 'boolean' },
  debug: { type: 'boolean' },
  cwd: { type: 'string', valueHint: 'a folder', example: 'packages/app' },
  output: { type: 'string', short: 'o', valueHint: 'a file path', example: 'strategy.json' },
  strategy: { type: 'string', valueHint: 'a strategy file', example: 'fossils/strategy.json' },
  format: { type: 'string', valueHint: `one of ${OUTPUT_FORMATS.join(', ')}`, example: 'json' },
  uninstall: { type: 'boolean' },
  force: { type: 'boolean' },
  merge: { type: 'boolean' },
  'dry-run': { type: 'boolean' },
  yes: { type: 'boolean', short: 'y' },
  'no-verify': { type: 'boolean' },
  'max-commits': { type: 'string', valueHint: 'a number of commits', example: '500' },
  since: { type: 'string', valueHint: DATE_HINT, example: '30d' },
  until: { type: 'string', valueHint: DATE_HINT, example: '2025-01-31' },
  full: { type: 'boolean' },
  unreadable: { type: 'boolean' },
  type: { type: 'string', valueHint: 'a fossil type such as analysis', example: 'analysis' },
  keep: { type: 'string', valueHint: 'a number of fossils', example: '100' },
  'older-than': { type: 'string', valueHint: 'an age such as 30d, or a date', example: '30d' },
  limit: { type: 'string', valueHint: 'a number of fossils', example: '20' },
};

/** Options whose value is a file, so that `-` is a request for a standard stream. */
const FILE_OPTIONS: ReadonlySet<string> = new Set(['strategy', 'output']);

/** Options whose value is a path, which may start with `-`, such as `--output=-plan.json`. */
const PATH_OPTIONS: ReadonlySet<string> = new Set(['strategy', 'output', 'cwd']);

/** Options whose value is a date or an age, so that `-1d` is an invalid age rather than an option. */
const DATE_OPTIONS: ReadonlySet<string> = new Set(['since', 'until', 'older-than']);

const BASE_OPTIONS = ['help', 'version', 'color', 'no-color', 'debug', 'cwd'];
/**
 * The common options, which every command but the hook's `prepare-commit-msg` accepts, so a
 * script can pass the same flags to each. `validate`, `undo`, `learn`, `fossils` and `init`
 * accept --mode and --no-llm and ignore them.
 */
const COMMON_OPTIONS = [...BASE_OPTIONS, 'json', 'mode', 'no-llm'];

/** Options each command accepts. */
const COMMAND_OPTIONS: Record<CommandName, string[]> = {
  precommit: [...COMMON_OPTIONS, 'format', 'merge'],
  analyze: [...COMMON_OPTIONS, 'format'],
  strategy: [...COMMON_OPTIONS, 'output'],
  validate: [...COMMON_OPTIONS, 'strategy'],
  init: [...COMMON_OPTIONS, 'uninstall', 'force'],
  'prepare-commit-msg': BASE_OPTIONS,
  commit: [...COMMON_OPTIONS, 'strategy', 'dry-run', 'yes', 'no-verify'],
  undo: COMMON_OPTIONS,
  learn: [...COMMON_OPTIONS, 'max-commits', 'since', 'full'],
  fossils: [
    ...COMMON_OPTIONS,
    'type',
    'since',
    'until',
    'limit',
    'keep',
    'older-than',
    'dry-run',
    'unreadable',
  ],
};

/**
 * Most arguments each command takes after its name. prepare-commit-msg takes git's hook
 * arguments: the message file, the message source and the commit of an amend.
 */
const COMMAND_OPERANDS: Partial<Record<CommandName, number>> = {
  'prepare-commit-msg': 3,
  // `fossils SUBCOMMAND [ID]`. The fossils command checks the count per subcommand, so that
  // its message names the subcommand.
  fossils: Number.POSITIVE_INFINITY,
};

export const VALIDATE_EXAMPLE = 'footprint validate --strategy fossils/strategy.json';
const PREPARE_COMMIT_MSG_EXAMPLE = 'footprint prepare-commit-msg .git/COMMIT_EDITMSG';

type ScanToken = ReturnType<typeof scanArguments>['tokens'][number];

/**
 * Parses footprint's arguments. Throws a UserError (exit 2) that names the offending
 * argument for an unknown command, an unknown option, a missing or invalid value, or an
 * extra argument.
 */
export function parseCommandLine(argv: string[]): CommandLine {
  const scan = scanArguments(argv);
  const [first, ...rest] = scan.positionals;
  const helpTopic = first === 'help';
  const name = helpTopic ? rest.shift() : first;
  const command = resolveCommand(name);

  const allowed = command === null ? Object.keys(OPTION_SPECS) : COMMAND_OPTIONS[command];
  for (const token of scan.tokens) checkToken(token, allowed, command);
  const operandCount = helpTopic || command === null ? 0 : (COMMAND_OPERANDS[command] ?? 0);
  const extra = rest[operandCount];
  if (extra !== undefined) throw extraArgumentError(extra, command, scan.tokens);

  const line = readValues(argv, allowed, command);
  line.operands = rest.slice(0, operandCount);
  if (helpTopic) line.help = true;
  if (command === 'validate' && line.strategy === undefined && !line.help && !line.version) {
    throw new UserError(requiredOptionMessage('--strategy FILE', 'validate', VALIDATE_EXAMPLE));
  }
  if (command === 'prepare-commit-msg' && line.operands.length === 0 && !line.help) {
    throw new UserError(
      requiredOptionMessage('the commit message file', command, PREPARE_COMMIT_MSG_EXAMPLE),
    );
  }
  return line;
}

/** The parts of the command line that the `--json` document of a usage error names. */
export interface JsonRequest {
  /** The command, or null when the line names no known command. */
  command: CommandName | null;
  cwd?: string;
  strategy?: string;
}

/**
 * Reads a command line that could not be parsed leniently and returns the parts its error
 * document names, or null when it requests no JSON (`--json` or `--format json`).
 */
export function scanJsonRequest(argv: string[]): JsonRequest | null {
  const scan = scanArguments(argv);
  const json = scan.tokens.some(
    (token) =>
      token.kind === 'option' &&
      ((token.name === 'json' && token.value === undefined) ||
        (token.name === 'format' && token.value === 'json')),
  );
  if (!json) return null;

  const [first, ...rest] = scan.positionals;
  const name = first === 'help' ? rest[0] : first;
  const known = (COMMANDS as readonly string[]).includes(name ?? '');
  const request: JsonRequest = { command: known ? (name as CommandName) : null };
  const { cwd, strategy } = scan.values;
  if (typeof cwd === 'string') request.cwd = cwd;
  if (typeof strategy === 'string') request.strategy = strategy;
  return request;
}

/** Parses leniently to find the command and every option token, known or not. */
function scanArguments(argv: string[]) {
  return parseArgs({
    args: argv,
    options: selectOptions(Object.keys(OPTION_SPECS)),
    strict: false,
    allowPositionals: true,
    tokens: true,
  });
}

/**
 * Returns the error of an extra argument. When a command that reads a strategy file with
 * `--strategy` gets none, the argument is likely that file, so the error shows the option.
 */
function extraArgumentError(
  extra: string,
  command: CommandName | null,
  tokens: readonly ScanToken[],
): UserError {
  const hasStrategy = tokens.some((token) => token.kind === 'option' && token.name === 'strategy');
  if (command !== null && COMMAND_OPTIONS[command].includes('strategy') && !hasStrategy) {
    return new UserError(strategyArgumentMessage(extra, command));
  }
  return new UserError(unexpectedArgumentMessage(extra, command ?? 'help'));
}

function resolveCommand(name: string | undefined): CommandName | null {
  if (name === undefined) return null;
  if ((COMMANDS as readonly string[]).includes(name)) return name as CommandName;
  // `footprint help` shows the help, so a mistyped `help` is suggested too.
  throw new UserError(unknownCommandMessage(name, closestName(name, [...COMMANDS, 'help'])));
}

function checkToken(token: ScanToken, allowed: string[], command: CommandName | null): void {
  if (token.kind !== 'option') return;

  const spec = OPTION_SPECS[token.name];
  if (spec === undefined) {
    const closest = token.rawName.startsWith('--') ? closestName(token.name, allowed) : null;
    const suggestion = closest === null ? null : `--${closest}`;
    throw new UserError(unknownOptionMessage(token.rawName, command, suggestion));
  }
  if (!allowed.includes(token.name) && command !== null) {
    const owners = COMMANDS.filter((name) => COMMAND_OPTIONS[name].includes(token.name));
    throw new UserError(optionOfOtherCommandMessage(token.rawName, command, owners));
  }

  const value = token.value;
  if (spec.type === 'boolean') {
    if (value !== undefined)
      throw new UserError(unexpectedOptionValueMessage(token.rawName, value));
    return;
  }
  // A negative number would otherwise read as a missing value followed by an option.
  if (value !== undefined && Object.hasOwn(COUNT_OPTIONS, token.name) && /^-\d/.test(value)) {
    throw countOptionError(token.name, value);
  }
  if (value !== undefined && DATE_OPTIONS.has(token.name) && /^-\d/.test(value)) {
    throw new UserError(invalidDateMessage(token.rawName, value));
  }
  // parseArgs, as getopt, reads `-o=plan.json` as -o with the value `=plan.json`.
  if (value?.startsWith('=') && token.inlineValue && !token.rawName.startsWith('--')) {
    throw new UserError(shortOptionEqualsMessage(token.rawName, `--${token.name}`, value));
  }
  if (value === '-' && FILE_OPTIONS.has(token.name)) {
    throw new UserError(standardStreamValueMessage(`--${token.name}`));
  }
  const hint = spec.valueHint ?? 'a value';
  if (value === '') {
    throw new UserError(emptyOptionValueMessage(token.rawName, hint, spec.example ?? 'VALUE'));
  }
  const missing = value === undefined || (!token.inlineValue && value.startsWith('-'));
  if (!missing) return;

  const message = missingOptionValueMessage(token.rawName, `--${token.name}`, hint);
  if (value === undefined || !PATH_OPTIONS.has(token.name) || isOptionName(value)) {
    throw new UserError(message);
  }
  throw new UserError(`${message} ${dashValueMessage(`--${token.name}`, value)}`);
}

/** Tells whether `argument` is one of footprint's options, such as `--json` or `-y`. */
function isOptionName(argument: string): boolean {
  if (argument.startsWith('--')) {
    return Object.hasOwn(OPTION_SPECS, argument.slice(2).split('=')[0] ?? '');
  }
  return Object.values(OPTION_SPECS).some((spec) => spec.short === argument.slice(1, 2));
}

function readValues(argv: string[], allowed: string[], command: CommandName | null): CommandLine {
  const { values } = parseArgs({
    args: argv,
    options: selectOptions(allowed),
    strict: true,
    allowPositionals: true,
  });
  const text = (key: string): string | undefined => {
    const value = values[key];
    return typeof value === 'string' ? value : undefined;
  };
  const flag = (key: string): boolean => values[key] === true;

  const line: CommandLine = {
    command,
    help: flag('help'),
    version: flag('version'),
    json: flag('json'),
    noLlm: flag('no-llm'),
    debug: flag('debug'),
    color: readColor(text('color'), flag('no-color')),
    uninstall: flag('uninstall'),
    force: flag('force'),
    merge: flag('merge'),
    operands: [],
    dryRun: flag('dry-run'),
    yes: flag('yes'),
    noVerify: flag('no-verify'),
    full: flag('full'),
    unreadable: flag('unreadable'),
  };
  const mode = text('mode');
  if (mode !== undefined) line.mode = checkChoice('--mode', mode, MODES);
  assignDefined(line, 'cwd', text('cwd'));
  assignDefined(line, 'output', text('output'));
  assignDefined(line, 'strategy', text('strategy'));
  for (const [key, option] of HISTORY_OPTIONS) assignDefined(line, key, text(option));
  readFormat(line, text('format'));
  return line;
}

/** Applies `--format`: `json` means `--json`; `sarif` or `text` together with `--json` is a conflict. */
function readFormat(line: CommandLine, value: string | undefined): void {
  if (value === undefined) return;
  const format = checkChoice('--format', value, OUTPUT_FORMATS);
  if (line.json && format !== 'json') {
    throw new UserError(
      `--json and --format ${format} ask for two outputs. Use one of them; --json is --format json.`,
    );
  }
  line.format = format;
  if (format === 'json') line.json = true;
}

/**
 * Reads `--color WHEN` and `--no-color`, which is `--color never` and wins over `--color auto`.
 * Only `--color always` conflicts with it.
 */
function readColor(value: string | undefined, noColor: boolean): ColorChoice {
  const color = checkChoice('--color', value ?? 'auto', COLOR_CHOICES);
  if (!noColor) return color;
  if (color === 'always') {
    throw new UserError(
      '--color always and --no-color ask for opposite output. Use one of them; --no-color is --color never.',
    );
  }
  return 'never';
}

function checkChoice<T extends string>(option: string, value: string, allowed: readonly T[]): T {
  if ((allowed as readonly string[]).includes(value)) return value as T;
  throw new UserError(
    invalidOptionValueMessage(option, value, allowed, closestName(value, allowed)),
  );
}

/** String options of `learn` and `fossils`, by CommandLine key. */
const HISTORY_OPTIONS = [
  ['maxCommits', 'max-commits'],
  ['since', 'since'],
  ['until', 'until'],
  ['type', 'type'],
  ['keep', 'keep'],
  ['olderThan', 'older-than'],
  ['limit', 'limit'],
] as const;

type TextKey = 'cwd' | 'output' | 'strategy' | (typeof HISTORY_OPTIONS)[number][0];

function assignDefined(line: CommandLine, key: TextKey, value: string | undefined): void {
  if (value !== undefined) line[key] = value;
}

function selectOptions(names: string[]): Record<string, OptionSpec> {
  const options: Record<string, OptionSpec> = {};
  for (const name of names) {
    const spec = OPTION_SPECS[name];
    if (spec !== undefined)
      options[name] = { type: spec.type, ...(spec.short ? { short: spec.short } : {}) };
  }
  return options;
}
