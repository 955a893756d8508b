/**
 * Commit types and scopes against the authors' own. The script takes the newest first-parent
 * commits whose subject starts with a Conventional Commits type and reads each as a change
 * from its parent's tree to its own. It types each the way batch analysis types a batch that
 * contains the whole change. It counts how often that type is the one the author wrote, and, for
 * subjects with a scope, how often the batch's scope is the author's.
 *
 *   node --import tsx bench/batches/commit-types.ts --repo /tmp/public/vite [--count 300]
 *     [--learn] [--bots] [--json]
 *
 * With `--learn`, each commit is typed with the model `footprint learn` would have learned
 * from the history before it, so no commit teaches its own type. With `--bots`, a dependency
 * update takes the type that the Dependabot or Renovate configuration in its parent's tree
 * gives it, as the hook reads it from HEAD.
 */
import { parseArgs } from 'node:util';
import type { CoChangeModel } from '../../src/batches/co-change.js';
import { adoptRepositoryType, chooseCommitType } from '../../src/batches/commit-type.js';
import { chooseBatchScope } from '../../src/batches/scope.js';
import { COMMIT_TYPES } from '../../src/batches/types.js';
import { loadUpdateBots } from '../../src/batches/update-bots/load.js';
import { TreeRepository } from '../../src/footprint/from-trees.js';
import { parseCommit, parseTree } from '../../src/git/objects/tree.js';
import { readTreeFiles } from '../../src/git/tree-files.js';
import { git } from '../untangle/git-command.js';
import { LearnedModels } from '../untangle/learned-model.js';

interface Options {
  repo: string;
  count: number;
  learn: boolean;
  bots: boolean;
  json: boolean;
}

/** A commit whose subject names its type, with its parent. */
interface TypedCommit {
  oid: string;
  parent: string;
  type: string;
  /** The written scope, or null for a subject without one. */
  scope: string | null;
}

interface Typing {
  oid: string;
  written: string;
  guessed: string;
  reason: string;
  writtenScope: string | null;
  guessedScope: string | null;
}

/** Changes of more files than this, mostly mass edits such as a reformat, are skipped. */
const MAX_FILES = 300;

const TYPED_SUBJECT = new RegExp(`^(${COMMIT_TYPES.join('|')})(?:\\(([^)]*)\\))?!?: `);

function readOptions(argv: readonly string[]): Options {
  const { values } = parseArgs({
    args: [...argv],
    options: {
      repo: { type: 'string' },
      count: { type: 'string', default: '300' },
      learn: { type: 'boolean', default: false },
      bots: { type: 'boolean', default: false },
      json: { type: 'boolean', default: false },
    },
  });
  if (values.repo === undefined) {
    throw new Error('Missing --repo: give the path of a local clone, such as --repo /tmp/vite.');
  }
  const count = Number(values.count);
  if (!Number.isInteger(count) || count < 1) {
    throw new Error(`Invalid --count "${values.count}": expected a whole number of 1 or more.`);
  }
  return { repo: values.repo, count, learn: values.learn, bots: values.bots, json: values.json };
}

/** Lists the newest `count` single-parent first-parent commits with a typed subject. */
function listTypedCommits(repo: string, count: number): TypedCommit[] {
  const log = git(repo, ['log', '--first-parent', '--no-merges', '--format=%H %P%x1f%s']);
  const commits: TypedCommit[] = [];
  for (const line of log.split('\n')) {
    if (commits.length >= count) break;
    const [ids = '', subject = ''] = line.split('\x1f');
    const [oid, ...parents] = ids.split(' ').filter(Boolean);
    const match = TYPED_SUBJECT.exec(subject);
    const type = match?.[1];
    if (oid === undefined || parents.length !== 1 || type === undefined) continue;
    commits.push({ oid, parent: parents[0] as string, type, scope: match?.[2]?.trim() || null });
  }
  return commits;
}

/** Reads files of a tree from the repository's object store, as the hook's reader does. */
function treeFileReader(repository: TreeRepository) {
  const source = {
    readTree: async (oid: string) => parseTree((await repository.objects.read(oid)).content),
    readObjectSize: (oid: string) => repository.objects.readSize(oid),
    readBlob: async (oid: string) => (await repository.objects.read(oid)).content,
  };
  return {
    readTreeFiles: (tree: string, paths: readonly string[], maxBytes: number) =>
      readTreeFiles(source, tree, paths, maxBytes),
  };
}

