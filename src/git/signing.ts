import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { homedir, tmpdir } from 'node:os';
import path from 'node:path';

import { UserError } from '../errors.js';
import { createDebug } from '../log/debug.js';
import { childProcess } from './child-process.js';
import type { GitConfig } from './config.js';
import { isGitVersionAtLeast, readGitVersion, type GitVersion } from './git-version.js';

const debug = createDebug('git');

export type SigningFormat = 'openpgp' | 'x509' | 'ssh';

const FORMATS: readonly SigningFormat[] = ['openpgp', 'x509', 'ssh'];
const DEFAULT_PROGRAMS: Readonly<Record<SigningFormat, string>> = {
  openpgp: 'gpg',
  x509: 'gpgsm',
  ssh: 'ssh-keygen',
};
/** gpg and gpgsm print this status line once a signature is made. */
const SIG_CREATED = '\n[GNUPG:] SIG_CREATED ';
/** The text a message shows in place of a program's last error line when it wrote none. */
const NO_ERROR_OUTPUT = 'no error output';
/** The first git version that passes `-U` to `ssh-keygen -Y sign` for a literal key. */
const AGENT_ONLY_SINCE: GitVersion = [2, 40, 0];
const SIGNING_FIX =
  'Fix the signing setup (gpg.format, user.signingKey), or set commit.gpgSign to false.';

/** Signing settings, used when `commit.gpgSign` is true. */
export interface SigningSettings {
  format: SigningFormat;
  program: string;
  /** `user.signingKey`, or null when unset. */
  key: string | null;
  /** `gpg.ssh.defaultKeyCommand`, which names the ssh key when `user.signingKey` is unset. */
  defaultKeyCommand: string | null;
}

/**
 * Reads the signing settings from every configuration scope. Returns null when
 * `commit.gpgSign` is false or unset. An unknown `gpg.format` is a UserError, because git
 * would refuse to sign too and an unsigned commit must never be written instead.
 */
export function readSigningSettings(config: GitConfig): SigningSettings | null {
  if (config.getBool('commit.gpgSign') !== true) return null;

  const formatValue = (config.get('gpg.format') ?? 'openpgp').toLowerCase();
  if (!(FORMATS as readonly string[]).includes(formatValue)) {
    throw new UserError(
      `commit.gpgSign is true, but gpg.format is "${formatValue}", which is not openpgp, x509 or ssh. ${SIGNING_FIX}`,
      { exitCode: 1 },
    );
  }

  const format = formatValue as SigningFormat;
  const program =
    config.get(`gpg.${format}.program`) ??
    (format === 'openpgp' ? config.get('gpg.program') : undefined) ??
    DEFAULT_PROGRAMS[format];
  return {
    format,
    program,
    key: nonEmpty(config.get('user.signingKey')),
    defaultKeyCommand: nonEmpty(config.get('gpg.ssh.defaultKeyCommand')),
  };
}

/**
 * Signs commit content as git does and returns the armored signature. openpgp and x509 run
 * `<program> --status-fd=2 -bsau <key>`, where the key defaults to the committer's
 * `Name <email>`. ssh runs `ssh-keygen -Y sign -n git -f <key>` on a file. Any failure is a
 * UserError naming the program and its last error line.
 */
export async function signPayload(
  settings: SigningSettings,
  payload: Buffer,
  context: { committer: string; env: NodeJS.ProcessEnv },
): Promise<string> {
  debug(`signing ${payload.length} bytes with ${settings.format} (${settings.program})`);
  if (settings.format === 'ssh') return signWithSsh(settings, payload, context.env);

  const key = settings.key ?? context.committer;
  const args = ['--status-fd=2', '-bsau', key];
  const result = await runProgram(settings.program, args, payload, context.env);
  if (result.code !== 0) throw signingFailed(settings, result);
  if (!`\n${result.stderr}`.includes(SIG_CREATED)) {
    const missing =
      'its status output has no `[GNUPG:] SIG_CREATED` line, which gpg prints once it has signed';
    throw missingSignatureError(settings, missing, result);
  }
  return result.stdout;
}

async function signWithSsh(
  settings: SigningSettings,
  payload: Buffer,
  env: NodeJS.ProcessEnv,
): Promise<string> {
  const key = settings.key ?? (await runDefaultKeyCommand(settings, env));
  const folder = await mkdtemp(path.join(tmpdir(), 'footprint-sign-'));
  try {
    const literal = literalSshKey(key);
    const keyFile = literal === null ? expandHome(key, env) : path.join(folder, 'key.pub');
    if (literal !== null) await writeFile(keyFile, `${literal}\n`, { mode: 0o600 });

    const bufferFile = path.join(folder, 'commit');
    await writeFile(bufferFile, payload);
    const gitVersion = literal === null ? null : await readGitVersion(env);
    const args = sshSignArguments({ keyFile, literal: literal !== null, gitVersion });
    const result = await runProgram(settings.program, [...args, bufferFile], null, env);
    if (result.code !== 0) throw signingFailed(settings, result);
    const signature = await readFile(`${bufferFile}.sig`, 'utf8').catch(() => null);
    if (signature === null) {
      throw missingSignatureError(
        settings,
        `it wrote no signature file (${bufferFile}.sig)`,
        result,
      );
    }
    return signature;
  } finally {
    await rm(folder, { recursive: true, force: true });
  }
}

