import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, test } from 'node:test';
import { main } from '../../src/cli/main.js';
import { captureIo } from '../cli/cli-io.js';
import { createTempRepo, gitTestEnv, type TempRepo } from '../helpers/repo.js';

const ESCAPE_PATH = 'x\u001b[31mRED.txt';
const SCREEN_PATH = 'evil\u001b[2J\u001b]0;x\u0007.txt';
const ESCAPE_MESSAGE = 'docs: a\u001b[2J\u001b]0;pwn\u0007red';
const CRLF_MESSAGE = 'docs: add x\r\n\r\nWhy: because.  \r\n\r\n';
const BIDI_MESSAGE = 'docs: add \u202egnp.exe\u202c \u2066x\u2069 re\u200fad\u061cme';

interface StrategyFile {
  batches: Array<{ id: string; message: string; changes: Array<{ path: string }> }>;
}

let repo: TempRepo;
let strategyFile: string;

beforeEach(async () => {
  repo = createTempRepo();
  repo.write('README.md', '# app\n');
  repo.git(['add', 'README.md']);
  repo.git(['commit', '-q', '--no-verify', '-m', 'docs: start']);
  repo.write(ESCAPE_PATH, 'esc\n');
  repo.git(['add', '--', ESCAPE_PATH]);
  strategyFile = path.join(repo.dir, 'strategy.json');
  const written = await run('strategy', '--no-llm', '--output', strategyFile);
  assert.equal(written.code, 0, written.stderr);
});

afterEach(() => {
  repo.cleanup();
});

async function run(...argv: string[]) {
  const { io, stdout, stderr } = captureIo({ cwd: repo.dir, env: gitTestEnv() });
  const code = await main(argv, io);
  return { code, stdout: stdout.text, stderr: stderr.text };
}

function editStrategy(edit: (strategy: StrategyFile) => void): void {
  const strategy = JSON.parse(readFileSync(strategyFile, 'utf8')) as StrategyFile;
  edit(strategy);
  writeFileSync(strategyFile, JSON.stringify(strategy, null, 2));
}

/** Returns the message of a commit as git stored it, after the header's blank line. */
function readCommitMessage(revision: string): string {
  const object = repo.git(['cat-file', 'commit', revision]);
  return object.slice(object.indexOf('\n\n') + 2);
}

function firstBatch(strategy: StrategyFile): StrategyFile['batches'][number] {
  const batch = strategy.batches[0];
  assert.ok(batch !== undefined);
  return batch;
}

