import assert from 'node:assert/strict';
import {
  existsSync,
  mkdtempSync,
  readFileSync,
  realpathSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, test } from 'node:test';
import { main } from '../../src/cli/main.js';
import { captureIo } from '../cli/cli-io.js';
import {
  createTempRepo,
  footprintBin,
  gitTestEnv,
  linkProjectCommand,
  plainPath,
  type TempRepo,
} from '../helpers/repo.js';

let repo: TempRepo;
/** The shell's folder: outside the repository, which the runs reach with `--cwd`. */
let shell: string;
/** The `--cwd` value, relative to the shell's folder. */
let cwdOption: string;

beforeEach(() => {
  repo = createTempRepo();
  repo.write('README.md', '# app\n');
  repo.git(['add', 'README.md']);
  shell = realpathSync(mkdtempSync(path.join(tmpdir(), 'footprint-shell-')));
  cwdOption = path.relative(shell, repo.dir);
});

afterEach(() => {
  repo.cleanup();
  rmSync(shell, { recursive: true, force: true });
});

/** Runs footprint in-process from the shell's folder. */
async function runFromShell(argv: string[]) {
  const { io, stdout, stderr } = captureIo({ cwd: shell, env: gitTestEnv() });
  const code = await main(argv, io);
  return { code, stdout: stdout.text, stderr: stderr.text };
}

/** Returns the arguments of the footprint command in backticks after `lead` in `text`. */
function printedCommand(text: string, lead: string): string[] {
  const start = text.indexOf(`${lead} \``);
  assert.notEqual(start, -1, text);
  const command = text.slice(start + lead.length + 2).split('`')[0] ?? '';
  const [program, ...argv] = command.split(' ');
  assert.equal(program, 'footprint', command);
  return argv;
}

test('strategy check command runs from shell', async () => {
  const written = await runFromShell(['--cwd', cwdOption, 'strategy', '--output', 'plan.json']);
  assert.equal(written.code, 0, written.stderr);

  const printedPath = /to (\S+)\. Check it with/.exec(written.stderr)?.[1] ?? '';
  assert.equal(path.resolve(shell, printedPath), path.join(repo.dir, 'plan.json'));
  const check = await runFromShell(printedCommand(written.stderr, 'Check it with'));
  assert.equal(check.code, 0, check.stderr);
  assert.match(check.stdout, /is valid for the staged change/);
});

test('strategy npx command fits each folder', async () => {
  linkProjectCommand(repo.dir);
  const { io, stderr } = captureIo({ cwd: shell, env: gitTestEnv({ PATH: plainPath() }) });

  const argv = ['--cwd', cwdOption, 'strategy', '--output', 'plan.json'];
  const code = await main(argv, io);
  const written = JSON.parse(readFileSync(path.join(repo.dir, 'plan.json'), 'utf8')) as {
    validation: string[];
  };

  assert.equal(code, 0, stderr.text);
  assert.ok(
    stderr.text.includes(
      `Check it with \`node ${footprintBin} --cwd ${cwdOption} validate --strategy plan.json\`.`,
    ),
    stderr.text,
  );
  assert.deepEqual(written.validation, ['npx footprint validate --strategy plan.json']);
});

test('printed strategy names the npx check', async () => {
  linkProjectCommand(repo.dir);
  const { io, stdout, stderr } = captureIo({
    cwd: repo.dir,
    env: gitTestEnv({ PATH: plainPath() }),
  });

  const code = await main(['strategy'], io);
  const printed = JSON.parse(stdout.text) as { validation: string[] };

  assert.equal(code, 0, stderr.text);
  assert.deepEqual(printed.validation, ['npx footprint validate --strategy strategy.json']);
});

test('validate rewrite command runs from shell', async () => {
  const argv = ['--cwd', cwdOption, 'validate', '--strategy', 'missing.json'];
  const missing = await runFromShell(argv);
  assert.equal(missing.code, 2);

  const rewrite = await runFromShell(printedCommand(missing.stderr, 'Write one with'));
  assert.equal(rewrite.code, 0, rewrite.stderr);
  assert.ok(existsSync(path.join(repo.dir, 'missing.json')));
});

test('validate problem advice runs from shell', async () => {
  const argv = ['--cwd', cwdOption, 'strategy', '--output', 'plan.json'];
  assert.equal((await runFromShell(argv)).code, 0);
  repo.write('README.md', '# app, changed\n');
  repo.git(['add', 'README.md']);

  const stale = await runFromShell(['--cwd', cwdOption, 'validate', '--strategy', 'plan.json']);
  assert.equal(stale.code, 1, stale.stdout);
  const rewrite = await runFromShell(printedCommand(stale.stdout, 'write it again with'));
  assert.equal(rewrite.code, 0, rewrite.stderr);
  const check = await runFromShell(['--cwd', cwdOption, 'validate', '--strategy', 'plan.json']);
  assert.equal(check.code, 0, check.stdout);
});

test('edited output mv runs from shell', async () => {
  const argv = ['--cwd', cwdOption, 'strategy', '--output', 'plan.json'];
  assert.equal((await runFromShell(argv)).code, 0);
  const file = path.join(repo.dir, 'plan.json');
  writeFileSync(file, '{"schemaVersion": 1, "kind": "strategy"}\n');

  const again = await runFromShell(argv);

  assert.equal(again.code, 2);
  const printedPath = path.join(cwdOption, 'plan.json');
  assert.ok(again.stderr.includes(`\`mv ${printedPath} ${printedPath}.old\``), again.stderr);
  assert.equal(path.resolve(shell, printedPath), file);
});
