import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { createTempRepo, projectRoot, type TempRepo } from '../helpers/repo.js';
import { fakeAwsAccessKeyId } from '../risk/secret-parts.js';
import { COMMIT_ENV, commitBase } from './situation.js';

const HUSKY_BIN = path.join(projectRoot, 'node_modules', 'husky', 'bin.js');

/** HUSKY=0 in the environment that runs the tests would turn husky off. */
const HUSKY_ON = { HUSKY: '' };

/** The hook files `footprint init` adds next to the `.husky/pre-commit` of `husky init`. */
const ADDED_HOOKS = ['pre-merge-commit', 'prepare-commit-msg', 'post-commit'];

/**
 * Creates a project set up as husky 9's docs say (`husky init`), then runs `footprint init`.
 * The `npm test` line of `husky init` is dropped, because the project has no test script.
 */
function createHuskyProject(options: { preCommit?: string } = {}): TempRepo {
  const repo = createTempRepo();
  repo.write('package.json', `${JSON.stringify({ name: 'shop', version: '1.0.0' }, null, 2)}\n`);
  const husky = runHusky(repo.dir, ['init']);
  assert.equal(husky.status, 0, husky.stderr);
  if (options.preCommit !== undefined) repo.write('.husky/pre-commit', options.preCommit);

  const init = repo.footprint(['init']);
  assert.equal(init.status, 0, init.stderr);
  const preCommit = readFileSync(path.join(repo.dir, '.husky', 'pre-commit'), 'utf8');
  repo.write('.husky/pre-commit', preCommit.replace(/^npm test\n/m, ''));
  return repo;
}

/** Runs husky's command line (`husky init`, or `husky` alone to write `.husky/_`) in `cwd`. */
function runHusky(cwd: string, args: string[] = []) {
  return spawnSync(process.execPath, [HUSKY_BIN, ...args], {
    cwd,
    env: { ...process.env, ...HUSKY_ON },
    encoding: 'utf8',
  });
}

/** Stages a file with a `debugger` statement, which blocks a commit in every mode but aggressive. */
function stageDebugger(repo: TempRepo, worktree = repo.dir): void {
  writeFileSync(path.join(worktree, 'debug.js'), 'export function f() {\n  debugger;\n}\n');
  repo.git(['-C', worktree, 'add', 'debug.js']);
}

function huskyCommit(repo: TempRepo, args: string[], env: Record<string, string> = {}) {
  return repo.gitResult(['commit', ...args], { env: { ...COMMIT_ENV, ...HUSKY_ON, ...env } });
}

function listOutcomes(repo: TempRepo): string[] {
  const dir = path.join(repo.dir, 'fossils');
  if (!existsSync(dir)) return [];
  return readdirSync(dir).filter((name) => /-outcome-[^/]*\.json$/.test(name));
}

