import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createPaints } from '../../src/output/paints.js';
import { formatSummary } from '../../src/output/summary.js';
import type { Style } from '../../src/output/style.js';
import { selectSymbols } from '../../src/output/symbols.js';
import { hunk, makeBatch, makeFile, makeFinding, makeResult } from './pipeline-result.js';

function plainStyle(width = 100, unicode = true): Style {
  return { colors: createPaints(0), symbols: selectSymbols(unicode), width };
}

function summarize(
  result = makeResult(),
  options: Partial<Parameters<typeof formatSummary>[1]> = {},
) {
  return formatSummary(
    { result },
    { style: plainStyle(), cwd: '/repo', elapsedMs: 42.4, ...options },
  );
}

test('summary header counts files, lines and hunks', () => {
  const lines = summarize().split('\n');

  assert.equal(lines[0], 'footprint · 3 files, +33 −2 in 4 hunks · balanced');
});

test('summary header for nothing staged', () => {
  const result = makeResult();
  result.footprint.files = [];
  result.footprint.totals = { files: 0, additions: 0, deletions: 0, hunks: 0 };
  result.analysis.batches = [];

  const text = summarize(result);

  assert.match(text, /^footprint · nothing staged\n/);
  assert.doesNotMatch(text, /Suggested split/);
});

test('summary lists batches with paths and hunk counts', () => {
  const lines = summarize().split('\n');

  assert.ok(lines.includes('Suggested split into 2 commits:'), lines.join('\n'));
  assert.ok(lines.includes('  b1  feat(feature): add the feature'));
  assert.ok(lines.includes('      src/feature.ts (1 of 2 hunks), test/feature.test.ts'));
  assert.ok(lines.includes('  b2  docs: describe the feature'));
  assert.ok(lines.includes('      README.md, src/feature.ts (1 of 2 hunks)'));
});

test('summary names a single batch as one commit', () => {
  const result = makeResult();
  result.analysis.batches = [makeBatch('b1', 'feat: all of it', [{ path: 'src/feature.ts' }])];

  const lines = summarize(result).split('\n');

  assert.ok(lines.includes('One coherent commit:'));
  assert.ok(lines.includes('      src/feature.ts (2 hunks)'));
});

test('summary cuts batches beyond the maximum', () => {
  const result = makeResult();
  result.analysis.batches = ['b1', 'b2', 'b3'].map((id) =>
    makeBatch(id, `chore: ${id}`, [{ path: 'README.md' }]),
  );

  const text = summarize(result, { maxBatches: 2 });

  assert.match(text, / {2}b2 {2}chore: b2\n/);
  assert.doesNotMatch(text, /chore: b3/);
  assert.match(text, /and 1 more batch;/);
});

test('summary cuts path lists with a count of the rest', () => {
  const result = makeResult();
  const paths = Array.from({ length: 30 }, (_, index) => `src/module-${index}.ts`);
  result.footprint.files = paths.map((path) => makeFile(path, [hunk(1, 1)]));
  result.analysis.batches = [
    makeBatch(
      'b1',
      'feat: many',
      paths.map((path) => ({ path })),
    ),
  ];

  const lines = summarize(result, { style: plainStyle(60), maxPathLines: 2 }).split('\n');
  const pathLines = lines.filter((line) => line.startsWith('      src/'));

  assert.equal(pathLines.length, 2);
  assert.match(pathLines[1] ?? '', /and \d+ more$/);
});

test('summary during a merge suggests no split', () => {
  const result = makeResult();
  result.footprint.operation = 'merge';
  result.analysis.splitSuggested = false;

  const text = summarize(result);

  assert.match(text, /ℹ No split suggested while a merge is in progress/);
  assert.doesNotMatch(text, /Suggested split/);
});

test('file limit summary: how to split', () => {
  const result = makeResult();
  result.analysis.splitSuggested = false;
  result.analysis.fileLimit = 2;

  const text = summarize(result);

  assert.match(text, /ℹ No split suggested: 3 files are staged, over the 2 that footprint splits/);
  assert.match(text, /unstage files with `git reset -q -- PATH` and commit at most 2 at a time\./);
  assert.doesNotMatch(text, /in progress/);
});

