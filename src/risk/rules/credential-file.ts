import type { FileChange } from '../../footprint/types.js';
import { createFinding } from '../finding.js';
import { unstageCommand } from '../unstage-command.js';
import { compileGlobs } from '../path-glob.js';
import { readStringList } from '../settings.js';
import type { ChangeRuleContext, Finding, RiskChange, RiskRule, RuleContext } from '../types.js';

const RULE = {
  id: 'credential-file',
  fix:
    'Unstage the file with `git reset -q -- FILE`, add its name to `.gitignore`, and commit a ' +
    'sample without values (such as `.env.example`) instead.',
};

/** Returns the rule's fix with the command that unstages `file`. */
function fixFor(file: FileChange): string {
  return (
    `Unstage the file with \`${unstageCommand(file)}\`, add its name to \`.gitignore\`, and ` +
    'commit a sample without values (such as `.env.example`) instead.'
  );
}

/**
 * Files that hold credentials by their nature. A glob without `/` matches the name in any
 * folder. Samples (`.env.example`, `.env.sample`, ...) are in the ignore list below.
 */
const CREDENTIAL_PATHS = [
  '.env',
  '.env.*',
  '*.env',
  '.envrc',
  'id_rsa',
  'id_dsa',
  'id_ecdsa',
  'id_ed25519',
  'id_ecdsa_sk',
  'id_ed25519_sk',
  '*.p12',
  '*.pfx',
  '*.jks',
  '*.keystore',
  '*.kdbx',
  '*.key',
  '.netrc',
  '_netrc',
  '.pgpass',
  '.pypirc',
  '.htpasswd',
  '.git-credentials',
  '.aws/credentials',
  '**/.aws/credentials',
  '.docker/config.json',
  '**/.docker/config.json',
  '*.tfstate',
  '*.tfstate.backup',
];

const SAMPLE_PATHS = [
  '.env.example',
  '.env.sample',
  '.env.template',
  '.env.dist',
  '.env.defaults',
  '.env.schema',
  '.env.tpl',
  '*.example.env',
  '*.sample.env',
];

/**
 * Returns true when the file brings credential content into this commit: an addition, a copy,
 * an edit, or a rename from a name that was not a credential file. A rename of a credential
 * file with unchanged content, or a deletion, adds nothing new.
 */
function addsContent(file: FileChange, isCredential: (path: string) => boolean): boolean {
  if (file.status === 'deleted' || file.size === 0) return false;
  if (file.status === 'renamed' && file.oldPath !== undefined && isCredential(file.oldPath)) {
    return file.oldOid !== file.newOid;
  }
  return true;
}

/** Returns a test of credential file names under one path's `paths` and `ignorePaths` options. */
function createCredentialTest(context: RuleContext): (path: string) => boolean {
  const paths = compileGlobs(readStringList(context.options, 'paths'));
  const ignorePaths = compileGlobs(readStringList(context.options, 'ignorePaths'));
  return (path) => paths.test(path) && !ignorePaths.test(path);
}

function checkCredentialFiles(change: RiskChange, context: ChangeRuleContext): Finding[] {
  const tests = new Map<RuleContext, (path: string) => boolean>();
  const findings: Finding[] = [];
  for (const file of change.footprint.files) {
    const pathContext = context.forPath(file.path);
    let isCredential = tests.get(pathContext);
    if (isCredential === undefined) {
      isCredential = createCredentialTest(pathContext);
      tests.set(pathContext, isCredential);
    }
    if (!isCredential(file.path) || !addsContent(file, isCredential)) continue;
    findings.push(
      createFinding({ ...RULE, fix: fixFor(file) }, pathContext, {
        path: file.path,
        message: 'File that holds credentials staged (by its name)',
      }),
    );
  }
  return findings;
}

export const credentialFileRule: RiskRule = {
  ...RULE,
  group: 'secrets',
  defaultSeverity: 'high',
  description:
    'Finds files that hold credentials by their name: `.env`, SSH keys, keystores, `.netrc`, Terraform state.',
  defaultOptions: { paths: CREDENTIAL_PATHS, ignorePaths: SAMPLE_PATHS },
  checkChange: checkCredentialFiles,
};
