import path from 'node:path';
import { findUncommittableReason } from '../commit/preconditions.js';
import { loadConfig } from '../config/load.js';
import { buildFootprint } from '../footprint/build.js';
import { openRepository } from '../git/open.js';
import { validateStrategyDocument } from '../schemas-runtime/validate-strategy.js';
import { checkMessageFormat } from '../strategy/message-format.js';
import { readStrategyFile } from '../strategy/read-file.js';
import { hasStrategyShape } from '../strategy/shape.js';
import type { StrategyProblem, StrategyValidation } from '../strategy/types.js';
import { validateStrategy } from '../strategy/validate.js';
import { fillStrategyFile } from '../strategy/rewrite-command.js';

export interface StrategyFileValidation {
  validation: StrategyValidation;
  /** Message issues that git commits but a reviewer would fix, such as a long subject. */
  warnings: StrategyProblem[];
  /** The `--json` document of `footprint validate`, valid against schemas/validation.schema.json. */
  document: object;
}

/**
 * Validates a strategy file against its schema and the current staged change. Throws a
 * UserError (exit 2) when the file cannot be read or the folder is not a repository.
 */
export async function validateStrategyFile(options: {
  cwd: string;
  env: NodeJS.ProcessEnv;
  file: string;
}): Promise<StrategyFileValidation> {
  const file = path.resolve(options.cwd, options.file);
  const strategy = await readStrategyFile(file);

  const reader = await openRepository({ cwd: options.cwd, env: options.env });
  try {
    const worktree = reader.layout.worktree ?? options.cwd;
    const config = await loadConfig(worktree, {});
    const change = await reader.readStagedChange();
    const input = await buildFootprint(reader, change, {
      maxDiffBytes: config.config.maxDiffBytes,
    });
    const checked: StrategyValidation = strategy.ok
      ? validateStrategy(strategy.value, input.footprint, {
          validateSchema: validateStrategyDocument,
          content: input.content,
        })
      : { valid: false, problems: [strategy.problem] };
    // The file as the user named it goes into the advice to write it again.
    const problems = fillStrategyFile(checked.problems, options.file);
    // A strategy that fits the staged change may still be one footprint commit cannot make.
    const reason = findUncommittableReason(change);
    if (reason !== null) problems.push({ code: 'uncommittable', message: reason });
    const validation: StrategyValidation = { valid: problems.length === 0, problems };
    const warnings =
      strategy.ok && hasStrategyShape(strategy.value) ? checkMessageFormat(strategy.value) : [];
    return {
      validation,
      warnings,
      document: {
        schemaVersion: 1,
        command: 'validate',
        file,
        stagedTree: input.footprint.stagedTree,
        ...validation,
        warnings,
      },
    };
  } finally {
    await reader.close();
  }
}
