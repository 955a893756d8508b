import { randomBytes } from 'node:crypto';
import { writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { maskNameSecrets } from '../risk/secrets/name-secrets.js';
import { readPackageVersion } from './package-info.js';

export interface CrashDetails {
  argv: string[];
  cwd: string;
}

/**
 * Writes a crash report with the error's stack and its causes to the temp folder and returns
 * its path, or null when it cannot be written. The report contains no environment values, and
 * provider tokens in it are masked, but an error message may quote a path or another value,
 * so users check it before sharing it.
 */
export async function writeCrashReport(
  error: unknown,
  details: CrashDetails,
): Promise<string | null> {
  const stamp = new Date().toISOString().replace(/[:.]/g, '-');
  // A random part and `wx`: the temp folder is shared, and a name others can guess could be
  // taken by a link that points at a file of the user's, which a plain write would replace.
  const file = path.join(
    tmpdir(),
    `footprint-crash-${stamp}-${process.pid}-${randomBytes(4).toString('hex')}.txt`,
  );
  try {
    await writeFile(file, formatCrashReport(error, details), { mode: 0o600, flag: 'wx' });
    return file;
  } catch {
    return null;
  }
}

export function formatCrashReport(error: unknown, details: CrashDetails): string {
  const lines = [
    'footprint crash report',
    `version: ${safeVersion()}`,
    `node: ${process.version} (${process.platform} ${process.arch})`,
    `arguments: ${JSON.stringify(details.argv)}`,
    `cwd: ${details.cwd}`,
    `time: ${new Date().toISOString()}`,
    '',
    describeError(error),
  ];
  let cause = error instanceof Error ? error.cause : undefined;
  for (let depth = 0; cause !== undefined && depth < 5; depth++) {
    lines.push('', `caused by: ${describeError(cause)}`);
    cause = cause instanceof Error ? cause.cause : undefined;
  }
  return maskTokens(lines.join('\n') + '\n');
}

/** Masks provider tokens, or returns the text as it is when the secret rules are the bug. */
function maskTokens(text: string): string {
  try {
    return maskNameSecrets(text);
  } catch {
    return text;
  }
}

function describeError(error: unknown): string {
  if (error instanceof Error) return error.stack ?? `${error.name}: ${error.message}`;
  return String(error);
}

function safeVersion(): string {
  try {
    return readPackageVersion();
  } catch {
    return 'unknown';
  }
}
