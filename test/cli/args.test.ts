import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseCommandLine } from '../../src/cli/args.js';
import { main } from '../../src/cli/main.js';
import { readPackageVersion } from '../../src/cli/package-info.js';
import { validateDocument } from '../../src/schemas-runtime/validators.js';
import { captureIo } from './cli-io.js';
import { footprintPathFolder } from '../helpers/repo.js';

test('parse defaults', () => {
  const line = parseCommandLine(['analyze']);

  assert.equal(line.command, 'analyze');
  assert.equal(line.json, false);
  assert.equal(line.noLlm, false);
  assert.equal(line.color, 'auto');
  assert.equal(line.mode, undefined);
});

test('parse every common flag', () => {
  const line = parseCommandLine([
    '--cwd',
    '/tmp',
    'precommit',
    '--json',
    '--mode=aggressive',
    '--no-llm',
    '--color',
    'never',
    '--debug',
  ]);

  assert.equal(line.command, 'precommit');
  assert.equal(line.cwd, '/tmp');
  assert.equal(line.json, true);
  assert.equal(line.mode, 'aggressive');
  assert.equal(line.noLlm, true);
  assert.equal(line.color, 'never');
  assert.equal(line.debug, true);
});

test('parse --no-color as never', () => {
  assert.equal(parseCommandLine(['analyze', '--no-color']).color, 'never');
  assert.equal(parseCommandLine(['analyze', '--no-color', '--color=never']).color, 'never');
  assert.equal(parseCommandLine(['analyze', '--color', 'auto', '--no-color']).color, 'never');
  assert.equal(parseCommandLine(['prepare-commit-msg', 'MSG', '--no-color']).color, 'never');
});

test('parse strategy output and validate file', () => {
  assert.equal(parseCommandLine(['strategy', '-o', 'plan.json']).output, 'plan.json');
  assert.equal(parseCommandLine(['validate', '--strategy', 'plan.json']).strategy, 'plan.json');
});

test('parse help forms', () => {
  assert.equal(parseCommandLine(['--help']).help, true);
  assert.equal(parseCommandLine(['--help']).command, null);
  assert.equal(parseCommandLine(['init', '-h']).command, 'init');
  assert.equal(parseCommandLine(['help', 'validate']).command, 'validate');
  assert.equal(parseCommandLine(['help', 'validate']).help, true);
});

