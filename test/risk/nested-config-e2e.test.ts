import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { createTempRepo, type TempRepo } from '../helpers/repo.js';
import { fakePemKey } from './secret-parts.js';

interface JsonFinding {
  rule: string;
  severity: string;
  path: string;
  message: string;
}

interface PrecommitDocument {
  risk: { findings: JsonFinding[]; blocked: boolean };
}

const json = (value: object): string => `${JSON.stringify(value, null, 2)}\n`;
const lines = (...texts: string[]): string => texts.map((text) => `${text}\n`).join('');

/**
 * Makes a monorepo with npm workspaces and one root lockfile. `configs` adds configuration
 * files, such as `packages/web/footprint.config.json`; `packages/legacy` is configured in its
 * package.json.
 */
function createMonorepo(configs: Record<string, object> = {}): TempRepo {
  const repo = createTempRepo();
  repo.write('package.json', json({ name: 'root', private: true, workspaces: ['packages/*'] }));
  repo.write('package-lock.json', json({ name: 'root', lockfileVersion: 3, packages: {} }));
  repo.write('packages/web/package.json', json({ name: 'web', dependencies: { a: '1.0.0' } }));
  repo.write('packages/api/src/index.js', lines('export const api = 1;'));
  repo.write('packages/legacy/package.json', json({ name: 'legacy', footprint: { risk: {} } }));
  repo.write('src/index.js', lines('export const root = 1;'));
  for (const [path, config] of Object.entries(configs)) repo.write(path, json(config));
  repo.git(['add', '-A']);
  repo.git(['commit', '-q', '-m', 'start'], { env: { FOOTPRINT: '0' } });
  return repo;
}

function stage(repo: TempRepo, files: Record<string, string>): void {
  for (const [path, content] of Object.entries(files)) repo.write(path, content);
  repo.git(['add', '-A']);
}

function precommitJson(repo: TempRepo): PrecommitDocument {
  const result = repo.footprint(['precommit', '--json', '--no-llm']);
  assert.ok(result.stdout.length > 0, `no JSON on stdout: ${result.stderr}`);
  return JSON.parse(result.stdout) as PrecommitDocument;
}

function findingsOf(document: PrecommitDocument, rule: string): JsonFinding[] {
  return document.risk.findings.filter((finding) => finding.rule === rule);
}

const WEB_CONFIG = 'packages/web/footprint.config.json';
const API_CONFIG = 'packages/api/footprint.config.json';

