import type { FileChange, FileContent } from '../../footprint/types.js';
import type { Ecosystem } from './ecosystems.js';

/** A changed line of a manifest: its number on its own side, and which side. */
interface ChangedLine {
  side: 'old' | 'new';
  line: number;
  text: string;
}

/** TOML tables that list dependencies: `[dependencies]`, `[dev-dependencies]`, `[tool.poetry.group.dev.dependencies]`, `[packages]`, ... */
const TOML_DEPENDENCY_TABLE =
  /dependencies|^\[?(?:dev-)?packages$|^requires$|^patch\b|^replace$|dependency-groups/;
const TOML_TABLE = /^\s*\[\[?\s*([^\]]+?)\s*\]\]?\s*(?:#.*)?$/;
/** `dependencies = [` or `optional-dependencies` keys inside `[project]` (PEP 621). */
const TOML_DEPENDENCY_KEY = /^\s*(?:dependencies|optional-dependencies|requires)\s*=/;
const GO_DIRECTIVE = /^\s*(require|replace|exclude|retract)\b/;
const YAML_TOP_KEY = /^([A-Za-z_][\w-]*):/;
const YAML_DEPENDENCY_KEY = /^(?:dependencies|dev_dependencies|dependency_overrides)$/;

function listChangedLines(file: FileChange, content: FileContent): ChangedLine[] {
  const changed: ChangedLine[] = [];
  file.hunks.forEach((hunk, index) => {
    const texts = content.hunks[index];
    texts?.removed.forEach((text, offset) =>
      changed.push({ side: 'old', line: hunk.oldStart + offset, text }),
    );
    texts?.added.forEach((text, offset) =>
      changed.push({ side: 'new', line: hunk.newStart + offset, text }),
    );
  });
  return changed;
}

/** A `required_providers {` line of a Terraform `terraform` block. */
const REQUIRED_PROVIDERS = /^\s*required_providers\s*\{/;

/**
 * Reads a Terraform text line by line and labels the lines of `required_providers` blocks, the
 * block's braces included, as `dependencies`. It counts braces outside strings and comments.
 */
class RequiredProvidersReader {
  private depth = 0;

  label(line: string): string {
    const code = line.replace(/"(?:[^"\\]|\\.)*"/g, '""').replace(/(?:#|\/\/).*$/, '');
    const opens = (code.match(/\{/g) ?? []).length;
    const closes = (code.match(/\}/g) ?? []).length;
    if (this.depth === 0) {
      if (!REQUIRED_PROVIDERS.test(code)) return '';
      this.depth = Math.max(opens - closes, 0);
      return 'dependencies';
    }
    this.depth = Math.max(this.depth + opens - closes, 0);
    return 'dependencies';
  }
}

/**
 * Labels each line of a text (1-based, index 0 unused) with the block it sits in, by a
 * line-by-line reading that needs no parser: the TOML table, the go.mod directive block, the
 * top-level YAML key, or a Terraform `required_providers` block.
 */
function labelLines(text: string, syntax: Ecosystem['syntax']): string[] {
  const labels = [''];
  let current = '';
  let inArray = false;
  const hclBlocks = new RequiredProvidersReader();
  for (const line of text.split('\n')) {
    if (syntax === 'toml') {
      const table = TOML_TABLE.exec(line);
      if (table) current = table[1] ?? '';
      // Inside [project], a multi-line `dependencies = [` array counts as a dependency block.
      if (TOML_DEPENDENCY_KEY.test(line)) inArray = !line.includes(']');
      else if (inArray && line.includes(']')) inArray = false;
      labels.push(
        TOML_DEPENDENCY_TABLE.test(current) || TOML_DEPENDENCY_KEY.test(line) || inArray
          ? 'dependencies'
          : current,
      );
    } else if (syntax === 'hcl') {
      labels.push(hclBlocks.label(line));
    } else if (syntax === 'go-mod') {
      const directive = GO_DIRECTIVE.exec(line);
      if (directive) current = line.includes('(') ? (directive[1] ?? '') : '';
      labels.push(directive ? 'dependencies' : current !== '' ? 'dependencies' : '');
      if (line.trim() === ')') current = '';
    } else {
      const key = YAML_TOP_KEY.exec(line);
      if (key) current = key[1] ?? '';
      labels.push(YAML_DEPENDENCY_KEY.test(current) ? 'dependencies' : current);
    }
  }
  return labels;
}

/**
 * Labels each line of a Terraform text (1-based, index 0 unused) `dependencies` when it lies
 * in a `required_providers` block, else with an empty string.
 */
export function labelRequiredProviderLines(text: string): string[] {
  return labelLines(text, 'hcl');
}

/**
 * Returns the values of a JSON manifest's dependency keys as one comparable string, or null
 * when the text is not JSON. A side without text (an added or deleted file) has none of the
 * keys, so a new manifest without dependencies compares equal to it.
 */
function jsonDependencies(text: string | null, keys: readonly string[]): string | null {
  if (text === null) return JSON.stringify(keys.map(() => null));
  try {
    // npm reads a manifest that starts with a byte order mark, so footprint does too.
    const manifest: unknown = JSON.parse(text.replace(/^\uFEFF/, ''));
    if (typeof manifest !== 'object' || manifest === null) return null;
    const record = manifest as Record<string, unknown>;
    return JSON.stringify(keys.map((key) => record[key] ?? null));
  } catch {
    return null;
  }
}

/**
 * Returns the first staged line that changes dependencies (0 when only removed lines do), or
 * null when the manifest's dependencies did not change. JSON manifests compare their
 * dependency keys parsed; the others label each changed line by the block it sits in.
 */
export function findDependencyChange(
  file: FileChange,
  content: FileContent,
  ecosystem: Ecosystem,
): number | null {
  if (ecosystem.syntax === 'json') {
    const before = jsonDependencies(content.oldText, ecosystem.keys ?? []);
    const after = jsonDependencies(content.newText, ecosystem.keys ?? []);
    if (before === null || after === null || before === after) return null;
    return file.hunks[0]?.newStart ?? 0;
  }

  const changed = listChangedLines(file, content).filter((line) => line.text.trim() !== '');
  const labels = {
    old: ecosystem.syntax === 'line' ? [] : labelLines(content.oldText ?? '', ecosystem.syntax),
    new: ecosystem.syntax === 'line' ? [] : labelLines(content.newText ?? '', ecosystem.syntax),
  };
  const isDependencyLine = (changedLine: ChangedLine): boolean =>
    ecosystem.syntax === 'line'
      ? (ecosystem.linePattern?.test(changedLine.text) ?? false)
      : labels[changedLine.side][changedLine.line] === 'dependencies';

  const hits = changed.filter(isDependencyLine);
  if (hits.length === 0) return null;
  return hits.find((hit) => hit.side === 'new')?.line ?? 0;
}
