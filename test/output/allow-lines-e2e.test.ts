import assert from 'node:assert/strict';
import { test } from 'node:test';
import { createTempRepo, type TempRepo } from '../helpers/repo.js';
import { fakeGithubToken } from '../risk/secret-parts.js';

const NO_HOOK = { env: { FOOTPRINT: '0' } };

/** Makes a repository with one committed source file, committed without the hook. */
function createRepo(): TempRepo {
  const repo = createTempRepo();
  repo.write('src/cart.js', 'export function total(items) {\n  return items.length;\n}\n');
  repo.git(['add', '-A']);
  repo.git(['commit', '-q', '-m', 'feat: add cart'], NO_HOOK);
  return repo;
}

/** Returns the "Allow ..." row about `footprint-allow:` comments, or '' when there is none. */
function commentRow(stderr: string): string {
  return stderr.split('\n').find((line) => line.includes('footprint-allow:')) ?? '';
}

test('allow row names both lines', () => {
  const repo = createRepo();
  try {
    const url = ['postgres://admin:', 'hunter2secretpw', '@db.internal:5432/shop'].join('');
    repo.write(
      'src/ship.js',
      `export function ship(o) {\n  debugger;\n  return o;\n}\nconst db = "${url}";\n`,
    );
    repo.git(['add', 'src/ship.js']);

    const result = repo.footprint(['precommit', '--no-llm']);
    const row = commentRow(result.stderr);

    assert.equal(result.status, 1, result.stderr);
    assert.match(row, /^ {2}Allow each line: +add a comment on each line: /);
    assert.match(row, /`footprint-allow: debugger` on src\/ship\.js:2/);
    assert.match(row, /`footprint-allow: url-credentials` on src\/ship\.js:5/);
  } finally {
    repo.cleanup();
  }
});

test('allow row in a blocked merge', () => {
  const repo = createRepo();
  try {
    repo.git(['checkout', '-q', '-b', 'feature']);
    repo.write('src/token.js', `export const token = '${fakeGithubToken()}';\n`);
    repo.git(['add', '-A']);
    repo.git(['commit', '-q', '-m', 'feat: add token'], NO_HOOK);
    repo.git(['checkout', '-q', 'main']);
    repo.write('README.md', '# cart\n');
    repo.git(['add', '-A']);
    repo.git(['commit', '-q', '-m', 'docs: add readme'], NO_HOOK);
    repo.git(['merge', '-q', '--no-ff', '--no-commit', 'feature']);

    const result = repo.footprint(['precommit', '--no-llm']);
    const row = commentRow(result.stderr);

    assert.equal(result.status, 1, result.stderr);
    assert.match(result.stderr, /The merge is not committed yet/);
    assert.equal(
      row,
      '  Allow one line:  add the comment `footprint-allow: provider-token` on line 1 of ' +
        'src/token.js',
    );
  } finally {
    repo.cleanup();
  }
});
