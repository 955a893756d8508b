import type { FileChange } from '../footprint/types.js';
import type { FileTexts, TextSide } from './file-texts.js';
import type { LineIndex } from './line-index.js';
import { readBindingImports, type BindingImport } from './binding-imports.js';
import { readModuleSyntax, type ModuleSyntax } from './module-syntax.js';
import { ImportTargets, resolveImport } from './resolve-import.js';

const SCRIPT_PATH = /\.(?:[cm]?[jt]s|[jt]sx|vue|svelte)$/;

/** An import of another changed file, with the lines its statement spans. */
export interface ResolvedImport {
  /** The changed file it imports, by its staged path (its only path for a deletion). */
  target: string;
  firstLine: number;
  lastLine: number;
  locals: string[];
  imported: string[];
}

/** An exported name and the line it is on. */
export interface LocatedExport {
  name: string;
  line: number;
}

/** Returns true for a file whose text es-module-lexer reads: JavaScript, TypeScript, JSX. */
export function isScriptFile(file: FileChange): boolean {
  return file.opaque === undefined && !file.binary && SCRIPT_PATH.test(file.path);
}

/** Characters a relative specifier may span on either side of its `./`. */
const MAX_SPECIFIER_LENGTH = 300;

/**
 * Returns the quoted texts around each `./` of a text: every relative specifier the text can
 * hold, and some strings that are not specifiers. The lexer decides which are imports, so
 * these texts only show whether lexing can find an import of a changed file at all.
 */
function quotedRelativeTexts(text: string): string[] {
  const found: string[] = [];
  for (let at = text.indexOf('./'); at !== -1; at = text.indexOf('./', at + 2)) {
    let start = at;
    while (
      start > 0 &&
      at - start < MAX_SPECIFIER_LENGTH &&
      !`'"\`\n`.includes(text[start - 1] as string)
    )
      start -= 1;
    const quote = text[start - 1];
    if (quote === undefined || quote === '\n') continue;
    const end = text.indexOf(quote, at);
    if (end !== -1 && end - start < MAX_SPECIFIER_LENGTH) found.push(text.slice(start, end));
  }
  return found;
}

/** Source folders under which a folder is a module of the project, not a workspace package. */
const SOURCE_FOLDERS = new Set(['src', 'lib', 'source', 'app']);

/**
 * Returns true for the first segment of a specifier that no npm package name can start with,
 * so a bundler or tsconfig path alias maps it: `@`, `~`, `~lib`, `$lib`, `#app`, and a scope
 * with no package after it (`@utils`). validate-npm-package-name 7 rejects `$` and `#` in a
 * package name and `~` in a new one.
 */
