import type { FileChange, FileContent } from '../footprint/types.js';
import type { TypeChoice } from './commit-type.js';
import { isCode } from './categories.js';
import { newExports } from './commit-type.js';
import { readDependencyChanges, type DependencyChange } from './manifest-changes.js';
import { baseNameOf, folderOf, stemOf } from './paths.js';
import { testTargetOf } from './relations/test-source.js';

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

const CONTROL_CHARACTERS = /\p{Cc}/gu;

function clean(name: string): string {
  return name.replace(CONTROL_CHARACTERS, '_');
}

/** Names code after its file, or after its folder for an `index` file. */
function moduleName(path: string): string {
  const stem = stemOf(path);
  if (stem !== 'index') return clean(stem);
  return clean(baseNameOf(folderOf(path)) || stem);
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

  const [only] = code;
  if (code.length === 1 && only?.oldPath !== undefined && only.hunks.length === 0) {
    const from = only.oldPath;
    if (baseNameOf(from) === baseNameOf(only.path)) {
      return {
        verb: 'move',
        names: [moduleName(only.path)],
        tail: `to ${clean(folderOf(only.path)) || 'the root'}`,
      };
    }
    return { verb: 'rename', names: [moduleName(from)], tail: `to ${moduleName(only.path)}` };
  }
  return { verb: 'restructure', names };
}

function featureSubject(
  code: readonly FileChange[],
  content: ContentMap,
  choice: TypeChoice,
): Subject {
  const added = code.filter((file) => file.status === 'added' || file.status === 'copied');
  if (added.length > 0) {
    return { verb: 'add', names: unique(added.map((file) => moduleName(file.path))) };
  }
  if (choice.uses) {
    const users = unique(code.map((file) => moduleName(file.path)));
    const tail = users.length === 1 ? `in ${users[0]}` : undefined;
    return { verb: 'use', names: unique(choice.uses.map(moduleName)), ...(tail && { tail }) };
  }

  const extended = code.filter((file) => newExports(file, content).length > 0);
  const [only] = extended;
  if (extended.length === 1 && only) {
    return {
      verb: 'add',
      names: newExports(only, content).map(clean),
      tail: `to ${moduleName(only.path)}`,
      unit: ['export', 'exports'],
    };
  }
  return { verb: 'extend', names: unique(extended.map((file) => moduleName(file.path))) };
}

function dependencySubject(changes: DependencyChange[]): Subject {
  const kinds = new Set(changes.map((change) => change.kind));
  const names = changes.map((change) => clean(change.name));
  const unit: [string, string] = ['dependency', 'dependencies'];
  const [only] = changes;
  if (changes.length === 1 && only?.kind === 'changed') {
    return { verb: 'bump', names, tail: `to ${clean(only.version ?? '')}`, unit };
  }
  if (kinds.size === 1 && kinds.has('added')) return { verb: 'add', names, unit };
  if (kinds.size === 1 && kinds.has('removed')) return { verb: 'remove', names, unit };
  if (kinds.size === 1) return { verb: 'bump', names, unit };
  return { verb: 'update', names: ['dependencies'] };
}

function buildSubject(files: readonly FileChange[], content: ContentMap): Subject {
  const manifests = files.filter((file) => file.category === 'dependency-manifest');
  const lockfiles = files.filter((file) => file.category === 'lockfile');
  const [manifest] = manifests;
  if (manifests.length === 1 && manifest && manifest.status === 'modified') {
    const changes = readDependencyChanges(manifest, content.get(manifest.path));
    if (changes && changes.length > 0) return dependencySubject(changes);
  }
  if (manifests.length === 0 && lockfiles.length > 0 && files.length === lockfiles.length) {
    return { verb: 'refresh', names: lockfiles.length === 1 ? ['lockfile'] : ['lockfiles'] };
  }
  if (manifests.some((file) => file.status === 'modified') && lockfiles.length > 0) {
    return { verb: 'update', names: ['dependencies'] };
  }
  return { verb: verbOf(files), names: unique(files.map((file) => clean(baseNameOf(file.path)))) };
}

/** Names tests after what they test (`add tests for parser`), and test helpers after themselves. */
function testSubject(tests: readonly FileChange[]): Subject {
  const targets = tests.map(testTargetOf);
  const named = targets.every((target) => target?.named === true);
  const names = tests.map((file, index) => clean(targets[index]?.stem ?? stemOf(file.path)));
  const verb = named ? `${verbOf(tests)} tests for` : verbOf(tests);
  return { verb, names: unique(names) };
}

function describeByName(files: readonly FileChange[], nameOf: (path: string) => string): Subject {
  return { verb: verbOf(files), names: unique(files.map((file) => nameOf(file.path))) };
}

/** Describes what a batch changes as a verb and names, by the batch's commit type. */
export function describeChange(
  files: readonly FileChange[],
  content: ContentMap,
  choice: TypeChoice,
): Subject {
  const code = files.filter(isCode);
  switch (choice.type) {
    case 'feat':
      return featureSubject(code, content, choice);
    case 'refactor':
      return refactorSubject(code);
    case 'fix':
      return { verb: 'update', names: unique(code.map((file) => moduleName(file.path))) };
    case 'test':
      return testSubject(files.filter((file) => file.category === 'test'));
    case 'docs':
      return describeByName(
        files.filter((file) => file.category === 'docs'),
        moduleName,
      );
    case 'build':
      return buildSubject(files, content);
    default:
      return describeByName(files, (path) => clean(baseNameOf(path)));
  }
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

/** Writes a subject naming at most `maxNames` things; with 0 it counts them and drops the tail. */
export function formatSubject(subject: Subject, maxNames: number): string {
  const counted = maxNames === 0 || subject.names.length === 0;
  const words = [subject.verb, counted ? countNames(subject) : listNames(subject.names, maxNames)];
  if (subject.tail && maxNames > 0) words.push(subject.tail);
  return words.join(' ');
}

export type { Subject };
