import { chmod, mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { UserError } from '../errors.js';
import { CHAINED_HOOK_NAME, HOOK_MARKER } from './hook-script.js';
import type { InstallStep } from './install-step.js';

/**
 * Writes footprint's hook as `<dir>/pre-commit`. An earlier footprint hook is replaced only
 * when its text differs. Any other hook is kept: it is renamed to pre-commit.footprint-chained,
 * which footprint's hook runs first, so a failing chained hook still blocks the commit.
 */
export async function installHookFile(dir: string, script: string): Promise<InstallStep[]> {
  const file = path.join(dir, 'pre-commit');
  await mkdir(dir, { recursive: true });

  const existing = await readOptional(file);
  if (existing === script)
    return [{ file, action: 'unchanged', detail: 'footprint hook already installed' }];
  if (existing !== null && existing.includes(HOOK_MARKER)) {
    await writeHook(file, script);
    return [{ file, action: 'updated', detail: 'footprint hook rewritten with the current paths' }];
  }
  if (existing === null) {
    await writeHook(file, script);
    return [{ file, action: 'created', detail: 'runs footprint precommit' }];
  }

  const chained = path.join(dir, CHAINED_HOOK_NAME);
  if (existsSync(chained)) {
    throw new UserError(
      `Both ${file} (not footprint's) and ${chained} exist, so footprint cannot keep both. ` +
        `Merge them into ${chained}, delete ${file}, and run \`footprint init\` again.`,
    );
  }
  await rename(file, chained);
  await writeHook(file, script);
  return [
    { file: chained, action: 'chained', detail: 'your existing hook, run before footprint' },
    { file, action: 'created', detail: 'runs the chained hook, then footprint precommit' },
  ];
}

async function writeHook(file: string, script: string): Promise<void> {
  await writeFile(file, script, { mode: 0o755 });
  await chmod(file, 0o755);
}

async function readOptional(file: string): Promise<string | null> {
  try {
    return await readFile(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
}
