import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, test } from 'node:test';
import { createDefaultConfig } from '../../src/config/defaults.js';
import { openFossilStore } from '../../src/fossils/store.js';
import { createTempRepo, projectRoot, type TempRepo } from '../helpers/repo.js';

const WRITERS = 4;
const FOSSILS_EACH = 10;

let repo: TempRepo;

beforeEach(() => {
  repo = createTempRepo();
});

afterEach(() => {
  repo.cleanup();
});

/**
 * Returns the script of a writer process. It waits for the shared start time, then writes its fossils with a clock
 * stopped at one millisecond, so every writer's fossils share their time stamp.
 */
function writerScript(dir: string, startAt: number): string {
  const module = (file: string) => JSON.stringify(path.join(projectRoot, file));
  return [
    `import { openFossilStore } from ${module('src/fossils/store.ts')};`,
    `import { createDefaultConfig } from ${module('src/config/defaults.ts')};`,
    `import { buildAnalysisFossil } from ${module('src/fossils/build-analysis.ts')};`,
    `import { samplePipelineResult } from ${module('test/schemas/samples.ts')};`,
    `const store = openFossilStore(${JSON.stringify(dir)}, createDefaultConfig(), {`,
    "  now: () => new Date('2026-03-01T10:00:00.000Z'),",
    '});',
    `while (Date.now() < ${startAt}) {}`,
    `for (let i = 0; i < ${FOSSILS_EACH}; i++) {`,
    "  await store.write('analysis', buildAnalysisFossil(samplePipelineResult(), 'passed'));",
    '}',
  ].join('\n');
}

function runWriter(script: string): Promise<number | null> {
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      ['--import', 'tsx', '--input-type=module', '-e', script],
      {
        cwd: projectRoot,
        stdio: ['ignore', 'ignore', 'inherit'],
      },
    );
    child.on('error', reject);
    child.on('close', resolve);
  });
}

describe('concurrent fossil writers', () => {
  test('writers in the same millisecond all land', async () => {
    const startAt = Date.now() + 3000;
    const codes = await Promise.all(
      Array.from({ length: WRITERS }, () => runWriter(writerScript(repo.dir, startAt))),
    );
    const files = readdirSync(path.join(repo.dir, 'fossils'));
    const listing = await openFossilStore(repo.dir, createDefaultConfig()).list();

    assert.deepEqual(codes, Array(WRITERS).fill(0));
    assert.equal(files.filter((name) => name.endsWith('.json')).length, WRITERS * FOSSILS_EACH);
    assert.equal(files.filter((name) => name.endsWith('.tmp')).length, 0);
    assert.equal(listing.fossils.length, WRITERS * FOSSILS_EACH);
    assert.deepEqual(listing.warnings, []);
  });
});
