import { test } from 'node:test';
import assert from 'node:assert/strict';
import { loadConfig } from '../../src/config/load.js';
import { findRiskScopes } from '../../src/config/nearest.js';
import { isUserError } from '../../src/errors.js';
import { createTempRepo, type TempRepo } from '../helpers/repo.js';
import { fakePemKey } from '../risk/secret-parts.js';

/** Loads the root configuration and returns the message of the UserError it throws. */
async function loadError(repo: TempRepo): Promise<string> {
  try {
    await loadConfig(repo.dir, { env: {} });
  } catch (error) {
    assert.ok(isUserError(error), `expected a UserError, got ${String(error)}`);
    assert.equal(error.exitCode, 2);
    return error.message;
  }
  assert.fail('loadConfig did not throw');
}

function writeAllow(repo: TempRepo, glob: string): void {
  repo.write(
    'footprint.config.json',
    JSON.stringify({
      risk: { allow: [{ rule: 'debugger' }, { rule: 'private-key', path: glob }] },
    }),
  );
}

test('allow path drops a leading ./', async () => {
  const repo = createTempRepo();
  try {
    repo.write(
      'footprint.config.json',
      JSON.stringify({
        risk: {
          allow: [{ rule: 'private-key', path: './././deploy/key.pem' }],
          custom: [
            {
              id: 'todo',
              pattern: 'TODO',
              severity: 'low',
              paths: ['./src/**'],
              ignorePaths: ['./src/gen/'],
            },
          ],
        },
      }),
    );

    const { config } = await loadConfig(repo.dir, { env: {} });

    assert.deepEqual(config.risk.allow, [{ rule: 'private-key', path: 'deploy/key.pem' }]);
    assert.deepEqual(config.risk.custom[0]?.paths, ['src/**']);
    assert.deepEqual(config.risk.custom[0]?.ignorePaths, ['src/gen/']);
  } finally {
    repo.cleanup();
  }
});

test('nested allow path drops a leading ./', async () => {
  const repo = createTempRepo();
  try {
    repo.write(
      'packages/api/footprint.config.json',
      JSON.stringify({ risk: { allow: [{ rule: 'private-key', path: './keys/deploy.pem' }] } }),
    );
    const root = await loadConfig(repo.dir, { env: {} });

    const scopes = await findRiskScopes(repo.dir, ['packages/api/keys/deploy.pem'], root);

    assert.deepEqual(scopes.get('packages/api/keys/deploy.pem')?.risk.allow, [
      { rule: 'private-key', path: 'packages/api/keys/deploy.pem' },
    ]);
  } finally {
    repo.cleanup();
  }
});

test('allow path rejects unsupported glob syntax', async () => {
  const cases: Array<[string, RegExp]> = [
    ['deploy/{key,old}.pem', /brace list \{key,old\}.*such as "deploy\/key\.pem"/],
    ['deploy/key[a-z].pem', /character class \[a-z\].*Use \? for one character/],
    ['deploy/key[0-9].pem', /character class \[0-9\]/],
    ['deploy/[!a]ey.pem', /character class \[!a\]/],
    ['!deploy/key.pem', /starts with "!"/],
    ['deploy/../key.pem', /"\." or "\.\." folder/],
    ['./', /names no path once its "\.\/" is removed/],
  ];
  for (const [glob, reason] of cases) {
    const repo = createTempRepo();
    try {
      writeAllow(repo, glob);

      const message = await loadError(repo);

      assert.ok(
        message.startsWith(
          `footprint.config.json: "risk.allow[1].path" is ${JSON.stringify(glob)}, which `,
        ),
        message,
      );
      assert.match(message, reason, glob);
      assert.match(message, /matches only a path|matches no path|names no path/, glob);
    } finally {
      repo.cleanup();
    }
  }
});