test('summary of a passed commit', () => {
  const text = summarize();

  assert.match(text, /✔ Commit passed: no risk findings\./);
  assert.doesNotMatch(text, /--no-verify/);
});

test('annotated blocking finding names no LLM switch', () => {
  const result = makeResult();
  const rated = {
    ...makeFinding(),
    message: 'A private key is staged. Rated critical by the anthropic insight provider: risky.',
  };
  result.risk = { score: 1, blocked: true, findings: [rated] };

  const text = summarize(result);

  assert.match(text, /Rated critical by the anthropic/);
  assert.doesNotMatch(text, /FOOTPRINT_LLM=0/);
});

test('blocked by the rules alone names no LLM switch', () => {
  const result = makeResult();
  result.risk = { score: 1, blocked: true, findings: [makeFinding()] };

  assert.doesNotMatch(summarize(result), /FOOTPRINT_LLM=0/);
});

test('summary of a blocked commit lists the finding and the ways out', () => {
  const result = makeResult();
  result.risk = { score: 1, blocked: true, findings: [makeFinding()] };

  const text = summarize(result);

  assert.match(text, /Risk 1\.00, 1 finding:/);
  assert.match(
    text,
    /✖ keys\/deploy\.pem:1 {2}private-key {2}A private key is staged\. {2}-----BEGIN … \(masked\)/,
  );
  assert.match(text, /Remove the key and rotate it\./);
  assert.match(text, /✖ Commit blocked by 1 finding \(private-key\)\./);
  assert.doesNotMatch(text, /footprint-allow: private-key/, 'a comment would corrupt a key file');
  assert.match(
    text,
    /\{ "rule": "private-key", "path": "keys\/deploy\.pem" \} to "risk\.allow" in footprint\.config\.json/,
  );
  assert.match(text, /FOOTPRINT_SKIP=private-key git commit \.\.\./);
  assert.match(text, /git commit --no-verify/);
});

test('summary of analyze says a commit would be blocked', () => {
  const result = makeResult({ command: 'analyze' });
  result.risk = { score: 1, blocked: true, findings: [makeFinding()] };

  const text = summarize(result);

  assert.match(text, /A commit would be blocked by 1 finding/);
  assert.doesNotMatch(text, /Commit blocked/);
});

test('summary marks non-blocking findings as warnings', () => {
  const result = makeResult();
  const blocking = makeFinding();
  const minor = makeFinding({
    rule: 'todo-comment',
    severity: 'low',
    path: 'src/feature.ts',
    line: 7,
    message: 'A TODO was added.',
  });
  delete minor.masked;
  result.risk = { score: 0.9, blocked: true, findings: [minor, blocking] };

  const lines = summarize(result).split('\n');
  const findingRows = lines.filter((line) => /^ {2}[✖⚠ℹ] /.test(line));

  assert.equal(
    findingRows[0],
    '  ✖ keys/deploy.pem:1  private-key  A private key is staged.  -----BEGIN … (masked)',
  );
  assert.equal(findingRows[1], '  ℹ src/feature.ts:7  todo-comment  A TODO was added.');
});

test('summary cuts findings beyond the maximum', () => {
  const result = makeResult();
  const findings = Array.from({ length: 5 }, (_, index) =>
    makeFinding({ severity: 'low', line: index + 1 }),
  );
  result.risk = { score: 0.2, blocked: false, findings };

  const text = summarize(result, { maxFindings: 3 });

  assert.match(text, /keys\/deploy\.pem:3/);
  assert.doesNotMatch(text, /keys\/deploy\.pem:4/);
  assert.match(text, /and 2 more findings;/);
  assert.match(text, /Commit passed: 5 findings, none blocking\./);
});

