import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, test } from 'node:test';

import type { Batch } from '../../src/batches/types.js';
import { createTempRepo, type TempRepo } from '../helpers/repo.js';

const manifest = (dependencies: Record<string, string>) =>
  `${JSON.stringify({ name: 'demo', version: '1.0.0', dependencies }, null, 2)}\n`;

/** Stages a package.json that adds left-pad and a module that starts to import it. */
function stageDependencyAndImport(repo: TempRepo): void {
  repo.write('package.json', manifest({ kleur: '^4.0.0' }));
  repo.write('src/a.js', "export function greet(name) {\n  return 'hi ' + name;\n}\n");
  repo.git(['add', '-A']);
  repo.git(['commit', '-q', '-m', 'base']);
  repo.write('package.json', manifest({ kleur: '^4.0.0', 'left-pad': '^1.3.0' }));
  repo.write(
    'src/a.js',
    "import leftPad from 'left-pad';\n\nexport function greet(name) {\n  return leftPad('hi ' + name, 10);\n}\n",
  );
  repo.git(['add', '-A']);
}

describe('a dependency and its first import', () => {
  test('the import goes after the dependency', () => {
    const repo = createTempRepo();
    try {
      stageDependencyAndImport(repo);

      const result = repo.footprint(['analyze', '--json', '--mode', 'aggressive']);
      const { batches } = JSON.parse(result.stdout) as { batches: Batch[] };
      const paths = batches.map((batch) => batch.changes.map((change) => change.path).join(','));

      assert.deepEqual(paths, ['package.json', 'src/a.js']);
      assert.deepEqual(batches[1]?.dependsOn, ['b1']);
    } finally {
      repo.cleanup();
    }
  });

  test('validate rejects the import first', () => {
    const repo = createTempRepo();
    try {
      stageDependencyAndImport(repo);
      const file = path.join(repo.dir, 'strategy.json');
      assert.equal(repo.footprint(['strategy', '--output', file]).status, 0);
      const strategy = JSON.parse(readFileSync(file, 'utf8')) as { batches: Batch[] };
      strategy.batches.reverse();
      for (const batch of strategy.batches) batch.dependsOn = [];
      writeFileSync(file, JSON.stringify(strategy));

      const result = repo.footprint(['validate', '--strategy', file]);

      assert.equal(result.status, 1);
      assert.match(
        result.stdout,
        /Batch b2 uses left-pad \(in src\/a\.js\), which batch b1 adds in package\.json\./,
      );
    } finally {
      repo.cleanup();
    }
  });
});

describe('an import and a use in one file', () => {
  test('validate rejects the use before its import', () => {
    const repo = createTempRepo();
    try {
      const body = (lines: string[]) => `${lines.join('\n')}\n`;
      repo.write(
        'src/math.ts',
        body([
          'export const add = (a: number, b: number) => a + b;',
          'export const sub = (a: number, b: number) => a - b;',
        ]),
      );
      const filler = Array.from({ length: 12 }, (_, index) => `export const c${index} = ${index};`);
      repo.write(
        'src/index.ts',
        body(["import { add } from './math.js';", ...filler, 'export const total = add(1, 2);']),
      );
      repo.git(['add', '-A']);
      repo.git(['commit', '-q', '-m', 'base']);
      repo.write(
        'src/index.ts',
        body([
          "import { add, sub } from './math.js';",
          ...filler,
          'export const total = sub(add(1, 2), 1);',
        ]),
      );
      repo.git(['add', '-A']);

      const file = path.join(repo.dir, 'strategy.json');
      assert.equal(
        repo.footprint(['strategy', '--output', file, '--mode', 'aggressive']).status,
        0,
      );
      const strategy = JSON.parse(readFileSync(file, 'utf8')) as { batches: Batch[] };
      const base = strategy.batches[0] as Batch;
      // The import is line 1; the use is line 14, after 12 unchanged lines.
      const importHunk = { oldStart: 1, oldLines: 1, newStart: 1, newLines: 1 };
      const useHunk = { oldStart: 14, oldLines: 1, newStart: 14, newLines: 1 };
      strategy.batches = [
        { ...base, id: 'b1', changes: [{ path: 'src/index.ts', hunks: [useHunk] }], dependsOn: [] },
        {
          ...base,
          id: 'b2',
          message: 'feat: import sub',
          changes: [{ path: 'src/index.ts', hunks: [importHunk] }],
          dependsOn: [],
        },
      ];
      writeFileSync(file, JSON.stringify(strategy));

      const result = repo.footprint(['validate', '--strategy', file]);

      assert.equal(result.status, 1, result.stdout + result.stderr);
      assert.match(
        result.stdout,
        /Batch b1 uses sub \(in src\/index\.ts\), which batch b2 adds in src\/index\.ts\./,
      );
    } finally {
      repo.cleanup();
    }
  });
});

