import type { FileChange, FileContent } from '../footprint/types.js';
import { replaceForbiddenCharacters } from '../strategy/message-characters.js';
import { partLines, type BatchPart } from './batch-parts.js';
import type { TypeChoice } from './commit-type.js';
import { isCode } from './categories.js';
import { editedRenameOf, exportsOnChangedLines, isModeOnly, newExports } from './commit-type.js';
import {
  batchDependencyChanges,
  batchScriptChanges,
  readDependencyImports,
} from './dependency-imports.js';
import { describeDependencyUse } from './dependency-use-subject.js';
import { findFolderModuleChange } from './folder-module.js';
import type { DependencyChange, ScriptChanges } from './manifest-changes.js';
import { baseNameOf, folderOf, stemOf } from './paths.js';
import { testTargetOf, type TestTarget } from './relations/test-source.js';
import { readProviderChanges } from './terraform.js';

type ContentMap = ReadonlyMap<string, FileContent>;

/** A subject's verb and the names of what changed, which the message shortens to fit a line. */
interface Subject {
  verb: string;
  names: string[];
  /** Words after the names, such as `to lib` in `move parser to lib`. */
  tail?: string;
  /** Singular and plural noun for the names when the subject counts them, files by default. */
  unit?: [string, string];
}

/**
 * Makes a name from a path or a declaration safe for a one-line subject. A line feed, a tab
 * and every character that `footprint validate` rejects in a message become `_`, so a file
 * named with U+202E still gets a valid message.
 */
function clean(name: string): string {
  return replaceForbiddenCharacters(name.replace(/[\n\t]/g, '_'), '_');
}

/** File stems that name a module's role, not the module: its folder names it instead. */
const GENERIC_STEMS = new Set(['index', 'main', 'mod', 'lib', '__init__', '__main__', 'init']);
/** Folders that hold a package's sources, named past to reach the package's own folder. */
const SOURCE_FOLDERS = new Set(['src', 'lib', 'source', 'sources']);
/** A TypeScript declaration file, such as `options.d.ts` or `index.d.mts`. */
const DECLARATION_FILE = /[^/]\.d\.[cm]?ts$/;
/** A numbered migration such as Django's `0002_product_stock`, named by its description. */
const NUMBERED = /^\d+[_-](?=[a-z])/i;
/** A Sass partial such as `_card.scss`, which `@use "card"` loads without the underscore. */
const SASS_PARTIAL = /(?:^|\/)_[^/]+\.s[ac]ss$/;

/**
 * Names a module for a subject: its file's stem, without a migration's number, the `.d` of a
 * declaration file (`options.d.ts` is `options`) or a Sass partial's `_` (`_card.scss` is
 * `card`). A file whose stem only names its role (`index.ts`, `main.tf`, `lib.rs`,
 * `__init__.py`, `_index.scss`) is named by its folder, past a `src/` folder
 * (`vendor/fmtnum/src/lib.rs` is `fmtnum`).
 */
function moduleName(path: string): string {
  let stem = DECLARATION_FILE.test(path) ? stemOf(path).slice(0, -2) : stemOf(path);
  if (SASS_PARTIAL.test(path)) stem = stem.slice(1);
  if (!GENERIC_STEMS.has(stem)) return clean(stem.replace(NUMBERED, ''));

  let folder = folderOf(path);
  if (SOURCE_FOLDERS.has(baseNameOf(folder))) folder = folderOf(folder);
  return clean(baseNameOf(folder) || stem);
}

function unique(names: string[]): string[] {
  return [...new Set(names)];
}

function verbOf(files: readonly FileChange[]): string {
  if (files.every((file) => file.status === 'added' || file.status === 'copied')) return 'add';
  if (files.every((file) => file.status === 'deleted')) return 'remove';
  return 'update';
}