describe('nested configurations and change rules', () => {
  test('manifest in a package sees the root lockfile', () => {
    const repo = createMonorepo({ [WEB_CONFIG]: {} });
    try {
      stage(repo, {
        'packages/web/package.json': json({ name: 'web', dependencies: { a: '2.0.0' } }),
      });
      const findings = findingsOf(precommitJson(repo), 'manifest-without-lockfile');

      assert.equal(findings.length, 1);
      assert.equal(findings[0]?.path, 'packages/web/package.json');
      assert.match(findings[0]?.message ?? '', /package-lock\.json is not staged/);
    } finally {
      repo.cleanup();
    }
  });

  test('package manifest staged with root lockfile', () => {
    const repo = createMonorepo({ [WEB_CONFIG]: {} });
    try {
      stage(repo, {
        'packages/web/package.json': json({ name: 'web', dependencies: { a: '2.0.0' } }),
        'package-lock.json': json({ name: 'root', lockfileVersion: 3, packages: { a: {} } }),
      });
      const document = precommitJson(repo);

      assert.deepEqual(findingsOf(document, 'manifest-without-lockfile'), []);
      assert.deepEqual(findingsOf(document, 'lockfile-without-manifest'), []);
    } finally {
      repo.cleanup();
    }
  });

  test('manifest takes its package severity', () => {
    const repo = createMonorepo({
      [WEB_CONFIG]: { risk: { rules: { 'manifest-without-lockfile': { severity: 'high' } } } },
    });
    try {
      stage(repo, {
        'packages/web/package.json': json({ name: 'web', dependencies: { a: '2.0.0' } }),
      });
      const document = precommitJson(repo);
      const findings = findingsOf(document, 'manifest-without-lockfile');

      assert.equal(findings[0]?.severity, 'high');
      assert.equal(document.risk.blocked, true);
    } finally {
      repo.cleanup();
    }
  });

  test('root lockfile alone is flagged with root severity', () => {
    const repo = createMonorepo({
      [WEB_CONFIG]: { risk: { rules: { 'lockfile-without-manifest': { severity: 'high' } } } },
    });
    try {
      stage(repo, {
        'package-lock.json': json({ name: 'root', lockfileVersion: 3, packages: { b: {} } }),
      });
      const findings = findingsOf(precommitJson(repo), 'lockfile-without-manifest');

      assert.equal(findings.length, 1);
      assert.equal(findings[0]?.path, 'package-lock.json');
      assert.equal(findings[0]?.severity, 'low');
    } finally {
      repo.cleanup();
    }
  });

  test('sensitive path severity per package', () => {
    const repo = createMonorepo({
      [API_CONFIG]: { risk: { rules: { 'sensitive-path': { severity: 'high' } } } },
    });
    try {
      stage(repo, {
        'packages/api/auth/token.js': lines('export const check = () => true;'),
        'src/auth/token.js': lines('export const check = () => true;'),
      });
      const document = precommitJson(repo);
      const severities = findingsOf(document, 'sensitive-path').map(
        (finding) => `${finding.path} ${finding.severity}`,
      );

      assert.deepEqual(severities, ['packages/api/auth/token.js high', 'src/auth/token.js low']);
      assert.equal(document.risk.blocked, true);
    } finally {
      repo.cleanup();
    }
  });

  test('sensitive path options per package', () => {
    const repo = createMonorepo({
      [API_CONFIG]: {
        risk: { rules: { 'sensitive-path': { options: { paths: { authentication: [] } } } } },
      },
    });
    try {
      stage(repo, {
        'packages/api/auth/token.js': lines('export const check = () => true;'),
        'src/auth/token.js': lines('export const check = () => true;'),
      });
      const paths = findingsOf(precommitJson(repo), 'sensitive-path').map(
        (finding) => finding.path,
      );

      assert.deepEqual(paths, ['src/auth/token.js']);
    } finally {
      repo.cleanup();
    }
  });

  test('large file limit per package', () => {
    const repo = createMonorepo({ [API_CONFIG]: { risk: { maxFileBytes: 100 } } });
    try {
      const text = lines(...Array.from({ length: 20 }, (_, index) => `// line ${index}`));
      stage(repo, { 'packages/api/src/big.js': text, 'src/big.js': text });
      const paths = findingsOf(precommitJson(repo), 'large-file').map((finding) => finding.path);

      assert.deepEqual(paths, ['packages/api/src/big.js']);
    } finally {
      repo.cleanup();
    }
  });

  test('mass deletion counts files across packages', () => {
    const repo = createMonorepo({
      'footprint.config.json': {
        risk: { rules: { 'mass-deletion': { options: { minFiles: 3 } } } },
      },
      [WEB_CONFIG]: {},
    });
    try {
      repo.git(['rm', '-q', 'src/index.js', 'packages/web/package.json']);
      repo.git(['rm', '-q', 'packages/api/src/index.js']);
      const findings = findingsOf(precommitJson(repo), 'mass-deletion');

      assert.equal(findings.length, 1);
      assert.equal(findings[0]?.path, '');
      assert.match(findings[0]?.message ?? '', /and 3 files/);
    } finally {
      repo.cleanup();
    }
  });

  test('mass deletion skips a package that disables it', () => {
    const repo = createMonorepo({
      'footprint.config.json': {
        risk: { rules: { 'mass-deletion': { options: { minFiles: 3 } } } },
      },
      [API_CONFIG]: { risk: { disable: ['mass-deletion'] } },
    });
    try {
      repo.write('packages/api/src/extra.js', lines('export const extra = 1;'));
      repo.git(['add', '-A']);
      repo.git(['commit', '-q', '-m', 'extra'], { env: { FOOTPRINT: '0' } });
      repo.git(['rm', '-q', 'src/index.js', 'packages/web/package.json']);
      repo.git(['rm', '-q', 'packages/api/src/index.js', 'packages/api/src/extra.js']);

      assert.deepEqual(findingsOf(precommitJson(repo), 'mass-deletion'), []);
    } finally {
      repo.cleanup();
    }
  });

  test('package allow entry drops its change finding', () => {
    const repo = createMonorepo({
      [API_CONFIG]: { risk: { allow: [{ rule: 'sensitive-path', path: 'auth/**' }] } },
    });
    try {
      stage(repo, {
        'packages/api/auth/token.js': lines('export const check = () => true;'),
        'src/auth/token.js': lines('export const check = () => true;'),
      });
      const paths = findingsOf(precommitJson(repo), 'sensitive-path').map(
        (finding) => finding.path,
      );

      assert.deepEqual(paths, ['src/auth/token.js']);
    } finally {
      repo.cleanup();
    }
  });
});

