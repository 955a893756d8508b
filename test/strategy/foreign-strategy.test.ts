import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, test } from 'node:test';

import { createTempRepo, type TempRepo } from '../helpers/repo.js';

const repos: TempRepo[] = [];
afterEach(() => {
  for (const repo of repos.splice(0)) repo.cleanup();
});

/** Creates a repository with one commit and a.txt changed and staged on top of it. */
function stagedRepo(subject: string): TempRepo {
  const repo = createTempRepo();
  repos.push(repo);
  repo.write('a.txt', 'base\n');
  repo.git(['add', 'a.txt']);
  repo.git(['commit', '-q', '-m', subject], { env: { FOOTPRINT: '0' } });
  repo.write('a.txt', 'changed\n');
  repo.git(['add', 'a.txt']);
  return repo;
}

/**
 * Writes a strategy in one repository and copies it into another whose staged change is the
 * same but whose HEAD is a different commit. Returns the copy's path and both HEADs.
 */
function foreignStrategy() {
  const origin = stagedRepo('chore: start here');
  const target = stagedRepo('chore: start elsewhere');
  const written = origin.footprint(['strategy', '--output', 'plan.json', '--no-llm']);
  assert.equal(written.status, 0, written.stderr);
  const file = path.join(target.dir, 'plan.json');
  writeFileSync(file, readFileSync(path.join(origin.dir, 'plan.json')));
  const originHead = origin.git(['rev-parse', 'HEAD']).trim();
  const targetHead = target.git(['rev-parse', 'HEAD']).trim();
  return { target, file, originHead, targetHead };
}

test('validate names a foreign commit', () => {
  const { target, originHead, targetHead } = foreignStrategy();
  assert.equal(target.gitResult(['cat-file', '-e', `${originHead}^{commit}`]).status, 128);

  const result = target.footprint(['validate', '--strategy', 'plan.json', '--color', 'never']);

  assert.equal(result.status, 1, result.stderr);
  const output = result.stdout + result.stderr;
  assert.ok(
    output.includes(
      `The strategy was made at HEAD ${originHead.slice(0, 12)}, ` +
        'a commit this repository does not have',
    ),
    output,
  );
  assert.ok(output.includes(`The repository is at HEAD ${targetHead.slice(0, 12)}.`), output);
  assert.ok(
    output.includes('write a new one for the staged change with `footprint strategy --output'),
    output,
  );
  assert.equal(output.includes('Check out'), false, output);
});

test('validate names a foreign commit through git', () => {
  const { target, originHead } = foreignStrategy();

  const result = target.footprint(['validate', '--strategy', 'plan.json', '--color', 'never'], {
    env: { FOOTPRINT_READER: 'cli' },
  });

  assert.equal(result.status, 1, result.stderr);
  const output = result.stdout + result.stderr;
  assert.ok(output.includes(`${originHead.slice(0, 12)}, a commit this repository`), output);
  assert.equal(output.includes('Check out'), false, output);
});

test('validate keeps checkout advice for a known commit', () => {
  const repo = stagedRepo('chore: start');
  const written = repo.footprint(['strategy', '--output', 'plan.json', '--no-llm']);
  assert.equal(written.status, 0, written.stderr);
  const start = repo.git(['rev-parse', 'HEAD']).trim();
  // A commit on top with the same tree moves HEAD and leaves the index as it is.
  const later = repo.git(['commit-tree', 'HEAD^{tree}', '-p', 'HEAD', '-m', 'chore: later']);
  repo.git(['update-ref', 'HEAD', later.trim()]);

  const result = repo.footprint(['validate', '--strategy', 'plan.json', '--color', 'never']);

  assert.equal(result.status, 1, result.stderr);
  const output = result.stdout + result.stderr;
  assert.ok(output.includes(`Checking out ${start.slice(0, 12)} again also works`), output);
  assert.equal(output.includes('does not have'), false, output);
});

test('commit refuses a foreign commit', () => {
  const { target, file, originHead, targetHead } = foreignStrategy();

  const result = target.footprint(['commit', '--strategy', 'plan.json', '--yes']);

  assert.equal(result.status, 1, result.stderr);
  assert.ok(
    result.stderr.includes(
      `The strategy was made at commit ${originHead}, which this repository does not have`,
    ),
    result.stderr,
  );
  assert.ok(result.stderr.includes(`HEAD is ${targetHead}, and no commit was made.`));
  assert.ok(
    result.stderr.includes(`write it again with \`footprint strategy --output ${file}\``),
    result.stderr,
  );
  assert.equal(result.stderr.includes('HEAD moved since'), false, result.stderr);
  assert.equal(target.git(['rev-parse', 'HEAD']).trim(), targetHead);
});
