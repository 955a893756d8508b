import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import path from 'node:path';
import { gitTestEnv, type TempRepo } from '../helpers/repo.js';
import {
  assertPassed,
  assertSameCommit,
  COMMIT_ENV,
  commit,
  commitBase,
  createTwins,
  EDITOR_TAKING_THE_SUGGESTION,
  messageOf,
} from './situation.js';

/** Stages a new module with its test and an unrelated README edit: two suggested commits. */
function stageTangledChange(repo: TempRepo): void {
  commitBase(repo);
  repo.write(
    'src/discount.js',
    "import { total } from './cart.js';\n\nexport function discounted(items) {\n  return total(items) * 0.9;\n}\n",
  );
  repo.write(
    'test/discount.test.js',
    "import { discounted } from '../src/discount.js';\n\ndiscounted([]);\n",
  );
  repo.write('README.md', '# Shop\n\nA cart library with discounts and a longer description.\n');
  repo.git(['add', 'src', 'test', 'README.md']);
}

/** An editor that shows the message file on stdout, then writes a subject above its text. */
const EDITOR_WRITING_A_SUBJECT = `sh -c 'cat "$1"; { echo "feat: add discounts"; cat "$1"; } > "$1.new"; mv "$1.new" "$1"' editor`;

/** Stages one new module: a single suggested commit. */
function stageOneModule(repo: TempRepo): void {
  commitBase(repo);
  repo.write('src/tax.js', 'export const rate = 0.2;\n');
  repo.git(['add', 'src/tax.js']);
}

test('one batch suggestion is commented out', () => {
  const twins = createTwins();
  try {
    const results = twins.both((repo) => {
      stageOneModule(repo);
      const analysis = repo.footprint(['analyze', '--json']);
      const batches = (JSON.parse(analysis.stdout) as { batches: Array<{ message: string }> })
        .batches;
      return { batches, commit: commit(repo, [], { GIT_EDITOR: 'cat' }) };
    });
    const editor = results.hooked.commit.stdout;
    const message = results.hooked.batches[0]?.message ?? '';

    assert.equal(results.hooked.batches.length, 1);
    assert.ok(editor.startsWith(`\n# footprint suggests this message.`), editor);
    assert.ok(editor.includes(`\n#${message}\n#\n# Please enter`), editor);
    assert.equal(results.hooked.commit.status, 1, 'an unchanged message aborts');
    assert.equal(results.plain.commit.status, 1, 'git alone aborts an empty message');
    assert.match(results.hooked.commit.stderr, /Aborting commit due to empty commit message/);
    assert.equal(twins.hooked.git(['rev-list', '--count', 'HEAD']).trim(), '1');
  } finally {
    twins.cleanup();
  }
});

test('uncommented suggestion is the message', () => {
  const twins = createTwins();
  try {
    const results = twins.both((repo) => {
      stageOneModule(repo);
      const analysis = repo.footprint(['analyze', '--json']);
      const batches = (JSON.parse(analysis.stdout) as { batches: Array<{ message: string }> })
        .batches;
      return { batches, commit: commit(repo, [], { GIT_EDITOR: EDITOR_TAKING_THE_SUGGESTION }) };
    });

    assertPassed(results.hooked.commit);
    assert.equal(messageOf(twins.hooked), results.hooked.batches[0]?.message);
    assert.match(messageOf(twins.hooked), /^feat\b/);
  } finally {
    twins.cleanup();
  }
});

test('several batches fill in no subject', () => {
  const twins = createTwins();
  try {
    const results = twins.both((repo) => {
      stageTangledChange(repo);
      return commit(repo, []);
    });

    assert.match(results.hooked.stderr, /✔ Commit passed/);
    assert.equal(results.hooked.status, 1, 'the empty message aborts, as without footprint');
    assert.equal(results.plain.status, 1, 'git alone aborts an empty message');
    assert.match(results.hooked.stderr, /Aborting commit due to empty commit message/);
    assert.equal(twins.hooked.git(['rev-list', '--count', 'HEAD']).trim(), '1');
  } finally {
    twins.cleanup();
  }
});

