import { createRandom, type Random } from './random.js';
import { WORDS } from './vocabulary.js';

export type FileKind = 'module' | 'test' | 'json' | 'markdown';

/** One file of a generated repository. */
export interface PlannedFile {
  path: string;
  kind: FileKind;
  /** Package folder the file belongs to, as `packages/name`, or '' for root files. */
  packageDir: string;
  /** For a test: the path of the module it imports. */
  subject?: string;
}

const FILES_PER_PACKAGE = 500;
const ROOT_FILES: readonly PlannedFile[] = [
  { path: 'package.json', kind: 'json', packageDir: '' },
  { path: 'README.md', kind: 'markdown', packageDir: '' },
  { path: 'tsconfig.json', kind: 'json', packageDir: '' },
];

/**
 * Plans the paths of a repository with `count` files: root manifests, then packages of about
 * 500 files each with nested `src/` folders of modules and JSON data, a `test/` folder whose
 * tests import modules of `src/`, and `docs/`. The same count and seed give the same plan.
 */
export function planTree(count: number, seed: number): PlannedFile[] {
  const random = createRandom(seed);
  const files = ROOT_FILES.slice(0, Math.min(count, ROOT_FILES.length));
  const packageCount = Math.max(1, Math.ceil((count - files.length) / FILES_PER_PACKAGE));
  const packageNames = uniqueNames(packageCount, random);

  let remaining = count - files.length;
  for (const [index, name] of packageNames.entries()) {
    const quota = Math.ceil(remaining / (packageCount - index));
    files.push(...planPackage(`packages/${name}`, quota, random));
    remaining -= quota;
  }
  return files;
}

function planPackage(packageDir: string, quota: number, random: Random): PlannedFile[] {
  const files: PlannedFile[] = [];
  const add = (path: string, kind: FileKind, subject?: string): void => {
    if (files.length >= quota) return;
    files.push(
      subject === undefined ? { path, kind, packageDir } : { path, kind, packageDir, subject },
    );
  };

  add(`${packageDir}/package.json`, 'json');
  add(`${packageDir}/README.md`, 'markdown');

  const testQuota = Math.floor(quota * 0.15);
  const docsQuota = Math.floor(quota * 0.08);
  const sourceQuota = Math.max(0, quota - files.length - testQuota - docsQuota);

  const sources = planFolder(`${packageDir}/src`, sourceQuota, 0, random);
  for (const path of sources) add(path, path.endsWith('.json') ? 'json' : 'module');

  const modules = files.filter((file) => file.kind === 'module');
  for (const module of modules.slice(0, testQuota)) {
    const relative = module.path.slice(`${packageDir}/src/`.length).replace(/\.[jt]s$/, '');
    add(`${packageDir}/test/${relative}.test.ts`, 'test', module.path);
  }

  for (const path of planFolder(`${packageDir}/docs`, quota - files.length, 1, random)) {
    add(path.replace(/\.[a-z]+$/, '.md'), 'markdown');
  }
  return files;
}

/** Returns `quota` file paths under `folder`: some files here, the rest in subfolders. */
function planFolder(folder: string, quota: number, depth: number, random: Random): string[] {
  if (quota <= 0) return [];

  const ownFiles = depth >= 4 ? quota : Math.min(quota, random.integer(6, 20));
  const paths = uniqueNames(ownFiles, random).map(
    (name) => `${folder}/${name}${sourceExtension(random)}`,
  );

  const rest = quota - ownFiles;
  if (rest === 0) return paths;

  const subfolderCount = Math.min(rest, random.integer(2, 5));
  const subfolders = uniqueNames(subfolderCount, random);
  for (const [index, name] of subfolders.entries()) {
    const share = Math.ceil((rest - (paths.length - ownFiles)) / (subfolderCount - index));
    paths.push(...planFolder(`${folder}/${name}`, share, depth + 1, random));
  }
  return paths;
}

function sourceExtension(random: Random): string {
  const roll = random.next();
  if (roll < 0.55) return '.ts';
  if (roll < 0.88) return '.js';
  return '.json';
}

/** Returns `count` distinct kebab-case names of one or two words. */
function uniqueNames(count: number, random: Random): string[] {
  const names = new Set<string>();
  while (names.size < count) {
    const base =
      random.next() < 0.5 ? random.pick(WORDS) : `${random.pick(WORDS)}-${random.pick(WORDS)}`;
    names.add(names.has(base) ? `${base}-${names.size}` : base);
  }
  return [...names];
}
