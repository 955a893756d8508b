import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { runsThroughNpx } from '../../src/cli/advice-invocation.js';

/** Makes a project folder with package.json and footprint linked into node_modules/.bin. */
function makeProject(): { root: string; packageRoot: string } {
  const root = realpathSync(mkdtempSync(path.join(tmpdir(), 'footprint-npx-')));
  writeFileSync(path.join(root, 'package.json'), '{ "name": "app" }\n');
  const packageRoot = path.join(root, 'node_modules', 'footprint-cli');
  mkdirSync(path.join(packageRoot, 'bin'), { recursive: true });
  mkdirSync(path.join(root, 'node_modules', '.bin'));
  writeFileSync(path.join(root, 'node_modules', '.bin', 'footprint'), '');
  mkdirSync(path.join(root, 'src'));
  return { root, packageRoot };
}

test('project dependency runs through npx', () => {
  const { root, packageRoot } = makeProject();
  try {
    assert.equal(runsThroughNpx(packageRoot, root), true);
    assert.equal(runsThroughNpx(packageRoot, path.join(root, 'src')), true);
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
});

test('pnpm store copy runs through npx', () => {
  const { root } = makeProject();
  try {
    const stored = path.join(root, 'node_modules', '.pnpm', 'footprint-cli@0.1.0');
    const packageRoot = path.join(stored, 'node_modules', 'footprint-cli');

    assert.equal(runsThroughNpx(packageRoot, root), true);
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
});

test('nested package uses its own prefix', () => {
  const { root, packageRoot } = makeProject();
  try {
    writeFileSync(path.join(root, 'src', 'package.json'), '{ "name": "inner" }\n');

    assert.equal(runsThroughNpx(packageRoot, path.join(root, 'src')), false);
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
});

test('global install runs by name', () => {
  const { root } = makeProject();
  try {
    const globalRoot = path.join(tmpdir(), 'prefix', 'lib', 'node_modules', 'footprint-cli');

    assert.equal(runsThroughNpx(globalRoot, root), false);
    assert.equal(runsThroughNpx('/work/footprint', root), false);
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
});
