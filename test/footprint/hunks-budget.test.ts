import assert from 'node:assert/strict';
import { describe, it } from 'node:test';

import { findLongestIncreasingRun } from '../../src/footprint/anchor-split.js';
import { computeHunks, type HunkDiff } from '../../src/footprint/hunks.js';
import { createRandom } from '../helpers/edit-cases.js';
import { gitDiffContents } from '../helpers/git-hunks.js';

/** Splits a content into lines without their terminators, as hunk texts hold them. */
function splitLines(content: Buffer): string[] {
  const text = content.toString('utf8');
  if (text === '') return [];
  const lines = text.split('\n');
  if (lines[lines.length - 1] === '') lines.pop();
  return lines;
}

/**
 * Checks that the hunks describe a valid diff: the lines outside them pair up equal in order,
 * and each hunk's texts are the lines it covers on each side.
 */
function assertValidDiff(oldContent: Buffer, newContent: Buffer, diff: HunkDiff): void {
  const oldLines = splitLines(oldContent);
  const newLines = splitLines(newContent);
  let oldIndex = 0;
  let newIndex = 0;

  diff.hunks.forEach((hunk, h) => {
    const oldStart = hunk.oldLines === 0 ? hunk.oldStart : hunk.oldStart - 1;
    const newStart = hunk.newLines === 0 ? hunk.newStart : hunk.newStart - 1;
    assert.equal(oldStart - oldIndex, newStart - newIndex, `unchanged run before hunk ${h}`);
    assert.deepEqual(
      oldLines.slice(oldIndex, oldStart),
      newLines.slice(newIndex, newStart),
      `unchanged lines before hunk ${h}`,
    );
    assert.deepEqual(diff.texts[h]?.removed, oldLines.slice(oldStart, oldStart + hunk.oldLines));
    assert.deepEqual(diff.texts[h]?.added, newLines.slice(newStart, newStart + hunk.newLines));
    oldIndex = oldStart + hunk.oldLines;
    newIndex = newStart + hunk.newLines;
  });

  assert.deepEqual(oldLines.slice(oldIndex), newLines.slice(newIndex), 'unchanged lines at end');
}

function addedLines(diff: HunkDiff): string[] {
  return diff.texts.flatMap((text) => text.added);
}

function removedLines(diff: HunkDiff): string[] {
  return diff.texts.flatMap((text) => text.removed);
}

/** Asserts that `actual` is within `ratio` of `expected`, either way. */
function assertClose(actual: number, expected: number, ratio: number, label: string): void {
  assert.ok(
    Math.abs(actual - expected) <= expected * ratio,
    `${label}: ${actual} against git's ${expected}`,
  );
}

/** Config records with an `enabled` flag each, and an old breakpoint in the middle. */
function generateFlagRecords(seed: number): Buffer {
  const random = createRandom(seed);
  const lines: string[] = [];
  for (let i = 0; i < 3000; i++) {
    if (i === 1500) {
      lines.push('function f() {', '  debugger; // an old line this change does not touch', '}');
    }
    lines.push('  {', `    enabled: ${random() < 0.5 ? 'true' : 'false'},`, `    name: "n${i}",`);
    lines.push('  },');
  }
  return Buffer.from(`${lines.join('\n')}\n`);
}

interface LockPackage {
  name: string;
  version: number;
  dev: boolean;
}

/**
 * Renders one package of a package-lock.json-like file. Its checksum is seeded from its
 * name and version, so an unchanged package renders the same lines in both versions.
 */
function renderPackage(pkg: LockPackage): string[] {
  const version = `1.${pkg.version}.0`;
  const random = createRandom(hashText(`${pkg.name}@${version}`));
  const checksum = Array.from({ length: 4 }, () => random().toString(36).slice(2)).join('');
  return [
    `    "node_modules/${pkg.name}": {`,
    `      "version": "${version}",`,
    `      "resolved": "https://registry.example/${pkg.name}/-/${pkg.name}-${version}.tgz",`,
    `      "integrity": "sha512-${checksum}",`,
    ...(pkg.dev ? ['      "dev": true,'] : []),
    '      "license": "MIT"',
    '    },',
  ];
}