test('built-in rule path options reject unsupported glob syntax', async () => {
  const repo = createTempRepo();
  try {
    repo.write(
      'footprint.config.json',
      JSON.stringify({
        risk: {
          rules: {
            'binary-file': { options: { assetPaths: ['assets/**', 'img/*.{png,jpg}'] } },
            'sensitive-path': { options: { paths: { ci: ['!ci/**'] } } },
          },
        },
      }),
    );

    const message = await loadError(repo);

    assert.match(
      message,
      /"risk\.rules\.binary-file\.options\.assetPaths\[1\]" is "img\/\*\.\{png,jpg\}", which has the brace list \{png,jpg\}/,
    );
    assert.match(
      message,
      /"risk\.rules\.sensitive-path\.options\.paths\.ci\[0\]" is "!ci\/\*\*", which starts with "!"/,
    );
  } finally {
    repo.cleanup();
  }
});

test('custom rule globs name their key', async () => {
  const repo = createTempRepo();
  try {
    repo.write(
      'package.json',
      JSON.stringify({
        footprint: {
          risk: {
            custom: [
              { id: 'todo', pattern: 'TODO', severity: 'low', ignorePaths: ['a', '{b,c}/**'] },
            ],
          },
        },
      }),
    );

    const message = await loadError(repo);

    assert.match(
      message,
      /^package\.json: "footprint\.risk\.custom\[0\]\.ignorePaths\[1\]" is "\{b,c\}\/\*\*"/,
    );
  } finally {
    repo.cleanup();
  }
});

test('allow path keeps bracketed route names', async () => {
  const repo = createTempRepo();
  try {
    const routes = ['app/[slug]/[...rest].tsx', 'app/[x]/key.pem', 'app/[user-id]/key.pem'];
    const allow = routes.map((route) => ({ rule: 'private-key', path: route }));
    repo.write(
      'footprint.config.json',
      JSON.stringify({ risk: { allow: [{ rule: 'debugger' }, ...allow] } }),
    );

    const { config } = await loadConfig(repo.dir, { env: {} });

    assert.equal(config.risk.allow[1]?.path, 'app/[slug]/[...rest].tsx');
    assert.equal(config.risk.allow[2]?.path, 'app/[x]/key.pem');
    assert.equal(config.risk.allow[3]?.path, 'app/[user-id]/key.pem');
  } finally {
    repo.cleanup();
  }
});

/** Commits a README, then stages a private key at `file`, which the hook blocks. */
function stageKeyAfterCommit(repo: TempRepo, file: string): void {
  repo.write('README.md', '# demo\n');
  repo.git(['add', '-A']);
  repo.git(['commit', '-q', '-m', 'start'], { env: { FOOTPRINT: '0' } });
  repo.write(file, `${fakePemKey().join('\n')}\n`);
  repo.git(['add', file]);
}

test('allow path with ./ lets a key through', () => {
  const repo = createTempRepo();
  try {
    stageKeyAfterCommit(repo, 'deploy/key.pem');
    writeAllow(repo, './deploy/key.pem');

    const result = repo.footprint(['precommit', '--no-llm']);

    assert.equal(result.status, 0, result.stderr);
    assert.match(result.stderr, /✔ Commit passed/);
  } finally {
    repo.cleanup();
  }
});

test('suggested allow entry for a name with braces lets the key through', () => {
  const repo = createTempRepo();
  try {
    stageKeyAfterCommit(repo, 'keys-{a,b}.pem');
    const blocked = repo.footprint(['precommit', '--no-llm']);
    const entry = /add (\{ "rule": "private-key", "path": .*\}) to "risk\.allow"/.exec(
      blocked.stderr,
    )?.[1];
    assert.ok(entry !== undefined, blocked.stderr);
    repo.write('footprint.config.json', `{ "risk": { "allow": [${entry}] } }\n`);

    const allowed = repo.footprint(['precommit', '--no-llm']);

    assert.equal(blocked.status, 1, blocked.stderr);
    assert.equal(allowed.status, 0, allowed.stderr);
    assert.match(allowed.stderr, /✔ Commit passed/);
  } finally {
    repo.cleanup();
  }
});
