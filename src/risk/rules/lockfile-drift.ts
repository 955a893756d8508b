import path from 'node:path/posix';
import type { FileChange } from '../../footprint/types.js';
import { findDependencyChange } from '../dependencies/changed-dependencies.js';
import {
  findEcosystemOfManifest,
  findEcosystemsOfLockfile,
  isManifestOf,
  type Ecosystem,
} from '../dependencies/ecosystems.js';
import { shellPathspec } from '../../output/top-pathspec.js';
import { createFinding } from '../finding.js';
import type { Finding, RiskChange, RiskRule, RuleContext } from '../types.js';

const MANIFEST_RULE = {
  id: 'manifest-without-lockfile',
  fix:
    'Run the package manager (`npm install`, `cargo update -p NAME`, `go mod tidy`, ' +
    '`terraform init -upgrade`, ...) so the lockfile matches, then stage the lockfile too.',
};

const LOCKFILE_RULE = {
  id: 'lockfile-without-manifest',
  fix:
    'Check that the lockfile change is intended (a dependency update, not a different tool ' +
    'version rewriting it), or restore it with `git restore --staged --worktree LOCKFILE`.',
};

/** Returns the lockfile rule's fix with the command that restores `lockfile` from HEAD. */
function lockfileFix(lockfile: string): string {
  return (
    'Check that the lockfile change is intended (a dependency update, not a different tool ' +
    'version rewriting it), or restore it with ' +
    `\`git restore --staged --worktree -- ${shellPathspec(lockfile)}\`.`
  );
}

/** Folders from `folder` up to the root, nearest first; `.` is the root. */
function foldersUpFrom(folder: string): string[] {
  const folders = [folder];
  for (let current = folder; current !== '.';) {
    current = path.dirname(current);
    folders.push(current);
  }
  return folders;
}

function joinPath(folder: string, name: string): string {
  return folder === '.' ? name : `${folder}/${name}`;
}

/** Lockfile paths that would belong to a manifest: next to it, or above it for workspaces. */
function lockfileCandidates(manifestPath: string, ecosystem: Ecosystem): string[] {
  const folder = path.dirname(manifestPath);
  const folders = ecosystem.workspaces ? foldersUpFrom(folder) : [folder];
  return folders.flatMap((candidate) =>
    ecosystem.lockfiles.map((name) => joinPath(candidate, name)),
  );
}

function checkManifests(change: RiskChange, context: RuleContext): Finding[] {
  // Without the index's paths nothing says whether the project keeps a lockfile at all.
  if (change.indexPaths === undefined) return [];
  const tracked = new Set(change.indexPaths);
  const staged = new Set(change.footprint.files.map((file) => file.path));

  const findings: Finding[] = [];
  for (const file of change.footprint.files) {
    const ecosystem = findEcosystemOfManifest(path.basename(file.path));
    const content = change.content.get(file.path);
    if (ecosystem === undefined || content === undefined || file.status === 'deleted') continue;

    const candidates = lockfileCandidates(file.path, ecosystem);
    const lockfile = candidates.find((candidate) => tracked.has(candidate));
    if (lockfile === undefined || candidates.some((candidate) => staged.has(candidate))) continue;

    const line = findDependencyChange(file, content, ecosystem);
    if (line === null) continue;
    findings.push(
      createFinding(MANIFEST_RULE, context, {
        path: file.path,
        ...(line > 0 ? { line } : {}),
        message: `Dependencies changed but ${lockfile} is not staged`,
      }),
    );
  }
  return findings;
}

/** Returns true when a staged manifest of the ecosystem could own the lockfile. */
function hasStagedManifest(lockfile: FileChange, ecosystem: Ecosystem, staged: string[]): boolean {
  const folder = path.dirname(lockfile.path);
  return staged.some((candidate) => {
    if (!isManifestOf(ecosystem, path.basename(candidate))) return false;
    const manifestFolder = path.dirname(candidate);
    if (manifestFolder === folder) return true;
    return ecosystem.workspaces && (folder === '.' || manifestFolder.startsWith(`${folder}/`));
  });
}

function checkLockfiles(change: RiskChange, context: RuleContext): Finding[] {
  const staged = change.footprint.files.map((file) => file.path);
  const findings: Finding[] = [];
  for (const file of change.footprint.files) {
    if (file.status !== 'modified') continue;
    const ecosystems = findEcosystemsOfLockfile(path.basename(file.path));
    if (ecosystems.length === 0) continue;
    if (ecosystems.some((ecosystem) => hasStagedManifest(file, ecosystem, staged))) continue;

    const manifests = [...new Set(ecosystems.map((ecosystem) => ecosystem.manifest))].join(' or ');
    const finding = createFinding(LOCKFILE_RULE, context, {
      path: file.path,
      message: `Lockfile changed without its manifest (${manifests})`,
    });
    findings.push({ ...finding, fix: lockfileFix(file.path) });
  }
  return findings;
}

export const manifestWithoutLockfileRule: RiskRule = {
  ...MANIFEST_RULE,
  group: 'dependencies',
  defaultSeverity: 'medium',
  description:
    'Finds a dependency manifest whose dependencies changed while the project keeps a lockfile that is not staged.',
  defaultOptions: {},
  checkChange: checkManifests,
};

export const lockfileWithoutManifestRule: RiskRule = {
  ...LOCKFILE_RULE,
  group: 'dependencies',
  defaultSeverity: 'low',
  description: 'Finds a lockfile edited while no manifest it belongs to is staged.',
  defaultOptions: {},
  checkChange: checkLockfiles,
};
