import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  chmodSync,
  mkdirSync,
  mkdtempSync,
  realpathSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { footprintCommand } from '../../src/cli/advice-invocation.js';

/** Makes a temp folder for one test's installations, PATH folders and projects. */
function makeRoot(): string {
  return realpathSync(mkdtempSync(path.join(tmpdir(), 'footprint-invocation-')));
}

/** Writes a footprint package at `packageRoot` and returns its `bin/footprint.js`. */
function writeInstallation(packageRoot: string): string {
  mkdirSync(path.join(packageRoot, 'bin'), { recursive: true });
  writeFileSync(path.join(packageRoot, 'package.json'), '{ "name": "footprint-cli" }\n');
  const bin = path.join(packageRoot, 'bin', 'footprint.js');
  writeFileSync(bin, '#!/usr/bin/env node\n', { mode: 0o755 });
  return bin;
}

/** Writes an executable `footprint` script in `folder`, as a shim or another package has. */
function writeScript(folder: string, mode = 0o755): string {
  mkdirSync(folder, { recursive: true });
  const file = path.join(folder, 'footprint');
  writeFileSync(file, '#!/bin/sh\nexit 0\n');
  chmodSync(file, mode);
  return file;
}

/** Links `footprint` in `folder` to `target`, as npm links a package's command. */
function linkCommand(folder: string, target: string): void {
  mkdirSync(folder, { recursive: true });
  symlinkSync(target, path.join(folder, 'footprint'));
}

/** Writes a project folder with a package.json, as `npm init` does. */
function writeProject(folder: string): string {
  mkdirSync(folder, { recursive: true });
  writeFileSync(path.join(folder, 'package.json'), '{ "name": "app" }\n');
  return folder;
}