test('husky hook files match what husky init writes', () => {
  const repo = createHuskyProject();
  try {
    const huskyOwn = statSync(path.join(repo.dir, '.husky', 'pre-commit')).mode & 0o777;

    for (const name of ADDED_HOOKS) {
      const file = path.join(repo.dir, '.husky', name);
      const text = readFileSync(file, 'utf8');
      assert.equal(statSync(file).mode & 0o777, huskyOwn, `${name} mode`);
      assert.equal(statSync(file).mode & 0o111, 0, `${name} is not executable`);
      assert.doesNotMatch(text, /^#!/, `${name} has no #! line`);
      assert.match(
        text,
        /footprint\.js' (precommit(?: --merge)?; elif .*|prepare-commit-msg "\$@" \|\| true|fossils record-outcome \|\| true); fi\n$/,
      );
    }
  } finally {
    repo.cleanup();
  }
});

test('husky setup commit passes conservative mode', () => {
  const repo = createHuskyProject();
  try {
    repo.write('footprint.config.json', JSON.stringify({ mode: 'conservative' }));
    repo.git(['add', '-A']);

    const check = repo.footprint(['precommit', '--mode', 'conservative', '--json']);
    const findings = (JSON.parse(check.stdout) as { risk: { findings: Array<{ rule: string }> } })
      .risk.findings;
    const result = huskyCommit(repo, ['-m', 'chore: set up hooks']);

    assert.equal(check.status, 0, check.stderr);
    assert.deepEqual(
      findings.filter((finding) => finding.rule === 'executable-bit'),
      [],
    );
    assert.equal(result.status, 0, result.stderr);
    assert.doesNotMatch(result.stderr, /executable-bit/);
    assert.match(result.stderr, /✔ Commit passed/);
    assert.deepEqual(repo.git(['ls-files', '-s', '.husky']).match(/^\d+/gm), [
      '100644',
      '100644',
      '100644',
      '100644',
    ]);
  } finally {
    repo.cleanup();
  }
});

test('FOOTPRINT=0 skips the husky post-commit', () => {
  const repo = createHuskyProject();
  try {
    commitBase(repo);
    repo.write('src/tax.js', 'export const rate = 0.2;\n');
    repo.git(['add', 'src/tax.js']);
    const analysis = repo.footprint(['precommit']);

    const skipped = huskyCommit(repo, ['-m', 'feat: tax rate'], { FOOTPRINT: '0' });
    const outcomesAfterSkip = listOutcomes(repo);
    repo.write('src/vat.js', 'export const vat = 0.1;\n');
    repo.git(['add', 'src/vat.js']);
    const hooked = huskyCommit(repo, ['-m', 'feat: vat']);

    assert.equal(analysis.status, 0, analysis.stderr);
    assert.equal(skipped.status, 0, skipped.stderr);
    assert.equal(skipped.stderr, 'ℹ footprint skipped because FOOTPRINT=0.\n');
    assert.deepEqual(outcomesAfterSkip, []);
    assert.equal(hooked.status, 0, hooked.stderr);
    assert.equal(listOutcomes(repo).length, 1, 'a commit with footprint records its outcome');
  } finally {
    repo.cleanup();
  }
});

test('husky lines of a footprint that is gone keep the ways out', () => {
  const repo = createHuskyProject();
  try {
    commitBase(repo);
    // As after the npx cache or the checkout that ran init is removed.
    for (const name of ['pre-commit', ...ADDED_HOOKS]) {
      const file = path.join(repo.dir, '.husky', name);
      const text = readFileSync(file, 'utf8');
      repo.write(`.husky/${name}`, text.replace(/'[^']*footprint\.js'/g, "'/gone/footprint.js'"));
    }
    repo.write('src/tax.js', 'export const rate = 0.2;\n');
    repo.git(['add', 'src/tax.js']);

    const blocked = huskyCommit(repo, ['-m', 'feat: tax rate']);
    const skipped = huskyCommit(repo, ['-m', 'feat: tax rate'], { FOOTPRINT: '0' });
    repo.write('src/vat.js', 'export const vat = 0.1;\n');
    repo.git(['add', 'src/vat.js']);
    const unverified = huskyCommit(repo, ['--no-verify', '-m', 'feat: vat']);

    assert.notEqual(blocked.status, 0, 'a commit without footprint is stopped');
    assert.equal(skipped.status, 0, skipped.stderr);
    assert.equal(unverified.status, 0, unverified.stderr);
    assert.equal(repo.git(['log', '-1', '--format=%s']).trim(), 'feat: vat');
  } finally {
    repo.cleanup();
  }
});

test('husky hook ending in exec still blocks', () => {
  const repo = createHuskyProject({ preCommit: 'exec true\n' });
  try {
    commitBase(repo);
    stageDebugger(repo);

    const result = huskyCommit(repo, ['-m', 'feat: debug']);

    assert.match(
      readFileSync(path.join(repo.dir, '.husky', 'pre-commit'), 'utf8'),
      /precommit; elif .*; fi\nexec true\n$/,
    );
    assert.equal(result.status, 1, result.stderr);
    assert.match(result.stderr, /✖ Commit blocked by 1 finding \(debugger\)/);
  } finally {
    repo.cleanup();
  }
});

test('husky in a linked worktree needs husky run there', () => {
  const repo = createHuskyProject();
  const linked = `${repo.dir}-linked`;
  try {
    repo.write('.gitignore', 'fossils/\n');
    repo.git(['add', '-A']);
    repo.git(['commit', '-q', '--no-verify', '-m', 'chore: hooks']);
    repo.git(['worktree', 'add', '-q', '-b', 'side', linked]);

    const init = repo.footprint(['--cwd', linked, 'init']);
    stageDebugger(repo, linked);
    const unchecked = repo.gitResult(['-C', linked, 'commit', '-m', 'feat: debug'], {
      env: { ...COMMIT_ENV, ...HUSKY_ON },
    });
    const husky = runHusky(linked);
    writeFileSync(path.join(linked, 'debug2.js'), 'debugger;\n');
    repo.git(['-C', linked, 'add', 'debug2.js']);
    const checked = repo.gitResult(['-C', linked, 'commit', '-m', 'feat: debug'], {
      env: { ...COMMIT_ENV, ...HUSKY_ON },
    });

    assert.equal(init.status, 0, init.stderr);
    assert.match(init.stdout, /ℹ git runs no hook in this worktree yet/);
    assert.equal(unchecked.status, 0, 'git runs no hook before husky writes .husky/_');
    assert.equal(unchecked.stderr, '');
    assert.equal(husky.status, 0, husky.stderr);
    assert.equal(checked.status, 1, checked.stderr);
    assert.match(checked.stderr, /✖ Commit blocked by 1 finding \(debugger\)/);
  } finally {
    repo.gitResult(['worktree', 'remove', '--force', linked]);
    rmSync(linked, { recursive: true, force: true });
    repo.cleanup();
  }
});

test('husky blocks a clean merge until uninstall', () => {
  const repo = createHuskyProject();
  try {
    commitBase(repo);
    repo.git(['checkout', '-q', '-b', 'feature']);
    repo.write('src/keys.js', `export const keyId = "${fakeAwsAccessKeyId()}";\n`);
    repo.git(['add', 'src/keys.js']);
    repo.git(['commit', '-q', '--no-verify', '-m', 'feat: key'], { env: { FOOTPRINT: '0' } });
    repo.git(['checkout', '-q', 'main']);
    repo.write('README.md', '# Shop\n\nA cart library for small shops.\n');
    repo.git(['commit', '-q', '--no-verify', '-am', 'docs: describe the shop']);
    const mergeArgs = ['merge', '--no-ff', 'feature', '-m', 'Merge feature'];
    const mergeEnv = { ...COMMIT_ENV, ...HUSKY_ON };

    const blocked = repo.gitResult(mergeArgs, { env: mergeEnv });
    const hookFile = path.join(repo.dir, '.husky', 'pre-merge-commit');
    const hookText = readFileSync(hookFile, 'utf8');
    repo.git(['merge', '--abort']);
    const uninstall = repo.footprint(['init', '--uninstall']);
    const merged = repo.gitResult(mergeArgs, { env: mergeEnv });

    assert.match(hookText, /footprint\.js' precommit --merge; elif .*; fi\n$/);
    assert.equal(blocked.status, 1, blocked.stderr);
    assert.match(blocked.stderr, /✖ Commit blocked by 1 finding \(provider-token\)/);
    assert.equal(uninstall.status, 0, uninstall.stderr);
    assert.equal(existsSync(hookFile), false, 'uninstall removes .husky/pre-merge-commit');
    assert.equal(merged.status, 0, merged.stderr);
    assert.doesNotMatch(merged.stderr, /provider-token/);
    assert.equal(repo.git(['log', '-1', '--format=%P']).trim().split(' ').length, 2);
  } finally {
    repo.cleanup();
  }
});
