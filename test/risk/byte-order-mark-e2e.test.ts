import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { createTempRepo } from '../helpers/repo.js';
import { fakeGenericValue, fakeGithubToken, fakePemKey } from './secret-parts.js';

interface JsonFinding {
  rule: string;
  path: string;
  line?: number;
  message: string;
}

/** The UTF-8 byte order mark that some editors write at the start of a file. */
const MARK = '\uFEFF';

const lines = (...texts: string[]): string => texts.map((text) => `${text}\n`).join('');

/** A staged file whose text starts with the mark, and the finding its line 1 must give. */
interface MarkCase {
  path: string;
  text: string;
  rule: string;
}

const CASES: MarkCase[] = [
  { path: 'src/pause.js', text: lines('debugger;'), rule: 'debugger' },
  { path: 'src/pause.py', text: lines('import pdb'), rule: 'debugger' },
  { path: 'src/stop.py', text: lines('breakpoint()'), rule: 'debugger' },
  { path: 'lib/stop.rb', text: lines('byebug'), rule: 'debugger' },
  { path: 'src/report.py', text: lines('print("total")'), rule: 'debug-print' },
  { path: 'src/report.js', text: lines('console.log("total");'), rule: 'debug-print' },
  { path: 'spec/cart_spec.rb', text: lines('fit "adds" do', 'end'), rule: 'focused-test' },
  { path: 'test/cart.test.js', text: lines('it.only("adds", () => {});'), rule: 'focused-test' },
  { path: 'notes/todo.txt', text: lines('TODO-RELEASE tag it'), rule: 'todo-release' },
  { path: 'deploy/key.pem', text: lines(...fakePemKey()), rule: 'private-key' },
  {
    path: 'src/client.py',
    text: lines(`api_key = "${fakeGenericValue()}"`),
    rule: 'generic-secret',
  },
  { path: 'src/token.js', text: lines(`'${fakeGithubToken()}'`), rule: 'provider-token' },
];

/** A custom rule anchored at the start of a line, as users write them. */
const CUSTOM_RULE = {
  id: 'todo-release',
  pattern: '^TODO-RELEASE\\b',
  severity: 'low',
  message: 'Release note left in',
};

/** Stages `files`, each starting with the mark, and returns the hook's findings. */
function findingsWithMark(files: Record<string, string>): JsonFinding[] {
  const repo = createTempRepo();
  try {
    repo.write('README.md', '# demo\n');
    repo.write('footprint.config.json', `${JSON.stringify({ risk: { custom: [CUSTOM_RULE] } })}\n`);
    repo.git(['add', '-A']);
    repo.git(['commit', '-q', '-m', 'start'], { env: { FOOTPRINT: '0' } });
    for (const [path, text] of Object.entries(files)) repo.write(path, `${MARK}${text}`);
    repo.git(['add', '-A']);

    const result = repo.footprint(['precommit', '--json', '--no-llm']);
    assert.ok(result.stdout.length > 0, `no JSON on stdout: ${result.stderr}`);
    return (JSON.parse(result.stdout) as { risk: { findings: JsonFinding[] } }).risk.findings;
  } finally {
    repo.cleanup();
  }
}

describe('byte order mark on line 1', () => {
  const findings = findingsWithMark(
    Object.fromEntries(CASES.map((markCase) => [markCase.path, markCase.text])),
  );
  const located = (path: string, rule: string): string[] =>
    findings
      .filter((finding) => finding.path === path && finding.rule === rule)
      .map((finding) => `${finding.rule} ${finding.path}:${finding.line ?? '-'}`);

  for (const markCase of CASES) {
    test(`${markCase.rule} in ${markCase.path}`, () => {
      assert.deepEqual(located(markCase.path, markCase.rule), [
        `${markCase.rule} ${markCase.path}:1`,
      ]);
    });
  }
});

describe('conflict after a byte order mark', () => {
  test('block starts on line 1', () => {
    const findings = findingsWithMark({
      'docs/merge.txt': lines('<<<<<<< HEAD', 'ours', '=======', 'theirs', '>>>>>>> topic'),
    });
    const conflicts = findings.filter((finding) => finding.rule === 'conflict-markers');

    assert.equal(conflicts.length, 1);
    assert.equal(conflicts[0]?.line, 1);
    assert.equal(conflicts[0]?.message, 'Unresolved merge conflict (markers on lines 1, 3 and 5)');
  });

  test('lone end marker on line 1', () => {
    const findings = findingsWithMark({ 'docs/merge.txt': lines('>>>>>>> topic', 'text') });
    const conflicts = findings.filter((finding) => finding.rule === 'conflict-markers');

    assert.deepEqual(
      conflicts.map((finding) => `${finding.line ?? '-'} ${finding.message}`),
      ['1 Conflict marker `>>>>>>>` with no partner'],
    );
  });

  test('later lines keep their numbers', () => {
    const findings = findingsWithMark({ 'src/pause.js': lines('const a = 1;', '', 'debugger;') });
    const pauses = findings.filter((finding) => finding.rule === 'debugger');

    assert.deepEqual(
      pauses.map((finding) => finding.line),
      [3],
    );
  });
});