test('editor shows the split as comments git removes', () => {
  const twins = createTwins();
  try {
    const results = twins.both((repo) => {
      stageTangledChange(repo);
      return commit(repo, [], { GIT_EDITOR: EDITOR_WRITING_A_SUBJECT });
    });
    const editor = results.hooked.stdout;

    assertPassed(results.hooked);
    assert.ok(editor.startsWith('\n# footprint: this change mixes 2 commits:\n'), editor);
    assert.match(editor, /^# {3}b1 {2}\S.*\n# {7}src\/discount\.js, test\/discount\.test\.js$/m);
    assert.match(editor, /^# {3}b2 {2}docs\b.*\n# {7}README\.md$/m);
    assert.match(editor, /^# Write one message for the whole change, or leave the message empty/m);
    assert.match(
      editor,
      /^# the commit and run `footprint commit` to make one commit per batch\.$/m,
    );
    assert.equal(results.plain.status, 0, results.plain.stderr);
    assertSameCommit(twins);
    assert.equal(messageOf(twins.hooked), 'feat: add discounts');
    assert.equal(twins.hooked.git(['diff', '--name-only', 'HEAD~1', 'HEAD']).split('\n').length, 4);
  } finally {
    twins.cleanup();
  }
});

test('comment lines use core.commentChar', () => {
  const twins = createTwins();
  try {
    const results = twins.both((repo) => {
      repo.git(['config', 'core.commentChar', ';']);
      stageTangledChange(repo);
      return commit(repo, [], { GIT_EDITOR: EDITOR_WRITING_A_SUBJECT });
    });

    assertPassed(results.hooked);
    assert.match(results.hooked.stdout, /^; footprint: this change mixes 2 commits/m);
    assert.doesNotMatch(results.hooked.stdout, /^# footprint/m);
    assertSameCommit(twins);
    assert.doesNotMatch(messageOf(twins.hooked), /footprint/);
  } finally {
    twins.cleanup();
  }
});

/** An editor that shows the message file on stdout, then adds a line to it. */
const EDITOR_ADDING_A_LINE = `sh -c 'cat "$1"; echo "Because of the template." >> "$1"' editor`;

test('template message is kept and matches git', () => {
  const twins = createTwins();
  try {
    const results = twins.both((repo) => {
      repo.write('.gitmessage', 'feat: describe the change\n\nWhy:\n');
      repo.git(['config', 'commit.template', '.gitmessage']);
      stageTangledChange(repo);
      return commit(repo, [], { GIT_EDITOR: EDITOR_ADDING_A_LINE });
    });

    assertPassed(results.hooked);
    assert.match(results.hooked.stdout, /^Why:\n# footprint: this change mixes 2 commits:$/m);
    assert.equal(results.plain.status, 0, results.plain.stderr);
    assertSameCommit(twins);
    assert.equal(
      messageOf(twins.hooked),
      'feat: describe the change\n\nWhy:\n\nBecause of the template.',
    );
  } finally {
    twins.cleanup();
  }
});

test('verbatim cleanup gets no comment lines', () => {
  const twins = createTwins();
  try {
    const results = twins.both((repo) => {
      repo.git(['config', 'commit.cleanup', 'verbatim']);
      stageTangledChange(repo);
      return commit(repo, []);
    });

    assertPassed(results.hooked);
    assert.doesNotMatch(messageOf(twins.hooked), /^# footprint:/m);
    assertSameCommit(twins);
  } finally {
    twins.cleanup();
  }
});

test('invalid cleanup value gets no comments', () => {
  const twins = createTwins();
  try {
    const results = twins.both((repo) => {
      stageTangledChange(repo);
      repo.git(['config', 'commit.cleanup', 'Strip']);
      const rejected = commit(repo, [], { GIT_EDITOR: EDITOR_WRITING_A_SUBJECT });
      const env = { GIT_EDITOR: EDITOR_WRITING_A_SUBJECT };
      return { rejected, verbatim: commit(repo, ['--cleanup=verbatim'], env) };
    });

    // git compares commit.cleanup case-sensitively and stops before any hook runs.
    assert.equal(results.plain.rejected.status, 128);
    assert.equal(results.hooked.rejected.status, 128);
    assert.match(results.hooked.rejected.stderr, /Invalid cleanup mode Strip/);
    // --cleanup overrides the setting, and the hook cannot see which mode it chose.
    assertPassed(results.hooked.verbatim);
    assert.doesNotMatch(results.hooked.verbatim.stdout, /footprint:/);
    assert.equal(results.plain.verbatim.status, 0, results.plain.verbatim.stderr);
    assertSameCommit(twins);
  } finally {
    twins.cleanup();
  }
});

test('commit --no-edit without a message still aborts', () => {
  const twins = createTwins();
  try {
    const results = twins.both((repo) => {
      commitBase(repo);
      repo.write('src/tax.js', 'export const rate = 0.2;\n');
      repo.git(['add', 'src/tax.js']);
      return commit(repo, ['--no-edit']);
    });

    assert.equal(results.plain.status, 1);
    assert.equal(results.hooked.status, 1, results.hooked.stderr);
    assert.equal(twins.hooked.git(['rev-list', '--count', 'HEAD']).trim(), '1');
  } finally {
    twins.cleanup();
  }
});

test('squash merge message is kept and matches git', () => {
  const twins = createTwins();
  try {
    twins.both((repo) => {
      commitBase(repo);
      repo.git(['checkout', '-q', '-b', 'feature']);
      repo.write('src/tax.js', 'export const rate = 0.2;\n');
      repo.git(['add', 'src/tax.js']);
      repo.git(['commit', '-q', '-m', 'feat: tax rate'], { env: { FOOTPRINT: '0' } });
      repo.git(['checkout', '-q', 'main']);
      repo.git(['merge', '-q', '--squash', 'feature']);
      return commit(repo, []);
    });

    assertSameCommit(twins);
    assert.match(messageOf(twins.hooked), /^Squashed commit of the following:/);
  } finally {
    twins.cleanup();
  }
});

test('message reuses the pre-commit analysis', () => {
  const twins = createTwins();
  try {
    const results = twins.both((repo) => {
      stageTangledChange(repo);
      return commit(repo, [], { FOOTPRINT_DEBUG: 'message', GIT_EDITOR: EDITOR_WRITING_A_SUBJECT });
    });

    assertPassed(results.hooked);
    assert.match(results.hooked.stderr, /footprint:message reusing the analysis in /);
    assert.doesNotMatch(results.hooked.stderr, /analysing again/);
  } finally {
    twins.cleanup();
  }
});

test('message after --no-verify runs the analysis', () => {
  const twins = createTwins();
  try {
    const results = twins.both((repo) => {
      stageOneModule(repo);
      const env = { FOOTPRINT_DEBUG: 'message', GIT_EDITOR: EDITOR_TAKING_THE_SUGGESTION };
      return commit(repo, ['--no-verify'], env);
    });

    assert.equal(results.hooked.status, 0, results.hooked.stderr);
    assert.doesNotMatch(results.hooked.stderr, /Commit passed/);
    assert.match(results.hooked.stderr, /analysing again/);
    assert.match(messageOf(twins.hooked), /^\w+(\([^)]*\))?: /);
  } finally {
    twins.cleanup();
  }
});

/** Returns the raw commit object's bytes, for messages that are not UTF-8. */
function rawCommitBytes(repo: TempRepo): Buffer {
  const result = spawnSync('git', ['cat-file', 'commit', 'HEAD'], {
    cwd: repo.dir,
    env: gitTestEnv(),
  });
  assert.equal(result.status, 0, result.stderr.toString());
  return result.stdout;
}

/** A Latin-1 template, as a team with i18n.commitEncoding=ISO-8859-1 keeps it. */
const LATIN1_TEMPLATE = Buffer.from('Fix: \n\nGr\u00fc\u00dfe von M\u00fcller\n', 'latin1');

test('Latin-1 template bytes match git', () => {
  const twins = createTwins();
  try {
    const results = twins.both((repo) => {
      repo.write('.gitmessage', LATIN1_TEMPLATE);
      repo.git(['config', 'commit.template', '.gitmessage']);
      repo.git(['config', 'i18n.commitEncoding', 'ISO-8859-1']);
      stageTangledChange(repo);
      return commit(repo, [], { GIT_EDITOR: EDITOR_WRITING_A_SUBJECT });
    });
    const hooked = rawCommitBytes(twins.hooked);

    assertPassed(results.hooked);
    assert.match(results.hooked.stdout, /^# footprint: this change mixes 2 commits:$/m);
    assert.equal(results.plain.status, 0, results.plain.stderr);
    assert.ok(hooked.equals(rawCommitBytes(twins.plain)), hooked.toString('latin1'));
    assert.ok(hooked.includes(Buffer.from('M\u00fcller', 'latin1')));
  } finally {
    twins.cleanup();
  }
});

test('Latin-1 sign-off keeps its bytes', () => {
  const twins = createTwins();
  try {
    const results = twins.both((repo) => {
      repo.git(['config', 'i18n.commitEncoding', 'ISO-8859-1']);
      stageOneModule(repo);
      // Node passes arguments and variables as UTF-8, so the shell writes the Latin-1 name.
      const script = 'GIT_COMMITTER_NAME="$(printf \'J\\374rgen\')" exec git commit -s';
      return spawnSync('sh', ['-c', script], {
        cwd: repo.dir,
        env: gitTestEnv({ ...COMMIT_ENV, GIT_EDITOR: EDITOR_TAKING_THE_SUGGESTION }),
        encoding: 'utf8',
      });
    });
    const hooked = rawCommitBytes(twins.hooked);
    const message = hooked.subarray(hooked.indexOf('\n\n') + 2).toString('latin1');

    assertPassed(results.hooked);
    assert.match(message, /^feat\b[^\n]*\n\nSigned-off-by: J\u00fcrgen <[^>]+>\n$/);
  } finally {
    twins.cleanup();
  }
});

test('broken fossil store still lists the split', () => {
  const twins = createTwins();
  try {
    const results = twins.both((repo) => {
      stageTangledChange(repo);
      rmSync(path.join(repo.dir, 'fossils'), { recursive: true, force: true });
      repo.write('fossils', 'a file where the fossil store should be\n');
      return commit(repo, [], { GIT_EDITOR: EDITOR_WRITING_A_SUBJECT });
    });

    assert.equal(results.hooked.status, 0, results.hooked.stderr);
    assert.doesNotMatch(results.hooked.stderr, /suggested no commit message/);
    assert.match(results.hooked.stdout, /^# footprint: this change mixes 2 commits:$/m);
    assertSameCommit(twins);
  } finally {
    twins.cleanup();
  }
});