function renderLockfile(packages: LockPackage[]): Buffer {
  const lines = ['{', '  "name": "app",', '  "lockfileVersion": 3,', '  "packages": {'];
  for (const pkg of packages) lines.push(...renderPackage(pkg));
  lines.push('  }', '}');
  return Buffer.from(`${lines.join('\n')}\n`);
}

/**
 * Two versions of a lockfile: about half the packages get a new version, some move between
 * dev and production, some are removed, and new ones are added among them.
 */
function generateLockfilePair(seed: number): { oldContent: Buffer; newContent: Buffer } {
  const random = createRandom(seed);
  const before: LockPackage[] = Array.from({ length: 800 }, (_, i) => ({
    name: `pkg-${i}`,
    version: Math.floor(random() * 20),
    dev: random() < 0.5,
  }));

  const after: LockPackage[] = [];
  for (const pkg of before) {
    const roll = random();
    if (roll < 0.05) continue;
    if (roll < 0.1) after.push({ name: `${pkg.name}-new`, version: 0, dev: false });
    if (roll < 0.55) after.push({ ...pkg, version: pkg.version + 1 });
    else if (roll < 0.6) after.push({ ...pkg, dev: !pkg.dev });
    else after.push(pkg);
  }
  return { oldContent: renderLockfile(before), newContent: renderLockfile(after) };
}

/** Hashes a string with FNV-1a, for use as a seed. */
function hashText(text: string): number {
  let hash = 2166136261;
  for (let i = 0; i < text.length; i++) hash = Math.imul(hash ^ text.charCodeAt(i), 16777619);
  return hash >>> 0;
}

/**
 * Lines built as a tree: each level is two copies of the level below around one marker line
 * `m<level>`, so a marker is unique only inside the piece of its own level. The leaves are short
 * runs of three repeated tokens, different on each side.
 */
function generateNestedMarkers(random: () => number, level: number): string[] {
  if (level === 0) return Array.from({ length: 12 }, () => `t${Math.floor(random() * 3)}`);
  const below = generateNestedMarkers(random, level - 1);
  return [...below, `m${level}`, ...generateNestedMarkers(random, level - 1)];
}

