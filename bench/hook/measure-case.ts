import { mkdirSync } from 'node:fs';
import path from 'node:path';

import type { PreparedCase } from './bench-cases.js';
import { probeFootprint, profileFootprint } from './footprint-probe.js';
import { git } from './git-command.js';
import {
  buildCommitCommands,
  buildCommands,
  describeBuild,
  isFootprintBuilt,
  snapshotFootprintBuild,
  writeCommitHooks,
  writeNoMatchConfig,
  type ProjectPaths,
} from './hook-commands.js';
import type { BenchOptions } from './options.js';
import { footprintRatios, type CaseResult } from './report.js';
import { timeCase } from './time-case.js';
import { findGnuTime, type TimedCommand } from './timed-run.js';

/** Settings that every case of one benchmark run shares. */
export interface MeasureSettings {
  gnuTime: string | null;
  footprint: boolean;
  /** Paths of the commands to time, where footprint's point at a copy of its build. */
  paths: ProjectPaths;
  noMatchConfig: string;
  /** Hash and time of the footprint build that is timed, or null when footprint is not. */
  footprintBuild: string | null;
}

/**
 * Writes the hooks of `--in-commit` and brings the index's cache tree up to date with `git
 * write-tree`, as `git commit` does before its hook, so the timed commits leave the index as
 * it is and each finds the state the others found.
 */
function commitCommands(
  dir: string,
  options: BenchOptions,
  settings: MeasureSettings,
): TimedCommand[] {
  git(dir, ['write-tree']);
  const hooks = writeCommitHooks(settings.paths, options.cacheDir, settings.noMatchConfig);
  return buildCommitCommands(hooks, dir);
}

/** Untimed `precommit --json` runs per case whose median stage times are reported. */
const PROBE_RUNS = 3;

/**
 * Finds GNU time, writes the lint-staged configuration and copies footprint's build into the
 * cache folder. Without a build, or with `--no-footprint`, only the reference commands run.
 */
export function prepareSettings(
  options: BenchOptions,
  projectPaths: ProjectPaths,
  progress: (message: string) => void,
): MeasureSettings {
  mkdirSync(options.cacheDir, { recursive: true });
  const gnuTime = findGnuTime();
  if (gnuTime === null) {
    progress('GNU time (/usr/bin/time) not found: CPU time and peak memory are not measured.');
  }

  const noMatchConfig = writeNoMatchConfig(options.cacheDir);
  const referenceOnly: MeasureSettings = {
    gnuTime,
    footprint: false,
    paths: projectPaths,
    noMatchConfig,
    footprintBuild: null,
  };
  if (!options.footprint) return referenceOnly;
  if (!isFootprintBuilt(projectPaths)) {
    progress(
      `${projectPaths.footprintBundle} not found: timing only the reference commands. Run node scripts/build.js first.`,
    );
    return referenceOnly;
  }

  const buildCopy = path.join(options.cacheDir, 'footprint-build');
  const paths = snapshotFootprintBuild(projectPaths, buildCopy);
  return { ...referenceOnly, footprint: true, paths, footprintBuild: describeBuild(paths) };
}

/** Times the commands on one prepared case, then probes and profiles footprint untimed. */
export function measureCase(
  prepared: PreparedCase,
  options: BenchOptions,
  settings: MeasureSettings,
): CaseResult {
  const { paths } = settings;
  const inCommit = options.inCommit && settings.footprint;
  const commands = inCommit
    ? commitCommands(prepared.dir, options, settings)
    : buildCommands(paths, prepared.dir, settings.noMatchConfig, settings.footprint);
  const label = `${prepared.label} / ${prepared.staged.files} staged${inCommit ? ', in git commit' : ''}`;

  const timings = timeCase(prepared.dir, commands, {
    runs: options.runs,
    warmup: options.warmup,
    gnuTime: settings.gnuTime,
    // precommit exits 1 when the risk rules block the commit, which is a normal outcome. In
    // git commit every hook exits 1, and so does git.
    expectedExitCodes: inCommit
      ? { footprint: [1], 'lint-staged': [1], 'git commit': [1] }
      : { footprint: [0, 1] },
  });

  // The untimed runs come after the timed ones, so they find the same files in the page cache.
  const probe = settings.footprint ? probeFootprint(paths, prepared.dir, PROBE_RUNS) : null;
  const profile =
    settings.footprint && options.cpuProfDir !== null
      ? profileFootprint(paths, prepared.dir, options.cpuProfDir, label)
      : null;
  return { ...prepared, label, commands: timings, ...footprintRatios(timings), probe, profile };
}