/** Runs `body` with a fresh root folder and removes it afterwards. */
function withRoot(body: (root: string) => void): void {
  const root = makeRoot();
  try {
    body(root);
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}

test('global link on PATH runs by name', () => {
  withRoot((root) => {
    const bin = writeInstallation(
      path.join(root, 'prefix', 'lib', 'node_modules', 'footprint-cli'),
    );
    const globalBin = path.join(root, 'prefix', 'bin');
    linkCommand(globalBin, '../lib/node_modules/footprint-cli/bin/footprint.js');
    const folder = writeProject(path.join(root, 'app'));

    const command = footprintCommand({ bin, folder, pathVariable: `/nowhere:${globalBin}` });

    assert.equal(command, 'footprint');
  });
});

test('earlier footprint on PATH shadows it', () => {
  withRoot((root) => {
    const bin = writeInstallation(
      path.join(root, 'prefix', 'lib', 'node_modules', 'footprint-cli'),
    );
    const globalBin = path.join(root, 'prefix', 'bin');
    linkCommand(globalBin, bin);
    const other = path.dirname(writeScript(path.join(root, 'other')));
    const folder = writeProject(path.join(root, 'app'));

    const command = footprintCommand({ bin, folder, pathVariable: `${other}:${globalBin}` });

    assert.equal(command, `node ${bin}`);
  });
});

test('PATH skips files without execute permission', () => {
  withRoot((root) => {
    const bin = writeInstallation(path.join(root, 'tools', 'footprint'));
    const readable = path.dirname(writeScript(path.join(root, 'readable'), 0o644));
    const linked = path.join(root, 'linked');
    linkCommand(linked, bin);

    const command = footprintCommand({ bin, folder: root, pathVariable: `${readable}:${linked}` });

    assert.equal(command, 'footprint');
  });
});

test('PATH skips package bin folders', () => {
  withRoot((root) => {
    const project = writeProject(path.join(root, 'app'));
    const bin = writeInstallation(path.join(project, 'node_modules', 'footprint-cli'));
    const projectBin = path.join(project, 'node_modules', '.bin');
    linkCommand(projectBin, '../footprint-cli/bin/footprint.js');
    const elsewhere = writeProject(path.join(root, 'elsewhere'));

    assert.equal(
      footprintCommand({ bin, folder: project, pathVariable: projectBin }),
      'npx footprint',
    );
    assert.equal(
      footprintCommand({ bin, folder: elsewhere, pathVariable: projectBin }),
      `node ${bin}`,
    );
  });
});

test('PATH skips relative folders', () => {
  withRoot((root) => {
    const bin = writeInstallation(path.join(root, 'tools', 'footprint'));
    linkCommand(path.join(root, 'here'), bin);

    const command = footprintCommand({ bin, folder: root, pathVariable: 'here' });

    assert.equal(command, `node ${bin}`);
  });
});

test('project dependency runs through npx', () => {
  withRoot((root) => {
    const project = writeProject(path.join(root, 'app'));
    const bin = writeInstallation(path.join(project, 'node_modules', 'footprint-cli'));
    linkCommand(path.join(project, 'node_modules', '.bin'), '../footprint-cli/bin/footprint.js');
    mkdirSync(path.join(project, 'src'));

    assert.equal(footprintCommand({ bin, folder: project, pathVariable: '' }), 'npx footprint');
    assert.equal(
      footprintCommand({ bin, folder: path.join(project, 'src'), pathVariable: '' }),
      'npx footprint',
    );
  });
});

test('link to a clone runs through npx', () => {
  withRoot((root) => {
    const bin = writeInstallation(path.join(root, 'footprint'));
    const project = writeProject(path.join(root, 'demo'));
    linkCommand(path.join(project, 'node_modules', '.bin'), bin);

    const command = footprintCommand({ bin, folder: project, pathVariable: undefined });

    assert.equal(command, 'npx footprint');
  });
});

test('nested package reaches the parent link', () => {
  withRoot((root) => {
    const project = writeProject(path.join(root, 'app'));
    const bin = writeInstallation(path.join(project, 'node_modules', 'footprint-cli'));
    linkCommand(path.join(project, 'node_modules', '.bin'), '../footprint-cli/bin/footprint.js');
    const nested = writeProject(path.join(project, 'packages', 'web'));

    const command = footprintCommand({ bin, folder: nested, pathVariable: '' });

    assert.equal(command, 'npx footprint');
  });
});

test('pnpm shim runs through npx', () => {
  withRoot((root) => {
    const project = writeProject(path.join(root, 'app'));
    const stored = path.join(project, 'node_modules', '.pnpm', 'footprint-cli@0.1.0');
    const bin = writeInstallation(path.join(stored, 'node_modules', 'footprint-cli'));
    writeScript(path.join(project, 'node_modules', '.bin'));

    const command = footprintCommand({ bin, folder: project, pathVariable: '' });

    assert.equal(command, 'npx footprint');
  });
});

test('nearer footprint of another package', () => {
  withRoot((root) => {
    const project = writeProject(path.join(root, 'app'));
    const bin = writeInstallation(path.join(project, 'node_modules', 'footprint-cli'));
    linkCommand(path.join(project, 'node_modules', '.bin'), '../footprint-cli/bin/footprint.js');
    const nested = writeProject(path.join(project, 'tools'));
    const other = writeInstallation(path.join(nested, 'node_modules', 'footprint'));
    linkCommand(path.join(nested, 'node_modules', '.bin'), other);

    const command = footprintCommand({ bin, folder: nested, pathVariable: '' });

    assert.equal(command, `node ${bin}`);
  });
});

test('monorepo package from the top folder', () => {
  withRoot((root) => {
    const web = writeProject(path.join(root, 'repo', 'packages', 'web'));
    const bin = writeInstallation(path.join(web, 'node_modules', 'footprint-cli'));
    linkCommand(path.join(web, 'node_modules', '.bin'), '../footprint-cli/bin/footprint.js');

    const fromTop = footprintCommand({ bin, folder: path.join(root, 'repo'), pathVariable: '' });
    const fromWeb = footprintCommand({ bin, folder: web, pathVariable: '' });

    assert.equal(fromTop, `node ${bin}`);
    assert.equal(fromWeb, 'npx footprint');
  });
});

test('linked worktree without node_modules', () => {
  withRoot((root) => {
    const main = writeProject(path.join(root, 'main'));
    const bin = writeInstallation(path.join(main, 'node_modules', 'footprint-cli'));
    linkCommand(path.join(main, 'node_modules', '.bin'), '../footprint-cli/bin/footprint.js');
    const worktree = writeProject(path.join(root, 'feature'));

    const command = footprintCommand({ bin, folder: worktree, pathVariable: '' });

    assert.equal(command, `node ${bin}`);
  });
});

test('clone path with a space is quoted', () => {
  withRoot((root) => {
    const bin = writeInstallation(path.join(root, 'my tools', 'footprint'));
    const repo = path.join(root, 'repo');
    mkdirSync(repo);

    const command = footprintCommand({ bin, folder: repo, pathVariable: '/usr/bin:/bin' });

    assert.equal(command, `node '${bin}'`);
  });
});

test('missing installation runs by its path', () => {
  withRoot((root) => {
    const bin = path.join(root, 'gone', 'bin', 'footprint.js');
    const linked = path.join(root, 'linked');
    linkCommand(linked, bin);

    const command = footprintCommand({ bin, folder: root, pathVariable: linked });

    assert.equal(command, `node ${bin}`);
  });
});