async function typeCommit(
  repository: TreeRepository,
  commit: TypedCommit,
  model: CoChangeModel | undefined,
  bots: boolean,
): Promise<Typing | null> {
  const treeOf = async (oid: string) => parseCommit((await repository.objects.read(oid)).content);
  const input = await repository.buildFootprint({
    baseTree: (await treeOf(commit.parent)).tree,
    targetTree: (await treeOf(commit.oid)).tree,
    maxDiffBytes: 1024 * 1024,
    head: { oid: commit.parent, ref: null, detached: true },
  });
  const files = input.footprint.files;
  if (files.length === 0 || files.length > MAX_FILES) return null;

  const parts = files.map((file) => ({
    file,
    hunks: file.hunks.map((_, index) => index),
    whole: true,
  }));
  const updateBots = bots ? await loadUpdateBots(treeFileReader(repository), input.footprint) : [];
  const guess = chooseCommitType(parts, input.content);
  const choice = adoptRepositoryType(guess, parts, input.content, { model, updateBots });
  return {
    oid: commit.oid,
    written: commit.type,
    guessed: choice.type,
    reason: choice.reason,
    writtenScope: commit.scope,
    guessedScope: chooseBatchScope(parts, choice, model, input.content),
  };
}

function countBy<T>(items: readonly T[], key: (item: T) => string): Map<string, number> {
  const counts = new Map<string, number>();
  for (const item of items) counts.set(key(item), (counts.get(key(item)) ?? 0) + 1);
  return new Map([...counts].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)));
}

function summarize(typings: readonly Typing[]) {
  const agreed = typings.filter((typing) => typing.written === typing.guessed).length;
  const written = countBy(typings, (typing) => typing.written);
  const [mostCommon = ['none', 0]] = [...written];
  const byType = [...written].map(([type, commits]) => ({
    type,
    commits,
    guessed: typings.filter((typing) => typing.written === type && typing.guessed === type).length,
  }));
  const confusions = [
    ...countBy(
      typings.filter((typing) => typing.written !== typing.guessed),
      (typing) => `${typing.written} typed ${typing.guessed}: ${typing.reason}`,
    ),
  ].slice(0, 10);
  const scoped = typings.filter((typing) => typing.writtenScope !== null);
  const scopesAgreed = scoped.filter((typing) => typing.writtenScope === typing.guessedScope);
  const unscoped = typings.filter((typing) => typing.writtenScope === null);
  return {
    commits: typings.length,
    agreement: typings.length === 0 ? 0 : agreed / typings.length,
    scopedCommits: scoped.length,
    scopeAgreement: scoped.length === 0 ? 0 : scopesAgreed.length / scoped.length,
    unscopedLeftUnscoped:
      unscoped.length === 0
        ? 0
        : unscoped.filter((typing) => typing.guessedScope === null).length / unscoped.length,
    mostCommonType: mostCommon[0],
    mostCommonShare: typings.length === 0 ? 0 : mostCommon[1] / typings.length,
    byType,
    confusions: confusions.map(([text, commits]) => ({ text, commits })),
  };
}

function formatSummary(options: Options, summary: ReturnType<typeof summarize>): string {
  const percent = (value: number) => `${(value * 100).toFixed(1)}%`;
  return [
    `${options.repo}: ${summary.commits} commits, learned model ${options.learn ? 'on' : 'off'}`,
    `update bot configurations ${options.bots ? 'read' : 'not read'}`,
    `type as written: ${percent(summary.agreement)}`,
    `(always ${summary.mostCommonType}: ${percent(summary.mostCommonShare)})`,
    `scope as written: ${percent(summary.scopeAgreement)} of ${summary.scopedCommits} with a scope`,
    `no scope where none was written: ${percent(summary.unscopedLeftUnscoped)}`,
    '',
    'written   commits  guessed so',
    ...summary.byType.map(
      (row) =>
        `${row.type.padEnd(9)} ${String(row.commits).padStart(7)}  ${String(row.guessed).padStart(10)}`,
    ),
    '',
    'Most common other guesses:',
    ...summary.confusions.map((row) => `${String(row.commits).padStart(5)}  ${row.text}`),
  ].join('\n');
}

async function main(argv: readonly string[]): Promise<void> {
  const options = readOptions(argv);
  const commits = listTypedCommits(options.repo, options.count);
  const env = { ...process.env, GIT_CONFIG_NOSYSTEM: '1', GIT_CONFIG_GLOBAL: '/dev/null' };
  // Read with their diffs, as `footprint learn` reads a full clone, for the types of code commits.
  const models = options.learn ? await LearnedModels.open(options.repo, env, true) : null;

  const repository = await TreeRepository.open({ cwd: options.repo, env });
  const typings: Typing[] = [];
  try {
    for (const commit of commits) {
      const model = models ? await models.modelAt(commit.parent) : undefined;
      const typing = await typeCommit(repository, commit, model, options.bots);
      if (typing) typings.push(typing);
    }
  } finally {
    repository.close();
  }

  const summary = summarize(typings);
  if (options.json) console.log(JSON.stringify({ options, ...summary, typings }, null, 2));
  else console.log(formatSummary(options, summary));
}

main(process.argv.slice(2)).catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  process.exitCode = 2;
});