test('summary shows the fossil path relative to cwd and the time', () => {
  const result = makeResult({ fossilPath: '/repo/fossils/analysis-1.json' });

  const lines = summarize(result).trimEnd().split('\n');

  assert.equal(lines[lines.length - 1], 'Fossil fossils/analysis-1.json · 42 ms');
});

test('summary without a fossil shows the time', () => {
  const lines = summarize().trimEnd().split('\n');

  assert.equal(lines[lines.length - 1], 'Done in 42 ms.');
});

test('summary lines fit a narrow terminal', () => {
  const result = makeResult();
  result.analysis.batches = [
    makeBatch('b1', `feat(feature): ${'a very long subject '.repeat(6)}`, [
      { path: 'src/feature.ts' },
    ]),
  ];
  result.risk = {
    score: 0.5,
    blocked: false,
    findings: [
      makeFinding({ severity: 'low', message: 'A message that goes on and on '.repeat(4) }),
    ],
  };

  const lines = summarize(result, { style: plainStyle(50) }).split('\n');
  const batchLine = lines.find((line) => line.startsWith('  b1'));
  const findingLine = lines.find((line) => line.includes('keys/deploy.pem:1'));

  assert.equal(batchLine?.length, 50);
  assert.ok(batchLine?.endsWith('…'));
  assert.equal(findingLine?.length, 50);
});

test('summary uses ASCII symbols without UTF-8', () => {
  const result = makeResult();
  result.risk = { score: 1, blocked: true, findings: [makeFinding()] };

  const text = summarize(result, { style: plainStyle(100, false) });

  assert.match(text, /^footprint \| 3 files, \+33 -2 in 4 hunks \| balanced/);
  assert.match(text, /\[x\] Commit blocked/);
  assert.doesNotMatch(text, /[✔✖⚠ℹ−·]/);
});

test('summary colours only with a colour level', () => {
  const coloured: Style = {
    colors: createPaints(1),
    symbols: selectSymbols(true),
    width: 100,
  };

  const withColour = summarize(makeResult(), { style: coloured });
  const withoutColour = summarize();

  assert.ok(withColour.includes('\u001b[32m✔\u001b[39m'));
  assert.ok(!withoutColour.includes('\u001b['));
});

test('summary warns about an invalid strategy and a fallback', () => {
  const result = makeResult();
  result.validation = {
    valid: false,
    problems: [{ code: 'missing-hunk', path: 'a.ts', message: 'Hunk 1 of a.ts is in no batch.' }],
  };
  result.insights.fallbackReason = 'the provider timed out after 3000 ms';

  const text = summarize(result);

  assert.match(
    text,
    /⚠ The suggested strategy failed its own check \(1 problem\): Hunk 1 of a\.ts is in no batch\./,
  );
  assert.match(text, /⚠ LLM insights: the provider timed out after 3000 ms/);
});

test('summary shows the first sentence of a blocking fix', () => {
  const result = makeResult();
  const fix =
    'Remove the key from the file and stage it again, then rotate the key. To keep it, add a comment.';
  result.risk = { score: 1, blocked: true, findings: [makeFinding({ fix })] };

  const lines = summarize(result, { style: plainStyle(40) }).split('\n');

  assert.ok(lines.includes('      Remove the key from the file and'), lines.join('\n'));
  assert.ok(lines.includes('      stage it again, then rotate the'));
  assert.ok(lines.includes('      key.'));
  assert.ok(!lines.some((line) => line.includes('To keep it')));
});

test('summary names the configuration file relative to cwd', () => {
  const result = makeResult();
  result.risk = { score: 1, blocked: true, findings: [makeFinding()] };
  result.config = { ...result.config, file: '/repo/footprint.config.json' };

  const text = summarize(result);

  assert.match(text, /to "risk\.allow" in footprint\.config\.json\n/);
});

test('summary names the footprint key of package.json', () => {
  const result = makeResult();
  result.risk = { score: 1, blocked: true, findings: [makeFinding()] };
  result.config = { ...result.config, file: '/repo/package.json' };

  const text = summarize(result);

  assert.match(text, /to "footprint\.risk\.allow" in package\.json\n/);
});

