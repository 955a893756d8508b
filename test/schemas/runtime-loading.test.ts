import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, test } from 'node:test';
import { build } from 'esbuild';
import { projectRoot } from '../helpers/repo.js';

const validatorsModule = path.join(projectRoot, 'src', 'schemas-runtime', 'validators.ts');
const samplesModule = path.join(projectRoot, 'test', 'schemas', 'samples.ts');

/** Imports the validators in a fresh node and returns the CommonJS modules it loaded. */
function loadedModulesAfterImport(): string[] {
  const script = [
    `await import(${JSON.stringify(validatorsModule)});`,
    "const { createRequire } = await import('node:module');",
    'const require = createRequire(import.meta.url);',
    'process.stdout.write(JSON.stringify(Object.keys(require.cache)));',
  ].join('\n');
  const result = spawnSync(
    process.execPath,
    ['--import', 'tsx', '--input-type=module', '-e', script],
    {
      cwd: projectRoot,
      encoding: 'utf8',
    },
  );
  assert.equal(result.status, 0, result.stderr);
  return JSON.parse(result.stdout) as string[];
}

describe('validator loading', () => {
  test('import loads no ajv compiler', () => {
    const modules = loadedModulesAfterImport().map((file) => file.split(path.sep).join('/'));
    const ajvModules = modules.filter((file) => file.includes('/node_modules/ajv/'));

    assert.ok(
      ajvModules.some((file) => file.includes('/ajv/dist/runtime/')),
      'the check must see the runtime helpers load, or it proves nothing',
    );
    assert.deepEqual(
      ajvModules.filter((file) => !file.includes('/ajv/dist/runtime/')),
      [],
      'only ajv/dist/runtime/* may load',
    );
  });

  test('esbuild bundle validates', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'footprint-bundle-'));
    try {
      const entry = path.join(dir, 'entry.ts');
      writeFileSync(
        entry,
        [
          `import { validateStrategyDocument } from ${JSON.stringify(validatorsModule)};`,
          `import { sampleStrategy } from ${JSON.stringify(samplesModule)};`,
          'const strategy = sampleStrategy();',
          // An empty message runs the ucs2length helper and a repeated id the equal helper.
          "strategy.batches[0].message = '';",
          "strategy.batches[1].dependsOn = ['b1', 'b1'];",
          'process.stdout.write(JSON.stringify(validateStrategyDocument(strategy)));',
        ].join('\n'),
      );
      await build({
        entryPoints: [entry],
        outfile: path.join(dir, 'bundle.mjs'),
        bundle: true,
        format: 'esm',
        platform: 'node',
        target: 'node20',
        logLevel: 'silent',
      });

      const result = spawnSync(process.execPath, [path.join(dir, 'bundle.mjs')], {
        encoding: 'utf8',
      });
      assert.equal(result.status, 0, result.stderr);
      const errors = JSON.parse(result.stdout) as string[];
      assert.ok(
        errors.includes('/batches/0/message: must NOT have fewer than 1 characters'),
        result.stdout,
      );
      assert.ok(
        errors.includes(
          '/batches/1/dependsOn: must NOT have duplicate items (items ## 0 and 1 are identical)',
        ),
        result.stdout,
      );
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