describe('computeHunks past the edit budget', () => {
  it('toggled flag records: counts close to git', () => {
    const oldContent = generateFlagRecords(1);
    const newContent = generateFlagRecords(3);
    const diff = computeHunks(oldContent, newContent);
    const git = gitDiffContents(oldContent, newContent);

    assert.equal(diff.exact, false, 'the default budget runs out on this change');
    assertClose(diff.additions, git.additions, 0.02, 'additions');
    assertClose(diff.deletions, git.deletions, 0.02, 'deletions');
    assert.ok(diff.hunks.length > 1000, `${diff.hunks.length} hunks`);
    assertValidDiff(oldContent, newContent, diff);
  });

  it('toggled flag records: untouched debugger line not added', () => {
    const oldContent = generateFlagRecords(1);
    const newContent = generateFlagRecords(3);
    const diff = computeHunks(oldContent, newContent);

    assert.deepEqual(
      addedLines(diff).filter((line) => line.includes('debugger')),
      [],
    );
    for (const line of addedLines(diff)) assert.match(line, /^ {4}enabled: (true|false),$/);
  });

  it('lockfile with many version bumps: counts close to git', () => {
    const { oldContent, newContent } = generateLockfilePair(42);
    const diff = computeHunks(oldContent, newContent);
    const git = gitDiffContents(oldContent, newContent);

    assert.equal(diff.exact, false, 'the default budget runs out on this change');
    assertClose(diff.additions, git.additions, 0.05, 'additions');
    assertClose(diff.deletions, git.deletions, 0.05, 'deletions');
    assertValidDiff(oldContent, newContent, diff);
  });

  it('lockfile: unchanged packages stay out of hunks', () => {
    const { oldContent, newContent } = generateLockfilePair(42);
    const diff = computeHunks(oldContent, newContent);

    // A URL names the package and its version, so it changes only with the version.
    const oldUrls = new Set(splitLines(oldContent).filter((line) => line.includes('"resolved"')));
    const newUrls = new Set(splitLines(newContent).filter((line) => line.includes('"resolved"')));
    const addedUrls = addedLines(diff).filter((line) => line.includes('"resolved"'));
    const removedUrls = removedLines(diff).filter((line) => line.includes('"resolved"'));
    assert.equal(addedUrls.filter((line) => oldUrls.has(line)).length, 0);
    assert.equal(removedUrls.filter((line) => newUrls.has(line)).length, 0);
    assert.equal(addedUrls.length, [...newUrls].filter((line) => !oldUrls.has(line)).length);
  });

  it('no line occurs once: one hunk over the changed region', () => {
    const random = createRandom(7);
    const tokens = (): string =>
      Array.from({ length: 3000 }, () => `t${Math.floor(random() * 4)}\n`).join('');
    const oldContent = Buffer.from(`head\n${tokens()}tail\n`);
    const newContent = Buffer.from(`head\n${tokens()}tail\n`);
    const diff = computeHunks(oldContent, newContent, { maxEditLength: 50 });

    assert.equal(diff.exact, false);
    assert.equal(diff.hunks.length, 1);
    assert.equal(diff.texts[0]?.removed.includes('head'), false);
    assert.equal(diff.texts[0]?.added.includes('tail'), false);
    assertValidDiff(oldContent, newContent, diff);
  });

  it('unique separators between large shuffled blocks', () => {
    const random = createRandom(11);
    const side = (): string[] =>
      Array.from({ length: 60 }, (_, i) => [
        `separator ${i}`,
        ...Array.from({ length: 200 }, () => `t${Math.floor(random() * 4)}`),
      ]).flat();
    const oldContent = Buffer.from(`${side().join('\n')}\n`);
    const newContent = Buffer.from(`${side().join('\n')}\n`);
    // With a small budget the shared work runs out after two blocks.
    const diff = computeHunks(oldContent, newContent, { maxEditLength: 30 });

    assert.equal(diff.exact, false);
    assert.deepEqual(
      addedLines(diff).filter((line) => line.startsWith('separator')),
      [],
    );
    assert.deepEqual(
      removedLines(diff).filter((line) => line.startsWith('separator')),
      [],
    );
    assertValidDiff(oldContent, newContent, diff);
  });

  it('nested markers deeper than the split limit', () => {
    const oldLines = generateNestedMarkers(createRandom(5), 11);
    const newLines = generateNestedMarkers(createRandom(6), 11);
    const oldContent = Buffer.from(`${oldLines.join('\n')}\n`);
    const newContent = Buffer.from(`${newLines.join('\n')}\n`);
    const diff = computeHunks(oldContent, newContent, { maxEditLength: 8 });

    assert.equal(diff.exact, false);
    assert.ok(diff.additions < newLines.length, `${diff.additions} of ${newLines.length} added`);
    assertValidDiff(oldContent, newContent, diff);

    // The pieces are cut at the markers of levels 11 down to 4 before the depth limit stops it.
    const upperMarker = /^m(1[01]|[4-9])$/;
    assert.deepEqual(
      addedLines(diff).filter((line) => upperMarker.test(line)),
      [],
    );
    assert.deepEqual(
      removedLines(diff).filter((line) => upperMarker.test(line)),
      [],
    );
  });

  it('unique lines in reverse order', () => {
    const lines = Array.from({ length: 4000 }, (_, i) => `line ${i}`);
    const oldContent = Buffer.from(`${lines.join('\n')}\n`);
    const newContent = Buffer.from(`${[...lines].reverse().join('\n')}\n`);
    const diff = computeHunks(oldContent, newContent, { maxEditLength: 100 });

    // Only one line can keep its place when the order is reversed.
    assert.equal(diff.exact, false);
    assert.equal(diff.additions, 3999);
    assert.equal(diff.deletions, 3999);
    assertValidDiff(oldContent, newContent, diff);
  });
});

describe('findLongestIncreasingRun', () => {
  it('strictly increasing run of maximum length', () => {
    const values = [3, 1, 2, 5, 4, 6, 0];
    const run = findLongestIncreasingRun(values);
    assert.equal(run.length, 4);
    const picked = run.map((index) => values[index]);
    assert.deepEqual(picked, [1, 2, 4, 6]);
  });

  it('equal values not both kept', () => {
    assert.equal(findLongestIncreasingRun([2, 2, 2]).length, 1);
  });

  it('empty input', () => {
    assert.deepEqual(findLongestIncreasingRun([]), []);
  });
});