test('summary quotes paths with control characters', () => {
  const escape = 'x\u001b[31mRED\u001b[0m.txt';
  const newline = 'new\nline.txt';
  const result = makeResult();
  result.footprint.files = [makeFile(escape, [hunk(1, 1)]), makeFile(newline, [hunk(1, 1)])];
  result.analysis.batches = [makeBatch('b1', 'docs: add x', [{ path: escape }, { path: newline }])];
  result.risk.findings = [makeFinding({ path: escape, line: 1, severity: 'low' })];
  result.risk.blocked = false;

  const text = summarize(result);

  assert.ok(!text.includes('\u001b'), 'no escape byte reaches the terminal');
  assert.ok(text.includes('      "x\\033[31mRED\\033[0m.txt", "new\\nline.txt"\n'), text);
  assert.ok(text.includes('"x\\033[31mRED\\033[0m.txt":1  '), text);
});

test('summary quotes a blocking path in the allow entry', () => {
  const result = makeResult();
  result.risk.findings = [makeFinding({ path: 'keys/a"b\u001b.pem' })];
  result.risk.blocked = true;

  const text = summarize(result);

  assert.ok(!text.includes('\u001b'), 'no escape byte reaches the terminal');
  assert.ok(text.includes('"path": "keys/a\\"b\\u001b.pem" }'), text);
});

test('summary allows a whole-change finding by rule', () => {
  const result = makeResult();
  const finding = makeFinding({
    rule: 'protected-branch',
    severity: 'high',
    path: '',
    message: 'Commit straight to the protected branch main',
    fix: 'Commit on a topic branch instead (`git switch -c NAME` keeps the staged change). More.',
  });
  delete finding.line;
  delete finding.masked;
  result.risk = { score: 0.5, blocked: true, findings: [finding] };

  const lines = summarize(result).split('\n');

  assert.ok(
    lines.includes('  ✖ protected-branch  Commit straight to the protected branch main'),
    lines.join('\n'),
  );
  assert.ok(
    lines.includes(
      '  Fix it:          Commit on a topic branch instead (`git switch -c NAME` keeps the staged change).',
    ),
    lines.join('\n'),
  );
  assert.ok(
    lines.includes(
      '  Allow the rule:  add { "rule": "protected-branch" } to "risk.allow" in footprint.config.json',
    ),
    lines.join('\n'),
  );
  assert.equal(lines.filter((line) => line.includes('"path"')).length, 0);
  assert.equal(lines.filter((line) => line.includes('Allow one line')).length, 0);
});

test('summary fix row for file and change findings', () => {
  const result = makeResult();
  const onChange = makeFinding({ rule: 'mass-deletion', path: '', message: 'Deletes much.' });
  delete onChange.line;
  result.risk = { score: 1, blocked: true, findings: [makeFinding(), onChange] };

  const text = summarize(result);

  assert.match(
    text,
    /Fix it: +do what each finding above says; change a staged file, then `git add` it again\n/,
  );
  assert.match(text, /Allow a path: +add \{ "rule": "private-key", "path": "keys\/deploy\.pem" \}/);
});

test('allow row names the other findings', () => {
  const result = makeResult();
  const second = makeFinding({ rule: 'conflict-marker', path: 'src/app.js' });
  result.risk = { score: 1, blocked: true, findings: [makeFinding(), second] };

  const text = summarize(result);

  assert.match(
    text,
    /in footprint\.config\.json, and one like it for each other blocking finding\n/,
  );
});

test('allow rows follow the listed order', () => {
  const result = makeResult();
  const high = makeFinding({ rule: 'debugger', severity: 'high', path: 'src/a.js', line: 41 });
  const critical = makeFinding({ rule: 'generic-secret', path: 'src/a.js', line: 42 });
  result.risk = { score: 1, blocked: true, findings: [high, critical] };

  const text = summarize(result);

  assert.match(text, /blocked by 2 findings \(generic-secret, debugger\)/);
  assert.match(text, /Allow each line: +add a comment on each line: `footprint-allow: gen/);
  assert.match(text, /`footprint-allow: generic-secret` on src\/a\.js:42, `footprint-allow: deb/);
  assert.match(text, /FOOTPRINT_SKIP=generic-secret,debugger git commit/);
});