describe('imports of short names and changed sources', () => {
  /** Stages a file whose first hunk changes an import and whose far second hunk uses a name. */
  function stageImportAndUse(repo: TempRepo, before: string, after: string, use: string): string {
    const filler = Array.from({ length: 12 }, (_, index) => `export const c${index} = ${index};`);
    const body = (lines: string[]) => `${lines.join('\n')}\n`;
    repo.write('src/m.js', body([before, ...filler, 'export const last = 1;']));
    repo.git(['add', '-A']);
    repo.git(['commit', '-q', '-m', 'base']);
    repo.write('src/m.js', body([after, ...filler, `export const last = ${use};`]));
    repo.git(['add', '-A']);

    const file = path.join(repo.dir, 'strategy.json');
    assert.equal(repo.footprint(['strategy', '--output', file]).status, 0);
    const strategy = JSON.parse(readFileSync(file, 'utf8')) as { batches: Batch[] };
    const base = strategy.batches[0] as Batch;
    const importHunk = { oldStart: 1, oldLines: 1, newStart: 1, newLines: 1 };
    const useHunk = { oldStart: 14, oldLines: 1, newStart: 14, newLines: 1 };
    strategy.batches = [
      { ...base, id: 'b1', changes: [{ path: 'src/m.js', hunks: [useHunk] }], dependsOn: [] },
      {
        ...base,
        id: 'b2',
        message: 'build: change an import',
        changes: [{ path: 'src/m.js', hunks: [importHunk] }],
        dependsOn: [],
      },
    ];
    writeFileSync(file, JSON.stringify(strategy));
    return file;
  }

  test('a short name needs its import', () => {
    const repo = createTempRepo();
    try {
      const file = stageImportAndUse(
        repo,
        '// no import',
        "import { z } from 'zod';",
        'z.string()',
      );

      const result = repo.footprint(['validate', '--strategy', file]);

      assert.equal(result.status, 1, result.stdout + result.stderr);
      assert.match(result.stdout, /Batch b1 uses z \(in src\/m\.js\)/);
    } finally {
      repo.cleanup();
    }
  });

  test('a name bound before needs no new import', () => {
    const repo = createTempRepo();
    try {
      const file = stageImportAndUse(
        repo,
        "import { formatValue } from 'format-lib';",
        "import { formatValue } from 'format-lib-v2';",
        'formatValue(2)',
      );

      const result = repo.footprint(['validate', '--strategy', file]);

      assert.equal(result.status, 0, result.stdout + result.stderr);
    } finally {
      repo.cleanup();
    }
  });
});

