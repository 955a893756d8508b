import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { TempRepo } from '../helpers/repo.js';
import { assertSameCommit, commit, commitBase, createTwins, messageOf } from './situation.js';

/** An editor that writes a subject above the message file's text. */
const EDITOR_WRITING_A_SUBJECT = `sh -c '{ echo "feat: add discounts"; cat "$1"; } > "$1.new"; mv "$1.new" "$1"' editor`;

/** Templates whose lines start with the characters core.commentChar=auto chooses from. */
const TEMPLATES = {
  hash: '# Title here\n\nWhy:\n',
  semicolon: '; ticket: \n',
  'trailing comments': 'Why:\n\n# see #12\n',
  'three candidates': '# a\n; b\n@ c\n',
};

/** Ways `git commit` writes its status block, or leaves it out. */
const VARIANTS: Array<{ name: string; args: string[]; status?: string }> = [
  { name: 'status', args: [] },
  { name: 'verbose', args: ['-v'] },
  { name: 'no-status flag', args: ['--no-status'] },
  { name: 'verbose no-status', args: ['-v', '--no-status'] },
  { name: 'status off', args: [], status: 'false' },
  { name: 'status off, flag on', args: ['--status'], status: 'false' },
];

/** Stages a new module and an unrelated README edit: two suggested commits. */
function stageTangledChange(repo: TempRepo): void {
  commitBase(repo);
  repo.write('src/discount.js', 'export function discounted(price) {\n  return price * 0.9;\n}\n');
  repo.write('README.md', '# Shop\n\nA cart library with discounts and a longer description.\n');
  repo.git(['add', 'src', 'README.md']);
}

test('auto comment character matches git', () => {
  const twins = createTwins();
  try {
    twins.both((repo) => {
      repo.git(['config', 'core.commentChar', 'auto']);
      stageTangledChange(repo);
    });

    for (const [templateName, template] of Object.entries(TEMPLATES)) {
      for (const variant of VARIANTS) {
        const label = `${templateName} template, ${variant.name}`;
        const results = twins.both((repo) => {
          repo.write('.gitmessage', template);
          repo.git(['config', 'commit.template', '.gitmessage']);
          repo.git(['config', 'commit.status', variant.status ?? 'true']);
          const env = { GIT_EDITOR: EDITOR_WRITING_A_SUBJECT };
          return commit(repo, variant.args, env);
        });

        assert.equal(results.plain.status, 0, `${label}: ${results.plain.stderr}`);
        assert.equal(results.hooked.status, 0, `${label}: ${results.hooked.stderr}`);
        assert.doesNotMatch(messageOf(twins.hooked), /footprint/, label);
        assertSameCommit(twins);
        twins.both((repo) => repo.git(['reset', '-q', '--soft', 'HEAD~1']));
      }
    }
  } finally {
    twins.cleanup();
  }
});