describe('SARIF under a nested configuration', () => {
  test('driver lists a package custom rule', () => {
    const custom = { id: 'no-internal-host', pattern: 'corp\\.internal', severity: 'medium' };
    const repo = createMonorepo({ [API_CONFIG]: { risk: { custom: [custom] } } });
    try {
      stage(repo, { 'packages/api/src/host.js': lines("const host = 'api.corp.internal';") });
      const result = repo.footprint(['precommit', '--format', 'sarif', '--no-llm']);
      const log = JSON.parse(result.stdout) as {
        runs: Array<{
          tool: { driver: { rules: Array<{ id: string }> } };
          results: Array<{ ruleId: string; ruleIndex?: number }>;
        }>;
      };
      const run = log.runs[0];
      const ids = run?.tool.driver.rules.map((rule) => rule.id) ?? [];
      const found = run?.results.find((item) => item.ruleId === 'no-internal-host');

      assert.ok(ids.includes('no-internal-host'));
      assert.equal(found?.ruleIndex, ids.indexOf('no-internal-host'));
    } finally {
      repo.cleanup();
    }
  });
});

describe('blocked commit under a nested configuration', () => {
  test('allow hint names the package config', () => {
    const repo = createMonorepo({ [API_CONFIG]: {} });
    try {
      stage(repo, { 'packages/api/keys/deploy.pem': lines(...fakePemKey()) });
      const result = repo.footprint(['precommit', '--no-llm']);

      assert.equal(result.status, 1);
      assert.match(
        result.stderr,
        /Allow a path: +add \{ "rule": "private-key", "path": "keys\/deploy\.pem" \} to "risk\.allow" in packages\/api\/footprint\.config\.json/,
      );
    } finally {
      repo.cleanup();
    }
  });

  test('allow hint anchors a name in the package folder', () => {
    const repo = createMonorepo({ [API_CONFIG]: {} });
    try {
      stage(repo, { 'packages/api/deploy.pem': lines(...fakePemKey()) });
      const result = repo.footprint(['precommit', '--no-llm']);

      assert.equal(result.status, 1);
      assert.match(
        result.stderr,
        /"path": "\/deploy\.pem" \} to "risk\.allow" in packages\/api\/footprint\.config\.json/,
      );
    } finally {
      repo.cleanup();
    }
  });

  test('allow hint names a package.json config', () => {
    const repo = createMonorepo();
    try {
      stage(repo, { 'packages/legacy/keys/deploy.pem': lines(...fakePemKey()) });
      const result = repo.footprint(['precommit', '--no-llm']);

      assert.equal(result.status, 1);
      assert.match(
        result.stderr,
        /"path": "keys\/deploy\.pem" \} to "footprint\.risk\.allow" in packages\/legacy\/package\.json/,
      );
    } finally {
      repo.cleanup();
    }
  });

  test('allow hint keeps the root config elsewhere', () => {
    const repo = createMonorepo({ [API_CONFIG]: {}, 'footprint.config.json': {} });
    try {
      stage(repo, { 'keys/deploy.pem': lines(...fakePemKey()) });
      const result = repo.footprint(['precommit', '--no-llm']);

      assert.equal(result.status, 1);
      assert.match(
        result.stderr,
        /"path": "keys\/deploy\.pem" \} to "risk\.allow" in footprint\.config\.json/,
      );
    } finally {
      repo.cleanup();
    }
  });

  test('allow hint anchors a name at the root', () => {
    const repo = createMonorepo({ 'footprint.config.json': {} });
    try {
      stage(repo, { 'deploy.pem': lines(...fakePemKey()) });
      const hint = repo.footprint(['precommit', '--no-llm']);
      assert.equal(hint.status, 1);
      assert.match(
        hint.stderr,
        /"path": "\/deploy\.pem" \} to "risk\.allow" in footprint\.config\.json/,
      );

      // The suggested entry allows that file and no file of the same name in another folder.
      repo.write(
        'footprint.config.json',
        json({ risk: { allow: [{ rule: 'private-key', path: '/deploy.pem' }] } }),
      );
      stage(repo, { 'keys/deploy.pem': lines(...fakePemKey()) });
      const document = precommitJson(repo);
      const paths = findingsOf(document, 'private-key').map((finding) => finding.path);
      assert.deepEqual(paths, ['keys/deploy.pem']);
    } finally {
      repo.cleanup();
    }
  });

  test('suggested entry allows the commit', () => {
    const repo = createMonorepo({ [API_CONFIG]: {} });
    try {
      stage(repo, { 'packages/api/deploy.pem': lines(...fakePemKey()) });
      repo.write(
        API_CONFIG,
        json({ risk: { allow: [{ rule: 'private-key', path: '/deploy.pem' }] } }),
      );
      repo.git(['add', '-A']);
      const result = repo.footprint(['precommit', '--no-llm']);

      assert.equal(result.status, 0, result.stderr);
    } finally {
      repo.cleanup();
    }
  });
});
