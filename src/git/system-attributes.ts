import { UserError } from '../errors.js';
import { parseConfigBool } from './config-parser.js';

/**
 * git's system-wide attributes file, `$(prefix)/etc/gitattributes`. git's Makefile puts it in
 * /etc when the prefix is /usr, as in Debian's git 2.39, whose
 * `git config --system --list --show-origin` names /etc/gitconfig from the same folder.
 * NOTE: a git built with another prefix reads `<prefix>/etc/gitattributes`, which footprint
 * does not find.
 */
export const SYSTEM_ATTRIBUTES_FILE = '/etc/gitattributes';

/**
 * Returns the system-wide attributes file, which git reads below the user-wide file, or null
 * when GIT_ATTR_NOSYSTEM turns it off. git reads that variable as a boolean (`1`, `true`,
 * `yes`, `on` or a non-zero number) and stops on any other spelling, so such a value is an
 * error here too. `file` is the path returned otherwise.
 */
export function findSystemAttributesFile(
  env: NodeJS.ProcessEnv,
  file: string = SYSTEM_ATTRIBUTES_FILE,
): string | null {
  const value = env['GIT_ATTR_NOSYSTEM'];
  if (value === undefined) return file;

  const disabled = parseConfigBool(value);
  if (disabled === undefined) {
    throw new UserError(
      `GIT_ATTR_NOSYSTEM has the invalid value '${value}', which git rejects too. Set it to 1 ` +
        `to skip ${file}, or unset it.`,
    );
  }
  return disabled ? null : file;
}
