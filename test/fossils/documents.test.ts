import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { unpackCounts } from '../../src/learn/counts-blob.js';
import {
  validateDocument,
  validateFossil,
  type DocumentType,
} from '../../src/schemas-runtime/validators.js';
import {
  sampleFossilsListDocument,
  sampleFossilsPruneDocument,
  sampleFossilsStatsDocument,
  sampleLearnDocument,
  sampleModelCounts,
  sampleModelFossil,
  sampleOutcomeFossil,
} from './samples.js';

/* eslint-disable @typescript-eslint/no-explicit-any -- tests break samples at arbitrary depths */

const SAMPLES: Array<[DocumentType, () => unknown]> = [
  ['fossil-model', sampleModelFossil],
  ['fossil-outcome', sampleOutcomeFossil],
  ['model-counts', sampleModelCounts],
  ['learn', sampleLearnDocument],
  ['fossils-list', sampleFossilsListDocument],
  ['fossils-prune', sampleFossilsPruneDocument],
  ['fossils-stats', sampleFossilsStatsDocument],
];

describe('learning and fossil record documents', () => {
  for (const [type, sample] of SAMPLES) {
    test(`${type} sample is valid`, () => {
      assert.deepEqual(validateDocument(type, sample()), []);
    });
  }

  test('model and outcome pass validateFossil', () => {
    assert.deepEqual(validateFossil('model', sampleModelFossil()), []);
    assert.deepEqual(validateFossil('outcome', sampleOutcomeFossil()), []);
  });

  test('packed counts unpack to the sample', () => {
    const fossil = sampleModelFossil() as any;

    assert.deepEqual(unpackCounts(fossil.payload.counts), sampleModelCounts());
  });
});

describe('broken learning documents', () => {
  test('outcome with an unknown result', () => {
    const fossil = sampleOutcomeFossil() as any;
    fossil.payload.result = 'mostly';

    assert.deepEqual(validateFossil('outcome', fossil), [
      '/payload/result: must be one of followed, partial, ignored',
    ]);
  });

  test('model with a negative count', () => {
    const fossil = sampleModelFossil() as any;
    fossil.payload.digest.pairs = [0, 1, -2];

    assert.deepEqual(validateFossil('model', fossil), ['/payload/digest/pairs/2: must be >= 0']);
  });

  test('model with counts that are not text', () => {
    const fossil = sampleModelFossil() as any;
    fossil.payload.counts = 42;

    assert.deepEqual(validateFossil('model', fossil), ['/payload/counts: must be string']);
  });

  test('model with an author', () => {
    const fossil = sampleModelFossil() as any;
    fossil.payload.authors = ['dev@example.com'];

    assert.deepEqual(validateFossil('model', fossil), ['/payload: unknown key "authors"']);
  });

  test('stats share above one', () => {
    const stats = sampleFossilsStatsDocument() as any;
    stats.hook.blockedShare = 1.5;

    assert.deepEqual(validateDocument('fossils-stats', stats), [
      '/hook/blockedShare: must be <= 1',
    ]);
  });
});
