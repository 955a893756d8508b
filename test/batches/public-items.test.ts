import assert from 'node:assert/strict';
import { test } from 'node:test';
import { createTempRepo } from '../helpers/repo.js';
import { analyzeStaged, commitFiles, lines, stageFiles } from './staged-analysis.js';

/** A new public item added to an existing file, in three languages without `export`. */
const CASES = [
  {
    language: 'Rust',
    path: 'src/lib.rs',
    before: lines(
      'pub fn words(text: &str) -> usize {',
      '    text.split_whitespace().count()',
      '}',
    ),
    added: lines('', 'pub fn count_lines(text: &str) -> usize {', '    text.lines().count()', '}'),
  },
  {
    language: 'Python',
    path: 'app/service.py',
    before: lines('def greet(name):', '    return f"Hello, {name}"'),
    added: lines('', '', 'def farewell(name):', '    return f"Bye, {name}"'),
  },
  {
    language: 'Go',
    path: 'kv.go',
    before: lines(
      'package kv',
      '',
      'type Store struct{ items map[string]string }',
      '',
      'func (s *Store) Get(key string) string { return s.items[key] }',
    ),
    added: lines('', 'func (s *Store) Len() int { return len(s.items) }'),
  },
];

for (const { language, path, before, added } of CASES) {
  test(`new public ${language} item is a feat`, () => {
    const repo = createTempRepo();
    try {
      commitFiles(repo, { [path]: before });
      stageFiles(repo, { [path]: before + added });

      const [batch, ...rest] = analyzeStaged(repo);

      assert.equal(rest.length, 0);
      assert.equal(batch?.type, 'feat');
      assert.match(
        batch?.rationale ?? '',
        /^the whole change is one edit; feat because it adds exports/,
      );
    } finally {
      repo.cleanup();
    }
  });
}

test('private Python helper is no export', () => {
  const repo = createTempRepo();
  try {
    const before = lines('def greet(name):', '    return f"Hello, {name}"');
    commitFiles(repo, { 'app/service.py': before });
    stageFiles(repo, {
      'app/service.py': before + lines('', '', 'def _normalize(name):', '    return name.strip()'),
    });

    const [batch] = analyzeStaged(repo);

    assert.equal(batch?.type, 'fix');
  } finally {
    repo.cleanup();
  }
});

test('renamed export is no new export', () => {
  const repo = createTempRepo();
  try {
    commitFiles(repo, {
      'src/users.ts': lines(
        'export function getUser(id: number) {',
        '  return { id, admin: id === 0 };',
        '}',
      ),
    });
    stageFiles(repo, {
      'src/users.ts': lines(
        'export function fetchUser(id: number) {',
        '  return { id, admin: id === 1 };',
        '}',
      ),
    });

    const [batch] = analyzeStaged(repo);

    assert.notEqual(batch?.type, 'feat');
    assert.doesNotMatch(batch?.message ?? '', /add fetchUser/);
  } finally {
    repo.cleanup();
  }
});

test('new export beside changed signature', () => {
  const repo = createTempRepo();
  try {
    const sub = ['', 'export function sub(a, b) {', '  return a - b;', '}'];
    commitFiles(repo, {
      'src/math.js': lines('export function add(a, b) {', '  return a + b;', '}', ...sub),
    });
    stageFiles(repo, {
      'src/math.js': lines(
        'export function add(a, b, c = 0) {',
        '  return a + b + c;',
        '}',
        ...sub,
        'export function mul(a, b) {',
        '  return a * b;',
        '}',
      ),
    });

    const [batch] = analyzeStaged(repo);

    assert.equal(batch?.message, 'feat: add mul to math');
  } finally {
    repo.cleanup();
  }
});

test('moved export is no new export', () => {
  const repo = createTempRepo();
  try {
    const slugify = [
      'export function slugify(text: string): string {',
      "  return text.toLowerCase().replace(/\\s+/g, '-');",
      '}',
    ];
    commitFiles(repo, {
      'src/strings.ts': lines(
        'export const upper = (text: string) => text.toUpperCase();',
        ...slugify,
      ),
      'src/url.ts': lines('export const base = "https://example.com";'),
    });
    stageFiles(repo, {
      'src/strings.ts': lines('export const upper = (text: string) => text.toUpperCase();'),
      'src/url.ts': lines('export const base = "https://example.com";', ...slugify),
    });

    const batches = analyzeStaged(repo);

    assert.equal(batches.length, 1);
    assert.equal(batches[0]?.type, 'refactor');
  } finally {
    repo.cleanup();
  }
});

test('role-named files take their folder name', () => {
  const repo = createTempRepo();
  try {
    commitFiles(repo, { 'README.md': '# infra\n' });
    stageFiles(repo, {
      'modules/queue/main.tf': lines('resource "aws_sqs_queue" "jobs" {', '  name = "jobs"', '}'),
      'shop/migrations/0002_product_stock.py': lines('operations = []'),
    });

    const batches = analyzeStaged(repo, 'aggressive');
    const messages = batches.map((batch) => batch.message).join('\n');

    assert.match(messages, /add queue/);
    assert.doesNotMatch(messages, /add main/);
    assert.match(messages, /product_stock/);
    assert.doesNotMatch(messages, /0002_/);
  } finally {
    repo.cleanup();
  }
});

