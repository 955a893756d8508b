import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { createTempRepo, projectRoot, type TempRepo } from '../helpers/repo.js';
import { COMMIT_ENV, commitBase, listFossils, rawCommit } from './situation.js';

const HUSKY_BIN = path.join(projectRoot, 'node_modules', 'husky', 'bin.js');
const LINT_STAGED_BIN = path.join(
  projectRoot,
  'node_modules',
  'lint-staged',
  'bin',
  'lint-staged.js',
);

/** HUSKY=0 in the environment that runs the tests would turn husky off. */
const HUSKY_ON = { HUSKY: '' };

/** A fixer for lint-staged: trims trailing spaces and squeezes runs of blank lines. */
const FIXER = `import { readFileSync, writeFileSync } from 'node:fs';
for (const file of process.argv.slice(2)) {
  const text = readFileSync(file, 'utf8').replace(/[ \\t]+$/gm, '').replace(/\\n{3,}/g, '\\n\\n');
  writeFileSync(file, text);
}
`;

/** A repository with husky 9 active and lint-staged in .husky/pre-commit, as their docs set up. */
function createHuskyRepo(): TempRepo {
  const repo = createTempRepo();
  repo.write('.git/info/exclude', '.husky/\nfossils/\nfootprint.config.json\n.lintstagedrc.json\n');
  repo.write('.git/fixer.mjs', FIXER);
  const task = `node ${path.join(repo.dir, '.git', 'fixer.mjs')}`;
  repo.write('.lintstagedrc.json', JSON.stringify({ '*.js': task }));

  const husky = spawnSync(process.execPath, [HUSKY_BIN], {
    cwd: repo.dir,
    env: { ...process.env, ...HUSKY_ON },
    encoding: 'utf8',
  });
  assert.equal(husky.status, 0, husky.stderr);
  assert.equal(repo.git(['config', 'core.hooksPath']), '.husky/_\n');
  repo.write('.husky/pre-commit', `node '${LINT_STAGED_BIN}'\n`);
  return repo;
}

/** Stages a file with trailing spaces and extra blank lines, which the fixer removes. */
function stageUntidyFile(repo: TempRepo): void {
  commitBase(repo);
  repo.write('src/tax.js', 'export const rate = 0.2;   \n\n\n\nexport const vat = 0.1;\n');
  repo.git(['add', 'src/tax.js']);
}

test('lint-staged fixes files before footprint analyses them', () => {
  const hooked = createHuskyRepo();
  const plain = createHuskyRepo();
  try {
    const init = hooked.footprint(['init']);
    assert.equal(init.status, 0, init.stderr);
    for (const repo of [hooked, plain]) stageUntidyFile(repo);

    const result = hooked.gitResult(['commit', '-m', 'feat: tax'], {
      env: { ...COMMIT_ENV, ...HUSKY_ON },
    });
    const without = plain.gitResult(['commit', '-m', 'feat: tax'], {
      env: { ...COMMIT_ENV, ...HUSKY_ON },
    });
    const fossil = JSON.parse(
      readFileSync(path.join(hooked.dir, 'fossils', listFossils(hooked.dir)[0] ?? ''), 'utf8'),
    ) as { payload: { footprint: { files: Array<{ path: string; newOid: string }> } } };

    assert.equal(result.status, 0, result.stderr);
    assert.equal(without.status, 0, without.stderr);
    assert.match(
      readFileSync(path.join(hooked.dir, '.husky', 'pre-commit'), 'utf8'),
      /lint-staged\.js'\nif \[ -f '.*' \]; then .* '.*footprint\.js' precommit; elif .*; fi\n$/,
    );
    assert.match(result.stderr, /footprint · 1 file, \+3 −0 in 1 hunk/);
    assert.equal(
      hooked.git(['show', 'HEAD:src/tax.js']),
      'export const rate = 0.2;\n\nexport const vat = 0.1;\n',
    );
    assert.equal(
      fossil.payload.footprint.files[0]?.newOid,
      hooked.git(['rev-parse', 'HEAD:src/tax.js']).trim(),
    );
    assert.equal(rawCommit(hooked), rawCommit(plain));
  } finally {
    hooked.cleanup();
    plain.cleanup();
  }
});
