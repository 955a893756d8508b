import type { FileChange, FileContent } from '../footprint/types.js';
import { readActionUpdates } from './action-updates.js';
import { linesOfParts, partLines, type BatchPart } from './batch-parts.js';
import { isCode } from './categories.js';
import { batchFeatures } from './code-features.js';
import { readLearnedCodeType, readLearnedType, type CoChangeModel } from './co-change.js';
import { isCommentOnly, isWhitespaceOnly } from './edit-shape.js';
import { findListedExports } from './export-lists.js';
import { findFolderModuleChange } from './folder-module.js';
import { changesDependencies, type DependencyChange } from './manifest-changes.js';
import { isReleaseNoteFile, readReleasedVersions } from './release.js';
import { addedTerraformBlocks, isTerraformPath, updatesTerraformProviders } from './terraform.js';
import { COMMIT_TYPES, type CommitType } from './types.js';
import { adoptBotConvention } from './update-bots/adopt-convention.js';
import type { UpdateBots } from './update-bots/load.js';

/** A commit type and the reason it was chosen, which the batch rationale repeats. */
export interface TypeChoice {
  type: CommitType;
  reason: string;
  /** New files of earlier batches that this batch starts to use, when that made it a `feat`. */
  uses?: string[];
  /** The Terraform blocks the batch adds, such as `region variable`, when they made it a `feat`. */
  blocks?: string[];
  /** The versions the batch releases, when it bumps versions and nothing else (see release.ts). */
  release?: string[];
  /**
   * The type whose subject, scope and place in the order the batch keeps when its written type
   * differs: a habit or an update bot's configuration replaced it, or a dependency update is
   * written `chore`. A configuration's own scope, in `scope`, replaces the guessed one.
   */
  guessed?: CommitType;
  /** The actions whose versions the batch bumps, when it bumps nothing else (see action-updates.ts). */
  actions?: DependencyChange[];
  /** True for a batch that only updates dependencies, whose type an update bot may configure. */
  updatesDependencies?: true;
  /** The scope that an update bot's configuration gives the batch, null for none. */
  scope?: string | null;
}

/** A share of added lines that also appear among the removed lines above which code only moved. */
const MOVED_SHARE = 0.6;

/**
 * Declarations that other modules can use, each with the name in group 1. They are JavaScript
 * and TypeScript exports, Rust `pub` items (not `pub(crate)`), and top-level Python functions
 * and classes whose names do not start with `_`. In Go they are functions, methods and types
 * whose names start with a capital, except in `package main`, which no package imports.
 */
