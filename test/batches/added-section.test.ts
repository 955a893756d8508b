import assert from 'node:assert/strict';
import { afterEach, describe, test } from 'node:test';

import { createTempRepo, type TempRepo } from '../helpers/repo.js';
import { analyzeChange, lines } from './staged-analysis.js';

const README = lines(
  '# Shop',
  '',
  '## Usage',
  '',
  '```sh',
  'npm install shop',
  '```',
  '',
  '## License',
  '',
  'MIT',
);

const CONTRIBUTING = ['## Contributing', '', 'Run `npm test` before you open a pull request.', ''];

/** Returns the README with some lines inserted above its License section. */
function withSection(section: readonly string[]): string {
  return README.replace('## License', `${section.join('\n')}\n## License`);
}

let repo: TempRepo | undefined;
afterEach(() => repo?.cleanup());

describe('docs batches that add a section', () => {
  test('new section named as added', () => {
    repo = createTempRepo();
    const batches = analyzeChange(
      repo,
      { 'README.md': README },
      {
        'README.md': withSection(CONTRIBUTING),
      },
    );

    assert.deepEqual(
      batches.map((batch) => batch.message),
      ['docs: add Contributing to README'],
    );
  });

  test('edited section keeps update verb', () => {
    repo = createTempRepo();
    const after = README.replace('npm install shop', 'npm install --save shop');
    const batches = analyzeChange(repo, { 'README.md': README }, { 'README.md': after });

    assert.deepEqual(
      batches.map((batch) => batch.message),
      ['docs: update Usage in README'],
    );
  });

  test('comment in code block ignored', () => {
    repo = createTempRepo();
    const section = ['## Build', '', '```sh', '# compile it', 'npm run build', '```', ''];
    const after = withSection(section);
    const batches = analyzeChange(repo, { 'README.md': README }, { 'README.md': after });

    assert.deepEqual(
      batches.map((batch) => batch.message),
      ['docs: add Build to README'],
    );
  });
});
