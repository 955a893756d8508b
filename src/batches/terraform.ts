import type { FileContent } from '../footprint/types.js';
import { labelRequiredProviderLines } from '../risk/dependencies/changed-dependencies.js';
import type { BatchPart } from './batch-parts.js';
import type { DependencyChange } from './manifest-changes.js';
import { comparePaths } from './paths.js';

type ContentMap = ReadonlyMap<string, FileContent>;

/** Returns true for a Terraform configuration file, which Terraform reads by its `.tf` name. */
export function isTerraformPath(path: string): boolean {
  return path.endsWith('.tf');
}

/** A changed line of a part: its number on its own side, and its text. */
interface PartLine {
  side: 'old' | 'new';
  line: number;
  text: string;
}

function changedLinesOf(part: BatchPart, content: ContentMap): PartLine[] {
  const hunks = content.get(part.file.path)?.hunks ?? [];
  return part.hunks.flatMap((index) => {
    const hunk = part.file.hunks[index];
    const texts = hunks[index];
    if (!hunk || !texts) return [];
    return [
      ...texts.removed.map((text, at) => ({
        side: 'old' as const,
        line: hunk.oldStart + at,
        text,
      })),
      ...texts.added.map((text, at) => ({ side: 'new' as const, line: hunk.newStart + at, text })),
    ];
  });
}

/**
 * Returns true when every non-blank line a Terraform part changes lies in a
 * `required_providers` block, so the part changes only which providers the module needs.
 */
function changesOnlyProviders(part: BatchPart, content: ContentMap): boolean {
  const file = content.get(part.file.path);
  if (!isTerraformPath(part.file.path) || file === undefined) return false;
  const lines = changedLinesOf(part, content).filter((line) => line.text.trim() !== '');
  if (lines.length === 0) return false;

  const labels = {
    old: labelRequiredProviderLines(file.oldText ?? ''),
    new: labelRequiredProviderLines(file.newText ?? ''),
  };
  return lines.every((line) => labels[line.side][line.line] === 'dependencies');
}

/**
 * Returns true when a Terraform part changes a line of a `required_providers` block, so the
 * module's `.terraform.lock.hcl` has to change with it.
 */
export function changesProviderRequirements(part: BatchPart, content: ContentMap): boolean {
  const file = content.get(part.file.path);
  if (!isTerraformPath(part.file.path) || file === undefined) return false;
  const labels = {
    old: labelRequiredProviderLines(file.oldText ?? ''),
    new: labelRequiredProviderLines(file.newText ?? ''),
  };
  return changedLinesOf(part, content).some(
    (line) => line.text.trim() !== '' && labels[line.side][line.line] === 'dependencies',
  );
}

/**
 * Returns true for a batch of Terraform files that change only `required_providers` blocks,
 * with or without lockfiles such as `.terraform.lock.hcl`: a dependency update.
 */
export function updatesTerraformProviders(
  parts: readonly BatchPart[],
  content: ContentMap,
): boolean {
  const terraform = parts.filter((part) => isTerraformPath(part.file.path));
  if (terraform.length === 0) return false;
  const others = parts.filter((part) => !isTerraformPath(part.file.path));
  return (
    others.every((part) => part.file.category === 'lockfile') &&
    terraform.every((part) => changesOnlyProviders(part, content))
  );
}

/** A provider requirement: its local name, version constraint and lines in its text. */
interface ProviderEntry {
  name: string;
  version: string | null;
  first: number;
  last: number;
}

/**
 * An entry of a `required_providers` block: `aws = {`, or `aws = "~> 2.70"` as Terraform
 * before 0.13 wrote it.
 */
const PROVIDER_ENTRY = /^\s*([A-Za-z][\w-]*)\s*=\s*(.*)$/;
const VERSION_ATTRIBUTE = /\bversion\s*=\s*"([^"]*)"/;

/** Returns how many more `{` than `}` a line has outside its strings and comments. */
function braceBalance(line: string): number {
  const code = line.replace(/"(?:[^"\\]|\\.)*"/g, '""').replace(/(?:#|\/\/).*$/, '');
  return (code.match(/\{/g) ?? []).length - (code.match(/\}/g) ?? []).length;
}

