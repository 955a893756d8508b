import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, test } from 'node:test';
import type { Batch } from '../../src/batches/types.js';
import { commitHistory, repeat } from '../learn/history-fixture.js';
import { createTempRepo, type TempRepo } from '../helpers/repo.js';
import { fakeGithubToken } from '../risk/secret-parts.js';
import { analyzeStaged, batchWith, commitFiles, lines, stageFiles } from './staged-analysis.js';

let repo: TempRepo | undefined;
afterEach(() => repo?.cleanup());

interface Versions {
  lodash: string;
  eslint: string;
}

const BEFORE: Versions = { lodash: '4.17.20', eslint: '9.0.0' };

function manifest(versions: Versions): string {
  const fields = {
    name: 'shop',
    version: '1.0.0',
    dependencies: { lodash: versions.lodash },
    devDependencies: { eslint: versions.eslint },
  };
  return `${JSON.stringify(fields, null, 2)}\n`;
}

function lockfile(versions: Versions): string {
  const packages = {
    '': { name: 'shop', version: '1.0.0' },
    'node_modules/eslint': { version: versions.eslint, dev: true },
    'node_modules/lodash': { version: versions.lodash },
  };
  return `${JSON.stringify({ name: 'shop', lockfileVersion: 3, packages }, null, 2)}\n`;
}

function npmFiles(versions: Versions): Record<string, string> {
  return { 'package.json': manifest(versions), 'package-lock.json': lockfile(versions) };
}

/**
 * Commits `config` with the manifests, stages a bump of lodash (or of eslint, a development
 * dependency) with its lockfile, and returns the batch that takes package.json.
 */
function npmBumpBatch(config: Record<string, string>, bumped: keyof Versions = 'lodash') {
  repo = createTempRepo();
  commitFiles(repo, { ...config, ...npmFiles(BEFORE) });
  const after = { ...BEFORE, [bumped]: bumped === 'lodash' ? '4.17.21' : '9.1.0' };
  stageFiles(repo, npmFiles(after));
  return batchWith(analyzeStaged(repo), 'package.json');
}

function workflow(checkout: string): string {
  return lines(
    'on: [push]',
    'jobs:',
    '  test:',
    '    runs-on: ubuntu-latest',
    '    steps:',
    `      - uses: ${checkout}`,
    '      - run: npm test',
  );
}

const WORKFLOW = '.github/workflows/ci.yml';

/** Commits `config` with a workflow, stages a bump of its checkout action and returns its batch. */
function actionBumpBatch(config: Record<string, string>): Batch | undefined {
  repo = createTempRepo();
  commitFiles(repo, { ...config, [WORKFLOW]: workflow('actions/checkout@v3') });
  stageFiles(repo, { [WORKFLOW]: workflow('actions/checkout@v4') });
  return batchWith(analyzeStaged(repo), WORKFLOW);
}

const DEPENDABOT = '.github/dependabot.yml';

/** Returns a Dependabot configuration with one update entry of `ecosystem`, as its docs format it. */
function dependabot(ecosystem: string, ...commitMessage: string[]): string {
  return lines(
    'version: 2',
    'updates:',
    `  - package-ecosystem: "${ecosystem}"`,
    '    directory: "/"',
    '    schedule:',
    '      interval: "weekly"',
    '    commit-message:',
    ...commitMessage.map((line) => `      ${line}`),
  );
}

