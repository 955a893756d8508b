import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { readDependabotConfig } from '../../src/batches/update-bots/dependabot.js';
import { ecosystemOfFile, GITHUB_ACTIONS } from '../../src/batches/update-bots/ecosystems.js';
import type { DependencyUpdate } from '../../src/batches/update-bots/types.js';
import { lines } from './staged-analysis.js';

const FILE = '.github/dependabot.yml';

/** Returns an update of the file at `path` that changes the package.json sections `dependencyTypes`. */
function updateOf(path: string, dependencyTypes: string[] = ['dependencies']): DependencyUpdate {
  const ecosystem = ecosystemOfFile(path);
  assert.ok(ecosystem, `${path} has an ecosystem`);
  const slash = path.lastIndexOf('/');
  return { ecosystem, folder: slash < 0 ? '' : path.slice(0, slash), dependencyTypes };
}

const ACTIONS: DependencyUpdate = { ecosystem: GITHUB_ACTIONS, folder: null, dependencyTypes: [] };

/** Reads a configuration of `entries`, each a list of lines after `- package-ecosystem: X`. */
function configOf(...entries: Array<[ecosystem: string, ...settings: string[]]>) {
  const text = lines(
    'version: 2',
    'updates:',
    ...entries.flatMap(([ecosystem, ...settings]) => [
      `  - package-ecosystem: ${ecosystem}`,
      ...settings.map((setting) => `    ${setting}`),
    ]),
  );
  const config = readDependabotConfig(text, FILE);
  assert.ok(config, 'the configuration states a prefix');
  return config;
}

const PREFIX = (...settings: string[]) => ['commit-message:', ...settings.map((s) => `  ${s}`)];

describe('readDependabotConfig', () => {
  test('names its bot and file', () => {
    const config = configOf(['npm', ...PREFIX('prefix: build')]);

    assert.equal(config.bot, 'Dependabot');
    assert.equal(config.file, FILE);
  });

  test('types a production update', () => {
    const config = configOf(['npm', 'directory: /', ...PREFIX('prefix: build', 'include: scope')]);

    assert.deepEqual(config.conventionFor(updateOf('package.json')), {
      type: 'build',
      scope: 'deps',
    });
  });

  test('types a development update', () => {
    const config = configOf([
      'npm',
      ...PREFIX('prefix: fix', 'prefix-development: chore', 'include: scope'),
    ]);
    const update = updateOf('package.json', ['devDependencies']);

    assert.deepEqual(config.conventionFor(update), { type: 'chore', scope: 'deps-dev' });
  });

  test('scopes development without its prefix', () => {
    const config = configOf(['npm', ...PREFIX('prefix: build', 'include: scope')]);
    const update = updateOf('package-lock.json', ['devDependencies']);

    assert.deepEqual(config.conventionFor(update), { type: 'build', scope: 'deps-dev' });
  });

  test('mixed update takes the production prefix', () => {
    const config = configOf(['npm', ...PREFIX('prefix: fix', 'prefix-development: chore')]);
    const update = updateOf('package.json', ['dependencies', 'devDependencies']);

    assert.deepEqual(config.conventionFor(update), { type: 'fix', scope: null });
  });

  test('development prefix alone spares production', () => {
    const config = configOf(['npm', ...PREFIX('prefix-development: chore')]);

    assert.equal(config.conventionFor(updateOf('package.json')), null);
  });

  test('types an actions update', () => {
    const config = configOf(['github-actions', 'directory: "/"', ...PREFIX('prefix: ci')]);

    assert.deepEqual(config.conventionFor(ACTIONS), { type: 'ci', scope: null });
  });

  test('skips other ecosystems', () => {
    const config = configOf(['github-actions', ...PREFIX('prefix: ci')]);

    assert.equal(config.conventionFor(updateOf('package.json')), null);
  });

  test('reads pip and cargo entries', () => {
    const config = configOf(
      ['pip', ...PREFIX('prefix: build')],
      ['cargo', ...PREFIX('prefix: fix')],
    );

    assert.equal(config.conventionFor(updateOf('requirements-dev.txt'))?.type, 'build');
    assert.equal(config.conventionFor(updateOf('Cargo.lock'))?.type, 'fix');
  });

  test('matches the manifest folder', () => {
    const config = configOf(
      ['npm', 'directory: /', ...PREFIX('prefix: build')],
      ['npm', 'directory: "/site/"', ...PREFIX('prefix: docs')],
      ['npm', 'directories: ["/packages/*"]', ...PREFIX('prefix: fix')],
    );

    assert.equal(config.conventionFor(updateOf('package.json'))?.type, 'build');
    assert.equal(config.conventionFor(updateOf('site/package.json'))?.type, 'docs');
    assert.equal(config.conventionFor(updateOf('packages/web/yarn.lock'))?.type, 'fix');
  });

  test('unlisted folder takes the first entry', () => {
    const config = configOf(
      ['npm', 'directory: /site', ...PREFIX('prefix: docs')],
      ['npm', 'directory: /', ...PREFIX('prefix: build')],
    );

    assert.equal(config.conventionFor(updateOf('tools/package.json'))?.type, 'docs');
  });

  test('ignores an invalid prefix', () => {
    const config = configOf(['npm', ...PREFIX('prefix: "[npm] "')]);

    assert.equal(config.conventionFor(updateOf('package.json')), null);
  });

  test('ignores a prefix that is no text', () => {
    const config = configOf(['npm', ...PREFIX('prefix: [build]')]);

    assert.equal(config.conventionFor(updateOf('package.json')), null);
  });

  const empty: Array<{ name: string; text: string }> = [
    { name: 'no updates', text: 'version: 2\n' },
    { name: 'updates not a list', text: 'updates: weekly\n' },
    { name: 'no commit message', text: lines('updates:', '  - package-ecosystem: npm') },
    { name: 'entries not mappings', text: lines('updates:', '  - npm', '  - [ci]') },
    { name: 'a list document', text: '- updates\n' },
    { name: 'an empty document', text: '' },
  ];

  for (const { name, text } of empty) {
    test(`reads nothing from ${name}`, () => {
      assert.equal(readDependabotConfig(text, FILE), null);
    });
  }
});