test('crate-private and main-package items are no exports', () => {
  const repo = createTempRepo();
  try {
    commitFiles(repo, {
      'rs/src/lib.rs': lines('fn a() -> u8 {', '    1', '}'),
      'gocmd/main.go': lines(
        'package main',
        '',
        'func main() {',
        '\trun()',
        '}',
        '',
        'func run() {}',
      ),
    });
    stageFiles(repo, {
      'rs/src/lib.rs': lines(
        'fn a() -> u8 {',
        '    b()',
        '}',
        '',
        'pub(crate) fn b() -> u8 {',
        '    1',
        '}',
      ),
      'gocmd/main.go': lines(
        'package main',
        '',
        'func main() {',
        '\tRun()',
        '}',
        '',
        'func Run() {}',
      ),
    });

    const batches = analyzeStaged(repo, 'aggressive');

    for (const batch of batches) assert.notEqual(batch.type, 'feat', batch.message);
  } finally {
    repo.cleanup();
  }
});

test('renamed file with its references is a refactor', () => {
  const repo = createTempRepo();
  try {
    commitFiles(repo, {
      'src/util.js': lines('export const u = 1;', 'export const w = 2;'),
      'src/a.js': lines('import { u } from "./util.js";', 'export const v = u;'),
    });
    repo.git(['mv', 'src/util.js', 'src/helpers.js']);
    stageFiles(repo, {
      'src/a.js': lines('import { u } from "./helpers.js";', 'export const v = u;'),
    });

    const [batch, ...rest] = analyzeStaged(repo);

    assert.equal(rest.length, 0);
    assert.equal(batch?.message, 'refactor: rename util to helpers');
  } finally {
    repo.cleanup();
  }
});

test('a rename beside a behaviour change is no refactor', () => {
  const repo = createTempRepo();
  try {
    commitFiles(repo, {
      'src/v1.js': lines('export const get = (path) => path;'),
      'src/client.js': lines("import { get } from './v1.js';", "export const API = '/api/v1';"),
    });
    repo.git(['mv', 'src/v1.js', 'src/v2.js']);
    stageFiles(repo, {
      'src/client.js': lines("import { get } from './v2.js';", "export const API = '/api/v2';"),
    });

    const batches = analyzeStaged(repo);

    for (const batch of batches) assert.notEqual(batch.type, 'refactor', batch.message);
  } finally {
    repo.cleanup();
  }
});

/** An index module whose export lists gain a name, in the forms a package entry point uses. */
const LISTED_CASES = [
  {
    form: 'one-line re-export',
    before: lines("export { parse } from './parse';"),
    after: lines("export { parse } from './parse';", "export type { Options } from './options';"),
    subject: 'export Options from index',
  },
  {
    form: 'list over several lines',
    before: lines('export {', '  parse,', '  format,', "} from './text';"),
    after: lines('export {', '  parse,', '  format,', '  tokenize as lex,', "} from './text';"),
    subject: 'add lex to index',
  },
  {
    form: 'namespace re-export',
    before: lines("export { parse } from './parse';"),
    after: lines("export { parse } from './parse';", "export * as nodes from './nodes';"),
    subject: 'export nodes from index',
  },
];

for (const { form, before, after, subject } of LISTED_CASES) {
  test(`new name in ${form} is a feat`, () => {
    const repo = createTempRepo();
    try {
      commitFiles(repo, { 'lib/index.ts': before });
      stageFiles(repo, { 'lib/index.ts': after });

      const [batch, ...rest] = analyzeStaged(repo);

      assert.equal(rest.length, 0);
      assert.equal(batch?.type, 'feat');
      assert.equal(batch?.message, `feat: ${subject}`);
    } finally {
      repo.cleanup();
    }
  });
}

/** Edits of lists that make no new name public. */
const UNLISTED_CASES = [
  {
    form: 'names reordered',
    before: lines('export {', '  parse,', '  format,', "} from './text';"),
    after: lines('export {', '  format,', '  parse,', "} from './text';"),
  },
  {
    form: 'module path changed',
    before: lines("export { parse } from './parse';"),
    after: lines("export { parse } from './parse/index';"),
  },
  {
    form: 'import list grown',
    before: lines('import {', '  parse,', "} from './text';", 'export const run = parse;'),
    after: lines(
      'import {',
      '  parse,',
      '  format,',
      "} from './text';",
      'export const run = parse;',
    ),
  },
  {
    form: 'destructuring grown',
    before: lines('const {', '  parse,', '} = api;', 'export default parse;'),
    after: lines('const {', '  parse,', '  format,', '} = api;', 'export default parse;'),
  },
];

for (const { form, before, after } of UNLISTED_CASES) {
  test(`${form} adds no export`, () => {
    const repo = createTempRepo();
    try {
      commitFiles(repo, { 'lib/index.ts': before });
      stageFiles(repo, { 'lib/index.ts': after });

      const [batch] = analyzeStaged(repo);

      assert.notEqual(batch?.type, 'feat');
    } finally {
      repo.cleanup();
    }
  });
}
