import { createHash } from 'node:crypto';
import { diffArrays } from 'diff';
import type {
  FileCategory,
  FileChange,
  FileContent,
  Footprint,
  FootprintWithContent,
  Hunk,
  HunkText,
  OpaqueReason,
} from '../../src/footprint/types.js';
import type { ChangeStatus, InProgressOperation } from '../../src/git/types.js';

/** One staged file for a test footprint: its old and new text, or null where it has none. */
export interface FileSpec {
  path: string;
  oldPath?: string;
  /** Inferred when absent: added without `old`, deleted without `new`, renamed with `oldPath`. */
  status?: ChangeStatus;
  old?: string | null;
  new?: string | null;
  /** Inferred from the path when absent; see inferCategory. */
  category?: FileCategory;
  binary?: boolean;
  opaque?: OpaqueReason;
}

export interface FootprintOptions {
  operation?: InProgressOperation | null;
  head?: string | null;
  stagedTree?: string | null;
}

export const HEAD_OID = '1'.repeat(40);
export const STAGED_TREE = '2'.repeat(40);

/** Joins lines into a text with a newline after each, as most files end. */
export function lines(...texts: string[]): string {
  return texts.map((text) => `${text}\n`).join('');
}

/** Guesses a category from a path, as far as the analysis tests need one. */
export function inferCategory(path: string): FileCategory {
  const base = path.slice(path.lastIndexOf('/') + 1);
  if (/\.(test|spec)\.[cm]?[jt]sx?$/.test(base) || /^(test|tests|__tests__)\//.test(path)) {
    return 'test';
  }
  if (path.startsWith('.github/workflows/')) return 'ci';
  if (/\.(md|rst|txt)$/.test(base) || path.startsWith('docs/')) return 'docs';
  if (['package.json', 'Cargo.toml', 'pyproject.toml', 'go.mod'].includes(base)) {
    return 'dependency-manifest';
  }
  if (['package-lock.json', 'yarn.lock', 'pnpm-lock.yaml', 'Cargo.lock', 'go.sum'].includes(base)) {
    return 'lockfile';
  }
  if (/^(tsconfig.*\.json|\.eslintrc.*|eslint\.config\.[cm]?js|\.prettierrc.*)$/.test(base)) {
    return 'config';
  }
  if (/\.(png|jpg|gif|ico|woff2?)$/.test(base)) return 'asset';
  return 'source';
}

function splitText(text: string | null | undefined): string[] {
  if (text === null || text === undefined || text === '') return [];
  const parts = text.split('\n');
  if (parts[parts.length - 1] === '') parts.pop();
  return parts.map((line) => (line.endsWith('\r') ? line.slice(0, -1) : line));
}

/** Computes hunks in git's zero-context numbering, with the lines each one removes and adds. */
export function diffHunks(
  oldText: string | null | undefined,
  newText: string | null | undefined,
): { hunks: Hunk[]; texts: HunkText[] } {
  const hunks: Hunk[] = [];
  const texts: HunkText[] = [];
  let oldIndex = 0;
  let newIndex = 0;
  let open: { oldStart: number; newStart: number; text: HunkText } | null = null;

  const close = (): void => {
    if (!open) return;
    const { removed, added } = open.text;
    hunks.push({
      oldStart: removed.length === 0 ? open.oldStart : open.oldStart + 1,
      oldLines: removed.length,
      newStart: added.length === 0 ? open.newStart : open.newStart + 1,
      newLines: added.length,
    });
    texts.push(open.text);
    open = null;
  };

  for (const part of diffArrays(splitText(oldText), splitText(newText))) {
    if (!part.added && !part.removed) {
      close();
      oldIndex += part.value.length;
      newIndex += part.value.length;
      continue;
    }
    open ??= { oldStart: oldIndex, newStart: newIndex, text: { removed: [], added: [] } };
    if (part.removed) {
      open.text.removed.push(...part.value);
      oldIndex += part.value.length;
    } else {
      open.text.added.push(...part.value);
      newIndex += part.value.length;
    }
  }
  close();
  return { hunks, texts };
}

