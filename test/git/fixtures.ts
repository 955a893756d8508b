import { spawnSync } from 'node:child_process';
import { mkdirSync, rmSync } from 'node:fs';

import { gitTestEnv, type TempRepo } from '../helpers/repo.js';

/** Runs git in `dir` and returns stdout as bytes, for binary output such as object content. */
export function gitBytes(dir: string, args: string[], env: Record<string, string> = {}): Buffer {
  const result = spawnSync('git', args, {
    cwd: dir,
    env: gitTestEnv(env),
    maxBuffer: 256 * 1024 * 1024,
  });
  if (result.status !== 0) {
    throw new Error(`git ${args.join(' ')} failed with ${result.status}: ${result.stderr}`);
  }
  return result.stdout;
}

export interface ObjectRecord {
  oid: string;
  type: string;
  content: Buffer;
}

/** Lists every object git can reach in the repository's object store, with its content. */
export function readAllObjectsWithGit(dir: string): ObjectRecord[] {
  const output = gitBytes(dir, ['cat-file', '--batch-all-objects', '--batch']);
  const records: ObjectRecord[] = [];
  let position = 0;
  while (position < output.length) {
    const lineEnd = output.indexOf(0x0a, position);
    const [oid, type, size] = output.toString('latin1', position, lineEnd).split(' ');
    const start = lineEnd + 1;
    const end = start + Number(size);
    records.push({
      oid: oid as string,
      type: type as string,
      content: output.subarray(start, end),
    });
    position = end + 1;
  }
  return records;
}

/**
 * Commits 40 small edits to a 300-line file, a file in a subfolder and a random binary, so a
 * repack stores most versions as deltas of other versions.
 */
export function commitEditHistory(repo: TempRepo, commits = 40): void {
  const lines = Array.from({ length: 300 }, (_, index) => `line ${index + 1}`);
  for (let commit = 1; commit <= commits; commit++) {
    lines[commit] = `line ${commit + 1} edited in commit ${commit}`;
    repo.write('notes.txt', `${lines.join('\n')}\n`);
    repo.write('src/deep/value.txt', `value ${commit}\n`);
    repo.write('data.bin', pseudoRandomBytes(2048, commit));
    repo.git(['add', '-A']);
    repo.git(['commit', '-q', '-m', `edit ${commit}`]);
  }
}

/** Deterministic bytes that do not compress, so each version differs from the last. */
export function pseudoRandomBytes(length: number, seed: number): Buffer {
  const bytes = Buffer.alloc(length);
  let state = (seed * 0x9e3779b1) >>> 0 || 1;
  for (let index = 0; index < length; index++) {
    // xorshift32
    state ^= state << 13;
    state ^= state >>> 17;
    state ^= state << 5;
    state >>>= 0;
    bytes[index] = state & 0xff;
  }
  return bytes;
}

export interface PackedObject {
  oid: string;
  type: string;
  offset: number;
  depth: number;
}

/** Parses `git verify-pack -v`: each object's type, offset in the pack and delta chain depth. */
export function verifyPack(repo: TempRepo, idxPath: string): PackedObject[] {
  const objects: PackedObject[] = [];
  for (const line of repo.git(['verify-pack', '-v', idxPath]).split('\n')) {
    const fields = line.trim().split(/\s+/);
    if (!/^[0-9a-f]{40}$/.test(fields[0] ?? '') || fields.length < 5) continue;
    objects.push({
      oid: fields[0] as string,
      type: fields[1] as string,
      offset: Number(fields[4]),
      depth: fields.length >= 7 ? Number(fields[5]) : 0,
    });
  }
  return objects;
}

/** Replaces the repository with a fresh `git init <options>` in the same folder. */
export function reinitRepo(repo: TempRepo, options: string[]): void {
  rmSync(repo.dir, { recursive: true, force: true });
  mkdirSync(repo.dir);
  repo.git(['init', '-q', '--initial-branch=main', ...options]);
}
