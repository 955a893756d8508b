import assert from 'node:assert/strict';
import { test } from 'node:test';
import { createTempRepo } from '../helpers/repo.js';

const ESCAPE_PATH = 'x\u001b[31mRED\u001b[0m.txt';
const NEWLINE_PATH = 'new\nline.txt';

test('analyze quotes control characters, json keeps paths', () => {
  const repo = createTempRepo();
  try {
    repo.write('README.md', '# app\n');
    repo.git(['add', '-A']);
    repo.git(['commit', '-q', '--no-verify', '-m', 'docs: start']);
    repo.write(ESCAPE_PATH, 'esc\n');
    repo.write(NEWLINE_PATH, 'newline\n');
    repo.git(['add', '-A']);

    const human = repo.footprint(['analyze', '--no-llm']);
    const json = repo.footprint(['analyze', '--no-llm', '--json']);
    const document = JSON.parse(json.stdout) as { footprint: { files: Array<{ path: string }> } };

    assert.equal(human.status, 0, human.stderr);
    assert.ok(!human.stdout.includes('\u001b'), 'no escape byte in the human output');
    assert.ok(human.stdout.includes('"x\\033[31mRED\\033[0m.txt"'), human.stdout);
    assert.ok(human.stdout.includes('"new\\nline.txt"'), human.stdout);
    assert.deepEqual(document.footprint.files.map((file) => file.path).sort(), [
      NEWLINE_PATH,
      ESCAPE_PATH,
    ]);
  } finally {
    repo.cleanup();
  }
});