function refactorSubject(code: readonly FileChange[]): Subject {
  const names = unique(code.map((file) => moduleName(file.path)));
  if (code.every((file) => file.status === 'deleted')) return { verb: 'remove', names };

  // One file renamed as it was, with the lines that name it edited in others.
  const moved = code.filter((file) => file.oldPath !== undefined && file.hunks.length === 0);
  const [only] = moved.length === 1 ? moved : code;
  if (
    (code.length === 1 || moved.length === 1) &&
    only?.oldPath !== undefined &&
    only.hunks.length === 0
  ) {
    const from = only.oldPath;
    const sameName = baseNameOf(from) === baseNameOf(only.path);
    // An `index.js` is named by its folder, so moving it to another folder renames the module.
    if (sameName && moduleName(from) !== moduleName(only.path)) {
      return { verb: 'rename', names: [moduleName(from)], tail: `to ${moduleName(only.path)}` };
    }
    if (sameName) {
      return {
        verb: 'move',
        names: [moduleName(only.path)],
        tail: `to ${clean(folderOf(only.path)) || 'the root'}`,
      };
    }
    const [before, after] = renameNames(from, only.path);
    return { verb: 'rename', names: [before], tail: `to ${after}` };
  }
  return { verb: 'restructure', names };
}

/**
 * Names the two paths of a rename by module, or by file name where the module names would hide
 * the rename: `test.yml` to `main.yml`, which the folder names, and `.eslintrc` to `.eslintrc.js`.
 */
function renameNames(from: string, to: string): [string, string] {
  const generic = GENERIC_STEMS.has(stemOf(from)) || GENERIC_STEMS.has(stemOf(to));
  if (generic || moduleName(from) === moduleName(to)) {
    return [clean(baseNameOf(from)), clean(baseNameOf(to))];
  }
  return [moduleName(from), moduleName(to)];
}

/**
 * Names the deleted modules of a batch whose other code edits only remove lines, such as the
 * imports and calls of what it deletes: `remove legacy`, not `restructure legacy and main`.
 */
function removalSubject(code: readonly BatchPart[], content: ContentMap): Subject | null {
  const deleted = code.filter((part) => part.file.status === 'deleted');
  if (deleted.length === 0 || deleted.length === code.length) return null;
  const others = code.filter((part) => part.file.status !== 'deleted');
  if (others.some((part) => partLines(part, content, 'added').length > 0)) return null;
  return { verb: 'remove', names: unique(deleted.map((part) => moduleName(part.file.path))) };
}

/** The noun of a subject that counts Terraform blocks. */
const BLOCKS: [string, string] = ['block', 'blocks'];

function featureSubject(
  code: readonly BatchPart[],
  content: ContentMap,
  choice: TypeChoice,
): Subject {
  const added = code.filter(
    (part) => part.file.status === 'added' || part.file.status === 'copied',
  );
  if (added.length > 0) return addedCodeSubject(code, added, content);
  if (choice.blocks) return { verb: 'add', names: choice.blocks.map(clean), unit: BLOCKS };
  if (choice.uses) {
    const users = unique(code.map((part) => moduleName(part.file.path)));
    const tail = users.length === 1 ? `in ${users[0]}` : undefined;
    return { verb: 'use', names: unique(choice.uses.map(moduleName)), ...(tail && { tail }) };
  }

  const extended = code.filter((part) => newExports(part, content).length > 0);
  const [only] = extended;
  if (extended.length === 1 && only) {
    const names = newExports(only, content).map(clean);
    const unit: [string, string] = ['export', 'exports'];
    // `export { Price } from './Price'` in an index makes an existing module's name public.
    if (onlyReExports(only, content)) {
      const module = moduleName(only.file.path);
      const stem = stemOf(only.file.path);
      const from = GENERIC_STEMS.has(stem) && module !== stem ? `the ${module} index` : module;
      return { verb: 'export', names, tail: `from ${from}`, unit };
    }
    return { verb: 'add', names, tail: `to ${moduleName(only.file.path)}`, unit };
  }
  // A module's new export and the index that re-exports it add one name: `add formatDay`.
  const names = unique(extended.flatMap((part) => newExports(part, content).map(clean)));
  if (extended.length > 1 && names.length <= MAX_NAMED_EXPORTS) {
    return { verb: 'add', names, unit: ['export', 'exports'] };
  }
  // The type may count an export as new where newExports finds a rename, so name every module.
  const named = extended.length > 0 ? extended : code;
  return { verb: 'extend', names: unique(named.map((part) => moduleName(part.file.path))) };
}

