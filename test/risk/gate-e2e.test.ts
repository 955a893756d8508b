import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, test } from 'node:test';
import { Ajv } from 'ajv';
import { createTempRepo, type TempRepo } from '../helpers/repo.js';
import { fakeGithubToken, fakePemKey } from './secret-parts.js';
import { SARIF_SCHEMA } from './sarif-schema.js';

const lines = (...texts: string[]): string => texts.map((text) => `${text}\n`).join('');

function createRepo(config?: object): TempRepo {
  const repo = createTempRepo();
  repo.write('README.md', '# demo\n');
  if (config !== undefined) repo.write('footprint.config.json', `${JSON.stringify(config)}\n`);
  repo.git(['add', '-A']);
  repo.git(['commit', '-q', '-m', 'start'], { env: { FOOTPRINT: '0' } });
  return repo;
}

function stageToken(repo: TempRepo, suffix = ''): string {
  const token = fakeGithubToken();
  repo.write('src/config.js', lines(`const token = '${token}';${suffix}`));
  repo.git(['add', '-A']);
  return token;
}

function findingRules(stdout: string): string[] {
  const document = JSON.parse(stdout) as { risk: { findings: Array<{ rule: string }> } };
  return document.risk.findings.map((finding) => finding.rule);
}

describe('risk gate', () => {
  test('blocked commit lists finding and ways out', () => {
    const repo = createRepo();
    try {
      const token = stageToken(repo);
      const result = repo.footprint(['precommit', '--no-llm']);

      assert.equal(result.status, 1);
      assert.match(result.stderr, /src\/config\.js:1 {2}provider-token {2}GitHub token staged/);
      assert.match(result.stderr, /ghp_\*{8}(?!\*)/);
      assert.match(result.stderr, /footprint-allow: provider-token/);
      assert.match(result.stderr, /"risk\.allow"/);
      assert.match(result.stderr, /FOOTPRINT_SKIP=provider-token/);
      assert.match(result.stderr, /git commit --no-verify/);
      assert.equal(result.stderr.includes(token), false);
    } finally {
      repo.cleanup();
    }
  });

  test('secret is masked in JSON and fossil', () => {
    const repo = createRepo();
    try {
      const token = stageToken(repo);
      const result = repo.footprint(['precommit', '--json', '--no-llm', '--debug']);
      const fossils = repo.git(['ls-files', '--others', '--', 'fossils']).trim().split('\n');
      const fossilText = fossils
        .filter((file) => file.endsWith('.json'))
        .map((file) => readFileSync(path.join(repo.dir, file), 'utf8'))
        .join('\n');

      assert.equal(result.stdout.includes(token), false);
      assert.equal(result.stderr.includes(token), false);
      assert.ok(fossilText.length > 0);
      assert.equal(fossilText.includes(token), false);
    } finally {
      repo.cleanup();
    }
  });

  for (const mode of ['conservative', 'balanced', 'aggressive']) {
    test(`critical secret blocks in ${mode} mode`, () => {
      const repo = createRepo();
      try {
        repo.write('deploy/key.pem', lines(...fakePemKey()));
        repo.git(['add', '-A']);
        const result = repo.footprint(['precommit', '--mode', mode, '--no-llm']);

        assert.equal(result.status, 1);
        assert.match(result.stderr, /private-key/);
      } finally {
        repo.cleanup();
      }
    });
  }

  test('critical secret blocks despite blockOn', () => {
    const repo = createRepo({
      blockOn: { conservative: [], balanced: [], aggressive: [] },
    });
    try {
      stageToken(repo);
      const result = repo.footprint(['precommit', '--no-llm']);

      assert.equal(result.status, 1);
      assert.match(result.stderr, /provider-token/);
    } finally {
      repo.cleanup();
    }
  });

  test('high finding passes in aggressive mode', () => {
    const repo = createRepo();
    try {
      repo.write('src/a.js', lines('debugger;'));
      repo.git(['add', '-A']);

      assert.equal(repo.footprint(['precommit', '--mode', 'aggressive', '--no-llm']).status, 0);
      assert.equal(repo.footprint(['precommit', '--mode', 'balanced', '--no-llm']).status, 1);
    } finally {
      repo.cleanup();
    }
  });

  test('inline allow comment passes', () => {
    const repo = createRepo();
    try {
      stageToken(repo, ' // footprint-allow: provider-token');
      const result = repo.footprint(['precommit', '--json', '--no-llm']);

      assert.equal(result.status, 0, result.stderr);
      assert.deepEqual(findingRules(result.stdout), []);
    } finally {
      repo.cleanup();
    }
  });

  test('gitleaks allow comment passes', () => {
    const repo = createRepo();
    try {
      stageToken(repo, ' // gitleaks:allow');
      const result = repo.footprint(['precommit', '--json', '--no-llm']);

      assert.equal(result.status, 0, result.stderr);
    } finally {
      repo.cleanup();
    }
  });

  test('allowlist entry passes', () => {
    const repo = createRepo({ risk: { allow: [{ rule: 'provider-token', path: 'src/*.js' }] } });
    try {
      stageToken(repo);
      const result = repo.footprint(['precommit', '--json', '--no-llm']);

      assert.equal(result.status, 0, result.stderr);
      assert.deepEqual(findingRules(result.stdout), []);
    } finally {
      repo.cleanup();
    }
  });

  test('allowlist entry for another path blocks', () => {
    const repo = createRepo({ risk: { allow: [{ rule: 'provider-token', path: 'test/**' }] } });
    try {
      stageToken(repo);

      assert.equal(repo.footprint(['precommit', '--json', '--no-llm']).status, 1);
    } finally {
      repo.cleanup();
    }
  });

  test('FOOTPRINT_SKIP passes', () => {
    const repo = createRepo();
    try {
      stageToken(repo);
      const result = repo.footprint(['precommit', '--json', '--no-llm'], {
        env: { FOOTPRINT_SKIP: 'provider-token' },
      });

      assert.equal(result.status, 0, result.stderr);
      assert.deepEqual(findingRules(result.stdout), []);
    } finally {
      repo.cleanup();
    }
  });

  test('configured severity replaces the default', () => {
    const repo = createRepo({ risk: { rules: { debugger: { severity: 'low' } } } });
    try {
      repo.write('src/a.js', lines('debugger;'));
      repo.git(['add', '-A']);
      const result = repo.footprint(['precommit', '--json', '--no-llm']);
      const document = JSON.parse(result.stdout) as {
        risk: { findings: Array<{ severity: string }> };
      };

      assert.equal(result.status, 0);
      assert.equal(document.risk.findings[0]?.severity, 'low');
    } finally {
      repo.cleanup();
    }
  });

  test('custom rule with backreference exits 2', () => {
    const repo = createRepo({
      risk: { custom: [{ id: 'twice', pattern: '(a)\\1', severity: 'low' }] },
    });
    try {
      repo.write('src/a.js', lines('aa'));
      repo.git(['add', '-A']);
      const result = repo.footprint(['precommit', '--no-llm']);

      assert.equal(result.status, 2);
      assert.match(result.stderr, /footprint\.config\.json: "risk\.custom\[0\]\.pattern"/);
      assert.match(result.stderr, /cannot be matched in linear time/);
      assert.match(result.stderr, /without backreferences or lookaround/);
      assert.doesNotMatch(result.stderr, /\/gl/);
    } finally {
      repo.cleanup();
    }
  });

  test('custom rule with a syntax error exits 2', () => {
    const repo = createRepo({
      risk: { custom: [{ id: 'group', pattern: '(', severity: 'low' }] },
    });
    try {
      repo.write('src/a.js', lines('a'));
      repo.git(['add', '-A']);
      const result = repo.footprint(['precommit', '--no-llm']);

      assert.equal(result.status, 2);
      assert.match(
        result.stderr,
        /footprint\.config\.json: "risk\.custom\[0\]\.pattern" is "\(", which is not a valid JavaScript regular expression/,
      );
      assert.match(result.stderr, /Unterminated group/);
      assert.doesNotMatch(result.stderr, /backreferences|lookaround/);
    } finally {
      repo.cleanup();
    }
  });

  test('custom rule without severity exits 2', () => {
    const repo = createRepo({ risk: { custom: [{ id: 'x', pattern: 'a' }] } });
    try {
      repo.write('src/a.js', lines('a'));
      repo.git(['add', '-A']);
      const result = repo.footprint(['precommit', '--no-llm']);

      assert.equal(result.status, 2);
      assert.match(result.stderr, /severity/);
    } finally {
      repo.cleanup();
    }
  });

  test('custom rule with a built-in id exits 2', () => {
    const repo = createRepo({
      risk: { custom: [{ id: 'debugger', pattern: 'x', severity: 'low' }] },
    });
    try {
      repo.write('src/a.js', lines('x'));
      repo.git(['add', '-A']);
      const result = repo.footprint(['precommit', '--no-llm']);

      assert.equal(result.status, 2);
      assert.match(
        result.stderr,
        /footprint\.config\.json: "risk\.custom\[0\]\.id" is "debugger", which is the id of a built-in rule/,
      );
    } finally {
      repo.cleanup();
    }
  });

  test('SARIF output validates against the schema', () => {
    const repo = createRepo();
    try {
      const token = stageToken(repo);
      repo.write('my docs/a b.js', lines('debugger;'));
      repo.write('.env', lines('A=1'));
      repo.git(['add', '-A']);
      const result = repo.footprint(['precommit', '--format', 'sarif', '--no-llm']);
      const log = JSON.parse(result.stdout) as {
        runs: Array<{
          results: Array<{
            ruleId: string;
            level: string;
            locations?: Array<{
              physicalLocation: {
                artifactLocation: { uri: string };
                region?: { startLine: number };
              };
            }>;
          }>;
        }>;
      };
      const validate = new Ajv({ strict: false, validateFormats: false }).compile(SARIF_SCHEMA);
      const results = log.runs[0]?.results ?? [];
      const uris = results.map(
        (item) => item.locations?.[0]?.physicalLocation.artifactLocation.uri,
      );

      assert.equal(result.status, 1);
      assert.equal(validate(log), true, JSON.stringify(validate.errors));
      assert.equal(result.stdout.includes(token), false);
      assert.deepEqual(results.map((item) => `${item.ruleId}:${item.level}`).sort(), [
        'credential-file:error',
        'debugger:error',
        'provider-token:error',
      ]);
      assert.ok(uris.includes('my%20docs/a%20b.js'));
      assert.ok(uris.includes('src/config.js'));
    } finally {
      repo.cleanup();
    }
  });

  test('--json with --format sarif exits 2', () => {
    const repo = createRepo();
    try {
      const result = repo.footprint(['analyze', '--json', '--format', 'sarif']);

      assert.equal(result.status, 2);
      assert.match(result.stderr, /--json and --format sarif/);
    } finally {
      repo.cleanup();
    }
  });
});
