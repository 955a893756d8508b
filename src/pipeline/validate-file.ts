import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { loadConfig } from '../config/load.js';
import { UserError } from '../errors.js';
import { buildFootprint } from '../footprint/build.js';
import { openRepository } from '../git/open.js';
import { validateStrategyDocument } from '../schemas-runtime/validate-strategy.js';
import type { StrategyValidation } from '../strategy/types.js';
import { validateStrategy } from '../strategy/validate.js';

export interface StrategyFileValidation {
  validation: StrategyValidation;
  /** The `--json` document of `footprint validate`, valid against schemas/validation.schema.json. */
  document: object;
}

/** Validates a strategy file against its schema and the current staged change. */
export async function validateStrategyFile(options: {
  cwd: string;
  env: NodeJS.ProcessEnv;
  file: string;
}): Promise<StrategyFileValidation> {
  const file = path.resolve(options.cwd, options.file);
  const strategy = await readStrategyJson(file);

  const reader = await openRepository({ cwd: options.cwd, env: options.env });
  try {
    const worktree = reader.layout.worktree ?? options.cwd;
    const config = await loadConfig(worktree, {});
    const change = await reader.readStagedChange();
    const input = await buildFootprint(reader, change, {
      maxDiffBytes: config.config.maxDiffBytes,
    });
    const validation = validateStrategy(strategy, input.footprint, {
      validateSchema: validateStrategyDocument,
      content: input.content,
    });
    return {
      validation,
      document: {
        schemaVersion: 1,
        command: 'validate',
        file,
        stagedTree: input.footprint.stagedTree,
        ...validation,
      },
    };
  } finally {
    await reader.close();
  }
}

async function readStrategyJson(file: string): Promise<unknown> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    throw new UserError(
      `Cannot read the strategy file ${file}. Write one with \`footprint strategy --output ${file}\`.`,
      { cause: error },
    );
  }
  try {
    return JSON.parse(text) as unknown;
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new UserError(`${file} is not valid JSON (${reason}). Fix the file or write it again.`, {
      cause: error,
    });
  }
}