/** An export list that names another module: `export { a } from './a'`, `export * as b from`. */
const RE_EXPORT = /^\s*export\s+(?:type\s+)?(?:\{[^}]*\}|\*(?:\s+as\s+[\w$]+)?)\s+from\s/;

/** Returns true when every non-blank added line of a part re-exports from another module. */
function onlyReExports(part: BatchPart, content: ContentMap): boolean {
  const added = partLines(part, content, 'added').filter((line) => line.trim() !== '');
  return added.length > 0 && added.every((line) => RE_EXPORT.test(line));
}

/** Exports a new module may have for a subject to name them in place of the module. */
const MAX_NAMED_EXPORTS = 2;

/** Letters a module's name needs before a longer export name that contains it can narrow it. */
const MIN_MODULE_WORD = 3;

/**
 * Names a new code file by what it exports, `formatCurrency` for `currency.ts`, when its one or
 * two exports each contain the module's name and say more. Other files keep the module name,
 * as `tokenizer.ts` that exports `tokenize`, and so does an index file, named by its folder.
 */
function addedNames(part: BatchPart, content: ContentMap): string[] {
  const module = moduleName(part.file.path);
  if (GENERIC_STEMS.has(stemOf(part.file.path))) return [module];
  const exported = newExports(part, content).map(clean);
  const word = module.toLowerCase().replace(/[^a-z0-9]/g, '');
  const narrows = (name: string) => name.length > word.length && name.toLowerCase().includes(word);
  if (word.length < MIN_MODULE_WORD || exported.length === 0) return [module];
  if (exported.length > MAX_NAMED_EXPORTS || !exported.every(narrows)) return [module];
  return exported;
}

/**
 * Names a batch that removes one public export and adds one new export in its place:
 * `replace formatDate with formatDay`. Returns null for other batches.
 */
function replacementSubject(
  code: readonly BatchPart[],
  content: ContentMap,
  removedExports: readonly string[],
): Subject | null {
  const [removed] = removedExports;
  if (removed === undefined || removedExports.length !== 1) return null;
  const exportedOn = (side: 'added' | 'removed') =>
    new Set(code.flatMap((part) => [...exportsOnChangedLines(part, content, side).keys()]));
  const before = exportedOn('removed');
  const added = [...exportedOn('added')].filter((name) => !before.has(name));
  const [only] = added;
  if (only === undefined || added.length !== 1) return null;
  return { verb: 'replace', names: [clean(removed)], tail: `with ${clean(only)}` };
}

/** Other code files a `feat` subject names in its tail before it counts them. */
const MAX_OTHER_NAMES = 2;

/**
 * Names the new code files of a `feat` batch. When the batch edits more existing code files
 * than it adds, as in a conservative batch of one new file and five edited modules, the tail
 * names or counts the edited ones too, so the subject covers the batch: `add dbg and extend
 * 5 files`. The verb is `extend` when each of them adds exports, else `update`.
 */
function addedCodeSubject(
  code: readonly BatchPart[],
  added: readonly BatchPart[],
  content: ContentMap,
): Subject {
  const names = unique(added.flatMap((part) => addedNames(part, content)));
  const addedParts = new Set(added);
  const others = code.filter((part) => !addedParts.has(part));
  if (others.length <= added.length) return { verb: 'add', names };

  const extendsAll = others.every((part) => newExports(part, content).length > 0);
  const verb = extendsAll ? 'extend' : 'update';
  const otherNames = unique(others.map((part) => moduleName(part.file.path)));
  const edited =
    otherNames.length <= MAX_OTHER_NAMES
      ? listNames(otherNames, MAX_OTHER_NAMES)
      : `${others.length} files`;
  return { verb: 'add', names, tail: `and ${verb} ${edited}` };
}

