import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { test } from 'node:test';

import { buildCommitCommands, writeCommitHooks } from '../../bench/hook/hook-commands.js';
import { createTempRepo } from '../helpers/repo.js';

test('commit hooks run their tool and commit nothing', () => {
  const repo = createTempRepo();
  const folder = mkdtempSync(path.join(tmpdir(), 'footprint-bench-hooks-'));
  try {
    repo.write('a.txt', 'a\n');
    repo.git(['add', 'a.txt']);
    repo.git(['commit', '-q', '-m', 'start'], { env: { FOOTPRINT: '0' } });
    repo.write('a.txt', 'b\n');
    repo.git(['add', 'a.txt']);
    const head = repo.git(['rev-parse', 'HEAD']).trim();
    // Stand-ins for footprint and lint-staged that record the arguments they got.
    const tool = (name: string) => {
      const file = path.join(folder, `${name}.js`);
      writeFileSync(
        file,
        `require('fs').writeFileSync(${JSON.stringify(path.join(folder, `${name}.ran`))}, process.argv.slice(2).join(' '));\n`,
      );
      return file;
    };
    const paths = {
      root: folder,
      footprintBin: tool('footprint'),
      footprintBundle: '',
      lintStagedBin: tool('lint-staged'),
      lintStagedManifest: '',
    };

    const hooks = writeCommitHooks(paths, folder, path.join(folder, 'nomatch.json'));
    const commands = buildCommitCommands(hooks, repo.dir);
    const results = commands.map((command) =>
      spawnSync(command.file, command.args, { cwd: command.cwd, env: command.env }),
    );

    assert.deepEqual(
      commands.map((command) => command.name),
      ['footprint', 'lint-staged', 'git commit'],
    );
    assert.deepEqual(
      results.map((result) => result.status),
      [1, 1, 1],
    );
    assert.equal(readFileSync(path.join(folder, 'footprint.ran'), 'utf8'), 'precommit --no-llm');
    assert.equal(
      readFileSync(path.join(folder, 'lint-staged.ran'), 'utf8'),
      `--config ${path.join(folder, 'nomatch.json')}`,
    );
    assert.equal(repo.git(['rev-parse', 'HEAD']).trim(), head);
    assert.equal(repo.git(['diff', '--cached', '--name-only']).trim(), 'a.txt');
  } finally {
    repo.cleanup();
    rmSync(folder, { recursive: true, force: true });
  }
});
