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
  {
    name: 'pip requirement and import',
    before: {
      'requirements.txt': lines('flask==3.0.0'),
      'app/client.py': lines('def fetch(url):', '    return url'),
    },
    after: {
      'requirements.txt': lines('flask==3.0.0', 'Requests==2.31.0'),
      'app/client.py': lines(
        'from requests.adapters import HTTPAdapter',
        '',
        'def fetch(url):',
        '    return HTTPAdapter().send(url)',
      ),
    },
    messages: ['fix: add Requests and use it in client'],
  },
  {
    name: 'distribution named otherwise',
    before: {
      'requirements.txt': lines('flask==3.0.0'),
      'app/config.py': lines('def load(text):', '    return text'),
    },
    after: {
      'requirements.txt': lines('flask==3.0.0', 'PyYAML==6.0.1'),
      'app/config.py': lines(
        'import yaml',
        '',
        'def load(text):',
        '    return yaml.safe_load(text)',
      ),
    },
    messages: ['fix: add PyYAML and use it in config'],
  },
  {
    name: 'crate with a dash',
    before: {
      'Cargo.toml': lines('[package]', 'name = "app"', '', '[dependencies]', 'rand = "0.8"'),
      'src/main.rs': lines('fn main() {', '    println!("hi");', '}'),
    },
    after: {
      'Cargo.toml': lines(
        '[package]',
        'name = "app"',
        '',
        '[dependencies]',
        'rand = "0.8"',
        'serde-json = "1.0"',
      ),
      'src/main.rs': lines('fn main() {', '    println!("{}", serde_json::json!(1));', '}'),
    },
    messages: ['fix: add serde-json and use it in main'],
  },
  {
    name: 'Go module and package',
    before: {
      'go.mod': lines(
        'module example.com/app',
        '',
        'require (',
        '\tgolang.org/x/text v0.14.0',
        ')',
      ),
      'main.go': lines('package main', '', 'import "fmt"', '', 'func main() { fmt.Println(1) }'),
    },
    after: {
      'go.mod': lines(
        'module example.com/app',
        '',
        'require (',
        '\tgithub.com/pkg/errors v0.9.1',
        '\tgolang.org/x/text v0.14.0',
        ')',
      ),
      'main.go': lines(
        'package main',
        '',
        'import errs "github.com/pkg/errors/withstack"',
        '',
        'func main() { errs.Println(1) }',
      ),
    },
    messages: ['fix: add github.com/pkg/errors and use it in main'],
  },
  {
    name: 'relative Python import',
    before: {
      'requirements.txt': lines('flask==3.0.0'),
      'app/client.py': lines('def fetch(url):', '    return url'),
    },
    after: {
      'requirements.txt': lines('flask==3.0.0', 'requests==2.31.0'),
      'app/client.py': lines(
        'from .requests import send',
        '',
        'def fetch(url):',
        '    return send(url)',
      ),
    },
    messages: ['fix: update client'],
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