function dependencySubject(changes: DependencyChange[]): Subject {
  const kinds = new Set(changes.map((change) => change.kind));
  const names = unique(changes.map((change) => clean(change.name)));
  const unit: [string, string] = ['dependency', 'dependencies'];
  const [only] = changes;
  if (changes.length === 1 && only?.kind === 'changed') {
    if (only.version === null) return { verb: 'update', names, unit };
    return { verb: changeVerb(changes), names, tail: `to ${clean(only.version)}`, unit };
  }
  if (kinds.size === 1 && kinds.has('added')) return { verb: 'add', names, unit };
  if (kinds.size === 1 && kinds.has('removed')) return { verb: 'remove', names, unit };
  if (kinds.size === 1) return { verb: changeVerb(changes), names, unit };
  const count = names.length === 1 ? '1 dependency' : `${names.length} dependencies`;
  return { verb: 'update', names: [count] };
}

/**
 * Adds the `scripts` entries a batch edits beside its dependencies to the subject's tail, such
 * as `and add lint script`, so a subject that names a bump does not hide a script edit. Each
 * kind of edit gets its verb (`, add lint script and update build script`), and a verb the
 * subject already starts with is not repeated (`update 2 dependencies and 3 scripts`).
 */
function withScripts(subject: Subject, scripts: ScriptChanges): Subject {
  const edits: Array<[string, string[]]> = [
    ['add', scripts.added],
    ['update', scripts.changed],
    ['remove', scripts.removed],
  ];
  const clauses = edits
    .map(([verb, names]): [string, string[]] => [verb, unique(names.map(clean))])
    .filter(([, names]) => names.length > 0);
  if (clauses.length === 0) return subject;

  const [only] = clauses;
  if (clauses.length === 1 && only) {
    const [verb, names] = only;
    const repeated = verb === subject.verb && subject.tail === undefined;
    const clause = repeated ? scriptNames(names) : `${verb} ${scriptNames(names)}`;
    return { ...subject, tail: `${subject.tail ?? ''} and ${clause}`.trimStart() };
  }
  const texts = clauses.map(([verb, names]) => `${verb} ${scriptNames(names)}`);
  const listed = `${texts.slice(0, -1).join(', ')} and ${texts[texts.length - 1]}`;
  return { ...subject, tail: `${subject.tail ?? ''}, ${listed}` };
}

/** Names one or two scripts (`lint script`, `fmt and test scripts`) and counts more. */
function scriptNames(names: readonly string[]): string {
  if (names.length === 1) return `${names[0]} script`;
  if (names.length === 2) return `${names[0]} and ${names[1]} scripts`;
  return `${names.length} scripts`;
}

/**
 * Returns the verb for version changes: `downgrade` when every one lowers the version, `bump`
 * when every one raises it, and `update` otherwise, as for `1.0.0` widened to `^1.0.0`.
 */
function changeVerb(changes: readonly DependencyChange[]): string {
  const moves = changes.map((change) => compareVersions(change.previous, change.version));
  if (moves.every((move) => move > 0)) return 'bump';
  if (moves.every((move) => move < 0)) return 'downgrade';
  return 'update';
}

/** The first version number of a range or tag: `1.2.3` in `^1.2.3`, `v4` in `v4`. */
const VERSION_NUMBER = /(\d+)(?:\.(\d+))?(?:\.(\d+))?/;

/** Returns 1 when `next` names a higher version than `previous`, -1 for a lower one, else 0. */
function compareVersions(previous: string | null | undefined, next: string | null): number {
  const before = VERSION_NUMBER.exec(previous ?? '');
  const after = VERSION_NUMBER.exec(next ?? '');
  // A version footprint cannot read, such as a tag or a Git URL, counts as a bump.
  if (!before || !after) return 1;
  for (let part = 1; part <= 3; part += 1) {
    const difference = Number(after[part] ?? 0) - Number(before[part] ?? 0);
    if (difference !== 0) return Math.sign(difference);
  }
  return 0;
}

