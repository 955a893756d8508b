import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { loadConfig } from '../config/load.js';
import { parseJsonText } from '../config/parse-json.js';
import { UserError } from '../errors.js';
import { buildFootprint } from '../footprint/build.js';
import { openRepository } from '../git/open.js';
import { strategyReadFailedMessage } from '../output/messages.js';
import { validateStrategyDocument } from '../schemas-runtime/validate-strategy.js';
import type { StrategyProblem, StrategyValidation } from '../strategy/types.js';
import { validateStrategy } from '../strategy/validate.js';

export interface StrategyFileValidation {
  validation: StrategyValidation;
  /** The `--json` document of `footprint validate`, valid against schemas/validation.schema.json. */
  document: object;
}

type ParsedStrategy = { ok: true; value: unknown } | { ok: false; problem: StrategyProblem };

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
  const strategy = parseStrategy(await readStrategyText(file), file);

  const reader = await openRepository({ cwd: options.cwd, env: options.env });
  try {
    const worktree = reader.layout.worktree ?? options.cwd;
    const config = await loadConfig(worktree, {});
    const change = await reader.readStagedChange();
    const input = await buildFootprint(reader, change, {
      maxDiffBytes: config.config.maxDiffBytes,
    });
    const validation: StrategyValidation = strategy.ok
      ? validateStrategy(strategy.value, input.footprint, {
          validateSchema: validateStrategyDocument,
          content: input.content,
        })
      : { valid: false, problems: [strategy.problem] };
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

async function readStrategyText(file: string): Promise<string> {
  try {
    return await readFile(file, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? String(error);
    throw new UserError(strategyReadFailedMessage(file, code), { cause: error });
  }
}

/**
 * Parses the strategy file, or returns the problem that makes the strategy invalid. A file
 * that is not JSON is an invalid strategy (exit 1 with a validation document), like a file
 * that fails its schema. Only a file that cannot be read is a usage error.
 */
function parseStrategy(text: string, file: string): ParsedStrategy {
  const parsed = parseJsonText(text);
  if (parsed.ok) return { ok: true, value: parsed.value };

  const { line, column, reason } = parsed.problem;
  const message =
    `${file} is not valid JSON (line ${line}, column ${column}: ${reason}). ` +
    `Fix the JSON syntax, or write the strategy again with \`footprint strategy --output ${file}\`.`;
  return { ok: false, problem: { code: 'json', message } };
}
