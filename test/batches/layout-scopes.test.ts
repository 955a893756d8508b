import assert from 'node:assert/strict';
import { afterEach, beforeEach, describe, test } from 'node:test';
import { createTempRepo, type TempRepo } from '../helpers/repo.js';
import { analyzeChange, batchWith, lines, pathsOf } from './staged-analysis.js';

const reserve = (comparison: string) =>
  lines(
    'def reserve(stock, name, count):',
    `    if stock.get(name, 0) ${comparison} count:`,
    '        stock[name] -= count',
    '        return True',
    '    return False',
  );

const reserveTest = (...extra: string[]) =>
  lines(
    'from shop.inventory import reserve',
    '',
    '',
    'def test_reserve_some():',
    '    assert reserve({"apple": 5}, "apple", 2)',
    ...extra,
  );

const handler = (...calls: string[]) =>
  lines(
    'package api',
    '',
    'import (',
    '\t"net/http"',
    ...calls.filter((call) => call.startsWith('\t"')),
    ')',
    '',
    'func Serve(w http.ResponseWriter, r *http.Request) {',
    ...calls.filter((call) => !call.startsWith('\t"')),
    '\tw.WriteHeader(http.StatusOK)',
    '}',
  );

describe('scopes of common layouts', () => {
  let repo: TempRepo;

  beforeEach(() => {
    repo = createTempRepo();
  });
  afterEach(() => repo.cleanup());

  test('root tests keep package scope', () => {
    const batches = analyzeChange(
      repo,
      { 'src/shop/inventory.py': reserve('>'), 'tests/test_inventory.py': reserveTest() },
      {
        'src/shop/inventory.py': reserve('>='),
        'tests/test_inventory.py': reserveTest(
          '',
          '',
          'def test_reserve_all():',
          '    assert reserve({"apple": 2}, "apple", 2)',
        ),
      },
    );
    const batch = batchWith(batches, 'src/shop/inventory.py');

    assert.deepEqual(pathsOf(batch), ['src/shop/inventory.py', 'tests/test_inventory.py']);
    assert.equal(batch?.scope, 'shop');
  });

  test('Go internal folder is no scope', () => {
    const batches = analyzeChange(
      repo,
      {
        'go.mod': lines('module example.com/kv', '', 'go 1.21'),
        'internal/api/handler.go': handler(),
      },
      {
        'internal/api/handler.go': handler(
          '\t"example.com/kv/internal/metrics"',
          '\tmetrics.CountRequest()',
        ),
        'internal/metrics/metrics.go': lines(
          'package metrics',
          '',
          'var requests int',
          '',
          'func CountRequest() {',
          '\trequests++',
          '}',
        ),
      },
    );
    const batch = batchWith(batches, 'internal/metrics/metrics.go');

    assert.deepEqual(pathsOf(batch), ['internal/api/handler.go', 'internal/metrics/metrics.go']);
    assert.equal(batch?.scope, null);
  });

  test('docs app is a package', () => {
    const page = (text: string) =>
      lines('export default function Page() {', `  return <main>${text}</main>;`, '}');
    const batches = analyzeChange(
      repo,
      { 'package.json': lines('{ "name": "turbo" }'), 'apps/docs/page.tsx': page('Hi') },
      { 'apps/docs/page.tsx': page('Hello') },
    );
    const batch = batchWith(batches, 'apps/docs/page.tsx');

    assert.notEqual(batch?.type, 'docs');
    assert.equal(batch?.scope, 'docs');
  });

  test('root lockfile keeps package scope', () => {
    const manifest = (dependency: string) =>
      lines('{', '  "name": "@mono/cli",', `  "dependencies": { ${dependency} }`, '}');
    const lockfile = (name: string, version: string) =>
      lines(
        '{',
        '  "lockfileVersion": 3,',
        '  "packages": {',
        `    "node_modules/${name}": { "version": "${version}" }`,
        '  }',
        '}',
      );
    const main = (name: string, local: string) =>
      lines(
        `import ${local} from '${name}';`,
        '',
        'export function main() {',
        `  console.log(${local}.green('ok'));`,
        '}',
      );
    const batches = analyzeChange(
      repo,
      {
        'package.json': lines('{', '  "private": true,', '  "workspaces": ["packages/*"]', '}'),
        'package-lock.json': lockfile('kleur', '4.1.0'),
        'packages/cli/package.json': manifest('"kleur": "4.1.0"'),
        'packages/cli/src/main.ts': main('kleur', 'kleur'),
      },
      {
        'package-lock.json': lockfile('picocolors', '1.1.0'),
        'packages/cli/package.json': manifest('"picocolors": "1.1.0"'),
        'packages/cli/src/main.ts': main('picocolors', 'pc'),
      },
    );
    const batch = batchWith(batches, 'packages/cli/src/main.ts');

    assert.deepEqual(pathsOf(batch), [
      'package-lock.json',
      'packages/cli/package.json',
      'packages/cli/src/main.ts',
    ]);
    assert.equal(batch?.scope, 'cli');
  });
});