function buildSubject(parts: readonly BatchPart[], content: ContentMap): Subject {
  const files = parts.map((part) => part.file);
  const manifests = parts.filter((part) => part.file.category === 'dependency-manifest');
  const lockfiles = files.filter((file) => file.category === 'lockfile');
  const changes =
    manifests.length > 0
      ? batchDependencyChanges(manifests, content)
      : readProviderChanges(parts, content);
  if (changes && changes.length > 0) {
    return withScripts(dependencySubject(changes), batchScriptChanges(manifests, content));
  }
  if (manifests.length === 0 && lockfiles.length > 0 && files.length === lockfiles.length) {
    // A lockfile the change deletes or adds is named, since nothing was refreshed.
    if (lockfiles.every((file) => file.status === 'deleted')) {
      return { verb: 'remove', names: lockfiles.map((file) => baseNameOf(file.path)) };
    }
    if (lockfiles.every((file) => file.status === 'added')) {
      return { verb: 'add', names: lockfiles.map((file) => baseNameOf(file.path)) };
    }
    return { verb: 'refresh', names: lockfiles.length === 1 ? ['lockfile'] : ['lockfiles'] };
  }
  if (manifests.some((part) => part.file.status === 'modified') && lockfiles.length > 0) {
    return { verb: 'update', names: ['dependencies'] };
  }
  return { verb: verbOf(files), names: unique(files.map((file) => clean(baseNameOf(file.path)))) };
}

/** A type test's stem, as tsd and Vitest name them: `options.test-d` tests `options`. */
const TYPE_TEST_STEM = /\.(?:test|spec)-d$/;

/**
 * Returns what a test tests, for its subject. testTargetOf leaves a type test unnamed, so it
 * pairs with no source by name, because such pairs lowered bench/untangle/run.ts on execa.
 */
function testedBy(file: FileChange): TestTarget | null {
  const target = testTargetOf(file);
  if (target === null || target.named || !TYPE_TEST_STEM.test(target.stem)) return target;
  return { stem: target.stem.replace(TYPE_TEST_STEM, ''), named: true };
}

/**
 * Names a test file that tests no named module by its stem, or by its folder when the stem only
 * names its role in a sample folder: `_config.js` and `main.svelte` in `samples/memoize/`.
 */
function testFileName(file: FileChange, target: TestTarget | null): string {
  const stem = target?.stem ?? stemOf(file.path);
  if (target?.named === true || !(GENERIC_STEMS.has(stem) || stem.startsWith('_'))) return stem;
  return baseNameOf(folderOf(file.path)) || stem;
}

/**
 * Names tests after what they test (`add tests for parser`), and test helpers and samples after
 * themselves (see testFileName).
 */
function testSubject(tests: readonly FileChange[]): Subject {
  const targets = tests.map(testedBy);
  const named = targets.every((target) => target?.named === true);
  const names = tests.map((file, index) => clean(testFileName(file, targets[index] ?? null)));
  const verb = named ? `${verbOf(tests)} tests for` : verbOf(tests);
  return { verb, names: unique(names) };
}

function describeByName(files: readonly FileChange[], nameOf: (path: string) => string): Subject {
  return { verb: verbOf(files), names: unique(files.map((file) => nameOf(file.path))) };
}

/** The noun of a subject that counts definitions. */
const DEFINITIONS: [string, string] = ['definition', 'definitions'];

/** Definitions or sections past which the subject of a whole file's edits names the file. */
const MAX_WHOLE_FILE_DEFINITIONS = 2;

/**
 * Names the edits of one code file after the definitions they edit, with `verb`, or returns
 * null to name the file. Some hunks of a file are always named by definition, because other
 * batches take the rest of the file, and the file name alone would give them all one message.
 * A whole file is named by definition only when each edit lies inside one, so a local such as
 * `const line` never names it, and when they are few.
 */
function definitionSubject(
  code: readonly BatchPart[],
  details: EditDetails,
  verb: string,
): Subject | null {
  const [only] = code;
  const definitions = details.definitions.filter((name) => name.length > 1);
  if (code.length !== 1 || !only || definitions.length === 0) return null;
  const few = details.enclosed === true && definitions.length <= MAX_WHOLE_FILE_DEFINITIONS;
  if (only.whole && !few) return null;

  // `update Batch`, not `update Batch in batch`.
  const module = moduleName(only.file.path);
  return {
    verb,
    names: unique(definitions.map(clean)),
    ...(isFileName(definitions, module) ? {} : { tail: `in ${module}` }),
    unit: ['definition', 'definitions'],
  };
}