/**
 * Returns the `ssh-keygen` arguments git passes before the file to sign. git 2.40 and later add
 * `-U` for a literal key, so that ssh-keygen takes its private key from ssh-agent only. git 2.39
 * does not, and older ssh-keygen releases reject `-U`, so it is passed only where git passes it.
 */
export function sshSignArguments(options: {
  keyFile: string;
  literal: boolean;
  /** The version of git in use, or null when unknown, which counts as older than 2.40. */
  gitVersion: GitVersion | null;
}): string[] {
  const args = ['-Y', 'sign', '-n', 'git', '-f', options.keyFile];
  const { gitVersion } = options;
  const gitPassesU = gitVersion !== null && isGitVersionAtLeast(gitVersion, AGENT_ONLY_SINCE);
  if (options.literal && gitPassesU) args.push('-U');
  return args;
}

/** Runs `gpg.ssh.defaultKeyCommand` and takes its first line as the key, as git does. */
async function runDefaultKeyCommand(
  settings: SigningSettings,
  env: NodeJS.ProcessEnv,
): Promise<string> {
  if (settings.defaultKeyCommand === null) {
    throw new UserError(
      `commit.gpgSign is true and gpg.format is ssh, but user.signingKey is not set. ${SIGNING_FIX}`,
      { exitCode: 1 },
    );
  }

  const result = await runProgram('sh', ['-c', settings.defaultKeyCommand], null, env);
  const key = result.stdout.split('\n')[0]?.trim() ?? '';
  if (result.code !== 0 || key === '') {
    const detail = `gpg.ssh.defaultKeyCommand "${settings.defaultKeyCommand}" returned no key`;
    throw new UserError(`${detail}: ${lastLine(result.stderr)}. ${SIGNING_FIX}`, { exitCode: 1 });
  }
  return key;
}

/** Returns the public key of `key::<key>` or of a bare `ssh-...` key, or null for a file path. */
function literalSshKey(key: string): string | null {
  if (key.startsWith('key::')) return key.slice('key::'.length);
  if (key.startsWith('ssh-')) return key;
  return null;
}

function expandHome(file: string, env: NodeJS.ProcessEnv): string {
  return file.startsWith('~/') ? path.join(env['HOME'] ?? homedir(), file.slice(2)) : file;
}

interface ProgramResult {
  /** Exit code, or null when the program did not start or a signal killed it. */
  code: number | null;
  /** The signal that killed the program, or null. */
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

function runProgram(
  program: string,
  args: readonly string[],
  input: Buffer | null,
  env: NodeJS.ProcessEnv,
): Promise<ProgramResult> {
  return new Promise((resolve) => {
    const child = childProcess().spawn(program, args, { env, stdio: ['pipe', 'pipe', 'pipe'] });
    const stdout: Buffer[] = [];
    const stderr: Buffer[] = [];
    child.stdout.on('data', (chunk: Buffer) => stdout.push(chunk));
    child.stderr.on('data', (chunk: Buffer) => stderr.push(chunk));
    child.on('error', (error) =>
      resolve({ code: null, signal: null, stdout: '', stderr: error.message }),
    );
    child.on('close', (code, signal) =>
      resolve({
        code,
        signal,
        stdout: Buffer.concat(stdout).toString('utf8'),
        stderr: Buffer.concat(stderr).toString('utf8'),
      }),
    );
    // The program may exit before reading all of stdin; its exit code reports that.
    child.stdin.on('error', () => {});
    child.stdin.end(input ?? undefined);
  });
}

function signingFailed(settings: SigningSettings, result: ProgramResult): UserError {
  return new UserError(
    `commit.gpgSign is true, but ${settings.program} (gpg.format ${settings.format}) ` +
      `${describeExit(result)} while signing: ${lastLine(result.stderr)}. ` +
      `No commit was written. ${SIGNING_FIX}`,
    { exitCode: 1 },
  );
}

/**
 * Makes the error of a signing program that exited with 0 but made no signature, where
 * `missing` names what was expected and is not there. It ends with the program's last error
 * line when the program wrote one.
 */
function missingSignatureError(
  settings: SigningSettings,
  missing: string,
  result: ProgramResult,
): UserError {
  const lastError = lastLine(result.stderr);
  const output = lastError === NO_ERROR_OUTPUT ? '' : ` Its last error line: ${lastError}.`;
  return new UserError(
    `commit.gpgSign is true, but ${settings.program} (gpg.format ${settings.format}) exited ` +
      `with 0 and printed no signature: ${missing}.${output} No commit was written. ${SIGNING_FIX}`,
    { exitCode: 1 },
  );
}

function describeExit(result: ProgramResult): string {
  if (result.code !== null) return `exited with ${result.code}`;
  if (result.signal !== null) return `was killed by ${result.signal}`;
  return 'could not be started';
}

/** Returns the last line of a program's error output that is not a gpg status line. */
function lastLine(text: string): string {
  const lines = text
    .split('\n')
    .filter((line) => line.trim() !== '' && !line.startsWith('[GNUPG:]'));
  return lines.at(-1)?.trim() ?? NO_ERROR_OUTPUT;
}

function nonEmpty(value: string | null | undefined): string | null {
  return value === undefined || value === null || value === '' ? null : value;
}