const EXPORTED_DECLARATIONS: ReadonlyArray<{ pattern: RegExp; go?: boolean }> = [
  {
    pattern:
      /^\s*export\s+(?:default\s+)?(?:declare\s+)?(?:abstract\s+)?(?:async\s+)?(?:function\*?|class|const|let|var|interface|type|enum|namespace)\s+([A-Za-z_$][\w$]*)/,
  },
  {
    pattern:
      /^\s*pub\s+(?:async\s+)?(?:unsafe\s+)?(?:fn|struct|enum|trait|type|const|static|mod)\s+([A-Za-z_]\w*)/,
  },
  { pattern: /^(?:async\s+)?(?:def|class)\s+([A-Za-z]\w*)\s*[(:]/ },
  { pattern: /^func\s+(?:\([^)]*\)\s*)?([A-Z]\w*)\s*[[(]/, go: true },
  { pattern: /^type\s+([A-Z]\w*)\s+(?:struct|interface|func|map|\[|[A-Z])/, go: true },
];

const GO_MAIN_PACKAGE = /^package\s+main\s*$/m;

type ContentMap = ReadonlyMap<string, FileContent>;

/**
 * Returns the exported names on `lines`, each with its line's shape: the trimmed line with the
 * name taken out, which a renamed declaration keeps.
 */
function exportedNames(lines: readonly string[], goMain = false): Map<string, string> {
  const names = new Map<string, string>();
  for (const line of lines) {
    for (const { pattern, go } of EXPORTED_DECLARATIONS) {
      if (go && goMain) continue;
      const name = pattern.exec(line)?.[1];
      if (name !== undefined) names.set(name, shapeOf(line, name));
    }
  }
  return names;
}

function shapeOf(line: string, name: string): string {
  return line.trim().replace(name, '\0');
}

/**
 * Adds to `names` what export lists make public on one side's changed lines of `hunks`:
 * `export { parse } from './parse'`, or `  parse,` inside a list over several lines.
 */
function addListedExports(
  names: Map<string, string>,
  part: BatchPart,
  hunks: readonly number[],
  content: ContentMap,
  side: 'added' | 'removed',
): void {
  const file = content.get(part.file.path);
  const text = side === 'added' ? file?.newText : file?.oldText;
  if (!text) return;
  const listed = findListedExports(text);
  if (listed.size === 0) return;

  for (const index of hunks) {
    const hunk = part.file.hunks[index];
    if (!hunk) continue;
    const start = side === 'added' ? hunk.newStart : hunk.oldStart;
    const count = side === 'added' ? hunk.newLines : hunk.oldLines;
    for (let line = start; line < start + count; line += 1) {
      const found = listed.get(line);
      for (const name of found?.names ?? []) names.set(name, shapeOf(found?.text ?? '', name));
    }
  }
}

/**
 * Returns the names that one side's changed lines of a part export, by declaration or in an
 * export list, each with its line's shape.
 */
export function exportsOnChangedLines(
  part: BatchPart,
  content: ContentMap,
  side: 'added' | 'removed',
): Map<string, string> {
  const names = exportedNames(partLines(part, content, side), isGoMain(part, content));
  addListedExports(names, part, part.hunks, content, side);
  return names;
}

/** Returns the names a whole text exports, by declaration or in an export list. */
export function exportsOfText(text: string): Set<string> {
  const names = new Set(exportedNames(text.split('\n')).keys());
  for (const listed of findListedExports(text).values()) {
    for (const name of listed.names) names.add(name);
  }
  return names;
}

/** Returns true for a Go file of `package main`, whose capitalized names no package imports. */
function isGoMain(part: BatchPart, content: ContentMap): boolean {
  if (!part.file.path.endsWith('.go')) return false;
  return GO_MAIN_PACKAGE.test(content.get(part.file.path)?.newText ?? '');
}

/** Exports that the removed lines of a batch's parts declare, by name and by shape. */
export interface RemovedExports {
  /** Each name with its line's shape. A name that several parts remove keeps the last shape. */
  names: ReadonlyMap<string, string>;
  /** Shapes of the removed names that no added line declares again: those may be renamed. */
  shapes: ReadonlySet<string>;
}

const NO_REMOVED_EXPORTS: RemovedExports = { names: new Map(), shapes: new Set() };

/** Collects the exports that the removed lines of `parts` declare. */
export function removedExports(parts: readonly BatchPart[], content: ContentMap): RemovedExports {
  const names = new Map<string, string>();
  const declared = new Set<string>();
  for (const part of parts) {
    for (const [name, shape] of exportedNames(partLines(part, content, 'removed'))) {
      names.set(name, shape);
    }
    addListedExports(names, part, part.hunks, content, 'removed');
    for (const name of exportedNames(partLines(part, content, 'added')).keys()) declared.add(name);
  }
  const shapes = new Set<string>();
  names.forEach((shape, name) => {
    if (!declared.has(name)) shapes.add(shape);
  });
  return { names, shapes };
}

/**
 * Returns the names a part newly exports: declared as exports or listed in an export list on
 * its added lines, and on no removed line of its file, so moving an export between hunks adds
 * nothing. A declaration whose removed line differs only in its name, where the added lines no
 * longer declare that name, was renamed, which adds nothing either. Nor does an export in
 * `moved`, which the removed lines of another part of the batch declare.
 */
export function newExports(
  part: BatchPart,
  content: ContentMap,
  moved: RemovedExports = NO_REMOVED_EXPORTS,
): string[] {
  const added = exportedNames(partLines(part, content, 'added'), isGoMain(part, content));
  addListedExports(added, part, part.hunks, content, 'added');
  if (added.size === 0) return [];

  const allHunks = part.file.hunks.map((_, index) => index);
  const removed = exportedNames(partLines({ ...part, hunks: allHunks }, content, 'removed'));
  addListedExports(removed, part, allHunks, content, 'removed');
  // Only a name that the added lines no longer declare can have been renamed, once.
  const renamable = new Map<string, number>();
  removed.forEach((shape, name) => {
    if (!moved.names.has(name) && !added.has(name)) {
      renamable.set(shape, (renamable.get(shape) ?? 0) + 1);
    }
  });
  const fresh = [...added].filter(([name]) => !removed.has(name) && !moved.names.has(name));
  return fresh
    .filter(([, shape]) => !moved.shapes.has(shape) && !takeOne(renamable, shape))
    .map(([name]) => name);
}

/** Takes one from the count of `key`, returning false when there is none left. */
function takeOne(counts: Map<string, number>, key: string): boolean {
  const count = counts.get(key) ?? 0;
  if (count === 0) return false;
  counts.set(key, count - 1);
  return true;
}

/** Returns the share of non-blank added lines whose trimmed text was also removed, or 1 when none were added. */
function movedShare(parts: readonly BatchPart[], content: ContentMap): number {
  const addedLines = linesOfParts(parts, content, 'added');
  // A batch that only deletes, such as a removed folder, skips counting its removed lines.
  if (addedLines.every((line) => line.trim() === '')) return 1;

  const removed = new Map<string, number>();
  for (const line of linesOfParts(parts, content, 'removed')) {
    const key = line.trim();
    if (key !== '') removed.set(key, (removed.get(key) ?? 0) + 1);
  }

  let added = 0;
  let moved = 0;
  for (const line of addedLines) {
    const key = line.trim();
    if (key === '') continue;
    added += 1;
    const count = removed.get(key) ?? 0;
    if (count > 0) {
      moved += 1;
      removed.set(key, count - 1);
    }
  }
  return added === 0 ? 1 : moved / added;
}

/** Returns `style` or `docs` for code whose edits change only white space or only comments. */
function chooseCosmeticType(code: readonly BatchPart[], content: ContentMap): TypeChoice | null {
  if (code.some((part) => part.file.status !== 'modified')) return null;
  const added = linesOfParts(code, content, 'added');
  const removed = linesOfParts(code, content, 'removed');
  if (added.length + removed.length === 0) return null;
  const hunks = code.flatMap((part) =>
    part.hunks.map(
      (hunk) => content.get(part.file.path)?.hunks[hunk] ?? { added: [], removed: [] },
    ),
  );
  if (hunks.every((hunk) => isWhitespaceOnly(hunk.added, hunk.removed))) {
    return { type: 'style', reason: 'it changes only white space in code' };
  }
  if (isCommentOnly([...added, ...removed])) {
    return { type: 'docs', reason: 'it changes only comments in code' };
  }
  return null;
}

/**
 * Chooses the type for changed code. It is `style` or `docs` for white space or comments only,
 * and `feat` when the code adds files or exports, or starts to use new files of earlier
 * batches. It is `refactor` when every edit renames one identifier, or when it turns a module
 * into a folder module or back and mostly moves lines. It is `refactor` too when most added
 * lines were removed elsewhere in the batch (code only moved or was removed). It is `feat` for
 * Terraform files that only add blocks, such as a new variable or resource, as Conventional
 * Commits histories of infrastructure write them. Otherwise it is `fix`, because changing
 * existing lines without new exports most often corrects behaviour.
 * The guess cannot tell a fix from other changes in behaviour, so the user may retype it.
 */
function chooseCodeType(
  code: readonly BatchPart[],
  content: ContentMap,
  usesNew: readonly string[],
  renamed: boolean,
): TypeChoice {
  const cosmetic = chooseCosmeticType(code, content);
  if (cosmetic) return cosmetic;
  if (renamed) return { type: 'refactor', reason: 'every edit renames the same identifier' };
  if (renamesFiles(code, content)) {
    return { type: 'refactor', reason: 'it renames files and updates the references to them' };
  }
  const folderModule = findFolderModuleChange(code.map((part) => part.file));
  if (folderModule !== null && movedShare(code, content) >= MOVED_SHARE) {
    const change = folderModule.split
      ? 'a module into a folder module'
      : 'a folder module into a file';
    return { type: 'refactor', reason: `it turns ${change} and mostly moves lines` };
  }
  if (code.some((part) => part.file.status === 'added' || part.file.status === 'copied')) {
    return { type: 'feat', reason: 'it adds source files' };
  }
  // Collected once, because a pass per part over every other part is quadratic in a large batch.
  const adds = code.some((part) => part.file.additions > 0);
  const moved = adds ? removedExports(code, content) : NO_REMOVED_EXPORTS;
  if (code.some((part) => newExports(part, content, moved).length > 0)) {
    return { type: 'feat', reason: 'it adds exports to existing source' };
  }
  if (usesNew.length > 0) {
    return { type: 'feat', reason: 'it starts to use files the change adds', uses: [...usesNew] };
  }
  const blocks = addedTerraformBlocks(code, content);
  if (blocks !== null) return { type: 'feat', reason: 'it adds Terraform blocks', blocks };
  if (movedShare(code, content) >= MOVED_SHARE) {
    return { type: 'refactor', reason: 'it renames, removes or moves code without new lines' };
  }
  if (linesOfParts(code, content, 'removed').every((line) => line.trim() === '')) {
    return { type: 'fix', reason: 'it adds source lines without adding exports' };
  }
  return { type: 'fix', reason: 'it changes existing source lines without adding exports' };
}

/**
 * A line that names a module: an import, an export from, a require or a dynamic import. Only
 * such lines count as references to a renamed file, so `'/api/v1'` becoming `'/api/v2'`
 * beside a rename of `v1.js` stays a change of behaviour.
 */
const IMPORT_LINE = /\b(?:import|require|from)\b/;

/** Returns a path's file name without its extensions: `helpers` for `src/helpers.test.js`. */
function stemOfPath(path: string): string {
  const name = path.slice(path.lastIndexOf('/') + 1);
  const dot = name.indexOf('.');
  return dot <= 0 ? name : name.slice(0, dot);
}

/** A file renamed or moved, by its staged and HEAD paths. */
interface FileMove {
  path: string;
  oldPath: string;
}

/** Characters of a module specifier: `./core/helper.js`, `@/lib/x`, `app.core.helper`. */
const SPECIFIER_CHARACTER = /[\w./@~$-]/;

/** Splits a specifier or path into its names: `../core/helper.js` gives `core helper js`. */
function specifierNames(text: string): string[] {
  return text.split(/[./]+/).filter((name) => name !== '');
}

/**
 * Returns the specifiers of two lines that differ in one place, widened from that place to
 * whole specifiers, or null when the lines differ outside a specifier.
 */
function changedSpecifiers(added: string, removed: string): [string, string] | null {
  let start = 0;
  while (start < added.length && added[start] === removed[start]) start += 1;
  let end = 0;
  while (
    end < added.length - start &&
    end < removed.length - start &&
    added[added.length - 1 - end] === removed[removed.length - 1 - end]
  )
    end += 1;
  while (start > 0 && SPECIFIER_CHARACTER.test(added[start - 1] as string)) start -= 1;
  while (end > 0 && SPECIFIER_CHARACTER.test(added[added.length - end] as string)) end -= 1;

  const widen = (line: string) => line.slice(start, line.length - end);
  const [next, previous] = [widen(added), widen(removed)];
  const whole = (text: string) => [...text].every((char) => SPECIFIER_CHARACTER.test(char));
  return whole(next) && whole(previous) ? [next, previous] : null;
}

/**
 * Returns true when an import line changes only a specifier and the moves explain the change.
 * Each name the new specifier gains must be in a moved file's staged path, and each name it
 * loses in a HEAD path: `./shared/helper.js` to `./core/helper.js` for a move to `src/core`.
 */
function updatesMovedSpecifier(added: string, removed: string, moves: readonly FileMove[]) {
  const specifiers = changedSpecifiers(added, removed);
  if (specifiers === null) return false;
  const [next, previous] = specifiers.map(specifierNames) as [string[], string[]];
  const newNames = new Set(moves.flatMap((move) => specifierNames(move.path)));
  const oldNames = new Set(moves.flatMap((move) => specifierNames(move.oldPath)));
  const gained = next.filter((name) => !previous.includes(name));
  const lost = previous.filter((name) => !next.includes(name));
  return (
    gained.length + lost.length > 0 &&
    gained.every((name) => newNames.has(name)) &&
    lost.every((name) => oldNames.has(name))
  );
}

/** Returns the files of `parts` renamed or moved, with their content changed or not. */
function fileMoves(parts: readonly BatchPart[], edited: boolean): FileMove[] {
  const moves: FileMove[] = [];
  for (const { file } of parts) {
    if (file.status !== 'renamed' || file.oldPath === undefined) continue;
    if (file.hunks.length > 0 === edited) moves.push({ path: file.path, oldPath: file.oldPath });
  }
  return moves;
}

/**
 * Returns true when every changed line of `parts` outside the moved files names them. Such a
 * line equals a removed line once the new names go back to the old ones (`./helpers.js` back
 * to `./util.js`), or changes only the specifier of a moved file (see updatesMovedSpecifier).
 */
export function onlyUpdatesReferences(
  parts: readonly BatchPart[],
  content: ContentMap,
  moves: readonly FileMove[],
): boolean {
  const stems = moves
    .map((move) => [stemOfPath(move.path), stemOfPath(move.oldPath)] as const)
    .filter(([to, from]) => to !== from);
  const restore = (line: string) =>
    stems.reduce((text, [to, from]) => text.split(to).join(from), line);
  const updates = (line: string, removed: string) =>
    IMPORT_LINE.test(line) &&
    (restore(line) === removed || updatesMovedSpecifier(line, removed, moves));
  const moved = new Set(moves.map((move) => move.path));

  return parts.every((part) => {
    if (moved.has(part.file.path)) return true;
    const hunks = content.get(part.file.path)?.hunks ?? [];
    return part.hunks.every((index) => {
      const hunk = hunks[index];
      if (hunk === undefined || hunk.added.length !== hunk.removed.length) return false;
      return hunk.added.every((line, at) => updates(line, hunk.removed[at] ?? ''));
    });
  });
}

/**
 * Returns the one file of `parts` renamed with edits when every other part only updates the
 * lines that name it (see onlyUpdatesReferences), or null.
 */
export function editedRenameOf(
  parts: readonly BatchPart[],
  content: ContentMap,
): (FileChange & { oldPath: string }) | null {
  const moves = fileMoves(parts, true);
  if (moves.length !== 1 || fileMoves(parts, false).length > 0) return null;
  const file = parts.find((part) => part.file.path === moves[0]?.path)?.file;
  if (file?.oldPath === undefined || !onlyUpdatesReferences(parts, content, moves)) return null;
  return { ...file, oldPath: file.oldPath };
}

/**
 * Returns true when the code only renames or moves files (`git mv`, content unchanged) and
 * edits lines that name them.
 */
function renamesFiles(code: readonly BatchPart[], content: ContentMap): boolean {
  const moves = fileMoves(code, false);
  return moves.length > 0 && onlyUpdatesReferences(code, content, moves);
}

/** Returns true for a file whose staged change is its mode alone, such as `chmod +x`. */
export function isModeOnly(file: FileChange): boolean {
  return (
    file.status === 'modified' &&
    file.hunks.length === 0 &&
    file.oldOid === file.newOid &&
    file.oldMode !== file.newMode
  );
}

/** Returns `only LABEL` when every part is in `category`, else `LABEL and no OTHERS`. */
function describeShare(
  parts: readonly BatchPart[],
  category: string,
  label: string,
  others: string,
) {
  const all = parts.every((part) => part.file.category === category);
  return all ? `it changes only ${label}` : `it changes ${label} and no ${others}`;
}

/**
 * Chooses the Conventional Commits type of a batch from its most significant files: code, then
 * tests, docs, dependencies, CI, build files, configuration, and anything else. A batch of
 * generated files alone is a `chore`, and so is one of mode changes alone. In a batch with
 * other edits, a file whose mode alone changes does not decide the type. Code that adds files
 * or exports is a `fix` when the added lines of the batch's tests name a bug. `usesNew` lists the
 * new files of earlier batches that the batch's code imports. `renamed` is true when every
 * edit of the batch renames one identifier.
 */
export function chooseCommitType(
  parts: readonly BatchPart[],
  content: ContentMap,
  usesNew: readonly string[] = [],
  renamed = false,
): TypeChoice {
  const edited = parts.filter((part) => !isModeOnly(part.file));
  if (parts.length > 0 && edited.length === 0) {
    return { type: 'chore', reason: 'it changes only file modes' };
  }
  return chooseContentType(edited, content, usesNew, renamed);
}

/** Chooses the type of a batch by what its files' contents change (see chooseCommitType). */
function chooseContentType(
  parts: readonly BatchPart[],
  content: ContentMap,
  usesNew: readonly string[],
  renamed: boolean,
): TypeChoice {
  const release = readReleasedVersions(parts, content);
  if (release !== null) {
    return {
      type: 'chore',
      reason: 'it changes only versions, lockfiles and release notes',
      release,
    };
  }
  // Build output and generated code change because their sources or generators did, so a
  // batch of them alone adds no feature and fixes nothing by itself.
  if (parts.length > 0 && parts.every((part) => part.file.category === 'generated')) {
    return { type: 'chore', reason: 'it changes only generated files' };
  }
  // Terraform's `required_providers` lists the module's dependencies, as a manifest does.
  if (updatesTerraformProviders(parts, content)) {
    return { ...DEPENDENCY_UPDATE, reason: 'it changes Terraform provider requirements' };
  }
  const code = parts.filter((part) => isCode(part.file));
  if (code.length > 0) {
    const guess = chooseCodeType(code, content, usesNew, renamed);
    if (guess.type !== 'feat' || guess.uses !== undefined) return guess;
    const tests = parts.filter((part) => part.file.category === 'test');
    return testsNameBug(tests, content) ? { type: 'fix', reason: BUG_TEST_REASON } : guess;
  }

  // A changelog entry or changeset describes the batch's other files, so those decide the type.
  const described = parts.filter((part) => !isReleaseNoteFile(part.file));
  const typed = described.length > 0 ? described : parts;
  const has = (...categories: string[]) =>
    typed.some((part) => categories.includes(part.file.category));
  if (has('test')) return { type: 'test', reason: describeShare(typed, 'test', 'tests', 'code') };
  const actions = readActionUpdates(typed, content);
  if (actions !== null) {
    return {
      ...DEPENDENCY_UPDATE,
      reason: 'it bumps the versions of actions its workflows use',
      actions,
    };
  }
  if (has('docs')) {
    return { type: 'docs', reason: describeShare(typed, 'docs', 'documentation', 'code or tests') };
  }
  // Dependency changes matter more than CI files.
  if (has('ci') && !changesAnyDependencies(typed, content)) {
    return { type: 'ci', reason: describeShare(typed, 'ci', 'CI files', 'code, tests or docs') };
  }
  return chooseBuildType(typed, content);
}

/**
 * Words of an added test line that name a bug: `bug`, `regression`, `fix`, `fixes`, an issue
 * with its number (`issue #12`, `issues/12` in a link), or a number such as `#1234` that does
 * not end a quoted string, as the colour `'#112233'` does. `fixed` is left out for
 * `position: fixed`. Such a test checks a fix, so the code beside it fixes something even when
 * it adds files or exports.
 */
const BUG_WORDS =
  /\b(?:bugs?|regression|fix(?:es)?)\b|\bissues?[\s/]*#?\d+|(?<![\w#])#\d{2,}(?![\w'"`])/i;

const BUG_TEST_REASON = 'its tests name a bug or an issue';

function testsNameBug(tests: readonly BatchPart[], content: ContentMap): boolean {
  return linesOfParts(tests, content, 'added').some((line) => BUG_WORDS.test(line));
}

/**
 * Returns `choice` with the type the repository's own commits mostly use for a release or a
 * batch of only one kind of files, such as `chore` for a dependency update where the guess is
 * `build`. A batch of code takes the type that the repository's code commits with the same
 * features most likely have, when the evidence is strong enough to outweigh the guess too
 * (see readLearnedCodeType). A batch that starts to use new files keeps its type, and so
 * does a dependency update of code, such as a Terraform provider, without such a habit.
 */
export function adoptLearnedType(
  choice: TypeChoice,
  parts: readonly BatchPart[],
  model: CoChangeModel | undefined,
): TypeChoice {
  if (choice.uses !== undefined) return choice;
  const release = choice.release !== undefined;
  const paths = habitPathsOf(choice, parts);
  const learned = readLearnedType(model, paths, release, choice.actions !== undefined);
  if (learned !== null) return adoptType(choice, learned, release ? RELEASE_HABIT : KIND_HABIT);
  if (release || choice.updatesDependencies || !parts.some((part) => isCode(part.file))) {
    return choice;
  }

  const coded = readLearnedCodeType(model, batchFeatures(parts), choice.guessed ?? choice.type);
  if (coded === null || !CODE_HABIT_TYPES.has(coded)) return choice;
  return adoptType(choice, coded, CODE_HABIT);
}

/**
 * Returns the paths whose kind of commit gives a batch its habit. A Terraform provider update
 * counts by its lockfile alone, because learning reads `.tf` files as code, never as manifests.
 */
function habitPathsOf(choice: TypeChoice, parts: readonly BatchPart[]): string[] {
  const paths = parts.map((part) => part.file.path);
  if (!choice.updatesDependencies) return paths;
  return paths.filter((path) => !isTerraformPath(path));
}

/**
 * Returns `choice` with the type that the repository states or shows for such a batch: the one
 * an update bot's configuration gives a dependency update, else its learned habit (see
 * adoptLearnedType).
 */
export function adoptRepositoryType(
  choice: TypeChoice,
  parts: readonly BatchPart[],
  content: ContentMap,
  repository: { model?: CoChangeModel | undefined; updateBots?: UpdateBots | undefined },
): TypeChoice {
  const configured = adoptBotConvention(choice, parts, content, repository.updateBots ?? []);
  return configured ?? adoptLearnedType(choice, parts, repository.model);
}

/**
 * Types a batch of code may take from the habit of the repository's code commits. `build` and
 * `ci` name build files and CI. When a history types its code commits `build` (express wrote
 * `build: eslint@4.19.1` for a linter update with its fixes), the type names the tooling.
 */
const CODE_HABIT_TYPES: ReadonlySet<CommitType> = new Set(
  COMMIT_TYPES.filter((type) => type !== 'build' && type !== 'ci'),
);

const RELEASE_HABIT = "most of the repository's releases are";
const KIND_HABIT = "most of the repository's commits of only such files are";
const CODE_HABIT = "the repository's commits that change such code are mostly";

function adoptType(choice: TypeChoice, learned: CommitType, habit: string): TypeChoice {
  if (learned === choice.type) return choice;
  return {
    ...choice,
    type: learned,
    reason: `${choice.reason}, and ${habit} ${learned}`,
    guessed: choice.guessed ?? choice.type,
  };
}

/**
 * Returns the type a batch's scope follows: the guessed one, so a dependency update keeps `deps`
 * as a `chore`, except that a `ci` commit keeps none.
 */
export function scopeTypeOf(choice: Pick<TypeChoice, 'type' | 'guessed'>): CommitType {
  return choice.type === 'ci' ? choice.type : (choice.guessed ?? choice.type);
}

function changesAnyDependencies(parts: readonly BatchPart[], content: ContentMap): boolean {
  return parts.some((part) => changesDependencies(part.file, content.get(part.file.path)));
}

/**
 * The type of a dependency update: `chore`, as Renovate and most histories that
 * bench/batches/commit-types.ts reads write it. Its subject, scope and order are a `build`'s.
 */
const DEPENDENCY_UPDATE = { type: 'chore', guessed: 'build', updatesDependencies: true } as const;

/**
 * Chooses the type of a batch without code, tests, docs or CI files. Build files make it
 * `build`, with the `deps` scope when it also changes dependencies, and a dependency update
 * alone is a `chore(deps)`. A manifest whose scripts or metadata alone changed is `chore`, so
 * its message does not claim a dependency change.
 */
function chooseBuildType(parts: readonly BatchPart[], content: ContentMap): TypeChoice {
  const dependencies = changesAnyDependencies(parts, content);
  if (parts.some((part) => part.file.category === 'build')) {
    return {
      type: 'build',
      reason: `it changes build files${dependencies ? ' and dependencies' : ''}`,
    };
  }
  if (dependencies) return { ...DEPENDENCY_UPDATE, reason: 'it changes dependencies' };
  if (parts.some((part) => part.file.category === 'dependency-manifest')) {
    return { type: 'chore', reason: 'it changes manifests but not their dependencies' };
  }
  return { type: 'chore', reason: 'it changes no code, tests or documentation' };
}
