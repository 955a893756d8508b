import { mkdirSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

import { summarizeProfile, type CpuProfile, type ProfileSummary } from './cpu-profile.js';
import { benchEnv } from './git-command.js';
import type { ProjectPaths } from './hook-commands.js';
import { median } from './stats.js';
import { runTimed } from './timed-run.js';

/** Facts from one untimed `precommit --json` run with debug output on. */
export interface FootprintProbe {
  exitCode: number | null;
  /** Files and hunks in the footprint, or null when the output was not the expected JSON. */
  files: number | null;
  hunks: number | null;
  /** Milliseconds per pipeline stage, from the document's `timings`. */
  stageMs: Record<string, number>;
  /** `footprint:` debug lines from stderr, with their elapsed milliseconds. */
  debugLines: string[];
  /** The start of stdout when it was not a JSON document. */
  invalidOutput: string | null;
}

/**
 * Runs `footprint precommit --no-llm --json` `runs` times with `FOOTPRINT_DEBUG=1`, untimed.
 * Returns the last run's facts with the median time of each stage over the runs.
 */
export function probeFootprint(paths: ProjectPaths, dir: string, runs: number): FootprintProbe {
  const probes = Array.from({ length: runs }, () => probeOnce(paths, dir));
  const last = probes[probes.length - 1] as FootprintProbe;

  const stageMs: Record<string, number> = {};
  for (const stage of Object.keys(last.stageMs)) {
    const samples = probes.map((probe) => probe.stageMs[stage]).filter((ms) => ms !== undefined);
    stageMs[stage] = median(samples);
  }
  return { ...last, stageMs };
}

function probeOnce(paths: ProjectPaths, dir: string): FootprintProbe {
  const sample = runTimed(
    {
      name: 'footprint --json',
      file: process.execPath,
      args: [paths.footprintBin, 'precommit', '--no-llm', '--json'],
      cwd: dir,
      env: benchEnv({ FOOTPRINT_DEBUG: '1' }),
    },
    null,
  );
  const debugLines = sample.stderr.split('\n').filter((line) => line.startsWith('footprint:'));

  let document: PrecommitDocument;
  try {
    document = JSON.parse(sample.stdout) as PrecommitDocument;
  } catch {
    const invalidOutput = `${sample.stdout.slice(0, 300)}\n${sample.stderr.slice(-1500)}`;
    return {
      exitCode: sample.exitCode,
      files: null,
      hunks: null,
      stageMs: {},
      debugLines,
      invalidOutput,
    };
  }

  const totals = document.footprint?.totals;
  return {
    exitCode: sample.exitCode,
    files: totals?.files ?? document.footprint?.files?.length ?? null,
    hunks: totals?.hunks ?? null,
    stageMs: document.timings ?? {},
    debugLines,
    invalidOutput: null,
  };
}

/** The fields of the precommit document that the probe reads, all optional because it checks them. */
interface PrecommitDocument {
  footprint?: { totals?: { files?: number; hunks?: number }; files?: unknown[] };
  timings?: Record<string, number>;
}

/**
 * Runs `footprint precommit --no-llm` under `node --cpu-prof`, writing the profile into
 * `profileDir` named after the case, and returns the hot spots of the second run.
 */
export function profileFootprint(
  paths: ProjectPaths,
  dir: string,
  profileDir: string,
  caseLabel: string,
): { file: string; summary: ProfileSummary } {
  mkdirSync(profileDir, { recursive: true });
  const name = `footprint-${caseLabel.replace(/[^a-z0-9]+/gi, '-')}.cpuprofile`;
  // The first run fills the code cache for node's flags with --cpu-prof, which differ from
  // those of the timed runs. The second run overwrites its profile and starts warm.
  for (let run = 0; run < 2; run++) profileOnce(paths, dir, profileDir, name);

  const file = path.join(profileDir, name);
  if (!readdirSync(profileDir).includes(name)) throw new Error(`node --cpu-prof wrote no ${file}.`);
  const profile = JSON.parse(readFileSync(file, 'utf8')) as CpuProfile;
  return { file, summary: summarizeProfile(profile, 15) };
}

function profileOnce(paths: ProjectPaths, dir: string, profileDir: string, name: string): void {
  runTimed(
    {
      name: 'footprint --cpu-prof',
      file: process.execPath,
      args: [
        '--cpu-prof',
        // 0.1 ms instead of node's 1 ms, because most steps of a 200 ms run take a few ms.
        '--cpu-prof-interval',
        '100',
        '--cpu-prof-dir',
        profileDir,
        '--cpu-prof-name',
        name,
        paths.footprintBin,
        'precommit',
        '--no-llm',
      ],
      cwd: dir,
      env: benchEnv(),
    },
    null,
  );
}
