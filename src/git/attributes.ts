import { readFileSync, statSync } from 'node:fs';

import { createDebug } from '../log/debug.js';
import { attributeSubject, compilePattern, type AttributePattern } from './attribute-pattern.js';
import { byteOfUnit, fromByteText, toByteText } from './byte-text.js';

const debug = createDebug('git');

/** Attribute values as `git check-attr` prints them; any other string is an assigned value. */
export type AttributeValue = 'set' | 'unset' | 'unspecified' | (string & {});

/** Source of attribute files: the `.gitattributes` blobs of the index, by folder. */
export interface AttributeFileSource {
  /** Returns the blob id of `<folder>/.gitattributes` in the index (`''` is the root), or null. */
  findAttributeFile(folder: string): Promise<string | null>;
  readBlob(oid: string): Promise<Buffer>;
}

export interface AttributeReaderOptions {
  /** `<commonDir>/info/attributes`, which overrides every `.gitattributes`. */
  infoAttributesPath: string;
  /** The user-wide file (see findGlobalAttributesFile), read below every `.gitattributes`. */
  globalAttributesPath?: string | undefined;
  /** The system-wide file (see findSystemAttributesFile), read below the user-wide file. */
  systemAttributesPath?: string | null | undefined;
  /** `core.ignoreCase`: patterns match regardless of case. */
  ignoreCase?: boolean;
}

/** Git ignores longer lines in attribute files (since 2.39.1). */
const MAX_LINE_BYTES = 2048;
/** Git ignores larger attribute files (since 2.39.1). */
const MAX_FILE_BYTES = 100 * 1024 * 1024;
const BLANK = /[ \t\r\n]/;
const ATTRIBUTE_NAME = /^[a-zA-Z0-9_.][-a-zA-Z0-9_.]*$/;
const MACRO_PREFIX = '[attr]';
const BYTE_ORDER_MARK = toByteText(Buffer.from([0xef, 0xbb, 0xbf]));

/** One assignment in an attribute line; null stands for `!name` (back to unspecified). */
type Assignment = [name: string, value: AttributeValue | null];

interface AttributeRule {
  /** The rule's pattern; absent for macro definitions. */
  pattern?: AttributePattern;
  macroName?: string;
  /** Shared by the lines of a file that assign the same list, so read it only. */
  assignments: readonly Assignment[];
}

interface AttributeFile {
  rules: AttributeRule[];
}

/** `binary` is git's one built-in macro. */
const BUILT_IN_MACROS = new Map<string, Assignment[]>([
  [
    'binary',
    [
      ['diff', 'unset'],
      ['merge', 'unset'],
      ['text', 'unset'],
    ],
  ],
]);

/**
 * Looks up `.gitattributes` values for paths as `git check-attr --cached` does. It reads the
 * index's attribute files from the root down to the path's folder, with the system-wide and
 * then the user-wide file below them and `info/attributes` above them. Later lines win, and
 * `[attr]` macros expand.
 */
export class AttributeReader {
  private readonly filesByFolder = new Map<string, Promise<string | null>>();
  private readonly parsed = new Map<string, Promise<AttributeFile>>();

  constructor(
    private readonly source: AttributeFileSource,
    private readonly options: AttributeReaderOptions,
  ) {}

  /** Returns each requested attribute of `path`, as `git check-attr --cached` would print it. */
  async read(path: string, names: readonly string[]): Promise<Record<string, AttributeValue>> {
    const stack = await this.stackFor(path);
    const macros = collectMacros(stack);
    const state = new Map<string, AttributeValue>();
    // git matches patterns against the bytes of the path, not its characters.
    const subject = attributeSubject(path, this.options.ignoreCase ?? false);
    for (const file of stack) {
      for (const rule of file.rules) {
        if (rule.pattern?.matches(subject)) applyAssignments(state, rule.assignments, macros, 0);
      }
    }

    const result: Record<string, AttributeValue> = {};
    for (const name of names) result[name] = state.get(name) ?? 'unspecified';
    return result;
  }

  /** Attribute files that apply to `path`, lowest precedence first. */
  private async stackFor(path: string): Promise<AttributeFile[]> {
    const stack: AttributeFile[] = [];
    if (this.options.systemAttributesPath) {
      stack.push(await this.parseFromDisk(this.options.systemAttributesPath, true));
    }
    if (this.options.globalAttributesPath) {
      stack.push(await this.parseFromDisk(this.options.globalAttributesPath, true));
    }

    for (const folder of foldersOf(path)) {
      const oid = await this.findFile(folder);
      if (oid !== null) stack.push(await this.parseFromIndex(folder, oid));
    }

    stack.push(await this.parseFromDisk(this.options.infoAttributesPath, true));
    return stack;
  }