const usageErrors: Array<{ name: string; argv: string[]; named: RegExp }> = [
  {
    name: 'unknown option',
    argv: ['analyze', '--frobnicate'],
    named: /Unknown option '--frobnicate'.*footprint analyze --help/,
  },
  { name: 'unknown short option', argv: ['precommit', '-x'], named: /Unknown option '-x'/ },
  {
    name: 'unknown option before the command',
    argv: ['--frob', 'analyze'],
    named: /Unknown option '--frob'/,
  },
  {
    name: 'unknown option without command',
    argv: ['--frob'],
    named: /Unknown option '--frob'.*footprint --help/,
  },
  {
    name: 'option of another command',
    argv: ['analyze', '--output', 'x.json'],
    named: /'--output' is for footprint strategy, not footprint analyze/,
  },
  {
    name: 'json for prepare-commit-msg',
    argv: ['prepare-commit-msg', '--json'],
    named: /'--json' is for .*not footprint prepare-commit-msg/,
  },
  {
    name: 'json owners include init',
    argv: ['prepare-commit-msg', '--json'],
    named:
      /'--json' is for footprint precommit, analyze, strategy, validate, init, commit, undo, learn and fossils, not/,
  },
  {
    name: 'invalid mode',
    argv: ['analyze', '--mode', 'fast'],
    named: /Invalid value 'fast' for --mode\. Use one of: conservative, balanced, aggressive/,
  },
  {
    name: 'invalid color',
    argv: ['analyze', '--color=sometimes'],
    named: /Invalid value 'sometimes' for --color\. Use one of: auto, always, never/,
  },
  {
    name: 'missing mode value',
    argv: ['analyze', '--mode'],
    named: /Option '--mode' needs a value/,
  },
  {
    name: 'flag as mode value',
    argv: ['analyze', '--mode', '--json'],
    named: /Option '--mode' needs a value/,
  },
  { name: 'empty cwd value', argv: ['analyze', '--cwd='], named: /Option '--cwd' needs a value/ },
  {
    name: 'file name with a leading dash',
    argv: ['strategy', '--output', '-plan.json'],
    named:
      /'-plan\.json' reads as an option\. Write '--output=-plan\.json' or '--output \.\/-plan\.json'/,
  },
  {
    name: 'value for a boolean',
    argv: ['analyze', '--json=yes'],
    named: /Option '--json' takes no value, but got 'yes'/,
  },
  {
    name: 'extra argument',
    argv: ['analyze', 'src'],
    named: /Unexpected argument 'src' for footprint analyze/,
  },
  {
    name: 'validate file without option',
    argv: ['validate', 'plan.json'],
    named:
      /^✖ Unexpected argument 'plan\.json' for footprint validate\. To pass a strategy file, write `footprint validate --strategy plan\.json`\.$/m,
  },
  {
    name: 'commit file without option',
    argv: ['commit', 'my plan.json', '--dry-run'],
    named: /To pass a strategy file, write `footprint commit --strategy 'my plan\.json'`\.$/m,
  },
  {
    name: 'extra argument beside strategy',
    argv: ['validate', '--strategy', 'a.json', 'b.json'],
    named:
      /^✖ Unexpected argument 'b\.json' for footprint validate\. Run `footprint validate --help`/,
  },
  {
    name: 'unknown command',
    argv: ['analyse'],
    named: /Unknown command 'analyse'\. Did you mean 'analyze'\?/,
  },
  {
    name: 'misspelt option',
    argv: ['analyze', '--mod', 'aggressive'],
    named: /Unknown option '--mod'\. Did you mean '--mode'\? Run `footprint analyze --help`/,
  },
  {
    name: 'option with swapped letters',
    argv: ['precommit', '--josn'],
    named: /Did you mean '--json'\?/,
  },
  {
    name: 'option in capitals',
    argv: ['analyze', '--JSON'],
    named: /Unknown option '--JSON'\. Did you mean '--json'\?/,
  },
  {
    name: 'unknown option with no close name',
    argv: ['analyze', '--zz'],
    named: /Unknown option '--zz'\. Run/,
  },
  {
    name: 'misspelt help',
    argv: ['hepl'],
    named: /Unknown command 'hepl'\. Did you mean 'help'\?/,
  },
  {
    name: 'misspelt fossils subcommand',
    argv: ['fossils', 'lst'],
    named: /Unknown subcommand 'fossils lst'\. Did you mean 'fossils list'\? Use one of: list,/,
  },
  {
    name: 'no-color against color always',
    argv: ['analyze', '--no-color', '--color', 'always'],
    named: /--color always and --no-color ask for opposite output\. .*--no-color is --color never/,
  },
  { name: 'no command', argv: [], named: /No command given\. Run `footprint --help`/ },
  {
    name: 'strategy from standard input',
    argv: ['validate', '--strategy', '-'],
    named:
      /Option '--strategy -' asks to read standard input, which footprint does not support: --strategy takes a file\. .*'--strategy fossils\/strategy\.json'.*'--strategy \.\/-'/,
  },
  {
    name: 'inline strategy from standard input',
    argv: ['commit', '--strategy=-'],
    named: /Option '--strategy -' asks to read standard input/,
  },
  {
    name: 'output to standard output',
    argv: ['strategy', '--output', '-'],
    named: /Option '--output -' asks for standard output, .*Leave out --output/,
  },
  {
    name: 'missing short option value',
    argv: ['strategy', '-o'],
    named: /Option '-o' needs a value: a file path\. Write it as '-o VALUE' or '--output=VALUE'\./,
  },
  {
    name: 'short option with an equals sign',
    argv: ['strategy', '-o=plan.json'],
    named:
      /'-o=plan\.json' gives -o the value '=plan\.json'\. Write '-o plan\.json' or '--output=plan/,
  },
  {
    name: 'missing --strategy',
    argv: ['validate'],
    named: /footprint validate needs --strategy FILE/,
  },
  {
    name: 'empty output value',
    argv: ['strategy', '--output', ''],
    named:
      /^✖ Option '--output' needs a value: a file path, and the value given is empty\. Pass one, such as '--output strategy\.json'\.$/m,
  },
  {
    name: 'empty inline strategy value',
    argv: ['validate', '--strategy='],
    named:
      /^✖ Option '--strategy' needs a value: a strategy file, and the value given is empty\. Pass one, such as '--strategy fossils\/strategy\.json'\.$/m,
  },
  {
    name: 'empty short output value',
    argv: ['strategy', '-o', ''],
    named: /^✖ Option '-o' needs a value: a file path, and the value given is empty\. .*'-o strat/m,
  },
];

