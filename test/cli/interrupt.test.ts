import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { createTempRepo, gitTestEnv, projectRoot } from '../helpers/repo.js';

test('interrupt exits 130', () => {
  const repo = createTempRepo();
  try {
    repo.write('a.txt', 'a\n');
    repo.git(['add', 'a.txt']);
    const mainUrl = pathToFileURL(path.join(projectRoot, 'src', 'cli', 'main.ts')).href;
    // main() installs its handler before its first await, and the pipeline takes many event
    // loop turns, so the signal arrives while the command runs.
    const script = [
      `const { main } = await import(${JSON.stringify(mainUrl)});`,
      `const running = main(['precommit'], { stdout: process.stdout, stderr: process.stderr, env: process.env, cwd: ${JSON.stringify(repo.dir)} });`,
      "process.kill(process.pid, 'SIGINT');",
      'process.exitCode = await running;',
    ].join('\n');

    const result = spawnSync(
      process.execPath,
      ['--import', 'tsx', '--input-type=module', '-e', script],
      {
        cwd: projectRoot,
        env: gitTestEnv(),
        encoding: 'utf8',
      },
    );

    assert.equal(result.status, 130, result.stderr);
    assert.match(result.stderr, /Interrupted\./);
  } finally {
    repo.cleanup();
  }
});