/** Reads the provider entries of a Terraform text's `required_providers` blocks. */
function readProviderEntries(text: string): ProviderEntry[] {
  const labels = labelRequiredProviderLines(text);
  const entries: ProviderEntry[] = [];
  let open: ProviderEntry | null = null;
  // Depth 1 is the block's own body, where each entry starts.
  let depth = 0;
  text.split('\n').forEach((line, offset) => {
    const number = offset + 1;
    if (labels[number] !== 'dependencies') {
      depth = 0;
      open = null;
      return;
    }
    const entry = depth === 1 ? PROVIDER_ENTRY.exec(line) : null;
    if (entry?.[1] !== undefined) {
      const legacy = /^"([^"]*)"/.exec((entry[2] ?? '').trim())?.[1];
      open = { name: entry[1], version: legacy ?? null, first: number, last: number };
      entries.push(open);
    }
    const version = VERSION_ATTRIBUTE.exec(line)?.[1];
    if (open !== null) {
      open.last = number;
      if (version !== undefined) open.version = version;
    }
    depth += braceBalance(line);
    if (depth <= 1) open = null;
  });
  return entries;
}

/**
 * Returns the provider requirements that a batch's Terraform parts add, remove or change, by
 * the entries their changed lines touch, sorted by name. Returns null for a batch of no
 * Terraform file.
 */
export function readProviderChanges(
  parts: readonly BatchPart[],
  content: ContentMap,
): DependencyChange[] | null {
  const terraform = parts.filter((part) => isTerraformPath(part.file.path));
  if (terraform.length === 0) return null;

  const changes: DependencyChange[] = [];
  for (const part of terraform) {
    const file = content.get(part.file.path);
    if (file === undefined) continue;
    const lines = changedLinesOf(part, content);
    const touched = (entries: ProviderEntry[], side: 'old' | 'new') =>
      new Map(
        entries
          .filter((entry) =>
            lines.some((at) => at.side === side && at.line >= entry.first && at.line <= entry.last),
          )
          .map((entry) => [entry.name, entry]),
      );
    const before = readProviderEntries(file.oldText ?? '');
    const after = readProviderEntries(file.newText ?? '');
    const names = new Set([...touched(before, 'old').keys(), ...touched(after, 'new').keys()]);
    for (const name of names) {
      const previous = before.find((entry) => entry.name === name);
      const next = after.find((entry) => entry.name === name);
      if (next === undefined) changes.push({ name, kind: 'removed', version: null });
      else if (previous === undefined) changes.push({ name, kind: 'added', version: next.version });
      else if (previous.version !== next.version) {
        changes.push({ name, kind: 'changed', version: next.version, previous: previous.version });
      }
    }
  }
  return changes.sort((a, b) => comparePaths(a.name, b.name));
}

/** A top-level block header: `resource "aws_s3_bucket" "logs" {`, `variable "region" {`. */
const TOP_LEVEL_BLOCK =
  /^(resource|data|variable|output|module|provider|locals)\b\s*((?:"[^"]*"\s*)*)\{/;

/** Names a block for a subject: `region variable`, `aws_s3_bucket.logs`, `data.aws_ami.ubuntu`. */
function blockName(kind: string, labels: string[]): string {
  if (kind === 'locals') return 'locals';
  if (kind === 'resource') return labels.join('.');
  if (kind === 'data') return ['data', ...labels].join('.');
  return `${labels[0] ?? ''} ${kind}`.trim();
}

/**
 * Returns the top-level blocks that a batch of Terraform files adds, such as `region variable`,
 * when every part only adds lines and at least one of them opens a block. Returns null for any
 * other batch, such as one that also removes or edits lines.
 */
export function addedTerraformBlocks(
  code: readonly BatchPart[],
  content: ContentMap,
): string[] | null {
  if (code.length === 0 || !code.every((part) => isTerraformPath(part.file.path))) return null;
  const lines = code.flatMap((part) => changedLinesOf(part, content));
  if (lines.some((line) => line.side === 'old' && line.text.trim() !== '')) return null;

  const blocks: string[] = [];
  for (const { text } of lines) {
    const header = TOP_LEVEL_BLOCK.exec(text);
    if (header === null) continue;
    const labels = [...(header[2] ?? '').matchAll(/"([^"]*)"/g)].map((match) => match[1] ?? '');
    blocks.push(blockName(header[1] ?? '', labels));
  }
  return blocks.length > 0 ? [...new Set(blocks)] : null;
}
