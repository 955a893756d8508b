import path from 'node:path';
import { refusedCommitDocument, refusedUndoDocument } from '../commit/result-document.js';
import type { UserError } from '../errors.js';
import { maskNameSecrets } from '../risk/secrets/name-secrets.js';
import { UnreadableStrategyError } from '../strategy/read-file.js';
import type { CommandName, JsonRequest } from './args.js';

/** Commands without JSON output, whose errors get no document. */
const TEXT_ONLY: ReadonlySet<CommandName> = new Set(['prepare-commit-msg']);

/**
 * Builds the `--json` document of a usage or configuration error, so that stdout still has
 * one document: the validation document of `validate` with one problem, the refused document
 * of `commit` and `undo`, and schemas/error.schema.json for the rest. The problem is an
 * `unreadable-file` one for a strategy file that cannot be read, as inside a repository, and
 * a `usage-error` one otherwise. Returns null for a command without JSON output. The message
 * is masked as on stderr.
 */
export function userErrorDocument(
  error: UserError,
  request: JsonRequest,
  cwd: string,
): object | null {
  const message = maskNameSecrets(error.message);
  const file = request.strategy === undefined ? null : path.resolve(cwd, request.strategy);
  const unreadable = error instanceof UnreadableStrategyError;
  const problem = { code: unreadable ? 'unreadable-file' : 'usage-error', message };
  switch (request.command) {
    case 'validate':
      return {
        schemaVersion: 1,
        command: 'validate',
        file,
        stagedTree: null,
        valid: false,
        problems: [problem],
        warnings: [],
      };
    case 'commit':
      return refusedCommitDocument({
        reason: message,
        file,
        problems: unreadable ? [problem] : [],
        warnings: [],
      });
    case 'undo':
      return refusedUndoDocument(message);
    default:
      if (request.command !== null && TEXT_ONLY.has(request.command)) return null;
      return {
        schemaVersion: 1,
        command: request.command,
        error: { message, exitCode: error.exitCode },
      };
  }
}
