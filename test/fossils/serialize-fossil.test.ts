import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { buildAnalysisFossil } from '../../src/fossils/build-analysis.js';
import { serializeFossil } from '../../src/fossils/serialize-fossil.js';
import { samplePipelineResult } from '../schemas/samples.js';

/** An analysis fossil of `count` added files in batches of 40, as the hook writes it. */
function largeAnalysis(count: number) {
  const result = samplePipelineResult();
  const template = result.footprint.files[0]!;
  result.footprint.files = Array.from({ length: count }, (_, index) => ({
    ...template,
    path: `packages/pkg${index % 40}/src/file-${index}.js`,
    hunks: [{ oldStart: 0, oldLines: 0, newStart: 1, newLines: 2 }],
  }));
  const batchTemplate = result.analysis.batches[0]!;
  result.analysis.batches = Array.from({ length: Math.ceil(count / 40) }, (_, batch) => ({
    ...batchTemplate,
    id: `b${batch + 1}`,
    changes: result.footprint.files
      .slice(batch * 40, batch * 40 + 40)
      .map(({ path }) => ({ path })),
  }));
  return { kind: 'analysis', payload: buildAnalysisFossil(result, 'passed').payload };
}

describe('serializeFossil', () => {
  test('parses back to the same document', () => {
    const fossil = largeAnalysis(50);

    assert.deepEqual(JSON.parse(serializeFossil(fossil)), JSON.parse(JSON.stringify(fossil)));
  });

  test('leaves out what JSON.stringify leaves out', () => {
    const fossil = {
      kind: 'outcome',
      at: new Date(Date.UTC(2026, 0, 1)),
      gone: undefined,
      list: [undefined, 1, { nested: undefined, kept: 'x' }],
      empty: { nothing: undefined },
    };

    assert.equal(
      serializeFossil(fossil),
      '{\n' +
        '  "kind": "outcome",\n' +
        '  "at": "2026-01-01T00:00:00.000Z",\n' +
        '  "list": [\n' +
        '    null,\n' +
        '    1,\n' +
        '    {"kept":"x"}\n' +
        '  ],\n' +
        '  "empty": {}\n' +
        '}\n',
    );
  });

  test('writes each staged file on one line', () => {
    const text = serializeFossil(largeAnalysis(3));
    const fileLines = text.split('\n').filter((line) => line.includes('"status":"modified"'));

    assert.equal(fileLines.length, 3);
    for (const line of fileLines) {
      assert.match(line, /^ +\{"path":"packages\/pkg\d\/src\/file-\d\.js",.*"hunks":\[.*\]\},?$/);
    }
  });

  test('a large change costs about half of full indentation', () => {
    const fossil = largeAnalysis(2000);
    const written = serializeFossil(fossil).length;
    const indented = JSON.stringify(fossil, null, 2).length;
    const compact = JSON.stringify(fossil).length;

    assert.ok(written < indented * 0.6, `${written} bytes against ${indented} indented`);
    assert.ok(written < compact * 1.1, `${written} bytes against ${compact} compact`);
  });

  test('models stay on one line', () => {
    const model = { kind: 'model', payload: { counts: [1, 2] } };
    assert.equal(serializeFossil(model).split('\n').length, 2);
  });
});