describe('a rename and its importer', () => {
  /** Stages a rename of src/util.ts to src/helpers.ts and main.ts moving its import along. */
  function stageRenameAndImporter(repo: TempRepo): string {
    const util = 'export function add(a: number, b: number): number {\n  return a + b;\n}\n';
    const main = (from: string) => `import { add } from './${from}';\n\nconsole.log(add(1, 2));\n`;
    repo.write('src/util.ts', util);
    repo.write('src/main.ts', main('util'));
    repo.git(['add', '-A']);
    repo.git(['commit', '-q', '-m', 'base']);
    repo.git(['mv', 'src/util.ts', 'src/helpers.ts']);
    repo.write('src/main.ts', main('helpers'));
    repo.git(['add', '-A']);

    const file = path.join(repo.dir, 'strategy.json');
    assert.equal(repo.footprint(['strategy', '--output', file]).status, 0);
    const strategy = JSON.parse(readFileSync(file, 'utf8')) as { batches: Batch[] };
    const base = strategy.batches[0] as Batch;
    strategy.batches = [
      { ...base, id: 'move', changes: [{ path: 'src/helpers.ts' }], dependsOn: [] },
      { ...base, id: 'use', changes: [{ path: 'src/main.ts' }], dependsOn: [] },
    ];
    writeFileSync(file, JSON.stringify(strategy));
    return file;
  }

  test('rename names its old path', () => {
    const repo = createTempRepo();
    try {
      const file = stageRenameAndImporter(repo);

      const result = repo.footprint(['validate', '--strategy', file]);

      assert.equal(result.status, 1, result.stdout + result.stderr);
      assert.match(
        result.stdout,
        /Batch move renames src\/util\.ts to src\/helpers\.ts, but batch use still imports src\/util\.ts until it changes src\/main\.ts\./,
      );
    } finally {
      repo.cleanup();
    }
  });

  test('mutual need is one cycle', () => {
    const repo = createTempRepo();
    try {
      const file = stageRenameAndImporter(repo);

      const result = repo.footprint(['validate', '--strategy', file]);

      assert.equal(result.status, 1, result.stdout + result.stderr);
      assert.equal(
        result.stdout.split('\n')[1],
        '  order-cycle  move  The dependencies of batches move and use form a cycle ' +
          '(move → use → move, each depending on the next), so no order of these batches ' +
          'satisfies them. Batch move renames src/util.ts to src/helpers.ts, but batch use ' +
          'still imports src/util.ts until it changes src/main.ts. Batch use imports ' +
          'src/helpers.ts (in src/main.ts), which batch move adds. To break the cycle, do one ' +
          'of these: move that change of src/main.ts into move, move src/helpers.ts into use, ' +
          'or merge move and use into one batch.',
      );
      assert.match(result.stdout, /is invalid: 1 problem\./);
    } finally {
      repo.cleanup();
    }
  });
});

describe('a removed export and its importer', () => {
  test('validate rejects the removal first', () => {
    const repo = createTempRepo();
    try {
      const util = (more: string) =>
        `export function add(a: number, b: number): number {\n  return a + b;\n}\n${more}`;
      const main = (names: string, call: string) =>
        `import { ${names} } from './util';\n\nconsole.log(${call});\n`;
      repo.write('src/util.ts', util('\nexport function old(): number {\n  return 1;\n}\n'));
      repo.write('src/main.ts', main('add, old', 'add(1, 2), old()'));
      repo.git(['add', '-A']);
      repo.git(['commit', '-q', '-m', 'base']);
      repo.write('src/util.ts', util(''));
      repo.write('src/main.ts', main('add', 'add(1, 2)'));
      repo.git(['add', '-A']);

      const file = path.join(repo.dir, 'strategy.json');
      assert.equal(repo.footprint(['strategy', '--output', file]).status, 0);
      const strategy = JSON.parse(readFileSync(file, 'utf8')) as { batches: Batch[] };
      const base = strategy.batches[0] as Batch;
      strategy.batches = [
        { ...base, id: 'drop', changes: [{ path: 'src/util.ts' }], dependsOn: [] },
        { ...base, id: 'stop', changes: [{ path: 'src/main.ts' }], dependsOn: [] },
      ];
      writeFileSync(file, JSON.stringify(strategy));

      const result = repo.footprint(['validate', '--strategy', file]);

      assert.equal(result.status, 1, result.stdout + result.stderr);
      assert.match(
        result.stdout,
        /Batch drop removes old \(in src\/util\.ts\), which batch stop still uses until it changes src\/main\.ts\./,
      );
    } finally {
      repo.cleanup();
    }
  });
});
