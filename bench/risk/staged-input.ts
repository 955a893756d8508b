/**
 * The staged files the risk benchmark scans: added files of 200 lines each, about `bytes` in
 * total, from generated code or from the text files of a real project, in three cases.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import type { FileChange, FileContent, FootprintWithContent } from '../../src/footprint/types.js';

/**
 * `clean`: no provider-token keyword, so secretlint's preset is never loaded, though the generic
 * secret rule still finds its keywords (`token`, `password`, `key`) on many lines.
 * `candidates`: two lines per file with provider-token keywords but no token (an AWS variable
 * name, a Slack webhook URL built from parts). The keyword search meets them and the shape
 * after each keyword rejects them.
 * `token`: one GitHub-shaped token per file, so the preset loads and every file has a finding.
 */
export type InputCase = 'clean' | 'candidates' | 'token';
export const INPUT_CASES: readonly InputCase[] = ['clean', 'candidates', 'token'];

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

/** Lines with provider-token keywords but no token, which the keyword shapes reject. */
const CANDIDATE_LINES = [
  'const secretKey = process.env.AWS_SECRET_ACCESS_KEY;',
  "const hook = 'https://hooks.slack.com/services/' + webhookPath;",
];

function fakeToken(index: number): string {
  return ['gh', 'p_', `${index}`.padStart(6, '0'), 'A1b2C3d4E5f6G7h8I9j0K1l2M3n4O5'].join('');
}

/** Reads the lines of the text files under `folder`, in path order. */
export function readLinesFrom(folder: string): string[] {
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

export function generatedLines(): string[] {
  return GENERATED_LINES;
}

/** Returns the staged files of a case, path to added lines, about `bytes` of lines in all. */
export function buildFiles(
  source: string[],
  bytes: number,
  inputCase: InputCase,
): Map<string, string[]> {
  const files = new Map<string, string[]>();
  let total = 0;
  for (let fileIndex = 0, lineIndex = 0; total < bytes; fileIndex++) {
    const added: string[] = [];
    for (let count = 0; count < 200 && total < bytes; count++, lineIndex++) {
      const line = source[lineIndex % source.length] ?? '';
      added.push(line);
      total += line.length + 1;
    }
    if (inputCase === 'candidates') added.push(...CANDIDATE_LINES);
    if (inputCase === 'token') added.push(`const token = '${fakeToken(fileIndex)}';`);
    files.set(`src/module-${fileIndex}.js`, added);
  }
  return files;
}

function fileChange(filePath: string, added: string[], index: number): FileChange {
  return {
    path: filePath,
    status: 'added',
    oldMode: null,
    newMode: '100644',
    oldOid: null,
    newOid: `${index}`.padStart(40, '0'),
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
  };
}

/** Builds the footprint of the files as if they were staged as new files. */
export function buildFootprintInput(files: Map<string, string[]>): FootprintWithContent {
  const changes: FileChange[] = [];
  const content = new Map<string, FileContent>();
  [...files].forEach(([filePath, added], index) => {
    changes.push(fileChange(filePath, added, index));
    content.set(filePath, {
      oldText: null,
      newText: `${added.join('\n')}\n`,
      hunks: [{ removed: [], added }],
    });
  });
  const additions = changes.reduce((sum, file) => sum + file.additions, 0);
  return {
    footprint: {
      head: { oid: '1'.repeat(40), ref: 'refs/heads/topic', detached: false },
      headTree: '3'.repeat(40),
      stagedTree: '2'.repeat(40),
      operation: null,
      files: changes,
      unmerged: [],
      intentToAdd: [],
      totals: { files: changes.length, additions, deletions: 0, hunks: changes.length },
    },
    content,
  };
}
