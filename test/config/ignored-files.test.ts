import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { createTempRepo, footprintBin, gitTestEnv, type TempRepo } from '../helpers/repo.js';

/** Creates a repository with one commit and a staged file, for a configuration to govern. */
function createRepo(): TempRepo {
  const repo = createTempRepo();
  repo.write('README.md', '# demo\n');
  repo.git(['add', '-A']);
  repo.git(['commit', '-q', '-m', 'start'], { env: { FOOTPRINT: '0' } });
  repo.write('src/a.js', 'export const a = 1;\n');
  repo.git(['add', 'src/a.js']);
  return repo;
}

function countOf(text: string, part: string): number {
  return text.split(part).length - 1;
}

test('ignored config names get one warning each', () => {
  const names = [
    'footprint.config.yaml',
    'footprint.config.yml',
    '.footprintrc',
    '.footprintrc.json',
    'footprint.config.js',
  ];
  for (const name of names) {
    const repo = createRepo();
    try {
      repo.write(name, 'mode: aggressive\n');

      const result = repo.footprint(['precommit', '--no-llm']);
      const warning =
        `footprint: ${name} is ignored, because footprint reads only footprint.config.json ` +
        'or the "footprint" key of package.json, and neither is there. Write its settings as ' +
        `JSON in footprint.config.json and delete ${name}.\n`;

      assert.equal(result.status, 0, result.stderr);
      assert.equal(countOf(result.stderr, warning), 1, result.stderr);
    } finally {
      repo.cleanup();
    }
  }
});

test('ignored config names the file in use', () => {
  const repo = createRepo();
  try {
    repo.write('package.json', JSON.stringify({ name: 'app', footprint: { mode: 'balanced' } }));
    repo.write('.footprintrc.yaml', 'mode: aggressive\n');
    repo.write('footprint.config.json.bak', '{}\n');

    const result = repo.footprint(['analyze', '--json']);

    assert.equal(result.status, 0, result.stderr);
    assert.equal(
      result.stderr,
      'footprint: .footprintrc.yaml is ignored, because footprint reads its configuration ' +
        'only from the "footprint" key of package.json. Move its settings there as JSON and ' +
        'delete .footprintrc.yaml.\n',
    );
    assert.equal((JSON.parse(result.stdout) as { mode: string }).mode, 'balanced');
  } finally {
    repo.cleanup();
  }
});

test('package.json key beside config file warns', () => {
  const repo = createRepo();
  try {
    repo.write('package.json', JSON.stringify({ name: 'app', footprint: { mode: 'aggressive' } }));
    repo.write('footprint.config.json', JSON.stringify({ mode: 'conservative' }));

    const result = repo.footprint(['analyze']);

    assert.equal(result.status, 0, result.stderr);
    assert.equal(
      countOf(
        result.stderr,
        'footprint: the "footprint" key of package.json is ignored, because ' +
          "footprint.config.json exists and footprint reads only that file. Move the key's " +
          'settings to footprint.config.json and delete the key.\n',
      ),
      1,
    );
    assert.match(result.stdout, /· conservative\n/);
  } finally {
    repo.cleanup();
  }
});

test('package.json without the key stays quiet', () => {
  const repo = createRepo();
  try {
    repo.write('package.json', JSON.stringify({ name: 'app', description: 'no "footprint" here' }));
    repo.write('footprint.config.json', JSON.stringify({ mode: 'conservative' }));

    const result = repo.footprint(['analyze']);

    assert.equal(result.status, 0, result.stderr);
    assert.doesNotMatch(result.stderr, /ignored/);
  } finally {
    repo.cleanup();
  }
});

test('nested package.json key beside config warns', () => {
  const repo = createRepo();
  try {
    repo.write('packages/api/footprint.config.json', JSON.stringify({ risk: {} }));
    repo.write(
      'packages/api/package.json',
      JSON.stringify({ name: 'api', footprint: { risk: { disable: ['debugger'] } } }),
    );
    repo.write('packages/api/index.js', 'export const b = 2;\n');
    repo.git(['add', 'packages/api/index.js']);

    const result = repo.footprint(['analyze']);

    assert.equal(result.status, 0, result.stderr);
    assert.match(
      result.stderr,
      /^footprint: the "footprint" key of packages\/api\/package\.json is ignored, because packages\/api\/footprint\.config\.json exists/m,
    );
  } finally {
    repo.cleanup();
  }
});

