import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { fileText, runPrecommit, type PrecommitOutcome } from './precommit-risk.js';

const LEFTOVER_RULES = new Set(['debugger', 'debug-print']);

/** Lists the leftover findings as `rule path:line severity`, sorted by path and line. */
function leftovers(outcome: PrecommitOutcome): string[] {
  return outcome.findings
    .filter((finding) => LEFTOVER_RULES.has(finding.rule))
    .map((finding) => `${finding.rule} ${finding.path}:${finding.line ?? 0} ${finding.severity}`)
    .sort();
}

// Assembled so that this file contains no leftover line that the hook would report.
const DBG = ['db', 'g!'].join('');
const PRINTLN = ['print', 'ln!'].join('');
const EPRINTLN = ['eprint', 'ln!'].join('');
const FMT_PRINTLN = ['fmt.', 'Println'].join('');
const FMT_PRINTF = ['fmt.', 'Printf'].join('');
const PRINT = ['pri', 'nt('].join('');

describe('leftovers in Rust, Go and Python', () => {
  test('Rust dbg and prints found', () => {
    const outcome = runPrecommit({
      'crates/parser/src/lib.rs': fileText(
        'pub fn parse(input: &str) -> usize {',
        `    let trimmed = ${DBG}(input.trim());`,
        `    ${PRINTLN}("DEBUG {trimmed}");`,
        `    ${EPRINTLN}("parsed");`,
        '    trimmed.len()',
        '}',
      ),
      'crates/parser/src/main.rs': fileText(
        'fn main() {',
        `    ${PRINTLN}("usage: parser FILE");`,
        `    ${DBG}(std::env::args().count());`,
        '}',
      ),
    });

    assert.deepEqual(leftovers(outcome), [
      'debug-print crates/parser/src/lib.rs:3 low',
      'debug-print crates/parser/src/lib.rs:4 low',
      'debugger crates/parser/src/lib.rs:2 high',
      'debugger crates/parser/src/main.rs:3 high',
    ]);
    assert.equal(outcome.blocked, true);
    assert.equal(outcome.status, 1);
  });

  test('Rust programs and comments pass', () => {
    const outcome = runPrecommit({
      'crates/parser/src/lib.rs': fileText(
        '/// Parses the input.',
        '///',
        `/// ${PRINTLN}("{}", parse("a"));`,
        'pub fn parse(input: &str) -> String {',
        `    // ${DBG}(input);`,
        `    let label = "${DBG}(x)";`,
        '    format!("{label}{input}")',
        '}',
      ),
      'crates/parser/src/bin/tool.rs': fileText('fn main() {', `    ${PRINTLN}("tool");`, '}'),
      'crates/parser/build.rs': fileText(
        'fn main() {',
        `    ${PRINTLN}("cargo:rerun-if-changed=build.rs");`,
        '}',
      ),
      'crates/parser/src/report.rs': fileText(
        '#[tokio::main]',
        'async fn main() {',
        `    ${PRINTLN}("report");`,
        '}',
      ),
      'crates/parser/tests/integration.rs': fileText(
        '#[test]',
        `fn parses() { ${PRINTLN}("{}", parser::parse("a")); }`,
      ),
    });

    assert.deepEqual(leftovers(outcome), []);
    assert.equal(outcome.blocked, false);
  });

  test('Go prints outside main found', () => {
    const outcome = runPrecommit({
      'services/ingest/handler.go': fileText(
        'package ingest',
        '',
        'import "fmt"',
        '',
        'func Handle(ev Event) {',
        `\t${FMT_PRINTLN}("DEBUG ev", ev)`,
        `\tif ev.ID == "" { ${FMT_PRINTF}("empty %v\\n", ev) }`,
        '\tprintln("here")',
        '\tfmt.Fprintln(w, ev.ID)',
        '\tlog.Println("handled")',
        `\t// ${FMT_PRINTLN}(ev)`,
        '}',
      ),
      'services/ingest/cmd/ingest/main.go': fileText(
        '// Command ingest serves events.',
        'package main',
        '',
        'import "fmt"',
        '',
        `func main() { ${FMT_PRINTLN}("listening") }`,
      ),
      'services/ingest/handler_test.go': fileText(
        'package ingest',
        '',
        `func ExampleHandle() { ${FMT_PRINTLN}("ok") }`,
      ),
    });

    assert.deepEqual(leftovers(outcome), [
      'debug-print services/ingest/handler.go:6 low',
      'debug-print services/ingest/handler.go:7 low',
      'debug-print services/ingest/handler.go:8 low',
    ]);
    assert.equal(outcome.blocked, false);
    assert.equal(outcome.status, 0);
  });

  test('Python entry modules pass', () => {
    const outcome = runPrecommit({
      'src/acme/cli.py': fileText('def main():', `    ${PRINT}"usage: acme INVOICE")`),
      'src/acme/__main__.py': fileText('from .cli import main', '', `${PRINT}"acme")`, 'main()'),
      'src/acme/billing.py': fileText('def total(lines):', `    ${PRINT}"DEBUG", lines)`),
    });

    assert.deepEqual(leftovers(outcome), ['debug-print src/acme/billing.py:2 low']);
    assert.equal(outcome.blocked, false);
  });
});