function isAliasSegment(segment: string, alone: boolean): boolean {
  if (/^[~$#]/.test(segment) || segment === '@') return true;
  return alone && segment.startsWith('@');
}

/**
 * Returns true when a path alias such as `~lib/clock` may name the file whose path without
 * extension is `stem`. The alias may stand for a folder of its own name (`src/lib/clock`) or
 * for another folder, so what follows it is enough (`clock`).
 * NOTE: tsconfig.json `paths` are not read, so an alias is matched by name alone.
 */
function aliasMayReach(segments: readonly string[], stem: string): boolean {
  const [first = '', ...rest] = segments;
  return reachesStem([first.slice(1), ...rest], stem) || reachesStem(rest, stem);
}

/** Returns true when a path without extension ends with the given segments. */
function reachesStem(segments: readonly string[], stem: string): boolean {
  const path = segments.join('/');
  return path !== '' && `/${stem}`.endsWith(`/${path}`);
}

/**
 * Returns true when an import specifier may name `definer`. A path alias may, when its path is
 * where the definer lies (`@/utils/date` or `~utils/date` for `src/utils/date.ts` or
 * `src/utils/date/index.ts`, see aliasMayReach). A scoped name may be such an alias too
 * (`@lib/clock` for `src/lib/clock.ts`). A workspace package may, when its last name part is
 * a folder of `definer` outside a source folder (`@ws/utils` for `packages/utils/src/money.ts`,
 * not `lodash` for `src/lodash/index.js`).
 * NOTE: package.json files are not read, so a package in a folder of another name is missed.
 */
function mayReachLocally(specifier: string, definer: string): boolean {
  if (specifier.startsWith('.') || specifier.startsWith('/')) return false;
  const stem = definer.replace(/\.[^./]+$/, '').replace(/\/index$/, '');
  const parts = specifier.replace(/\.[^./]+$/, '').split('/');
  const [first = ''] = parts;
  if (isAliasSegment(first, parts.length === 1)) return aliasMayReach(parts, stem);
  // The scope must be a folder too, so `@babel/core` does not reach every `core.ts`.
  if (first.startsWith('@') && reachesStem([first.slice(1), ...parts.slice(1)], stem)) return true;

  const names = specifier.split('/');
  const packageName = specifier.startsWith('@') ? names[1] : names[0];
  if (packageName === undefined) return false;
  const folders = definer.split('/').slice(0, -1);
  return folders.some(
    (folder, index) => folder === packageName && !SOURCE_FOLDERS.has(folders[index - 1] ?? ''),
  );
}

/**
 * The imports between changed JavaScript and TypeScript files and their exports, on either
 * side of the change, lexed once per file and side on first use.
 */
export class ModuleIndex {
  private readonly syntaxes = new Map<string, ModuleSyntax>();
  /** The binding import statements of each staged text, read without the lexer. */
  private readonly bindingImports = new Map<string, BindingImport[]>();
  private readonly resolved = new Map<string, ResolvedImport[]>();
  private readonly byPath: Map<string, FileChange>;
  /** Paths a staged import may resolve to: every changed path that exists in the index. */
  private readonly newTargets: ImportTargets;
  /** HEAD paths a HEAD import may resolve to, mapped to their staged paths. */
  private readonly oldPaths: Map<string, string>;
  private readonly oldTargets: ImportTargets;

  constructor(
    files: readonly FileChange[],
    private readonly texts: FileTexts,
  ) {
    this.byPath = new Map(files.map((file) => [file.path, file]));
    const newPaths = files.filter((file) => file.status !== 'deleted').map((file) => file.path);
    this.newTargets = new ImportTargets(new Set(newPaths));
    this.oldPaths = new Map();
    for (const file of files) {
      if (file.status === 'added' || file.status === 'copied') continue;
      this.oldPaths.set(file.oldPath ?? file.path, file.path);
    }
    this.oldTargets = new ImportTargets(new Set(this.oldPaths.keys()));
  }

  /** Returns the imports of changed files in a file's text on one side, by statement order. */
  imports(path: string, side: TextSide): ResolvedImport[] {
    const key = `${side}\0${path}`;
    let imports = this.resolved.get(key);
    if (!imports) {
      imports = this.readImports(path, side);
      this.resolved.set(key, imports);
    }
    return imports;
  }

  /** Returns true when `specifier` may name `definer` (see mayReachLocally). */
  mayReach(specifier: string, definer: string): boolean {
    return mayReachLocally(specifier, definer);
  }

  /**
   * Returns true when a file's staged text imports `name` from a specifier that resolveImport
   * does not follow but that may name `definer`. Such a specifier is a path alias
   * (`@/components/x`, `~/x`, `#x`), or a workspace package whose last name part is a folder
   * of `definer` (`@ws/utils` for `packages/utils/src/money.ts`). A package from the registry
   * (`use-debounce`) is not one. `name` may be the local name or, under an alias
   * (`{ formatMoney as fm }`), the name the module exports.
   */
  importsFromPackage(path: string, name: string, definer: string): boolean {
    return this.importStatements(path).some(
      (entry) =>
        (entry.locals.includes(name) || entry.imported.includes(name)) &&
        mayReachLocally(entry.specifier, definer),
    );
  }

  /**
   * Returns true when a file's staged text imports `name` from a package that cannot be
   * `definer`'s (see mayReachLocally): the name there is the package's, not the definer's.
   */
  importsFromElsewhere(path: string, name: string, definer: string): boolean {
    return this.importStatements(path).some(
      (entry) =>
        entry.locals.includes(name) &&
        !entry.specifier.startsWith('.') &&
        !entry.specifier.startsWith('/') &&
        !mayReachLocally(entry.specifier, definer),
    );
  }

  /** Returns the imports of a file's staged text that bind local names, with their lines. */
  bindings(path: string): Array<{
    specifier: string;
    locals: string[];
    imported: string[];
    firstLine: number;
    lastLine: number;
  }> {
    const index = this.texts.index(path, 'new');
    if (index === null) return [];
    return this.importStatements(path).map((entry) => ({
      specifier: entry.specifier,
      locals: entry.locals,
      imported: entry.imported,
      firstLine: index.lineAt(entry.start),
      lastLine: index.lineAt(entry.end - 1),
    }));
  }

  /** Returns the import statements of a file's staged text that bind names, read once. */
  private importStatements(path: string): BindingImport[] {
    let found = this.bindingImports.get(path);
    if (found !== undefined) return found;

    const file = this.byPath.get(path);
    const text = file !== undefined && isScriptFile(file) ? this.texts.text(path, 'new') : null;
    found = text === null ? [] : readBindingImports(text, path);
    this.bindingImports.set(path, found);
    return found;
  }

  /** Returns the names a file's text on one side exports, with their lines. */
  exports(path: string, side: TextSide): LocatedExport[] {
    const index = this.texts.index(path, side);
    const syntax = this.syntax(path, side);
    if (!index || !syntax) return [];
    return syntax.exports.map((entry) => ({ name: entry.name, line: index.lineAt(entry.offset) }));
  }

  private syntax(path: string, side: TextSide): ModuleSyntax | null {
    const file = this.byPath.get(path);
    const text = this.texts.text(path, side);
    if (!file || !isScriptFile(file) || text === null) return null;

    const key = `${side}\0${path}`;
    let syntax = this.syntaxes.get(key);
    if (!syntax) {
      syntax = readModuleSyntax(text, path);
      this.syntaxes.set(key, syntax);
    }
    return syntax;
  }

  private readImports(path: string, side: TextSide): ResolvedImport[] {
    const file = this.byPath.get(path);
    const text = this.texts.text(path, side);
    const index = this.texts.index(path, side);
    if (!file || text === null || index === null) return [];

    // Lexing costs more than resolving every quoted relative text, so a file that cannot import
    // a changed file is not lexed.
    const importer = side === 'new' ? path : (file.oldPath ?? path);
    const candidates = quotedRelativeTexts(text);
    if (!candidates.some((specifier) => this.resolveTarget(importer, specifier, side) !== null)) {
      return [];
    }
    return this.resolveImports(this.syntax(path, side), importer, side, index);
  }

  private resolveImports(
    syntax: ModuleSyntax | null,
    importer: string,
    side: TextSide,
    index: LineIndex,
  ): ResolvedImport[] {
    const resolved: ResolvedImport[] = [];
    for (const entry of syntax?.imports ?? []) {
      const target = this.resolveTarget(importer, entry.specifier, side);
      if (target === null) continue;
      resolved.push({
        target,
        firstLine: index.lineAt(entry.start),
        lastLine: index.lineAt(Math.max(entry.end - 1, entry.start)),
        locals: entry.locals,
        imported: entry.imported,
      });
    }
    return resolved;
  }

  /** Resolves a specifier to the staged path of another changed file, or null. */
  private resolveTarget(importer: string, specifier: string, side: TextSide): string | null {
    if (side === 'new') {
      const target = resolveImport(importer, specifier, this.newTargets);
      return target === importer ? null : target;
    }
    const target = resolveImport(importer, specifier, this.oldTargets);
    const staged = target === null ? undefined : this.oldPaths.get(target);
    return staged === undefined || staged === this.oldPaths.get(importer) ? null : staged;
  }
}