  private findFile(folder: string): Promise<string | null> {
    let oid = this.filesByFolder.get(folder);
    if (!oid) {
      oid = this.source.findAttributeFile(folder);
      this.filesByFolder.set(folder, oid);
    }
    return oid;
  }

  private parseFromIndex(folder: string, oid: string): Promise<AttributeFile> {
    const key = `index:${folder}:${oid}`;
    let file = this.parsed.get(key);
    if (!file) {
      file = this.source.readBlob(oid).then((blob) => this.parse(blob, folder, folder === ''));
      this.parsed.set(key, file);
    }
    return file;
  }

  private parseFromDisk(filePath: string, macrosAllowed: boolean): Promise<AttributeFile> {
    const key = `file:${filePath}`;
    let file = this.parsed.get(key);
    if (!file) {
      file = readOptionalFile(filePath).then((content) => this.parse(content, '', macrosAllowed));
      this.parsed.set(key, file);
    }
    return file;
  }

  private parse(content: Buffer, folder: string, macrosAllowed: boolean): AttributeFile {
    if (content.length > MAX_FILE_BYTES) {
      debug(`attributes: ignoring ${folder || '.'}/.gitattributes, larger than 100 MiB`);
      return { rules: [] };
    }
    return parseAttributeFile(content, folder, macrosAllowed, this.options.ignoreCase ?? false);
  }
}

/** Returns `''`, then each folder on the way to the path's parent: `a/b/c` gives '', a, a/b. */
function foldersOf(path: string): string[] {
  const folders = [''];
  for (let slash = path.indexOf('/'); slash >= 0; slash = path.indexOf('/', slash + 1)) {
    folders.push(path.slice(0, slash));
  }
  return folders;
}

// A synchronous read: the file is small, and node's fs/promises would be loaded for it alone.
async function readOptionalFile(filePath: string): Promise<Buffer> {
  try {
    // git reads no attributes from a folder, a link loop or a named pipe it would wait on.
    if (statSync(filePath, { throwIfNoEntry: false })?.isFile() !== true) return Buffer.alloc(0);
    return readFileSync(filePath);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code !== undefined && NO_ATTRIBUTES_CODES.has(code)) return Buffer.alloc(0);
    throw error;
  }
}

/** Errors that leave a path without attributes, as git treats them. */
const NO_ATTRIBUTES_CODES: ReadonlySet<string> = new Set([
  'ENOENT',
  'ENOTDIR',
  'EISDIR',
  'ELOOP',
  'ENAMETOOLONG',
]);

/** Collects the macro definitions in effect, where a later definition replaces an earlier one. */
function collectMacros(stack: readonly AttributeFile[]): Map<string, readonly Assignment[]> {
  const macros = new Map<string, readonly Assignment[]>(BUILT_IN_MACROS);
  for (const file of stack) {
    for (const rule of file.rules) {
      if (rule.macroName !== undefined) macros.set(rule.macroName, rule.assignments);
    }
  }
  return macros;
}

/** Applies assignments in order; a macro set to true also applies its own assignments there. */
function applyAssignments(
  state: Map<string, AttributeValue>,
  assignments: readonly Assignment[],
  macros: ReadonlyMap<string, readonly Assignment[]>,
  depth: number,
): void {
  for (const [name, value] of assignments) {
    if (value === null) state.delete(name);
    else state.set(name, value);

    const expansion = macros.get(name);
    if (value === 'set' && expansion && depth < 16) {
      applyAssignments(state, expansion, macros, depth + 1);
    }
  }
}

/**
 * Parses an attribute file. `folder` is where it sits, which anchors patterns that contain a
 * slash. The file is read as bytes (a byte text), as git reads it, so a pattern may hold
 * bytes that are not valid UTF-8. Macros are honoured only where git allows them: the root `.gitattributes`,
 * info/attributes, the global file and the system file.
 */
export function parseAttributeFile(
  content: Buffer,
  folder: string,
  macrosAllowed: boolean,
  ignoreCase: boolean,
): AttributeFile {
  const text = stripByteOrderMark(toByteText(content));
  const context: ParseContext = { folder, macrosAllowed, ignoreCase, lists: new Map() };
  const rules: AttributeRule[] = [];
  for (const line of text.split('\n')) {
    if (line.length > MAX_LINE_BYTES) continue;

    const rule = parseLine(line, context);
    if (rule) rules.push(rule);
  }
  return { rules };
}

