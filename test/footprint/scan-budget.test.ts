import assert from 'node:assert/strict';
import { test } from 'node:test';
import { buildFootprint } from '../../src/footprint/build.js';
import { createCliTestReader } from '../helpers/cli-git-reader.js';
import { createTempRepo } from '../helpers/repo.js';

/** Returns a text of `count` lines, each `name` and its 1-based number. */
function rows(name: string, count: number): string {
  return Array.from({ length: count }, (_, index) => `${name} ${index + 1}\n`).join('');
}

test('too-large blobs share one scan budget', async () => {
  const repo = createTempRepo();
  try {
    repo.write('README.md', '# demo\n');
    repo.git(['add', '-A']);
    repo.git(['commit', '-q', '-m', 'start'], { env: { FOOTPRINT: '0' } });
    for (const name of ['a', 'b', 'c']) repo.write(`data/${name}.txt`, rows(name, 200));
    repo.write('data/d.bin', Buffer.concat([Buffer.from([0, 1, 2]), Buffer.alloc(2000, 7)]));
    repo.git(['add', '-A']);

    const reader = await createCliTestReader(repo.dir);
    const change = await reader.readStagedChange();
    const { footprint, content } = await buildFootprint(reader, change, {
      maxDiffBytes: 100,
      scanBudgetBytes: 1500,
    });

    // Each file is 1,092 bytes, so the budget takes the first one only, in path order.
    assert.equal(content.get('data/a.txt')?.opaqueLines?.length, 200);
    assert.equal(content.get('data/a.txt')?.unscanned, undefined);
    assert.equal(content.get('data/b.txt')?.opaqueLines, undefined);
    assert.equal(content.get('data/b.txt')?.unscanned, 'change-size');
    assert.equal(content.get('data/c.txt')?.unscanned, 'change-size');
    assert.equal(content.get('data/d.bin')?.unscanned, 'change-size');
    assert.equal(footprint.files.find((file) => file.path === 'data/d.bin')?.binary, true);
    assert.equal(footprint.files.find((file) => file.path === 'data/c.txt')?.binary, false);
  } finally {
    repo.cleanup();
  }
});