function fakeOid(text: string | null | undefined): string | null {
  if (text === null || text === undefined) return null;
  return createHash('sha1').update(`blob ${text}`).digest('hex');
}

function inferStatus(spec: FileSpec): ChangeStatus {
  if (spec.status) return spec.status;
  if (spec.oldPath !== undefined) return 'renamed';
  if (spec.old === undefined || spec.old === null) return 'added';
  if (spec.new === undefined || spec.new === null) return 'deleted';
  return 'modified';
}

function buildFile(spec: FileSpec): { change: FileChange; content: FileContent } {
  const status = inferStatus(spec);
  const oldText = status === 'added' ? null : (spec.old ?? null);
  const newText = status === 'deleted' ? null : (spec.new ?? null);
  const opaque = spec.binary === true || spec.opaque !== undefined;
  const diff = opaque ? { hunks: [], texts: [] } : diffHunks(oldText, newText);

  const change: FileChange = {
    path: spec.path,
    status,
    oldMode: status === 'added' ? null : '100644',
    newMode: status === 'deleted' ? null : '100644',
    oldOid: fakeOid(oldText),
    newOid: fakeOid(newText),
    size: Buffer.byteLength(newText ?? oldText ?? ''),
    oldSize: oldText === null ? null : Buffer.byteLength(oldText),
    binary: spec.binary ?? false,
    lfs: false,
    symlink: false,
    category: spec.category ?? inferCategory(spec.path),
    language: /\.[cm]?tsx?$/.test(spec.path) ? 'typescript' : null,
    additions: diff.texts.reduce((sum, text) => sum + text.added.length, 0),
    deletions: diff.texts.reduce((sum, text) => sum + text.removed.length, 0),
    hunks: diff.hunks,
  };
  if (spec.oldPath !== undefined) change.oldPath = spec.oldPath;
  if (spec.opaque !== undefined) change.opaque = spec.opaque;

  const content: FileContent = opaque
    ? { oldText: null, newText: null, hunks: [] }
    : { oldText, newText, hunks: diff.texts };
  return { change, content };
}

/** Builds an in-memory footprint of the given staged files, in the order given. */
export function makeFootprint(
  specs: readonly FileSpec[],
  options: FootprintOptions = {},
): FootprintWithContent {
  const built = specs.map(buildFile);
  const files = built.map((file) => file.change);
  const footprint: Footprint = {
    head: {
      oid: options.head === undefined ? HEAD_OID : options.head,
      ref: 'refs/heads/main',
      detached: false,
    },
    headTree: '3'.repeat(40),
    stagedTree: options.stagedTree === undefined ? STAGED_TREE : options.stagedTree,
    operation: options.operation ?? null,
    files,
    unmerged: [],
    intentToAdd: [],
    totals: {
      files: files.length,
      additions: files.reduce((sum, file) => sum + file.additions, 0),
      deletions: files.reduce((sum, file) => sum + file.deletions, 0),
      hunks: files.reduce((sum, file) => sum + file.hunks.length, 0),
    },
  };
  return {
    footprint,
    content: new Map(built.map((file) => [file.change.path, file.content])),
  };
}

/** Returns the same footprint with its files in a different, seeded order. */
export function shuffleFiles(input: FootprintWithContent, seed: number): FootprintWithContent {
  const files = [...input.footprint.files];
  let state = seed;
  for (let i = files.length - 1; i > 0; i -= 1) {
    state = (state * 1103515245 + 12345) % 2147483648;
    const j = state % (i + 1);
    [files[i], files[j]] = [files[j] as FileChange, files[i] as FileChange];
  }
  return {
    footprint: { ...input.footprint, files },
    content: new Map([...input.content].reverse()),
  };
}
