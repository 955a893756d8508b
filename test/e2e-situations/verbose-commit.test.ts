import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  assertPassed,
  assertSameCommit,
  commit,
  commitBase,
  createTwins,
  EDITOR_TAKING_THE_SUGGESTION,
  messageOf,
} from './situation.js';

test('commit -v with -m matches git', () => {
  const twins = createTwins();
  try {
    const results = twins.both((repo) => {
      commitBase(repo);
      repo.write('src/tax.js', 'export const rate = 0.2;\n');
      repo.git(['add', 'src/tax.js']);
      return commit(repo, ['-v', '-m', 'feat: tax rate']);
    });

    assertPassed(results.hooked);
    assertSameCommit(twins);
  } finally {
    twins.cleanup();
  }
});

test('commit -v suggests the message above the diff', () => {
  const twins = createTwins();
  try {
    const results = twins.both((repo) => {
      commitBase(repo);
      repo.write('src/tax.js', 'export const rate = 0.2;\n');
      repo.git(['add', 'src/tax.js']);
      return commit(repo, ['-v'], { GIT_EDITOR: EDITOR_TAKING_THE_SUGGESTION });
    });
    const editor = results.hooked.stdout;
    const subject = messageOf(twins.hooked);

    assertPassed(results.hooked);
    assert.match(subject, /^feat\b[^\n]*$/);
    assert.ok(editor.startsWith('\n# footprint suggests this message.'), editor);
    assert.ok(editor.includes(`\n#${subject}\n#\n# Please enter`), editor);
    assert.ok(editor.indexOf('>8') < editor.indexOf('+export const rate = 0.2;'), editor);
    assert.equal(results.plain.status, 1, 'git alone aborts on the empty message');
    assert.equal(
      twins.hooked.git(['rev-parse', 'HEAD^{tree}']),
      twins.plain.git(['write-tree']),
      'the committed tree is the staged tree',
    );
  } finally {
    twins.cleanup();
  }
});
