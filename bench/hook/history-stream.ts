import { editText } from './edit-text.js';
import { generateFileContent } from './file-content.js';
import { createRandom, selectSeeded, type Random } from './random.js';
import type { PlannedFile } from './tree-layout.js';
import { WORDS } from './vocabulary.js';

/** Writes one chunk of the stream and resolves once the reader can take more. */
export type StreamWriter = (chunk: string) => Promise<void>;

const AUTHORS = ['Ada Park', 'Bo Lindqvist', 'Chen Wei', 'Dana Okafor', 'Eli Navarro'];
const COMMIT_TYPES = ['feat', 'fix', 'refactor', 'docs', 'test', 'chore'];
const FIRST_COMMIT_TIME = 1_700_000_000;
const SECONDS_PER_COMMIT = 6 * 3600;

/**
 * Writes a `git fast-import` stream of `commitCount` commits on `refs/heads/main`. The first
 * commit adds every planned file. Each later one edits 1 to 20 files, and every tenth edits 1%
 * of the repository, so the packed history has deltas and files that change together.
 */
export async function writeHistoryStream(
  write: StreamWriter,
  plan: readonly PlannedFile[],
  commitCount: number,
  seed: number,
): Promise<void> {
  const modulesByPackage = groupModulesByPackage(plan);
  const random = createRandom(seed);

  await write('feature done\n');
  await writeCommit(write, 1, random, null);
  for (const file of plan) {
    const content = generateFileContent(file, modulesByPackage.get(file.packageDir) ?? [], seed);
    await writeFileChange(write, file.path, content);
  }

  // Only edited files are kept in memory. The others are generated again when first edited.
  const edited = new Map<string, string>();
  for (let number = 2; number <= commitCount; number++) {
    const count = number % 10 === 0 ? Math.ceil(plan.length / 100) : random.integer(1, 20);
    const files = selectSeeded(plan, Math.min(count, plan.length), seed + number);
    await writeCommit(write, number, random, number - 1);
    for (const file of files) {
      const before =
        edited.get(file.path) ??
        generateFileContent(file, modulesByPackage.get(file.packageDir) ?? [], seed);
      const after = editText(before, file.kind, random);
      edited.set(file.path, after);
      await writeFileChange(write, file.path, after);
    }
  }
  await write('done\n');
}

/** Returns the module paths of each package, which generated imports point at. */
export function groupModulesByPackage(plan: readonly PlannedFile[]): Map<string, string[]> {
  const modules = new Map<string, string[]>();
  for (const file of plan) {
    if (file.kind !== 'module') continue;
    const list = modules.get(file.packageDir) ?? [];
    list.push(file.path);
    modules.set(file.packageDir, list);
  }
  return modules;
}

async function writeCommit(
  write: StreamWriter,
  number: number,
  random: Random,
  parentMark: number | null,
): Promise<void> {
  const author = AUTHORS[number % AUTHORS.length] as string;
  const email = `${author.split(' ')[0]?.toLowerCase()}@example.com`;
  const time = FIRST_COMMIT_TIME + number * SECONDS_PER_COMMIT;
  const message =
    number === 1
      ? 'chore: import the monorepo\n'
      : `${random.pick(COMMIT_TYPES)}: ${random.pick(WORDS)} ${random.pick(WORDS)} ${random.pick(WORDS)}\n`;

  const lines = [
    'commit refs/heads/main',
    `mark :${number}`,
    `author ${author} <${email}> ${time} +0000`,
    `committer ${author} <${email}> ${time} +0000`,
    `data ${Buffer.byteLength(message)}`,
    message,
  ];
  if (parentMark !== null) lines.push(`from :${parentMark}\n`);
  await write(lines.join('\n'));
}

async function writeFileChange(write: StreamWriter, path: string, content: string): Promise<void> {
  await write(`M 100644 inline ${path}\ndata ${Buffer.byteLength(content)}\n${content}\n`);
}
