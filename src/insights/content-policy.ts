import type { FileChange } from '../footprint/types.js';
import type { Finding } from '../risk/types.js';

/** Reason the lines of a staged file stay on this machine, as the change summary names it. */
export type WithheldReason =
  | 'lockfile'
  | 'generated'
  | 'binary'
  | 'not diffed'
  | 'credentials file'
  | 'secret finding'
  | 'deleted';

/**
 * Base names of files that contain credentials by convention: dotenv files, package registry and
 * netrc logins, SSH and TLS keys, keystores.
 */
const CREDENTIAL_FILE_NAMES =
  /^(?:\.env(?:\..*)?|.*\.env|\.envrc|\.npmrc|\.pypirc|\.netrc|_netrc|\.pgpass|\.git-credentials|\.htpasswd|credentials(?:\.json)?|id_(?:rsa|dsa|ecdsa|ed25519)(?:_sk)?|.*\.(?:pem|key|p12|pfx|jks|keystore|kdbx|ppk|asc|gpg))$/i;

/**
 * Rule ids that look for secrets. A finding that carries a masked value is a secret finding
 * whatever its rule, so rules added later count without a change here.
 */
const SECRET_RULE = /secret|private-key|credential|token|password|entropy|api-key/i;

/** Returns true when a finding reports a secret value. */
export function isSecretFinding(finding: Finding): boolean {
  return finding.masked !== undefined || SECRET_RULE.test(finding.rule);
}

function isCredentialFile(path: string): boolean {
  return CREDENTIAL_FILE_NAMES.test(path.slice(path.lastIndexOf('/') + 1));
}

/**
 * Returns the reason no line of `file` may be sent to an insight provider, or null when its
 * hunks may be sent after redaction. `secretPaths` are the paths with a secret finding. A file
 * renamed or copied from a credentials file is withheld as one.
 */
export function findWithheldReason(
  file: FileChange,
  secretPaths: ReadonlySet<string>,
): WithheldReason | null {
  if (secretPaths.has(file.path)) return 'secret finding';
  if (isCredentialFile(file.path)) return 'credentials file';
  // The removed lines of a renamed `.env` are what the credentials file contained.
  if (file.oldPath !== undefined && isCredentialFile(file.oldPath)) return 'credentials file';
  if (file.category === 'lockfile') return 'lockfile';
  if (file.category === 'generated') return 'generated';
  if (file.binary || file.lfs) return 'binary';
  if (file.opaque !== undefined) return 'not diffed';
  if (file.status === 'deleted') return 'deleted';
  return null;
}