/** Returns true when the only name is the file's own, letter case aside. */
function isFileName(names: readonly string[], module: string): boolean {
  return names.length === 1 && names[0]?.toLowerCase() === module.toLowerCase();
}

function cosmeticSubject(choice: TypeChoice, code: readonly BatchPart[]): Subject {
  const names = unique(code.map((part) => moduleName(part.file.path)));
  if (choice.type === 'style') return { verb: 'format', names };
  return { verb: 'update comments in', names };
}

/** Facts about a batch's edits beyond its files, which name things in the subject. */
export interface EditDetails {
  /** Functions and classes the batch's code edits. */
  definitions: readonly string[];
  /** True when every code edit lies inside a definition, not only beside or around one. */
  enclosed?: boolean;
  /** Titles of the docs sections the batch edits, in the order of its hunks. */
  sections?: readonly string[];
  /** True when every docs edit lies under a heading or adds one. */
  sectioned?: boolean;
  /** True when every docs edit adds whole sections, so `sections` are all new. */
  addsSections?: boolean;
  /** True when every edit fixes the spelling of a word in docs or comments. */
  spelling: boolean;
  /** The identifier every edit renames, when all of them rename the same one. */
  rename?: { from: string; to: string };
  /** Declarations the batch moves out of other files into the file at path `to`. */
  move?: { names: string[]; to: string };
}

/**
 * Maximum length of a subject that names a whole docs file by its sections. It leaves room for
 * the type and a scope, so that no title is cut to fit the header.
 */
const MAX_WHOLE_FILE_SECTION_SUBJECT = 50;

/**
 * Names docs after their files, or after the sections edited when the batch takes some hunks
 * of one docs file. Other batches then take the rest of that file, and the file name alone
 * would give them all the same message. A whole file is named by its sections when every edit
 * lies under a heading or adds one, and when they are few and short enough to be named whole.
 */
function docsSubject(docs: readonly BatchPart[], details: EditDetails): Subject {
  const files = docs.map((part) => part.file);
  const [only] = docs;
  const sections = details.sections ?? [];
  if (docs.length === 1 && only && sections.length > 0 && !details.spelling) {
    const module = moduleName(only.file.path);
    const adds = details.addsSections === true;
    const subject: Subject = {
      verb: adds ? 'add' : 'update',
      names: unique(sections.map(clean)),
      tail: adds ? `to ${module}` : `in ${module}`,
      unit: ['section', 'sections'],
    };
    const fits =
      details.sectioned === true &&
      !isFileName(sections, module) &&
      sections.length <= MAX_WHOLE_FILE_DEFINITIONS &&
      formatSubject(subject, MAX_WHOLE_FILE_DEFINITIONS).length <= MAX_WHOLE_FILE_SECTION_SUBJECT;
    if (!only.whole || fits) return subject;
  }
  if (!details.spelling) return describeByName(files, moduleName);
  return {
    verb: files.length === 1 ? 'fix typo in' : 'fix typos in',
    names: unique(files.map((file) => moduleName(file.path))),
  };
}