/** Returns the summary line of the way out that names `footprint-allow:` comments. */
function commentRow(text: string): string {
  return text.split('\n').find((line) => line.includes('footprint-allow:')) ?? '';
}

test('allow row for one line', () => {
  const result = makeResult();
  const finding = makeFinding({ rule: 'debugger', path: 'src/a.js', line: 7 });
  result.risk = { score: 1, blocked: true, findings: [finding] };

  const row = commentRow(summarize(result));

  assert.equal(
    row,
    '  Allow one line:  add the comment `footprint-allow: debugger` on line 7 of src/a.js',
  );
});

test('allow row names each line', () => {
  const result = makeResult();
  const findings = [
    makeFinding({ rule: 'debugger', path: 'src/a.js', line: 2 }),
    makeFinding({ rule: 'url-credentials', path: 'src/b.js', line: 5 }),
  ];
  result.risk = { score: 1, blocked: true, findings };

  const row = commentRow(summarize(result));

  assert.equal(
    row,
    '  Allow each line: add a comment on each line: `footprint-allow: debugger` on src/a.js:2, ' +
      '`footprint-allow: url-credentials` on src/b.js:5',
  );
});

test('allow row joins rules of a line', () => {
  const result = makeResult();
  const findings = [
    makeFinding({ rule: 'generic-secret', path: 'src/a.js', line: 3 }),
    makeFinding({ rule: 'url-credentials', path: 'src/a.js', line: 3 }),
    makeFinding({ rule: 'url-credentials', path: 'src/a.js', line: 3 }),
  ];
  result.risk = { score: 1, blocked: true, findings };

  const row = commentRow(summarize(result));

  assert.equal(
    row,
    '  Allow one line:  add the comment `footprint-allow: generic-secret, url-credentials` ' +
      'on line 3 of src/a.js',
  );
});

test('allow row counts lines past three', () => {
  const result = makeResult();
  const findings = [1, 2, 3, 4, 5].map((line) =>
    makeFinding({ rule: 'debugger', path: 'src/a.js', line }),
  );
  result.risk = { score: 1, blocked: true, findings };

  const row = commentRow(summarize(result));

  assert.match(row, /on src\/a\.js:1, .* on src\/a\.js:2, .* on src\/a\.js:3, and 2 more lines$/);
  assert.doesNotMatch(row, /src\/a\.js:4/);
});

test('allow row counts findings without comments', () => {
  const result = makeResult();
  const findings = [
    makeFinding({ path: 'keys/deploy.pem', line: 1 }),
    makeFinding({ rule: 'debugger', path: 'src/a.js', line: 2 }),
  ];
  result.risk = { score: 1, blocked: true, findings };

  const row = commentRow(summarize(result));

  assert.equal(
    row,
    '  Allow one line:  add the comment `footprint-allow: debugger` on line 2 of src/a.js ' +
      '(1 other finding cannot take a comment)',
  );
});

test('allow row for one finding', () => {
  const result = makeResult();
  result.risk = { score: 1, blocked: true, findings: [makeFinding()] };

  const text = summarize(result);

  assert.match(text, /"risk\.allow" in footprint\.config\.json\n/);
});

test('summary allow entry escapes glob characters of the path', () => {
  const result = makeResult();
  result.risk = {
    score: 1,
    blocked: true,
    findings: [makeFinding({ path: 'keys-{a,b}*.pem' })],
  };

  const text = summarize(result);

  assert.ok(text.includes('"path": "/keys-\\\\{a,b\\\\}\\\\*.pem"'), text);
});

