import type { FileChange } from '../footprint/types.js';

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
