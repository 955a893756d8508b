/**
 * Risk scan benchmark: times `assessRisk` (every built-in rule) on a staged diff of about
 * 300 KB of added lines, in memory, so the time is the rules' own and not git's.
 *
 *   node --import tsx bench/risk/run.ts [--kb 300] [--runs 50] [--from DIR]
 *
 * Cases: `clean` has no token candidate, so secretlint's preset is never loaded; `token` adds
 * one GitHub token per file, so the preset scans the candidate windows; `cold` is the first
 * `token` run in the process, which includes loading the preset. `--from DIR` takes the added
 * lines from the text files under DIR (such as a clone of a real project) instead of generated code.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { createDefaultConfig } from '../../src/config/defaults.js';
import type { FileChange, FileContent, FootprintWithContent } from '../../src/footprint/types.js';
import { assessRisk } from '../../src/risk/assess.js';

const ANALYSIS = { mode: 'balanced' as const, batches: [], splitSuggested: true };
const TARGET_MS = 30;

/** Generated source lines: code with assignments, URLs, keys and logs, but no secret. */
const GENERATED_LINES = [
  "import { createServer } from 'node:http';",
  'export function handle(request, response) {',
  "  const apiVersion = request.headers['x-api-version'] ?? 'v1';",
  "  const url = new URL(request.url, 'https://example.com');",
  '  const key = `${url.pathname}:${apiVersion}`;',
  '  if (cache.has(key)) return response.end(cache.get(key));',
  "  const token = request.headers.authorization?.replace('Bearer ', '');",
  '  const result = compute(url.searchParams.get("q"), token);',
  '  response.setHeader("content-type", "application/json");',
  '  return response.end(JSON.stringify({ result, version: apiVersion }));',
  '}',
  '// The password policy lives in docs/security.md; see the access section.',
  'export const limits = { maxItems: 100, timeoutMs: 3000, retries: 2 };',
];

function fakeToken(index: number): string {
  return ['gh', 'p_', `${index}`.padStart(6, '0'), 'A1b2C3d4E5f6G7h8I9j0K1l2M3n4O5'].join('');
}

function readLinesFrom(folder: string): string[] {
  const lines: string[] = [];
  const visit = (dir: string): void => {
    for (const name of readdirSync(dir).sort()) {
      if (name === '.git' || name === 'node_modules') continue;
      const full = path.join(dir, name);
      if (statSync(full).isDirectory()) visit(full);
      else if (/\.(?:[cm]?[jt]sx?|json|md|ya?ml|svelte|vue|css)$/.test(name)) {
        lines.push(...readFileSync(full, 'utf8').split('\n'));
      }
    }
  };
  visit(folder);
  return lines;
}

/** Builds added files of about `bytes` in total, 200 lines each. */
function buildInput(source: string[], bytes: number, withTokens: boolean): FootprintWithContent {
  const files: FileChange[] = [];
  const content = new Map<string, FileContent>();
  let total = 0;
  for (let fileIndex = 0, lineIndex = 0; total < bytes; fileIndex++) {
    const added: string[] = [];
    for (let count = 0; count < 200 && total < bytes; count++, lineIndex++) {
      const line = source[lineIndex % source.length] ?? '';
      added.push(line);
      total += line.length + 1;
    }
    if (withTokens) added.push(`const token = '${fakeToken(fileIndex)}';`);
    const filePath = `src/module-${fileIndex}.js`;
    files.push({
      path: filePath,
      status: 'added',
      oldMode: null,
      newMode: '100644',
      oldOid: null,
      newOid: `${fileIndex}`.padStart(40, '0'),
      size: added.join('\n').length + 1,
      oldSize: null,
      binary: false,
      lfs: false,
      symlink: false,
      category: 'source',
      language: 'javascript',
      additions: added.length,
      deletions: 0,
      hunks: [{ oldStart: 0, oldLines: 0, newStart: 1, newLines: added.length }],
    });
    content.set(filePath, {
      oldText: null,
      newText: `${added.join('\n')}\n`,
      hunks: [{ removed: [], added }],
    });
  }
  const additions = files.reduce((sum, file) => sum + file.additions, 0);
  return {
    footprint: {
      head: { oid: '1'.repeat(40), ref: 'refs/heads/topic', detached: false },
      headTree: '3'.repeat(40),
      stagedTree: '2'.repeat(40),
      operation: null,
      files,
      unmerged: [],
      intentToAdd: [],
      totals: { files: files.length, additions, deletions: 0, hunks: files.length },
    },
    content,
  };
}

/** Copies the content objects, so no per-file cache from an earlier run is reused, as in one hook run. */
function freshContent(input: FootprintWithContent): FootprintWithContent {
  const content = new Map([...input.content].map(([key, value]) => [key, { ...value }]));
  return { footprint: input.footprint, content };
}

function timeOnce(shared: FootprintWithContent): { ms: number; findings: number } {
  const input = freshContent(shared);
  const config = createDefaultConfig();
  const started = performance.now();
  const report = assessRisk(input, ANALYSIS, { mode: 'balanced', config, skip: [] });
  return { ms: performance.now() - started, findings: report.findings.length };
}

function percentile(sorted: number[], share: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(share * sorted.length))] ?? 0;
}

function main(): number {
  const { values } = parseArgs({
    options: { kb: { type: 'string' }, runs: { type: 'string' }, from: { type: 'string' } },
  });
  const bytes = Number(values.kb ?? '300') * 1024;
  const runs = Number(values.runs ?? '50');
  const source = values.from ? readLinesFrom(values.from) : GENERATED_LINES;

  const clean = buildInput(source, bytes, false);
  const tokens = buildInput(source, bytes, true);
  const cold = timeOnce(tokens);
  const rows = [
    `cold  ${cold.ms.toFixed(1)} ms (first token scan, loads the preset), ${cold.findings} findings`,
  ];
  let failed = false;

  for (const [name, input] of [
    ['clean', clean],
    ['token', tokens],
  ] as const) {
    for (let warm = 0; warm < 3; warm++) timeOnce(input);
    const times = Array.from({ length: runs }, () => timeOnce(input).ms).sort((a, b) => a - b);
    const median = percentile(times, 0.5);
    if (median >= TARGET_MS) failed = true;
    rows.push(
      `${name.padEnd(5)} median ${median.toFixed(1)} ms, p95 ${percentile(times, 0.95).toFixed(1)} ms, max ${(times.at(-1) ?? 0).toFixed(1)} ms over ${runs} runs`,
    );
  }

  const added = clean.footprint.files.reduce((sum, file) => sum + file.size, 0);
  process.stdout.write(
    `Risk scan of ${(added / 1024).toFixed(0)} KB added in ${clean.footprint.files.length} files ` +
      `(${values.from ? `lines from ${values.from}` : 'generated lines'}), target median < ${TARGET_MS} ms\n` +
      `${os.cpus().length} × ${os.cpus()[0]?.model ?? 'unknown CPU'}, node ${process.version}\n` +
      rows.map((row) => `  ${row}`).join('\n') +
      '\n',
  );
  return failed ? 1 : 0;
}

process.exitCode = main();