test('post-commit hook leaves ignored config unnamed', () => {
  const repo = createRepo();
  try {
    repo.write('.footprintrc.yml', 'mode: aggressive\n');

    const outcome = repo.footprint(['fossils', 'record-outcome']);
    const analysis = repo.footprint(['analyze']);

    assert.equal(outcome.status, 0, outcome.stderr);
    assert.equal(countOf(outcome.stderr, '.footprintrc.yml is ignored'), 0, outcome.stderr);
    assert.equal(countOf(analysis.stderr, '.footprintrc.yml is ignored'), 1, analysis.stderr);
  } finally {
    repo.cleanup();
  }
});

test('named pipes beside the config are not read', () => {
  const repo = createRepo();
  try {
    repo.write('footprint.config.json', JSON.stringify({ mode: 'conservative' }));
    execFileSync('mkfifo', [path.join(repo.dir, 'package.json')]);
    execFileSync('mkfifo', [path.join(repo.dir, 'src', 'package.json')]);
    mkdirSync(path.join(repo.dir, 'fossils'));
    execFileSync('mkfifo', [path.join(repo.dir, 'fossils', '.gitignore')]);

    const result = spawnSync(process.execPath, [footprintBin, 'analyze'], {
      cwd: repo.dir,
      env: gitTestEnv(),
      encoding: 'utf8',
      timeout: 20_000,
    });

    assert.equal(result.signal, null, 'footprint waited on a named pipe');
    assert.equal(result.status, 0, result.stderr);
    assert.match(result.stdout + result.stderr, /conservative/);
  } finally {
    repo.cleanup();
  }
});

/** Returns the warning about a repository-wide key that a nested configuration sets. */
function nestedKeyWarning(key: string, file: string, target: string): string {
  return (
    `footprint: "${key}" in ${file} is ignored, because it applies to the whole repository ` +
    `and footprint reads it only from the root configuration. Move it to ${target}.\n`
  );
}

test('nested repository keys warn once each', () => {
  const repo = createRepo();
  try {
    repo.write('footprint.config.json', JSON.stringify({ mode: 'conservative' }));
    const nested = {
      mode: 'aggressive',
      blockOn: { aggressive: ['low'] },
      failClosed: true,
      fossilDir: 'packages/api/fossils',
      risk: { disable: ['debugger'] },
    };
    repo.write('packages/api/footprint.config.json', JSON.stringify(nested));
    repo.write('packages/api/index.js', 'export const b = 2;\n');
    repo.write('packages/api/src/util.js', 'export const c = 3;\n');
    repo.git(['add', 'packages']);

    const result = repo.footprint(['analyze', '--json']);

    assert.equal(result.status, 0, result.stderr);
    const file = 'packages/api/footprint.config.json';
    const target = 'footprint.config.json at the worktree root';
    for (const key of ['mode', 'blockOn', 'failClosed', 'fossilDir']) {
      const warning = nestedKeyWarning(key, file, target);
      assert.equal(countOf(result.stderr, warning), 1, result.stderr);
    }
    assert.equal(countOf(result.stderr, '\n'), 4, 'one line per key, none for risk');
    assert.equal((JSON.parse(result.stdout) as { mode: string }).mode, 'conservative');
  } finally {
    repo.cleanup();
  }
});

test('nested package.json key names its path', () => {
  const repo = createRepo();
  try {
    repo.write('package.json', JSON.stringify({ name: 'app', footprint: {} }));
    repo.write(
      'packages/web/package.json',
      JSON.stringify({ name: 'web', footprint: { mode: 'aggressive' } }),
    );
    repo.write('packages/web/index.js', 'export const b = 2;\n');
    repo.git(['add', 'packages']);

    const result = repo.footprint(['precommit', '--no-llm']);

    assert.equal(result.status, 0, result.stderr);
    const warning = nestedKeyWarning(
      'footprint.mode',
      'packages/web/package.json',
      'the "footprint" key of package.json at the worktree root',
    );
    assert.equal(countOf(result.stderr, warning), 1, result.stderr);
    assert.match(result.stderr, /· balanced\n/);
  } finally {
    repo.cleanup();
  }
});

test('nested risk section stays quiet', () => {
  const repo = createRepo();
  try {
    const nested = { $schema: './schema.json', risk: { disable: ['debugger'] } };
    repo.write('packages/api/footprint.config.json', JSON.stringify(nested));
    repo.write('packages/api/index.js', 'export const b = 2;\n');
    repo.git(['add', 'packages']);

    const result = repo.footprint(['analyze']);

    assert.equal(result.status, 0, result.stderr);
    assert.equal(result.stderr, '');
  } finally {
    repo.cleanup();
  }
});
