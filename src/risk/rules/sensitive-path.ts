import type { FileChange } from '../../footprint/types.js';
import { createFinding } from '../finding.js';
import { compileGlobs, type GlobList } from '../path-glob.js';
import type { ChangeRuleContext, Finding, RiskChange, RiskRule, RuleContext } from '../types.js';

const RULE = {
  id: 'sensitive-path',
  fix: 'Ask for a review from someone who owns this area before merging.',
};

/** Globs of paths whose changes deserve a second look, by kind. */
const SENSITIVE_PATHS: Readonly<Record<string, readonly string[]>> = {
  ci: [
    '.github/workflows/**',
    '.github/actions/**',
    '.gitlab-ci.yml',
    '.gitlab/ci/**',
    '.circleci/**',
    '.buildkite/**',
    'Jenkinsfile',
    'azure-pipelines.yml',
    '.travis.yml',
    'bitbucket-pipelines.yml',
    '.drone.yml',
    'CODEOWNERS',
  ],
  authentication: [
    '**/auth/**',
    '**/authentication/**',
    '**/authorization/**',
    '**/oauth/**',
    '**/login/**',
    '**/security/**',
    '**/permissions/**',
    'auth.*',
    '*-auth.*',
    '*_auth.*',
    '*.auth.*',
  ],
  migrations: ['**/migrations/**', '**/migrate/**', '**/alembic/versions/**'],
  infrastructure: [
    '*.tf',
    '*.tfvars',
    '**/terraform/**',
    'Dockerfile',
    'Dockerfile.*',
    '*.dockerfile',
    'docker-compose*.yml',
    'docker-compose*.yaml',
    'compose.yml',
    'compose.yaml',
    '**/k8s/**',
    '**/kubernetes/**',
    '**/helm/**',
    '**/charts/**',
    '**/ansible/**',
    '*.bicep',
    '**/cloudformation/**',
    '**/pulumi/**',
  ],
};

/** Categories from the footprint that mean the same as a kind, whatever the path. */
const CATEGORY_KINDS: Partial<Record<FileChange['category'], string>> = {
  ci: 'ci',
  migration: 'migrations',
};

/**
 * Reads the `paths` option over the defaults (a configured kind replaces that kind only) and
 * compiles each kind's globs.
 */
function readKinds(options: RuleContext['options']): Array<[string, GlobList]> {
  const configured = options['paths'];
  const paths: Record<string, unknown> = {
    ...SENSITIVE_PATHS,
    ...(typeof configured === 'object' && configured !== null ? configured : {}),
  };
  return Object.entries(paths).map(([kind, globs]) => [
    kind,
    compileGlobs(
      Array.isArray(globs) ? globs.filter((glob): glob is string => typeof glob === 'string') : [],
    ),
  ]);
}

/**
 * Flags each staged path in a sensitive area: CI configuration, authentication code,
 * database migrations and infrastructure. The findings are low so they raise the score and
 * explain it without blocking.
 */
function checkSensitivePaths(change: RiskChange, context: ChangeRuleContext): Finding[] {
  const kindsByContext = new Map<RuleContext, Array<[string, GlobList]>>();
  const findings: Finding[] = [];
  for (const file of change.footprint.files) {
    const pathContext = context.forPath(file.path);
    let kinds = kindsByContext.get(pathContext);
    if (kinds === undefined) {
      kinds = readKinds(pathContext.options);
      kindsByContext.set(pathContext, kinds);
    }
    const kind =
      kinds.find(([, pattern]) => pattern.test(file.path))?.[0] ?? CATEGORY_KINDS[file.category];
    if (kind === undefined) continue;
    findings.push(
      createFinding(RULE, pathContext, {
        path: file.path,
        message: `Sensitive path changed (${kind})`,
      }),
    );
  }
  return findings;
}

export const sensitivePathRule: RiskRule = {
  ...RULE,
  group: 'change-shape',
  defaultSeverity: 'low',
  description:
    'Marks changes to CI configuration, authentication code, migrations and infrastructure, which raise the score.',
  defaultOptions: { paths: SENSITIVE_PATHS },
  checkChange: checkSensitivePaths,
};
