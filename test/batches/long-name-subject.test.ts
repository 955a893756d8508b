import assert from 'node:assert/strict';
import { afterEach, describe, test } from 'node:test';
import { MAX_HEADER_LENGTH } from '../../src/batches/message.js';
import { createTempRepo, type TempRepo } from '../helpers/repo.js';
import { analyzeChange, lines } from './staged-analysis.js';

let repo: TempRepo | undefined;
afterEach(() => repo?.cleanup());

const RECONCILE = 'reconcile-outstanding-invoices-against-ledger-entries';
const IMPORT = `import { reconcile } from './${RECONCILE}.js';`;

describe('subject with a long name', () => {
  test('new module name cut at a word', () => {
    repo = createTempRepo();
    const batches = analyzeChange(
      repo,
      {
        'src/billing/total.js': lines('export function total(items) {', '  return 0;', '}'),
        'src/billing/tax.js': lines('export function tax(items) {', '  return 0;', '}'),
      },
      {
        [`src/billing/${RECONCILE}.js`]: lines(
          'export function reconcile(a) {',
          '  return a;',
          '}',
        ),
        'src/billing/total.js': lines(
          IMPORT,
          'export function total(items) {',
          '  return reconcile(items).length;',
          '}',
        ),
        'src/billing/tax.js': lines(
          IMPORT,
          'export function tax(items) {',
          '  return reconcile(items).length * 2;',
          '}',
        ),
      },
    );

    assert.equal(batches.length, 1);
    assert.equal(
      batches[0]?.message,
      'feat(billing): add reconcile-outstanding... and update tax and total',
    );
  });

  test('workflow name loses its extension', () => {
    const name = 'publish-release-artifacts-to-the-package-registry-every-night';
    repo = createTempRepo();
    const batches = analyzeChange(
      repo,
      { [`.github/workflows/${name}.yml`]: lines('on: push') },
      { [`.github/workflows/${name}.yml`]: lines('on: [push]') },
    );
    const message = batches[0]?.message ?? '';

    assert.equal(message, `ci: update ${name}`);
    assert.ok(message.length <= MAX_HEADER_LENGTH, message);
  });
});
