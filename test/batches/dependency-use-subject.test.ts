import assert from 'node:assert/strict';
import { afterEach, describe, test } from 'node:test';
import { createTempRepo, type TempRepo } from '../helpers/repo.js';
import { analyzeStaged, commitFiles, lines, stageFiles } from './staged-analysis.js';

let repo: TempRepo | undefined;
afterEach(() => repo?.cleanup());

function manifest(...dependencies: string[]): string {
  const entries = dependencies.map((line, index) =>
    index < dependencies.length - 1 ? `    ${line},` : `    ${line}`,
  );
  return lines('{', '  "name": "app",', '  "dependencies": {', ...entries, '  }', '}');
}

function lockfile(...names: string[]): string {
  const packages = names.map((name) => `    "node_modules/${name}": { "version": "1.0.0" }`);
  return lines(
    '{',
    '  "name": "app",',
    '  "lockfileVersion": 3,',
    '  "packages": {',
    packages.join(',\n'),
    '  }',
    '}',
  );
}

const cases: Array<{
  name: string;
  before: Record<string, string>;
  after: Record<string, string>;
  messages: string[];
}> = [
  {
    name: 'added dependency and import',
    before: {
      'package.json': manifest('"kleur": "4.1.0"'),
      'package-lock.json': lockfile('kleur'),
      'src/main.js': lines('export function main() {', '  return 1;', '}'),
    },
    after: {
      'package.json': manifest('"kleur": "4.1.0"', '"ms": "2.1.3"'),
      'package-lock.json': lockfile('kleur', 'ms'),
      'src/main.js': lines(
        "import ms from 'ms';",
        '',
        'export function main() {',
        "  return ms('1s');",
        '}',
      ),
    },
    messages: ['fix: add ms and use it in main'],
  },
  {
    name: 'swapped dependency',
    before: {
      'package.json': manifest('"kleur": "4.1.0"'),
      'package-lock.json': lockfile('kleur'),
      'src/main.js': lines("import kleur from 'kleur';", '', "console.log(kleur.green('ok'));"),
    },
    after: {
      'package.json': manifest('"picocolors": "1.1.0"'),
      'package-lock.json': lockfile('picocolors'),
      'src/main.js': lines("import pc from 'picocolors';", '', "console.log(pc.green('ok'));"),
    },
    messages: ['fix: replace kleur with picocolors'],
  },
  {
    name: 'removed dependency and import',
    before: {
      'package.json': manifest('"kleur": "4.1.0"', '"ms": "2.1.3"'),
      'package-lock.json': lockfile('kleur', 'ms'),
      'src/main.js': lines(
        "import ms from 'ms';",
        '',
        'export function main() {',
        "  return ms('1s');",
        '}',
      ),
    },
    after: {
      'package.json': manifest('"kleur": "4.1.0"'),
      'package-lock.json': lockfile('kleur'),
      'src/main.js': lines('export function main() {', '  return 1000;', '}'),
    },
    messages: ['fix: remove ms and its use in main'],
  },
  {
    name: 'new file importing dependency',
    before: {
      'package.json': manifest('"kleur": "4.1.0"'),
      'src/main.js': lines('export function main() {', '  return 1;', '}'),
    },
    after: {
      'package.json': manifest('"kleur": "4.1.0"', '"ms": "2.1.3"'),
      'src/main.js': lines('export function main() {', '  return 1;', '}'),
      'src/delay.js': lines("import ms from 'ms';", '', "export const delay = ms('1s');"),
    },
    messages: ['feat: add delay'],
  },
];

describe('dependency and its use', () => {
  for (const entry of cases) {
    test(`${entry.name} subject`, () => {
      repo = createTempRepo();
      commitFiles(repo, entry.before);
      stageFiles(repo, entry.after);

      const batches = analyzeStaged(repo, 'conservative');

      assert.deepEqual(
        batches.map((batch) => batch.message),
        entry.messages,
      );
    });
  }
});