for (const { name, argv, named } of usageErrors) {
  test(`usage error: ${name}`, async () => {
    // With footprint on PATH, the advice quotes `footprint` as these patterns do.
    const { io, stdout, stderr } = captureIo({ env: { PATH: footprintPathFolder } });

    const code = await main(argv, io);

    assert.equal(code, 2);
    assert.match(stderr.text, named);
    assert.match(stderr.text, /^✖ /);
    assert.equal(stdout.text, '');
  });
}

/** Each option that takes a value, with a command that accepts it. */
const VALUE_OPTIONS: ReadonlyArray<[command: string, option: string]> = [
  ['analyze', '--mode'],
  ['analyze', '--color'],
  ['analyze', '--cwd'],
  ['analyze', '--format'],
  ['strategy', '--output'],
  ['commit', '--strategy'],
  ['learn', '--max-commits'],
  ['learn', '--since'],
  ['fossils', '--until'],
  ['fossils', '--type'],
  ['fossils', '--keep'],
  ['fossils', '--older-than'],
  ['fossils', '--limit'],
];

for (const [command, option] of VALUE_OPTIONS) {
  test(`empty value of ${option}`, async () => {
    for (const argv of [
      [command, option, ''],
      [command, `${option}=`],
    ]) {
      const { io, stderr } = captureIo();

      const code = await main(argv, io);

      assert.equal(code, 2, argv.join(' '));
      assert.ok(stderr.text.includes('and the value given is empty. Pass one'), stderr.text);
      assert.ok(stderr.text.includes(`such as '${option} `), stderr.text);
      assert.equal(stderr.text.includes('reads as an option'), false, stderr.text);
    }
  });
}

test('missing cwd folder exits 2 naming it', async () => {
  const { io, stderr } = captureIo({ env: { FOOTPRINT: '0' } });

  const code = await main(['precommit', '--cwd', '/nonexistent/footprint-folder'], io);

  assert.equal(code, 2);
  assert.match(stderr.text, /The --cwd folder \/nonexistent\/footprint-folder does not exist/);
});

test('help goes to stdout with exit 0', async () => {
  const { io, stdout, stderr } = captureIo();

  const code = await main(['--help'], io);

  assert.equal(code, 0);
  assert.match(stdout.text, /Usage: footprint <command> \[options\]/);
  assert.match(stdout.text, /--no-llm/);
  assert.equal(stderr.text, '');
});

test('command help names its options', async () => {
  const { io, stdout } = captureIo();

  const code = await main(['strategy', '--help'], io);

  assert.equal(code, 0);
  assert.match(stdout.text, /Usage: footprint strategy \[--output FILE\]/);
  assert.match(stdout.text, /-o, --output FILE/);
});

test('version json prints a version document', async () => {
  const { io, stdout } = captureIo();

  const code = await main(['--version', '--json'], io);
  const document = JSON.parse(stdout.text) as Record<string, unknown>;

  assert.equal(code, 0);
  assert.deepEqual(validateDocument('version', document), []);
  assert.equal(document['version'], readPackageVersion());
});

test('version prints the package version', async () => {
  const { io, stdout } = captureIo();

  const code = await main(['--version'], io);

  assert.equal(code, 0);
  assert.match(stdout.text, /^\d+\.\d+\.\d+\n$/);
});
