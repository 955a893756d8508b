import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { CONFIG_FILE_NAME } from '../config/load.js';
import type { InstallStep } from './install-step.js';

/** Keeps every fossil out of git while the folder itself stays visible. */
const FOSSIL_GITIGNORE = '*\n!.gitignore\n';

/** Writes `<fossilDir>/.gitignore` unless it exists. */
export async function writeFossilGitignore(
  worktree: string,
  fossilDir: string,
): Promise<InstallStep> {
  const dir = path.resolve(worktree, fossilDir);
  const file = path.join(dir, '.gitignore');
  if (existsSync(file))
    return { file, action: 'unchanged', detail: 'fossil store already ignored' };

  await mkdir(dir, { recursive: true });
  await writeFile(file, FOSSIL_GITIGNORE);
  return { file, action: 'created', detail: 'keeps fossils out of git' };
}

/**
 * Writes a starter footprint.config.json unless the worktree has one or its package.json has
 * a `footprint` key. The file sets the keys a new user changes first, at their defaults.
 */
export async function writeStarterConfig(worktree: string): Promise<InstallStep> {
  const file = path.join(worktree, CONFIG_FILE_NAME);
  if (existsSync(file)) return { file, action: 'unchanged', detail: 'configuration kept' };
  const manifest = path.join(worktree, 'package.json');
  if (await hasFootprintKey(manifest)) {
    return {
      file: manifest,
      action: 'unchanged',
      detail: 'configuration in its "footprint" key kept',
    };
  }

  await writeFile(file, `${JSON.stringify(starterConfig(worktree), null, 2)}\n`);
  return { file, action: 'created', detail: 'starter configuration with the defaults' };
}

function starterConfig(worktree: string): object {
  const schema = path.join('node_modules', 'footprint', 'schemas', 'config.schema.json');
  const hasSchema = existsSync(path.join(worktree, schema));
  return {
    ...(hasSchema ? { $schema: `./${schema.split(path.sep).join('/')}` } : {}),
    mode: 'balanced',
    failClosed: false,
    llm: { enabled: true, provider: 'heuristic' },
    risk: { disable: [], allow: [] },
  };
}

async function hasFootprintKey(manifest: string): Promise<boolean> {
  if (!existsSync(manifest)) return false;
  try {
    const parsed = JSON.parse(await readFile(manifest, 'utf8')) as unknown;
    return typeof parsed === 'object' && parsed !== null && Object.hasOwn(parsed, 'footprint');
  } catch {
    return false;
  }
}