/** An attribute file's settings, and its parsed attribute lists by their text. */
interface ParseContext {
  folder: string;
  macrosAllowed: boolean;
  ignoreCase: boolean;
  /** Generated files repeat one list on thousands of lines, so each distinct list is parsed once. */
  lists: Map<string, readonly Assignment[] | null>;
}

function stripByteOrderMark(text: string): string {
  return text.startsWith(BYTE_ORDER_MARK) ? text.slice(BYTE_ORDER_MARK.length) : text;
}

function parseLine(line: string, context: ParseContext): AttributeRule | null {
  const trimmed = line.replace(/^[ \t\r\n]+/, '');
  if (trimmed === '' || trimmed.startsWith('#')) return null;

  const { pattern, rest } = splitPattern(trimmed);
  let assignments = context.lists.get(rest);
  if (assignments === undefined) {
    assignments = parseAssignments(rest);
    context.lists.set(rest, assignments);
  }
  if (!assignments) return null;

  if (pattern.length > MACRO_PREFIX.length && pattern.startsWith(MACRO_PREFIX)) {
    return context.macrosAllowed ? parseMacro(pattern, assignments) : null;
  }
  const compiled = compilePattern(pattern, context.folder, context.ignoreCase);
  return compiled ? { pattern: compiled, assignments } : null;
}

/** Splits the pattern (C-quoted when it starts with `"`) from the attribute list after it. */
function splitPattern(line: string): { pattern: string; rest: string } {
  if (line.startsWith('"')) {
    const unquoted = unquoteC(line);
    if (unquoted) return unquoted;
  }
  const end = line.search(BLANK);
  if (end < 0) return { pattern: line, rest: '' };
  return { pattern: line.slice(0, end), rest: line.slice(end) };
}

/** Parses a `[attr]name attrs...` line into the macro's name and what setting it assigns. */
function parseMacro(pattern: string, assignments: readonly Assignment[]): AttributeRule | null {
  const name =
    pattern
      .slice(MACRO_PREFIX.length)
      .replace(/^[ \t\r\n]+/, '')
      .split(BLANK)[0] ?? '';
  if (!ATTRIBUTE_NAME.test(name)) return null;
  return { macroName: name, assignments };
}

/** Parses `name`, `-name`, `!name` and `name=value`; one invalid name voids the whole line. */
function parseAssignments(text: string): Assignment[] | null {
  const assignments: Assignment[] = [];
  for (const token of text.split(BLANK)) {
    if (token === '') continue;

    const equals = token.indexOf('=');
    let name = equals < 0 ? token : token.slice(0, equals);
    let value: AttributeValue | null = equals < 0 ? 'set' : decodeValue(token.slice(equals + 1));
    if (name.startsWith('-') || name.startsWith('!')) {
      value = name.startsWith('-') ? 'unset' : null;
      name = name.slice(1);
    }
    if (!ATTRIBUTE_NAME.test(name)) return null;
    assignments.push([name, value]);
  }
  return assignments;
}

/** Decodes an assigned value from the byte text of the file as UTF-8. */
function decodeValue(byteText: string): string {
  // eslint-disable-next-line no-control-regex -- the check is for code units above 0x7f
  return /[^\x00-\x7f]/.test(byteText) ? fromByteText(byteText).toString('utf8') : byteText;
}

const C_ESCAPES: Record<string, number> = {
  a: 7,
  b: 8,
  f: 12,
  n: 10,
  r: 13,
  t: 9,
  v: 11,
  '\\': 0x5c,
  '"': 0x22,
};

/**
 * Reads a C-style quoted pattern (`"a\tb"`, octal `\303\251`) from a byte text, into a byte
 * text; null when it is not closed.
 */
function unquoteC(line: string): { pattern: string; rest: string } | null {
  const bytes: number[] = [];
  let i = 1;
  while (i < line.length) {
    const char = line[i] as string;
    if (char === '"') {
      return { pattern: toByteText(Buffer.from(bytes)), rest: line.slice(i + 1) };
    }
    if (char !== '\\') {
      bytes.push(byteOfUnit(line.charCodeAt(i)));
      i += 1;
      continue;
    }

    const next = line[i + 1] ?? '';
    const octal = /^[0-3][0-7]{2}/.exec(line.slice(i + 1, i + 4));
    if (octal) {
      bytes.push(parseInt(octal[0], 8));
      i += 4;
    } else if (next in C_ESCAPES) {
      bytes.push(C_ESCAPES[next] as number);
      i += 2;
    } else {
      return null;
    }
  }
  return null;
}