describe('strategy with control characters', () => {
  test('validate quotes an unknown path', async () => {
    editStrategy((strategy) => firstBatch(strategy).changes.push({ path: SCREEN_PATH }));

    const result = await run('validate', '--no-llm', '--strategy', strategyFile);

    assert.equal(result.code, 1, result.stdout);
    assert.ok(!result.stdout.includes('\u001b'), result.stdout);
    assert.ok(!result.stdout.includes('\u0007'), result.stdout);
    assert.ok(
      result.stdout.includes('names "evil\\033[2J\\033]0;x\\a.txt", which is not'),
      result.stdout,
    );
  });

  test('validate rejects a message with ESC', async () => {
    editStrategy((strategy) => {
      firstBatch(strategy).message = ESCAPE_MESSAGE;
    });

    const human = await run('validate', '--no-llm', '--strategy', strategyFile);
    const json = await run('validate', '--no-llm', '--json', '--strategy', strategyFile);
    const document = JSON.parse(json.stdout) as {
      valid: boolean;
      problems: Array<{ code: string; batch?: string }>;
    };

    assert.equal(human.code, 1, human.stdout);
    assert.ok(!human.stdout.includes('\u001b'), human.stdout);
    assert.match(human.stdout, /message-control-character {2}b1 {2}Batch b1 has a message/);
    assert.match(human.stdout, /\(\\033, \\a\)/);
    assert.equal(json.code, 1);
    assert.equal(document.valid, false);
    assert.deepEqual(
      document.problems.map((problem) => [problem.code, problem.batch]),
      [['message-control-character', 'b1']],
    );
  });

  test('validate rejects bidirectional controls', async () => {
    editStrategy((strategy) => {
      firstBatch(strategy).message = BIDI_MESSAGE;
    });

    const human = await run('validate', '--no-llm', '--strategy', strategyFile);
    const json = await run('validate', '--no-llm', '--json', '--strategy', strategyFile);
    const document = JSON.parse(json.stdout) as {
      problems: Array<{ code: string; batch?: string; message: string }>;
    };

    assert.equal(human.code, 1, human.stdout);
    assert.equal(/[\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/.test(human.stdout), false);
    assert.match(
      human.stdout,
      /b1 {2}Batch b1 has a message with bidirectional control characters \(U\+202E, U\+202C, U\+2066, U\+2069, U\+200F, U\+061C\), .*Remove them from the message\./,
    );
    assert.equal(json.code, 1);
    assert.deepEqual(
      document.problems.map((problem) => [problem.code, problem.batch]),
      [['message-control-character', 'b1']],
    );
  });

  test('validate names both kinds of control', async () => {
    editStrategy((strategy) => {
      firstBatch(strategy).message = 'docs: a\u001b[31m \u202ex';
    });

    const result = await run('validate', '--no-llm', '--strategy', strategyFile);

    assert.equal(result.code, 1, result.stdout);
    assert.match(
      result.stdout,
      /control characters \(\\033\), which a terminal reads as commands, and bidirectional control characters \(U\+202E\)/,
    );
  });

  test('validate names invisible characters', async () => {
    editStrategy((strategy) => {
      firstBatch(strategy).message = 'docs: a\u200bb\u2028c\ufeffd\u{e0041}e\u200dok';
    });

    const result = await run('validate', '--no-llm', '--strategy', strategyFile);

    assert.equal(result.code, 1, result.stdout);
    assert.match(
      result.stdout,
      /invisible characters \(U\+200B, U\+2028, U\+FEFF, U\+E0041\), which hide text or break a line unseen/,
    );
  });

  test('commit rejects bidirectional controls', async () => {
    editStrategy((strategy) => {
      firstBatch(strategy).message = BIDI_MESSAGE;
    });
    const head = repo.git(['rev-parse', 'HEAD']);

    const result = await run('commit', '--no-llm', '--yes', '--strategy', strategyFile);

    assert.equal(result.code, 1, result.stderr);
    assert.equal(repo.git(['rev-parse', 'HEAD']), head);
    assert.match(
      result.stderr,
      /message-control-character {2}b1 {2}Batch b1 has a message with bidirectional/,
    );
  });

  test('path with bidirectional controls gets a valid message', async () => {
    repo.write('notes/\u202egnp.exe.md', 'x\n');
    repo.git(['add', '--', 'notes']);

    const written = await run('strategy', '--no-llm', '--output', strategyFile);
    const validated = await run('validate', '--no-llm', '--strategy', strategyFile);

    assert.equal(written.code, 0, written.stderr);
    assert.equal(validated.code, 0, validated.stdout);
    const strategy = JSON.parse(readFileSync(strategyFile, 'utf8')) as StrategyFile;
    const messages = strategy.batches.map((batch) => batch.message).join('\n');
    assert.equal(/[\u202a-\u202e]/.test(messages), false, messages);
    assert.match(messages, /_gnp\.exe/);
  });

  test('validate keeps line feeds and tabs', async () => {
    editStrategy((strategy) => {
      firstBatch(strategy).message = 'docs: add x\n\nWhy:\tbecause.';
    });

    const result = await run('validate', '--no-llm', '--strategy', strategyFile);

    assert.equal(result.code, 0, result.stdout);
  });

  for (const mode of ['default', 'strip', 'whitespace', 'scissors']) {
    test(`commit cleans CRLF under ${mode}`, async () => {
      repo.git(['config', 'commit.cleanup', mode]);
      editStrategy((strategy) => {
        firstBatch(strategy).message = CRLF_MESSAGE;
      });

      const validated = await run('validate', '--no-llm', '--strategy', strategyFile);
      const committed = await run('commit', '--no-llm', '--yes', '--strategy', strategyFile);
      const stored = readCommitMessage('HEAD');
      repo.git(['reset', '-q', '--soft', 'HEAD~1']);
      writeFileSync(path.join(repo.dir, '.git', 'crlf-message'), CRLF_MESSAGE);
      repo.git(['commit', '-q', '--no-verify', '-F', '.git/crlf-message']);

      assert.equal(validated.code, 0, validated.stdout);
      assert.equal(committed.code, 0, committed.stderr);
      assert.equal(stored, readCommitMessage('HEAD'));
      assert.equal(stored, 'docs: add x\n\nWhy: because.\n');
    });
  }

  /** Messages whose kept control character validate names, with the cleanup mode they use. */
  const keptControls = [
    { name: 'CRLF under verbatim', cleanup: 'verbatim', message: CRLF_MESSAGE, named: '\\r' },
    {
      name: 'mid-line CR',
      cleanup: 'default',
      message: 'docs: x\rdocs: hide it\r\n',
      named: '\\r',
    },
    { name: 'trailing vertical tab', cleanup: 'default', message: 'docs: x\v\r\n', named: '\\v' },
  ];
  for (const { name, cleanup, message, named } of keptControls) {
    test(`validate rejects ${name}`, async () => {
      repo.git(['config', 'commit.cleanup', cleanup]);
      editStrategy((strategy) => {
        firstBatch(strategy).message = message;
      });

      const result = await run('validate', '--no-llm', '--strategy', strategyFile);

      assert.equal(result.code, 1, result.stdout);
      assert.ok(result.stdout.includes(`with control characters (${named}),`), result.stdout);
    });
  }

  test('commit rejects a message with ESC', async () => {
    editStrategy((strategy) => {
      firstBatch(strategy).message = ESCAPE_MESSAGE;
    });

    const result = await run('commit', '--no-llm', '--dry-run', '--strategy', strategyFile);

    assert.equal(result.code, 1, result.stderr);
    assert.ok(!result.stderr.includes('\u001b'), result.stderr);
    assert.ok(!result.stdout.includes('\u001b'), result.stdout);
    assert.match(result.stderr, /message-control-character {2}b1 {2}Batch b1 has a message/);
  });

  test('commit quotes an unknown path', async () => {
    editStrategy((strategy) => firstBatch(strategy).changes.push({ path: SCREEN_PATH }));

    const result = await run('commit', '--no-llm', '--dry-run', '--strategy', strategyFile);

    assert.equal(result.code, 1, result.stderr);
    assert.ok(!result.stderr.includes('\u001b'), result.stderr);
    assert.ok(result.stderr.includes('names "evil\\033[2J\\033]0;x\\a.txt"'), result.stderr);
  });
});
