/**
 * Hook latency benchmark: times `footprint precommit --no-llm` against `git diff --cached
 * --numstat`, a lint-staged run that matches nothing and `node -e 0`, alternating them on the
 * same staged change, in generated repositories or a copy of a local clone.
 *
 *   node --import tsx bench/hook/run.ts --sizes 1000,10000,100000 --staged 1,20,200 --runs 15
 *   node --import tsx bench/hook/run.ts --sizes 10000,100000 --staged 400 --runs 7
 *   node --import tsx bench/hook/run.ts --repo /tmp/svelte --stage 21 --cpu-prof /tmp/prof [--json]
 *
 * Run `node scripts/build.js` first: footprint runs from its built bundle.
 */
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

import { prepareCases } from './bench-cases.js';
import { resolveProjectPaths } from './hook-commands.js';
import { collectMachineInfo } from './machine-info.js';
import { measureCase, prepareSettings } from './measure-case.js';
import { parseOptions, USAGE } from './options.js';
import { formatCaseDetails, formatMachine, formatTable, type CaseResult } from './report.js';

const projectRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

async function main(argv: readonly string[]): Promise<number> {
  const options = parseOptions(argv);
  if (options.help) {
    console.log(USAGE);
    return 0;
  }

  const loadBefore = os.loadavg()[0] ?? 0;
  const projectPaths = resolveProjectPaths(projectRoot);
  const settings = prepareSettings(options, projectPaths, progress);
  const cases: CaseResult[] = [];
  for await (const prepared of prepareCases(options, progress)) {
    const { files, hunks } = prepared.staged;
    progress(`timing ${prepared.label}: ${files} files staged, ${hunks} hunks`);
    const result = measureCase(prepared, options, settings);
    cases.push(result);
    if (!options.json) {
      const details = formatCaseDetails(result);
      if (details !== '') progress(details);
    }
  }

  const machine = collectMachineInfo(projectPaths.lintStagedManifest, loadBefore);
  if (options.json) {
    const { footprintBuild } = settings;
    const document = { command: commandLine(argv), machine, footprintBuild, options, cases };
    console.log(JSON.stringify(document, null, 2));
  } else {
    const build = `footprint build: ${settings.footprintBuild ?? 'not timed'}`;
    console.log(
      `${commandLine(argv)}\n${formatMachine(machine)}\n${build}\n\n${formatTable(cases)}`,
    );
  }
  return cases.some(hasProblem) ? 1 : 0;
}

/** Returns true when a command failed or changed the repository in a case. */
function hasProblem(result: CaseResult): boolean {
  return result.commands.some((command) => command.failure !== null || command.changed.length > 0);
}

function commandLine(argv: readonly string[]): string {
  return ['node --import tsx bench/hook/run.ts', ...argv].join(' ');
}

function progress(message: string): void {
  process.stderr.write(`${message}\n`);
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 2;
  },
);
