import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import type { Batch } from '../../src/batches/types.js';
import type { Strategy } from '../../src/strategy/types.js';
import { createTempRepo, type TempRepo } from '../helpers/repo.js';
import { analyzeStaged, commitFiles, lines, stageFiles } from './staged-analysis.js';

interface ValidationDocument {
  valid: boolean;
  problems: Array<{ code: string; batch?: string; path?: string; message: string }>;
}

/** Returns the position of the batch that takes `file`, or -1. */
function positionOf(batches: readonly Batch[], file: string): number {
  return batches.findIndex((batch) => batch.changes.some((change) => change.path === file));
}

// The crate root declares a new module file and drops the declaration of a deleted one.
describe('Rust module declarations', () => {
  let repo: TempRepo;

  before(() => {
    repo = createTempRepo();
    commitFiles(repo, {
      'Cargo.toml': lines('[package]', 'name = "tiny"', 'version = "0.1.0"', 'edition = "2021"'),
      'src/lib.rs': lines('pub mod lexer;', 'mod old_utils;', '', 'pub use lexer::tokenize;'),
      'src/lexer.rs': lines(
        'pub fn tokenize(input: &str) -> Vec<&str> {',
        '    input.split(" ").collect()',
        '}',
      ),
      'src/old_utils.rs': lines('pub fn is_space(c: char) -> bool {', "    c == ' '", '}'),
    });
    repo.git(['rm', '-q', 'src/old_utils.rs']);
    stageFiles(repo, {
      'src/lib.rs': lines('pub mod lexer;', 'pub mod span;', '', 'pub use lexer::tokenize;'),
      'src/span.rs': lines(
        '/// A byte range in the input.',
        'pub struct Span {',
        '    pub start: usize,',
        '    pub end: usize,',
        '}',
      ),
    });
  });
  after(() => repo.cleanup());

  for (const mode of ['balanced', 'aggressive'] as const) {
    test(`${mode} mode adds module first`, () => {
      const batches = analyzeStaged(repo, mode);
      const module = positionOf(batches, 'src/span.rs');
      const root = positionOf(batches, 'src/lib.rs');

      assert.notEqual(module, -1);
      assert.ok(module <= root, JSON.stringify(batches.map((batch) => batch.changes)));
    });
  }

  test('deletion before declaration edit fails', () => {
    const file = path.join(repo.dir, 'strategy.json');
    const written = repo.footprint(['strategy', '--no-llm', '--output', file]);
    assert.equal(written.status, 0, written.stderr);
    const strategy = JSON.parse(readFileSync(file, 'utf8')) as Strategy;
    const [first] = strategy.batches;
    assert.ok(first !== undefined, 'the strategy has no batch');
    const changes = strategy.batches.flatMap((batch) => batch.changes);
    const pick = (target: string) => changes.filter((change) => change.path === target);
    const batch = (id: string, target: string) => ({ ...first, id, changes: pick(target) });
    const split = {
      ...strategy,
      batches: [
        { ...batch('b1', 'src/span.rs'), dependsOn: [] },
        { ...batch('b2', 'src/old_utils.rs'), dependsOn: [] },
        { ...batch('b3', 'src/lib.rs'), dependsOn: [] },
      ],
    };
    const edited = path.join(repo.dir, 'edited.json');
    writeFileSync(edited, JSON.stringify(split, null, 2));

    const run = repo.footprint(['validate', '--strategy', edited, '--json']);
    const result = JSON.parse(run.stdout) as ValidationDocument;
    const [problem] = result.problems;

    assert.equal(run.status, 1);
    assert.equal(problem?.code, 'order');
    assert.equal(problem?.batch, 'b2');
    assert.equal(problem?.path, 'src/old_utils.rs');
  });
});

// A module uses `crate::retry` before the crate root declares `mod retry;`.
describe('Rust crate path of a new module', () => {
  let repo: TempRepo;

  before(() => {
    repo = createTempRepo();
    commitFiles(repo, {
      'Cargo.toml': lines('[package]', 'name = "tool"', 'version = "0.1.0"', 'edition = "2021"'),
      'src/main.rs': lines('mod net;', '', 'fn main() {', '    net::serve(8080);', '}'),
      'src/net.rs': lines('pub fn serve(port: u16) {', '    println!("{}", port);', '}'),
    });
    stageFiles(repo, {
      'src/retry.rs': lines(
        'pub fn with_retries<F: FnMut() -> bool>(mut attempt: F, times: u32) -> bool {',
        '    (0..times).any(|_| attempt())',
        '}',
      ),
      'src/main.rs': lines(
        'mod net;',
        'mod retry;',
        '',
        'fn main() {',
        '    net::serve(8080);',
        '}',
      ),
      'src/net.rs': lines(
        'use crate::retry::with_retries;',
        '',
        'pub fn serve(port: u16) {',
        '    with_retries(|| {',
        '        println!("{}", port);',
        '        true',
        '    }, 3);',
        '}',
      ),
    });
  });
  after(() => repo.cleanup());

  for (const mode of ['conservative', 'balanced', 'aggressive'] as const) {
    test(`${mode} mode declares module first`, () => {
      const batches = analyzeStaged(repo, mode);
      const root = positionOf(batches, 'src/main.rs');
      const user = positionOf(batches, 'src/net.rs');

      assert.notEqual(root, -1);
      assert.ok(root <= user, JSON.stringify(batches.map((batch) => batch.changes)));
    });
  }
});
