import type { FileChange, FileContent } from '../../footprint/types.js';
import { findLineNumber, readAddedText } from '../added-lines.js';
import { createFinding } from '../finding.js';
import { maskSecret } from '../mask.js';
import { rangeInAddedText } from '../secret-range.js';
import {
  findCommandLinePasswords,
  type CommandLinePassword,
} from '../secrets/command-line-passwords.js';
import type { Finding, RiskRule, RuleContext } from '../types.js';
import { maskUserName } from './url-credentials.js';

const RULE = {
  id: 'command-line-password',
  fix:
    'Pass the password from a variable set outside the file (`-p"$DB_PASSWORD"`), an option ' +
    'file (`~/.my.cnf`, `~/.pgpass`, `curl --netrc`) or a prompt, then change the password, ' +
    'since it is in your history once committed.',
};

/**
 * Names what carries the password: `mysqldump -p`, `--password`, `PGPASSWORD`. The message
 * puts it in brackets, so the change summary's redaction reads no value after it.
 */
function describeCarrier(password: CommandLinePassword): string {
  return password.command === null ? password.option : `${password.command} ${password.option}`;
}

/** Shows the option with the password masked: `mysqldump -p********`, `curl -u deploy:********`. */
function maskPassword(password: CommandLinePassword): string {
  const command = password.command === null ? '' : `${password.command} `;
  const user = password.user === null ? '' : `${maskUserName(password.user)}:`;
  const masked = maskSecret(password.value);
  return `${command}${password.option}${password.separator}${user}${masked}`;
}

/**
 * Finds passwords given on command lines in the added lines of scripts, Dockerfiles, CI files
 * and documents: `mysql -pSECRET`, `--password SECRET`, `PGPASSWORD=SECRET`, `sshpass -p
 * SECRET`, `curl -u user:SECRET`. Variable references and placeholders are not findings.
 * Lockfiles and generated files are not read.
 */
function checkCommandLinePasswords(
  file: FileChange,
  content: FileContent,
  context: RuleContext,
): Finding[] {
  if (file.category === 'lockfile' || file.category === 'generated') return [];

  const added = readAddedText(file, content);
  const findings: Finding[] = [];
  for (const password of findCommandLinePasswords(added.text)) {
    if (password.kind !== 'literal') continue;
    findings.push(
      createFinding(RULE, context, {
        path: file.path,
        line: findLineNumber(added, password.start),
        message: `Password given on a command line (${describeCarrier(password)})`,
        masked: maskPassword(password),
        range: rangeInAddedText(added, password.start, password.end),
      }),
    );
  }
  return findings;
}

export const commandLinePasswordRule: RiskRule = {
  ...RULE,
  group: 'secrets',
  defaultSeverity: 'high',
  description:
    'Finds passwords written into command lines (`mysql -pSECRET`, `--password SECRET`, `PGPASSWORD=SECRET`, `curl -u user:SECRET`), which anyone who reads the script or the history can use.',
  defaultOptions: {},
  check: checkCommandLinePasswords,
};
