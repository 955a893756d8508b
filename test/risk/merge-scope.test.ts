import assert from 'node:assert/strict';
import { test } from 'node:test';
import { createTempRepo } from '../helpers/repo.js';

interface JsonFinding {
  rule: string;
  path: string;
}

test('merge checks only secrets in files taken from the other branch', () => {
  const repo = createTempRepo();
  try {
    const quiet = { env: { FOOTPRINT: '0' } };
    const focus = ['it', 'only'].join('.');
    repo.write('test/shared.test.js', 'base\n');
    repo.write('README.md', '# app\n');
    repo.write(
      'footprint.config.json',
      `${JSON.stringify({ risk: { custom: [{ id: 'acme-token', pattern: 'acme_tok_[A-Za-z0-9]+', severity: 'critical', message: 'ACME token staged', fix: 'Remove it.' }] } })}\n`,
    );
    repo.git(['add', '-A']);
    repo.git(['commit', '-q', '-m', 'base'], quiet);

    repo.git(['checkout', '-q', '-b', 'side']);
    repo.write('test/side.test.js', `${focus}('side', () => {});\n`);
    repo.write(
      'src/key.js',
      `const token = '${['ghp_', 'R9xK2mQ7vL4pZ8wN3sT6yB1cD5fG0hJ2kL8m'].join('')}';\n`,
    );
    repo.write(
      'src/client.js',
      `export const acme = '${['acme_tok_', 'abcdefghijklmnop'].join('')}';\n`,
    );
    repo.write('test/shared.test.js', 'side\n');
    repo.git(['add', '-A']);
    repo.git(['commit', '-q', '-m', 'side'], quiet);

    repo.git(['checkout', '-q', '-']);
    repo.write('test/shared.test.js', 'main\n');
    repo.git(['commit', '-q', '-am', 'main'], quiet);
    assert.throws(
      () => repo.git(['merge', '-q', 'side'], quiet),
      /git merge -q side failed with 1/,
    );
    repo.write('test/shared.test.js', `${focus}('resolved', () => {});\n`);
    repo.git(['add', 'test/shared.test.js']);

    const result = repo.footprint(['analyze', '--json', '--no-llm']);
    const findings = (JSON.parse(result.stdout) as { risk: { findings: JsonFinding[] } }).risk
      .findings;
    const where = findings.map((finding) => `${finding.rule} ${finding.path}`);

    assert.equal(result.status, 0, result.stderr);
    assert.ok(where.includes('provider-token src/key.js'), where.join('\n'));
    assert.ok(where.includes('acme-token src/client.js'), where.join('\n'));
    assert.ok(!where.includes('focused-test test/side.test.js'), where.join('\n'));
    assert.ok(where.includes('focused-test test/shared.test.js'), where.join('\n'));
  } finally {
    repo.cleanup();
  }
});