describe('dependabot commit prefix', () => {
  test('types an npm bump', () => {
    const batch = npmBumpBatch({ [DEPENDABOT]: dependabot('npm', 'prefix: "build"') });

    assert.equal(batch?.message, 'build: bump lodash to 4.17.21');
  });

  test('adds the deps scope', () => {
    const config = dependabot('npm', 'prefix: "build"', 'include: "scope"');
    const batch = npmBumpBatch({ [DEPENDABOT]: config });

    assert.equal(batch?.message, 'build(deps): bump lodash to 4.17.21');
  });

  test('keeps the prefix scope', () => {
    const batch = npmBumpBatch({ [DEPENDABOT]: dependabot('npm', "prefix: 'fix(npm)'") });

    assert.equal(batch?.message, 'fix(npm): bump lodash to 4.17.21');
  });

  test('types a development bump', () => {
    const config = dependabot(
      'npm',
      'prefix: fix',
      'prefix-development: chore # tooling only',
      'include: scope',
    );
    const batch = npmBumpBatch({ [DEPENDABOT]: config }, 'eslint');

    assert.equal(batch?.message, 'chore(deps-dev): bump eslint to 9.1.0');
  });

  test('development prefix spares production', () => {
    const config = dependabot('npm', 'prefix: fix', 'prefix-development: chore');
    const batch = npmBumpBatch({ [DEPENDABOT]: config });

    assert.equal(batch?.message, 'fix: bump lodash to 4.17.21');
  });

  test('reads the yaml extension', () => {
    const config = dependabot('npm', 'prefix: "build"', 'include: "scope"');
    const batch = npmBumpBatch({ '.github/dependabot.yaml': config });

    assert.equal(batch?.message, 'build(deps): bump lodash to 4.17.21');
  });

  test('types an action bump', () => {
    const batch = actionBumpBatch({ [DEPENDABOT]: dependabot('github-actions', 'prefix: ci') });

    assert.equal(batch?.message, 'ci: bump actions/checkout to v4');
  });

  test('scopes an action bump', () => {
    const config = dependabot('github-actions', 'prefix: ci', 'include: scope');
    const batch = actionBumpBatch({ [DEPENDABOT]: config });

    assert.equal(batch?.message, 'ci(deps): bump actions/checkout to v4');
  });

  test('other ecosystem leaves npm alone', () => {
    const batch = npmBumpBatch({ [DEPENDABOT]: dependabot('github-actions', 'prefix: ci') });

    assert.equal(batch?.message, 'chore(deps): bump lodash to 4.17.21');
  });

  test('matches the manifest folder', () => {
    const config = lines(
      'version: 2',
      'updates:',
      '- package-ecosystem: npm',
      '  directory: /site',
      '  commit-message: { prefix: docs }',
      '- package-ecosystem: npm',
      '  directories: ["/", "/packages/*"]',
      '  commit-message: { prefix: build, include: scope }',
    );
    const batch = npmBumpBatch({ [DEPENDABOT]: config });

    assert.equal(batch?.message, 'build(deps): bump lodash to 4.17.21');
  });

  test('rationale names the configuration', () => {
    const batch = npmBumpBatch({ [DEPENDABOT]: dependabot('npm', 'prefix: "build"') });

    assert.match(batch?.rationale ?? '', /Dependabot's configuration in \.github\/dependabot\.yml/);
  });
});

describe('renovate semantic commit settings', () => {
  test('types an npm bump', () => {
    const config = `${JSON.stringify({ semanticCommitType: 'fix' })}\n`;
    const batch = npmBumpBatch({ 'renovate.json': config });

    assert.equal(batch?.message, 'fix(deps): bump lodash to 4.17.21');
  });

  test('reads json5 with comments', () => {
    const config = lines(
      '// Renovate settings',
      '{',
      "  extends: ['config:recommended'],",
      '  /* Conventional types */',
      "  semanticCommitType: 'build',",
      '  semanticCommitScope: "npm",',
      '}',
    );
    const batch = npmBumpBatch({ '.github/renovate.json5': config });

    // config:recommended types production dependencies fix over semanticCommitType.
    assert.equal(batch?.message, 'fix(npm): bump lodash to 4.17.21');
  });

  test('reads the package.json key', () => {
    repo = createTempRepo();
    const withKey = (versions: Versions) => {
      const fields = JSON.parse(manifest(versions)) as Record<string, unknown>;
      fields['renovate'] = { semanticCommitType: 'build', semanticCommitScope: null };
      return `${JSON.stringify(fields, null, 2)}\n`;
    };
    commitFiles(repo, { 'package.json': withKey(BEFORE), 'package-lock.json': lockfile(BEFORE) });
    const after = { ...BEFORE, lodash: '4.17.21' };
    stageFiles(repo, { 'package.json': withKey(after), 'package-lock.json': lockfile(after) });
    const batch = batchWith(analyzeStaged(repo), 'package.json');

    assert.equal(batch?.message, 'build: bump lodash to 4.17.21');
  });

  test('package rule types actions', () => {
    const config = JSON.stringify({
      packageRules: [{ matchManagers: ['github-actions'], semanticCommitType: 'ci' }],
    });
    const batch = actionBumpBatch({ 'renovate.json': config });

    assert.equal(batch?.message, 'ci(deps): bump actions/checkout to v4');
  });

  test('package rule spares npm', () => {
    const config = JSON.stringify({
      packageRules: [{ matchManagers: ['github-actions'], semanticCommitType: 'ci' }],
    });
    const batch = npmBumpBatch({ 'renovate.json': config });

    assert.equal(batch?.message, 'chore(deps): bump lodash to 4.17.21');
  });

  test('preset sets the type', () => {
    const config = JSON.stringify({ extends: [':semanticCommitTypeAll(build)'] });
    const batch = npmBumpBatch({ '.renovaterc': config });

    assert.equal(batch?.message, 'build(deps): bump lodash to 4.17.21');
  });

  test('disabled semantic commits change nothing', () => {
    const config = JSON.stringify({ semanticCommits: 'disabled', semanticCommitType: 'fix' });
    const batch = npmBumpBatch({ 'renovate.json': config });

    assert.equal(batch?.message, 'chore(deps): bump lodash to 4.17.21');
  });
});

describe('renovate recommended preset', () => {
  const recommended = JSON.stringify({
    extends: ['config:recommended'],
    semanticCommitType: 'build',
  });

  test('types a production bump fix', () => {
    const batch = npmBumpBatch({ 'renovate.json': recommended });

    assert.equal(batch?.message, 'fix(deps): bump lodash to 4.17.21');
  });

  test('types a development bump chore', () => {
    const batch = npmBumpBatch({ 'renovate.json': recommended }, 'eslint');

    assert.equal(batch?.message, 'chore(deps): bump eslint to 9.1.0');
  });

  test('reads the preset alone', () => {
    const config = JSON.stringify({ extends: [':semanticPrefixFixDepsChoreOthers'] });
    const batch = npmBumpBatch({ 'renovate.json': config });

    assert.equal(batch?.message, 'fix(deps): bump lodash to 4.17.21');
  });

  test('rationale names the configuration', () => {
    const batch = npmBumpBatch({ 'renovate.json': recommended });

    assert.match(
      batch?.rationale ?? '',
      /Renovate's configuration in renovate\.json .*fix\(deps\)/,
    );
  });
});

describe('dependabot yaml forms', () => {
  test('reads a document end marker', () => {
    const config = `${dependabot('npm', 'prefix: build')}...\n`;
    const batch = npmBumpBatch({ [DEPENDABOT]: config });

    assert.equal(batch?.message, 'build: bump lodash to 4.17.21');
  });

  test('reads a flow mapping over lines', () => {
    const config = lines(
      'version: 2',
      'updates:',
      '  - package-ecosystem: npm',
      '    directory: /',
      '    commit-message: {',
      '      prefix: build,',
      '      include: scope',
      '    }',
    );
    const batch = npmBumpBatch({ [DEPENDABOT]: config });

    assert.equal(batch?.message, 'build(deps): bump lodash to 4.17.21');
  });
});

describe('hostile update bot configuration', () => {
  /** Returns a valid dependabot.yml with brackets nested `depth` deep. */
  function nestedDependabot(depth: number): string {
    const nested = `${'['.repeat(depth)}${']'.repeat(depth)}`;
    return `${dependabot('npm', 'prefix: build')}x: ${nested}\n`;
  }

  test('keeps the default type', () => {
    const batch = npmBumpBatch({ [DEPENDABOT]: nestedDependabot(5000) });

    assert.equal(batch?.message, 'chore(deps): bump lodash to 4.17.21');
  });

  test('debug line names the problem', () => {
    repo = createTempRepo();
    commitFiles(repo, { [DEPENDABOT]: nestedDependabot(5000), ...npmFiles(BEFORE) });
    stageFiles(repo, npmFiles({ ...BEFORE, lodash: '4.17.21' }));
    const result = repo.footprint(['analyze', '--debug', '--no-llm']);

    assert.equal(result.status, 0, result.stderr);
    assert.match(
      result.stderr,
      /\.github\/dependabot\.yml in HEAD is left out: .*line 9: collections nested deeper/,
    );
  });

  test('still blocks a token', () => {
    repo = createTempRepo();
    commitFiles(repo, { [DEPENDABOT]: nestedDependabot(5000), ...npmFiles(BEFORE) });
    stageFiles(repo, {
      ...npmFiles({ ...BEFORE, lodash: '4.17.21' }),
      'src/token.js': `export const token = '${fakeGithubToken()}';\n`,
    });
    const result = repo.footprint(['precommit', '--json', '--no-llm']);
    const document = JSON.parse(result.stdout) as {
      risk: { blocked: boolean; findings: Array<{ rule: string; path: string }> };
    };
    const tokenFindings = document.risk.findings.filter(
      (finding) => finding.path === 'src/token.js',
    );

    assert.equal(result.status, 1, result.stderr);
    assert.equal(document.risk.blocked, true);
    assert.deepEqual(
      tokenFindings.map((finding) => finding.rule),
      ['provider-token'],
    );
    assert.doesNotMatch(result.stderr, /internal error/);
  });

  test('hook blocks a token commit', () => {
    repo = createTempRepo();
    assert.equal(repo.footprint(['init']).status, 0);
    commitFiles(repo, { [DEPENDABOT]: nestedDependabot(5000), ...npmFiles(BEFORE) });
    const before = repo.git(['rev-parse', 'HEAD']);
    stageFiles(repo, {
      ...npmFiles({ ...BEFORE, lodash: '4.17.21' }),
      'src/token.js': `export const token = '${fakeGithubToken()}';\n`,
    });
    const result = repo.gitResult(['commit', '-m', 'build: bump lodash']);

    assert.notEqual(result.status, 0);
    assert.match(result.stderr, /provider-token/);
    assert.doesNotMatch(result.stderr, /internal error/);
    assert.equal(repo.git(['rev-parse', 'HEAD']), before);
  });
});

describe('both update bots configured', () => {
  test('dependabot comes first', () => {
    const batch = npmBumpBatch({
      [DEPENDABOT]: dependabot('npm', 'prefix: "build"'),
      'renovate.json': JSON.stringify({ semanticCommitType: 'fix' }),
    });

    assert.equal(batch?.message, 'build: bump lodash to 4.17.21');
  });

  test('renovate covers other ecosystems', () => {
    const batch = npmBumpBatch({
      [DEPENDABOT]: dependabot('github-actions', 'prefix: "ci"'),
      'renovate.json': JSON.stringify({ semanticCommitType: 'fix' }),
    });

    assert.equal(batch?.message, 'fix(deps): bump lodash to 4.17.21');
  });
});

describe('update bot configuration absent', () => {
  test('keeps the chore default', () => {
    const batch = npmBumpBatch({});

    assert.equal(batch?.message, 'chore(deps): bump lodash to 4.17.21');
  });

  test('ignores an uncommitted configuration', () => {
    repo = createTempRepo();
    commitFiles(repo, npmFiles(BEFORE));
    stageFiles(repo, npmFiles({ ...BEFORE, lodash: '4.17.21' }));
    // Written after staging, so it is neither in HEAD nor in the index.
    repo.write(DEPENDABOT, dependabot('npm', 'prefix: "build"'));
    const batch = batchWith(analyzeStaged(repo), 'package.json');

    assert.equal(batch?.message, 'chore(deps): bump lodash to 4.17.21');
  });
});

describe('invalid update bot configuration', () => {
  const cases: Array<{ name: string; files: Record<string, string> }> = [
    { name: 'unclosed quote', files: { [DEPENDABOT]: dependabot('npm', 'prefix: "build') } },
    { name: 'tab indentation', files: { [DEPENDABOT]: 'updates:\n\t- package-ecosystem: npm\n' } },
    { name: 'updates not a list', files: { [DEPENDABOT]: 'version: 2\nupdates: weekly\n' } },
    { name: 'bracket prefix', files: { [DEPENDABOT]: dependabot('npm', 'prefix: "[deps] "') } },
    { name: 'unknown type', files: { [DEPENDABOT]: dependabot('npm', 'prefix: "deps"') } },
    { name: 'renovate not json', files: { 'renovate.json': '{ "semanticCommitType": ' } },
    { name: 'renovate unknown type', files: { 'renovate.json': '{"semanticCommitType":"deps"}' } },
    { name: 'renovate list', files: { 'renovate.json': '["fix"]' } },
  ];

  for (const { name, files } of cases) {
    test(`${name} keeps the default`, () => {
      const batch = npmBumpBatch(files);

      assert.equal(batch?.message, 'chore(deps): bump lodash to 4.17.21');
    });
  }
});

describe('update bot configuration and learned habit', () => {
  test('configuration wins over habit', () => {
    repo = createTempRepo();
    commitHistory(
      repo,
      repeat(6, {
        message: 'fix(deps): update dependencies',
        files: { 'package.json': 'manifest', 'package-lock.json': 'lock' },
      }),
    );
    commitFiles(repo, npmFiles(BEFORE));
    stageFiles(repo, npmFiles({ ...BEFORE, lodash: '4.17.21' }));
    assert.equal(repo.footprint(['learn']).status, 0);
    const learned = batchWith(analyzeStaged(repo), 'package.json');

    // A path-limited commit leaves the staged bump in the index.
    repo.write(DEPENDABOT, dependabot('npm', 'prefix: "build"', 'include: "scope"'));
    repo.git(['add', DEPENDABOT]);
    repo.git(['commit', '-q', '--no-verify', '-m', 'ci: configure dependabot', '--', DEPENDABOT]);
    const configured = batchWith(analyzeStaged(repo), 'package.json');

    assert.equal(learned?.message, 'fix(deps): bump lodash to 4.17.21');
    assert.equal(configured?.message, 'build(deps): bump lodash to 4.17.21');
  });
});

describe('update bot configuration read', () => {
  test('works through git command line', () => {
    repo = createTempRepo();
    const config = dependabot('npm', 'prefix: "build"', 'include: "scope"');
    commitFiles(repo, { [DEPENDABOT]: config, ...npmFiles(BEFORE) });
    stageFiles(repo, npmFiles({ ...BEFORE, lodash: '4.17.21' }));
    const env = { FOOTPRINT_READER: 'cli' };
    const result = repo.footprint(['analyze', '--json', '--no-llm'], { env });
    const document = JSON.parse(result.stdout) as { reader: { reader: string }; batches: Batch[] };

    assert.equal(result.status, 0, result.stderr);
    assert.equal(document.reader.reader, 'cli');
    assert.equal(
      batchWith(document.batches, 'package.json')?.message,
      'build(deps): bump lodash to 4.17.21',
    );
  });

  test('leaves the index untouched', () => {
    repo = createTempRepo();
    const config = dependabot('npm', 'prefix: "build"');
    commitFiles(repo, { [DEPENDABOT]: config, ...npmFiles(BEFORE) });
    stageFiles(repo, npmFiles({ ...BEFORE, lodash: '4.17.21' }));
    const indexFile = path.join(repo.dir, '.git', 'index');
    const before = readFileSync(indexFile);
    const status = repo.git(['status', '--porcelain']);

    analyzeStaged(repo);

    assert.deepEqual(readFileSync(indexFile), before);
    assert.equal(repo.git(['status', '--porcelain']), status);
  });
});
