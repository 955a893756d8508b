import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';

/** Lockfiles and the command that installs the dependencies each one records. */
const LOCKFILE_INSTALLS = [
  ['package-lock.json', 'npm install'],
  ['npm-shrinkwrap.json', 'npm install'],
  ['pnpm-lock.yaml', 'pnpm install'],
  ['yarn.lock', 'yarn install'],
  ['bun.lock', 'bun install'],
  ['bun.lockb', 'bun install'],
] as const;

/** Facts about installing a project's npm dependencies that matter to footprint's hooks. */
export interface ProjectInstall {
  /** The command that installs the dependencies, named by the lockfile, or `npm install`. */
  command: string;
  /** True when package.json lists footprint-cli in its dependencies, dev or optional ones. */
  installsFootprint: boolean;
  /** True when package.json's `prepare` script runs husky, as `husky init` writes it. */
  activatesHusky: boolean;
}

/** Reads the worktree's package.json and lockfile. Returns null without a valid package.json. */
export function readProjectInstall(worktree: string): ProjectInstall | null {
  const manifest = readManifest(path.join(worktree, 'package.json'));
  if (manifest === null) return null;

  const lockfile = LOCKFILE_INSTALLS.find(([name]) => existsSync(path.join(worktree, name)));
  const dependencyFields = ['dependencies', 'devDependencies', 'optionalDependencies'];
  const installsFootprint = dependencyFields.some((field) => {
    const dependencies = manifest[field];
    return isObject(dependencies) && 'footprint-cli' in dependencies;
  });
  const scripts = manifest['scripts'];
  const prepare = isObject(scripts) ? scripts['prepare'] : undefined;
  return {
    command: lockfile?.[1] ?? 'npm install',
    installsFootprint,
    activatesHusky: typeof prepare === 'string' && /\bhusky\b/.test(prepare),
  };
}

function readManifest(file: string): Record<string, unknown> | null {
  try {
    const manifest: unknown = JSON.parse(readFileSync(file, 'utf8'));
    return isObject(manifest) ? manifest : null;
  } catch {
    // A missing or invalid package.json installs nothing.
    return null;
  }
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