/** A YAML line that sets a key to a scalar or a flow list: `node-version: 22`, `node: [20, 22]`. */
const YAML_SETTING = /^\s*(?:-\s+)?([\w.-]+):\s+([^\s#][^#]*?)\s*(?:#.*)?$/;

/** A changed setting: the key and its value before and after. */
interface SettingChange {
  key: string;
  from: string;
  to: string;
}

/**
 * Reads the settings a hunk changes when each removed line sets a key that the added line at
 * the same place sets to another value, or returns null for any other edit.
 */
function settingChanges(hunk: { added: string[]; removed: string[] }): SettingChange[] | null {
  if (hunk.added.length !== hunk.removed.length || hunk.added.length === 0) return null;
  const changes: SettingChange[] = [];
  for (const [index, line] of hunk.added.entries()) {
    const after = YAML_SETTING.exec(line);
    const before = YAML_SETTING.exec(hunk.removed[index] ?? '');
    if (!after || !before || after[1] !== before[1]) return null;
    changes.push({ key: after[1] as string, from: before[2] as string, to: after[2] as string });
  }
  return changes;
}

/**
 * Names a batch whose every edit changes the version in a setting, as a workflow's Node
 * version: `bump node-version to 22`, or `update node-version and python-version` for several
 * keys. Returns null for any other batch, such as one that changes `on: push`, whose file
 * names it better.
 */
function settingSubject(parts: readonly BatchPart[], content: ContentMap): Subject | null {
  const changes: SettingChange[] = [];
  for (const part of parts) {
    const hunks = content.get(part.file.path)?.hunks ?? [];
    for (const index of part.hunks) {
      const found = hunks[index] && settingChanges(hunks[index]);
      if (!found) return null;
      changes.push(...found);
    }
  }
  const versions = changes.every(
    (change) => VERSION_NUMBER.test(change.from) && VERSION_NUMBER.test(change.to),
  );
  if (changes.length === 0 || !versions) return null;
  const keys = unique(changes.map((change) => clean(change.key)));
  const values = unique(changes.map((change) => clean(change.to)));
  const [only] = values;
  if (keys.length !== 1 || values.length !== 1 || only === undefined) {
    return { verb: 'update', names: keys };
  }
  const moves = changes.map((change) => compareVersions(change.from, change.to));
  let verb = 'update';
  if (moves.every((move) => move > 0)) verb = 'bump';
  if (moves.every((move) => move < 0)) verb = 'downgrade';
  return { verb, names: keys, tail: `to ${only}` };
}

/** Describes what a batch changes as a verb and names, by the batch's commit type. */
export function describeChange(
  parts: readonly BatchPart[],
  content: ContentMap,
  choice: TypeChoice,
  details: EditDetails = { definitions: [], spelling: false },
  removedExports: readonly string[] = [],
): Subject {
  const modeOnly = parts.filter((part) => isModeOnly(part.file));
  if (modeOnly.length > 0 && modeOnly.length < parts.length) {
    const edited = parts.filter((part) => !isModeOnly(part.file));
    const subject = describeChange(edited, content, choice, details, removedExports);
    return appendModeChange(subject, modeOnly);
  }
  const code = parts.filter((part) => isCode(part.file));
  const files = parts.map((part) => part.file);
  const docs = parts.filter((part) => part.file.category === 'docs');
  if (files.length > 0 && files.every(isModeOnly)) return modeSubject(files);
  if (files.length === 1 && isPureRename(files[0])) return refactorSubject(files);
  if (choice.release) return { verb: 'release', names: choice.release.map(clean) };
  // A file renamed with edits names the batch when the other files only update its imports.
  const renamed = editedRenameOf(parts, content);
  if (renamed && parts.some((part) => part.whole && part.file.path === renamed.path)) {
    return editedRenameSubject(renamed);
  }
  const folderModule = folderModuleSubject(parts);
  if (folderModule) return folderModule;
  const imports = readDependencyImports(parts, content);
  const dependencyUse = imports && describeDependencyUse(imports, moduleName, clean);
  if (dependencyUse) return dependencyUse;
  switch (choice.guessed ?? choice.type) {
    case 'feat':
      return (
        replacementSubject(code, content, removedExports) ?? featureSubject(code, content, choice)
      );
    case 'refactor':
      if (details.rename) {
        const { from, to } = details.rename;
        return { verb: 'rename', names: [clean(from)], tail: `to ${clean(to)}` };
      }
      if (details.move) {
        const { names, to } = details.move;
        const tail = `to ${moduleName(to)}`;
        return { verb: 'move', names: unique(names.map(clean)), tail, unit: DEFINITIONS };
      }
      return (
        removalSubject(code, content) ??
        definitionSubject(code, details, 'restructure') ??
        refactorSubject(code.map((part) => part.file))
      );
    case 'fix':
      return (
        definitionSubject(code, details, 'update') ?? {
          verb: 'update',
          names: unique(code.map((part) => moduleName(part.file.path))),
        }
      );
    case 'style':
      return cosmeticSubject(choice, code);
    case 'test':
      return testSubject(files.filter((file) => file.category === 'test'));
    case 'docs':
      if (docs.length === 0) return cosmeticSubject(choice, code);
      return docsSubject(docs, details);
    case 'build':
      if (choice.actions) return dependencySubject(choice.actions);
      return buildSubject(parts, content);
    case 'ci':
      return (
        settingSubject(parts, content) ?? describeByName(files, (path) => clean(baseNameOf(path)))
      );
    default:
      return describeByName(files, (path) => clean(baseNameOf(path)));
  }
}

/**
 * Names a batch that turns a module file into a folder module as `split config into a folder
 * module`, or the reverse as `merge the config folder module into one file` (see
 * findFolderModuleChange). Returns null for other batches.
 */
function folderModuleSubject(parts: readonly BatchPart[]): Subject | null {
  const found = findFolderModuleChange(parts.map((part) => part.file));
  if (found === null) return null;
  const name = moduleName(found.file);
  return found.split
    ? { verb: 'split', names: [name], tail: 'into a folder module' }
    : { verb: 'merge the', names: [name], tail: 'folder module into one file' };
}

/**
 * Names a batch of one whole renamed file with edits by its rename, `rename util to helpers
 * and update it`, because git pairs the paths only when most lines are kept (50 % by default).
 */
function editedRenameSubject(file: FileChange & { oldPath: string }): Subject {
  const renamed = refactorSubject([{ ...file, hunks: [] }]);
  return { ...renamed, tail: `${renamed.tail ?? ''} and update it`.trimStart() };
}

/** Returns true for a file renamed or moved with its content unchanged. */
function isPureRename(file: FileChange | undefined): boolean {
  return file?.status === 'renamed' && file.oldPath !== undefined && file.hunks.length === 0;
}

/** Names files whose mode alone changed: `make run.sh executable`, or `change the mode of`. */
function modeSubject(files: readonly FileChange[]): Subject {
  const names = unique(files.map((file) => clean(baseNameOf(file.path))));
  if (files.every((file) => file.newMode === '100755')) {
    return { verb: 'make', names, tail: 'executable' };
  }
  if (files.every((file) => file.oldMode === '100755' && file.newMode === '100644')) {
    return { verb: 'make', names, tail: 'non-executable' };
  }
  return { verb: 'change the mode of', names };
}

/** Adds the mode changes of a batch with other edits to its subject's tail, naming one file. */
function appendModeChange(subject: Subject, modeOnly: readonly BatchPart[]): Subject {
  const modes = formatSubject(modeSubject(modeOnly.map((part) => part.file)), 1);
  const tail = subject.tail === undefined ? `and ${modes}` : `${subject.tail} and ${modes}`;
  return { ...subject, tail };
}

/** Lists names as `a`, `a and b`, `a, b and c`, or `a, b and 3 more` past `max`. */
function listNames(names: readonly string[], max: number): string {
  if (names.length > max) return `${names.slice(0, max).join(', ')} and ${names.length - max} more`;
  if (names.length === 1) return names[0] ?? '';
  return `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}`;
}

function countNames(subject: Subject): string {
  const [one, many] = subject.unit ?? ['file', 'files'];
  const count = subject.names.length;
  return `${count} ${count === 1 ? one : many}`;
}

/** Writes a subject naming at most `maxNames` things, or with 0 counting them. */
export function formatSubject(subject: Subject, maxNames: number): string {
  const counted = maxNames === 0 || subject.names.length === 0;
  const words = [subject.verb, counted ? countNames(subject) : listNames(subject.names, maxNames)];
  const text = words.filter((word) => word !== '').join(' ');
  if (!subject.tail) return text;
  // A tail that lists more edits starts with a comma, which follows the names without a space.
  return subject.tail.startsWith(',') ? `${text}${subject.tail}` : `${text} ${subject.tail}`;
}

export type { Subject };
