import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, test } from 'node:test';
import { createTempRepo, type TempRepo } from '../helpers/repo.js';
import { analyzeChange, batchWith, commitFiles, lines, stageFiles } from './staged-analysis.js';

const manifest = (name: string, dependencies: Record<string, string>) =>
  `${JSON.stringify({ name, version: '0.1.0', dependencies }, null, 2)}\n`;

const lockfile = (...importers: string[]) =>
  lines('lockfileVersion: 9.0', '', 'importers:', ...importers);

describe('workspace lockfile', () => {
  let repo: TempRepo;

  beforeEach(() => {
    repo = createTempRepo();
  });
  afterEach(() => repo.cleanup());

  test('one lockfile binds both manifests', () => {
    const root = (typescript: string) =>
      lines(
        '{',
        '  "name": "acme-monorepo",',
        '  "private": true,',
        '  "scripts": { "build": "pnpm -r build", "test": "vitest run" },',
        `  "devDependencies": { "typescript": "${typescript}", "vitest": "2.1.1" }`,
        '}',
      );
    const ui = (clsx: string) =>
      lines(
        '{',
        '  "name": "@acme/ui",',
        '  "version": "0.1.3",',
        `  "dependencies": { "@acme/utils": "workspace:*", "clsx": "${clsx}" },`,
        '  "peerDependencies": { "react": "^18.3.0" }',
        '}',
      );
    const lock = (typescript: string, clsx: string) =>
      lockfile(
        '  .:',
        '    devDependencies:',
        '      typescript:',
        `        version: ${typescript}`,
        '  packages/ui:',
        '    dependencies:',
        '      clsx:',
        `        version: ${clsx}`,
      );
    const batches = analyzeChange(
      repo,
      {
        'package.json': root('5.6.2'),
        'packages/ui/package.json': ui('2.1.5'),
        'packages/ui/src/button.ts': lines('export const button = 1;'),
        'pnpm-lock.yaml': lock('5.6.2', '2.1.5'),
      },
      {
        'package.json': root('5.6.3'),
        'packages/ui/package.json': ui('2.1.6'),
        'pnpm-lock.yaml': lock('5.6.3', '2.1.6'),
      },
    );

    const lockBatch = batchWith(batches, 'pnpm-lock.yaml');
    assert.equal(batchWith(batches, 'package.json')?.id, lockBatch?.id);
    assert.equal(batchWith(batches, 'packages/ui/package.json')?.id, lockBatch?.id);
  });

  test('dependency before its package is invalid', () => {
    commitFiles(repo, {
      'package.json': manifest('acme', {}),
      'packages/core/package.json': manifest('@acme/core', {}),
      'pnpm-lock.yaml': lockfile('  packages/core: {}'),
    });
    stageFiles(repo, {
      'packages/core/package.json': manifest('@acme/core', { '@acme/logger': 'workspace:*' }),
      'packages/logger/package.json': manifest('@acme/logger', {}),
      'packages/logger/src/index.ts': lines('export const log = () => 1;'),
      'pnpm-lock.yaml': lockfile('  packages/core:', "    '@acme/logger': link:../logger"),
    });
    assert.equal(repo.footprint(['strategy', '--no-llm', '--output', 's.json']).status, 0);
    const strategy = JSON.parse(readFileSync(path.join(repo.dir, 's.json'), 'utf8')) as {
      batches: Array<{ id: string; changes: Array<{ path: string }>; dependsOn: string[] }>;
    };
    const changes = strategy.batches.flatMap((batch) => batch.changes);
    const isCore = (change: { path: string }) => !change.path.startsWith('packages/logger/');
    const [first] = strategy.batches;
    strategy.batches = [
      { ...first!, id: 'b1', changes: changes.filter(isCore), dependsOn: [] },
      { ...first!, id: 'b2', changes: changes.filter((change) => !isCore(change)), dependsOn: [] },
    ];
    writeFileSync(path.join(repo.dir, 's.json'), JSON.stringify(strategy, null, 2));

    const result = repo.footprint(['validate', '--strategy', 's.json', '--json']);
    const { problems } = JSON.parse(result.stdout) as { problems: Array<Record<string, string>> };

    assert.equal(result.status, 1, result.stdout);
    const order = problems.find((problem) => problem.code === 'order');
    assert.match(
      order?.message ?? '',
      /^Batch b1 uses @acme\/logger \(in packages\/core\/package\.json\)/,
    );
  });
});
