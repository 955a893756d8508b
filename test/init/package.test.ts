import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { createTempRepo, projectRoot } from '../helpers/repo.js';

/** The npm name: `footprint` on the registry is another project's package. */
const PACKAGE_NAME = 'footprint-cli';

/** An install command that names a package `footprint` rather than footprint-cli. */
const INSTALL_OF_OTHER_PACKAGE =
  /\b(?:npm (?:install|i|add)|pnpm add|yarn add|bun add)(?:\s+-{1,2}[\w-]+)*\s+footprint(?![\w-])/;

/** Files that tell users how to install footprint. */
function instructionFiles(): string[] {
  const hooks = readdirSync(path.join(projectRoot, 'hooks')).map((name) => `hooks/${name}`);
  return ['README.md', '.pre-commit-hooks.yaml', ...hooks];
}

function read(file: string): string {
  return readFileSync(path.join(projectRoot, file), 'utf8');
}

test('package name is footprint-cli', () => {
  const manifest = JSON.parse(read('package.json')) as {
    name: string;
    bin: Record<string, string>;
  };
  const lock = JSON.parse(read('package-lock.json')) as {
    name: string;
    packages: Record<string, { name?: string }>;
  };

  assert.equal(manifest.name, PACKAGE_NAME);
  assert.deepEqual(Object.keys(manifest.bin), ['footprint']);
  assert.equal(lock.name, PACKAGE_NAME);
  assert.equal(lock.packages['']?.name, PACKAGE_NAME);
});

test('install hints name footprint-cli', () => {
  for (const file of instructionFiles()) {
    const match = INSTALL_OF_OTHER_PACKAGE.exec(read(file));
    assert.equal(match?.[0] ?? null, null, file);
  }
  assert.match(read('README.md'), /npm install --save-dev footprint-cli\n/);
  assert.match(read('hooks/pre-commit'), /npm install --save-dev footprint-cli && npx footprint/);
  assert.match(read('.pre-commit-hooks.yaml'), /npm install --save-dev footprint-cli/);
});

/** Lists the files `npm pack` would publish, without running the package's scripts. */
function packedFiles(): string[] {
  const pack = spawnSync('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], {
    cwd: projectRoot,
    encoding: 'utf8',
  });
  assert.equal(pack.status, 0, pack.stderr);
  const [result] = JSON.parse(pack.stdout) as Array<{ files: Array<{ path: string }> }>;
  return (result?.files ?? []).map((file) => file.path);
}

test('package contents leave out maps and caches', () => {
  const files = packedFiles();

  assert.ok(files.includes('LICENSE'));
  assert.match(read('LICENSE'), /^MIT License\n\nCopyright \(c\) 2026 footprint contributors\n/);
  assert.ok(files.includes('dist/main.cjs'));
  assert.ok(files.includes('bin/package.json'), 'bin/footprint.js is CommonJS by bin/package.json');
  assert.ok(files.includes('dist/footprint.cjs'));
  assert.ok(files.includes('hooks/pre-commit'));
  assert.ok(files.includes('schemas/config.schema.json'));
  assert.ok(files.includes('docs/RISK.md'), 'the README links the rule reference');
  assert.deepEqual(
    files.filter((file) => file.endsWith('.map')),
    [],
  );
  assert.deepEqual(
    files.filter((file) => file.startsWith('dist/code-cache/')),
    [],
  );
});

/**
 * Scripts npm lists as install scripts of a package installed from a tarball, a folder or git
 * (npm 11.19 warns about each one that `allowScripts` does not cover).
 */
const INSTALL_SCRIPTS = ['preinstall', 'install', 'postinstall', 'prepare'];

function readScripts(): Record<string, string> {
  return (JSON.parse(read('package.json')) as { scripts: Record<string, string> }).scripts;
}

test('package has no install scripts', () => {
  const scripts = readScripts();

  assert.deepEqual(
    INSTALL_SCRIPTS.filter((name) => scripts[name] !== undefined),
    [],
  );
  assert.equal(scripts['preprepare'], 'node scripts/prepare.js');
});

/** Runs the `preprepare` script of package.json in `cwd`, as `npm ci` does in a checkout. */
function runPrepare(cwd: string, env: Record<string, string> = {}) {
  const command = readScripts()['preprepare'] ?? '';
  const script = command.replace(/^node scripts\//, `node ${projectRoot}/scripts/`);
  return spawnSync('sh', ['-c', script], {
    cwd,
    env: { ...process.env, CI: '', HUSKY: '', NODE_ENV: '', ...env },
    encoding: 'utf8',
  });
}

test('prepare outside a checkout does nothing', () => {
  const repo = createTempRepo();
  try {
    const result = runPrepare(repo.dir);

    assert.equal(result.status, 0, result.stderr);
    assert.equal(result.stdout, '');
    assert.equal(result.stderr, '');
    assert.equal(existsSync(path.join(repo.dir, '.husky')), false);
    assert.equal(repo.gitResult(['config', 'core.hooksPath']).stdout, '');
  } finally {
    repo.cleanup();
  }
});

test('prepare in a checkout with .husky activates husky', () => {
  const repo = createTempRepo();
  try {
    mkdirSync(path.join(repo.dir, '.husky'));

    const inCi = runPrepare(repo.dir, { CI: 'true' });
    const hooksPathInCi = repo.gitResult(['config', 'core.hooksPath']).stdout;
    const result = runPrepare(repo.dir);

    assert.equal(inCi.status, 0, inCi.stderr);
    assert.equal(hooksPathInCi, '');
    assert.equal(result.status, 0, result.stderr);
    assert.equal(result.stdout, '');
    assert.equal(result.stderr, '');
    assert.equal(repo.git(['config', 'core.hooksPath']), '.husky/_\n');
  } finally {
    repo.cleanup();
  }
});