test('summary masks a path a secret-in-path finding flagged', () => {
  const token = ['gh', 'p_', 'Zq9k'.repeat(9)].join('');
  const result = makeResult();
  result.footprint.files = [makeFile(`keys/${token}.txt`, [hunk(1, 1)]), makeFile('a.txt', [])];
  result.analysis.batches = [
    makeBatch('b1', 'docs: add files', [{ path: `keys/${token}.txt` }, { path: 'a.txt' }]),
  ];
  const finding = makeFinding({
    rule: 'secret-in-path',
    path: 'keys/ghp_********.txt',
    message: 'GitHub token in a staged path',
    masked: 'ghp_********',
  });
  delete finding.line;
  result.risk = { score: 0.9, blocked: true, findings: [finding] };

  const text = summarize(result);

  assert.equal(text.includes(token), false);
  assert.match(text, /^ {6}keys\/ghp_\*{8}\.txt, a\.txt$/m);
});

test('summary keeps a token path no finding flagged', () => {
  const token = ['gh', 'p_', 'Zq9k'.repeat(9)].join('');
  const result = makeResult();
  result.footprint.files = [makeFile(`keys/${token}.txt`, [hunk(1, 1)])];
  result.analysis.batches = [makeBatch('b1', 'docs: add a file', [{ path: `keys/${token}.txt` }])];

  const text = summarize(result);

  assert.match(text, new RegExp(`^ {6}keys/${token}\\.txt$`, 'm'));
});

test('summary without a width cuts nothing', () => {
  const deep = `src/${'d'.repeat(60)}/${'e'.repeat(60)}`;
  const paths = [`${deep}/one.ts`, `${deep}/two.ts`];
  const result = makeResult();
  result.footprint.files = paths.map((path) => makeFile(path, [hunk(1, 1)]));
  result.analysis.batches = [
    makeBatch(
      'b1',
      'feat: deep',
      paths.map((path) => ({ path })),
    ),
  ];
  const fix = `Remove the key and rotate it, ${'then tell the team '.repeat(10)}now.`;
  result.risk = { score: 1, blocked: true, findings: [makeFinding({ fix, masked: '(masked)' })] };

  const lines = summarize(result, { style: plainStyle(Number.POSITIVE_INFINITY) }).split('\n');

  assert.ok(lines.includes(`      ${paths[0]}, ${paths[1]}`), lines.join('\n'));
  assert.ok(lines.includes(`      ${fix}`), lines.join('\n'));
  assert.equal(lines.filter((line) => line.includes('…')).length, 0);
});

test('summary without a width counts paths past ten', () => {
  const paths = Array.from({ length: 12 }, (_, index) => `src/m${index}.ts`);
  const result = makeResult();
  result.footprint.files = paths.map((path) => makeFile(path, [hunk(1, 1)]));
  result.analysis.batches = [
    makeBatch(
      'b1',
      'feat: many',
      paths.map((path) => ({ path })),
    ),
  ];

  const lines = summarize(result, { style: plainStyle(Number.POSITIVE_INFINITY) }).split('\n');

  assert.ok(lines.includes(`      ${paths.slice(0, 10).join(', ')}, and 2 more`), lines.join('\n'));
});

test('summary names files not diffed', () => {
  const result = makeResult();
  result.config.config.maxDiffBytes = 1024;
  const large = ['data/a.csv', 'data/b.csv', 'data/c.csv', 'data/d.csv'].map((path) =>
    makeFile(path, [], { opaque: 'too-large', size: 4096 }),
  );
  result.footprint.files.push(makeFile('logo.png', [], { opaque: 'binary', binary: true }));
  result.footprint.files.push(...large);

  const lines = summarize(result).split('\n');

  assert.equal(
    lines[1],
    'ℹ 4 files not diffed, over maxDiffBytes (1024 bytes): data/a.csv, data/b.csv, data/c.csv, and 1 more',
  );
});

test('summary without large files adds no line', () => {
  const lines = summarize().split('\n');

  assert.doesNotMatch(lines[1] ?? '', /not diffed/);
});

