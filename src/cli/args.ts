import { parseArgs } from 'node:util';
import type { Mode } from '../batches/types.js';
import { UserError } from '../errors.js';
import { COLOR_CHOICES, type ColorChoice } from '../output/color.js';
import {
  invalidOptionValueMessage,
  laterCommandMessage,
  LATER_COMMANDS,
  missingOptionValueMessage,
  optionOfOtherCommandMessage,
  requiredOptionMessage,
  unexpectedArgumentMessage,
  unexpectedOptionValueMessage,
  unknownCommandMessage,
  unknownOptionMessage,
} from '../output/messages.js';
import { readPackageVersion } from './package-info.js';

export const COMMANDS = ['precommit', 'analyze', 'strategy', 'validate', 'init'] as const;
export type CommandName = (typeof COMMANDS)[number];

export const MODES: readonly Mode[] = ['conservative', 'balanced', 'aggressive'];

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
}

interface OptionSpec {
  type: 'string' | 'boolean';
  short?: string;
  /** Allowed values, named in the message when the value is missing. */
  valueHint?: string;
}

const OPTION_SPECS: Record<string, OptionSpec> = {
  help: { type: 'boolean', short: 'h' },
  version: { type: 'boolean', short: 'v' },
  json: { type: 'boolean' },
  mode: { type: 'string', valueHint: `one of ${MODES.join(', ')}` },
  'no-llm': { type: 'boolean' },
  color: { type: 'string', valueHint: `one of ${COLOR_CHOICES.join(', ')}` },
  debug: { type: 'boolean' },
  cwd: { type: 'string', valueHint: 'a folder' },
  output: { type: 'string', short: 'o', valueHint: 'a file path' },
  strategy: { type: 'string', valueHint: 'a strategy file' },
};

const BASE_OPTIONS = ['help', 'version', 'color', 'debug', 'cwd'];
const PIPELINE_OPTIONS = [...BASE_OPTIONS, 'json', 'mode', 'no-llm'];

/** Options each command accepts. `validate` takes --mode and --no-llm, which have no effect there. */
const COMMAND_OPTIONS: Record<CommandName, string[]> = {
  precommit: PIPELINE_OPTIONS,
  analyze: PIPELINE_OPTIONS,
  strategy: [...PIPELINE_OPTIONS, 'output'],
  validate: [...PIPELINE_OPTIONS, 'strategy'],
  init: BASE_OPTIONS,
};

export const VALIDATE_EXAMPLE = 'footprint validate --strategy fossils/strategy.json';

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
  const extra = rest[0];
  if (extra !== undefined) throw new UserError(unexpectedArgumentMessage(extra, command ?? 'help'));

  const line = readValues(argv, allowed, command);
  if (helpTopic) line.help = true;
  if (command === 'validate' && line.strategy === undefined && !line.help && !line.version) {
    throw new UserError(requiredOptionMessage('--strategy FILE', 'validate', VALIDATE_EXAMPLE));
  }
  return line;
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

function resolveCommand(name: string | undefined): CommandName | null {
  if (name === undefined) return null;
  if ((COMMANDS as readonly string[]).includes(name)) return name as CommandName;
  if ((LATER_COMMANDS as readonly string[]).includes(name)) {
    throw new UserError(laterCommandMessage(name, readPackageVersion()));
  }
  throw new UserError(unknownCommandMessage(name));
}

function checkToken(token: ScanToken, allowed: string[], command: CommandName | null): void {
  if (token.kind !== 'option') return;

  const spec = OPTION_SPECS[token.name];
  if (spec === undefined) throw new UserError(unknownOptionMessage(token.rawName, command));
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
  const missing =
    value === undefined || value === '' || (!token.inlineValue && value.startsWith('-'));
  if (missing)
    throw new UserError(missingOptionValueMessage(token.rawName, spec.valueHint ?? 'a value'));
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
    color: checkChoice('--color', text('color') ?? 'auto', COLOR_CHOICES),
  };
  const mode = text('mode');
  if (mode !== undefined) line.mode = checkChoice('--mode', mode, MODES);
  assignDefined(line, 'cwd', text('cwd'));
  assignDefined(line, 'output', text('output'));
  assignDefined(line, 'strategy', text('strategy'));
  return line;
}

function checkChoice<T extends string>(option: string, value: string, allowed: readonly T[]): T {
  if ((allowed as readonly string[]).includes(value)) return value as T;
  throw new UserError(invalidOptionValueMessage(option, value, allowed));
}

function assignDefined(
  line: CommandLine,
  key: 'cwd' | 'output' | 'strategy',
  value: string | undefined,
): void {
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