test('summary shows one finding per file before a second of any', () => {
  const result = makeResult();
  const findings = ['a.js', 'b.js', 'c.js'].flatMap((file) =>
    [1, 2, 3, 4].map((line) => makeFinding({ path: file, line })),
  );
  result.risk = { score: 1, blocked: true, findings };

  const text = summarize(result);
  const listed = [...text.matchAll(/^ {2}\S+ ([a-c]\.js):(\d)/gm)].map(
    (match) => `${match[1]}:${match[2]}`,
  );

  assert.deepEqual(listed.slice(0, 4), ['a.js:1', 'b.js:1', 'c.js:1', 'a.js:2']);
});

test('hook summary tells how to follow', () => {
  const lines = summarize().split('\n');

  assert.ok(
    lines.includes(
      'To make these 2 commits instead, run `git reset --soft aaaaaaaaaaaa` after this commit, then',
    ),
    lines.join('\n'),
  );
  assert.ok(lines.includes('`footprint commit`.'), lines.join('\n'));
});

test('follow hint runs git in cwd', () => {
  const text = summarize(makeResult(), {
    cwdOption: 'my app',
    invocation: () => "footprint --cwd 'my app'",
  });

  assert.match(text, /run `git -C 'my app' reset --soft a{12}` after this commit/);
  assert.match(text, /`footprint --cwd 'my app' commit`/);
});

test('first commit follows by deleting branch', () => {
  const result = makeResult();
  result.footprint.head = { oid: null, ref: 'refs/heads/trunk', detached: false };

  const text = summarize(result);

  assert.match(text, /run `git update-ref -d refs\/heads\/trunk` after this commit/);
  assert.doesNotMatch(text, /reset --soft/);
});

test('analyze summary names footprint commit', () => {
  const text = summarize(makeResult({ command: 'analyze' }));

  assert.match(text, /^To make these 2 commits, run `footprint commit`\.$/m);
});

test('no follow hint when blocked', () => {
  const result = makeResult();
  result.risk.findings = [makeFinding({ severity: 'critical' })];
  result.risk.blocked = true;

  assert.doesNotMatch(summarize(result), /To make these/);
});

test('no follow hint for one batch', () => {
  const result = makeResult();
  result.analysis.batches = [makeBatch('b1', 'feat: all of it', [{ path: 'src/feature.ts' }])];

  assert.doesNotMatch(summarize(result), /To make these/);
});

test('narrow follow hint keeps commands whole', () => {
  const lines = summarize(makeResult(), { style: plainStyle(20) }).split('\n');

  assert.ok(lines.includes('`git reset --soft aaaaaaaaaaaa`'), lines.join('\n'));
  assert.ok(lines.includes('`footprint commit`.'), lines.join('\n'));
});

test('first commit hint quotes branch name', () => {
  const result = makeResult();
  result.footprint.head = { oid: null, ref: 'refs/heads/feat/$(id)', detached: false };

  const text = summarize(result);

  assert.match(text, /run `git update-ref -d 'refs\/heads\/feat\/\$\(id\)'` after this commit/);
});

test('analyze hint carries cwd and mode', () => {
  const options = { invocation: () => 'footprint --cwd repo', modeOption: 'aggressive' as const };
  const text = summarize(makeResult({ command: 'analyze' }), options);

  assert.match(text, /run `footprint --cwd repo commit --mode aggressive`\.$/m);
});

test('hook hint carries mode option', () => {
  const text = summarize(makeResult(), { modeOption: 'conservative' });

  assert.match(text, /^`footprint commit --mode conservative`\.$/m);
});

test('no follow hint for partial commit', () => {
  const result = makeResult();
  result.partialCommit = true;

  assert.doesNotMatch(summarize(result), /To make these/);
});

test('batch cut line repeats options', () => {
  const result = makeResult();
  result.analysis.batches = ['b1', 'b2', 'b3'].map((id) =>
    makeBatch(id, `chore: ${id}`, [{ path: 'README.md' }]),
  );

  const text = summarize(result, {
    maxBatches: 2,
    invocation: () => 'footprint --cwd app',
    modeOption: 'aggressive',
  });

  assert.match(text, /and 1 more batch; `footprint --cwd app strategy --mode aggressive` lists/);
});
