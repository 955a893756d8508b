import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import {
  chmodSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  realpathSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import {
  readHookTemplates,
  renderHookScript,
  type HookName,
  type HookTemplate,
} from '../../src/init/hook-script.js';
import { createTempRepo, projectRoot } from '../helpers/repo.js';

const SH = '/bin/sh';

async function readTemplate(name: HookName): Promise<HookTemplate> {
  const template = (await readHookTemplates(projectRoot)).find((found) => found.name === name);
  assert.ok(template, `hooks/${name} is missing`);
  return template;
}
const DIRNAME = '/usr/bin/dirname';

/**
 * A scratch folder standing in for a worktree, with its own HOME and a PATH that has
 * `dirname` but no node, as in a GUI client.
 */
function createSandbox() {
  const root = realpathSync(mkdtempSync(path.join(tmpdir(), 'footprint-hook-')));
  const home = path.join(root, 'home');
  const tools = path.join(root, 'tools');
  const worktree = path.join(root, 'worktree');
  const hooks = path.join(worktree, '.git', 'hooks');
  for (const dir of [home, tools, hooks]) mkdirSync(dir, { recursive: true });
  symlinkSync(existsSync(DIRNAME) ? DIRNAME : '/bin/dirname', path.join(tools, 'dirname'));

  const writeExecutable = (file: string, text: string) => {
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, text);
    chmodSync(file, 0o755);
  };
  const install = async (
    baked: { footprintBin: string; node: string; globalHook?: string },
    name: HookName = 'pre-commit',
  ) => {
    const hook = path.join(hooks, name);
    writeExecutable(hook, renderHookScript(await readTemplate(name), baked));
    return hook;
  };
  const runHook = (hook: string, env: NodeJS.ProcessEnv = {}, args: string[] = [], input = '') =>
    spawnSync(SH, [path.relative(worktree, hook), ...args], {
      cwd: worktree,
      env: { PATH: tools, HOME: home, ...env },
      encoding: 'utf8',
      input,
    });
  return {
    root,
    home,
    tools,
    worktree,
    hooks,
    writeExecutable,
    install,
    runHook,
    cleanup: () => rmSync(root, { recursive: true, force: true }),
  };
}

const NO_NODE = { footprintBin: '/nonexistent/footprint.js', node: '/nonexistent/node' };

test('hook exits 0 with FOOTPRINT=0', async () => {
  const sandbox = createSandbox();
  try {
    const hook = await sandbox.install(NO_NODE);

    const result = sandbox.runHook(hook, { FOOTPRINT: '0' });

    assert.equal(result.status, 0);
    assert.equal(result.stderr, '');
  } finally {
    sandbox.cleanup();
  }
});

test('hook finds node in volta when PATH lacks it', async () => {
  const sandbox = createSandbox();
  try {
    const hook = await sandbox.install(NO_NODE);
    mkdirSync(path.join(sandbox.home, '.volta', 'bin'), { recursive: true });
    symlinkSync(process.execPath, path.join(sandbox.home, '.volta', 'bin', 'node'));
    sandbox.writeExecutable(
      path.join(sandbox.worktree, 'node_modules', '.bin', 'footprint'),
      '#!/bin/sh\necho "local footprint $* with $(command -v node)"\nexit 7\n',
    );

    const result = sandbox.runHook(hook);

    assert.equal(result.status, 7);
    assert.equal(result.stdout, `local footprint precommit with ${sandbox.home}/.volta/bin/node\n`);
  } finally {
    sandbox.cleanup();
  }
});

test('hook finds node in nvm when PATH lacks it', async () => {
  const sandbox = createSandbox();
  try {
    const hook = await sandbox.install(NO_NODE);
    const nvmBin = path.join(sandbox.home, '.nvm', 'versions', 'node', 'v20.20.2', 'bin');
    mkdirSync(nvmBin, { recursive: true });
    symlinkSync(process.execPath, path.join(nvmBin, 'node'));
    sandbox.writeExecutable(
      path.join(sandbox.worktree, 'node_modules', '.bin', 'footprint'),
      '#!/bin/sh\necho "node $(command -v node)"\n',
    );

    const result = sandbox.runHook(hook);

    assert.equal(result.status, 0);
    assert.equal(result.stdout, `node ${nvmBin}/node\n`);
  } finally {
    sandbox.cleanup();
  }
});

/**
 * Where version managers put node, relative to HOME. GUI clients start git without the PATH
 * a shell's profile sets up for them.
 */
const MANAGER_NODES = [
  ['fnm', '.fnm/aliases/default/bin/node'],
  ['fnm (XDG)', '.local/share/fnm/aliases/default/bin/node'],
  ['fnm (macOS)', 'Library/Application Support/fnm/aliases/default/bin/node'],
  ['asdf', '.asdf/shims/node'],
  ['nodenv', '.nodenv/shims/node'],
] as const;

/** Each hook with the arguments git passes it when the commit has no message yet. */
const HOOK_RUNS: { name: HookName; args: string[]; runs: string }[] = [
  { name: 'pre-commit', args: [], runs: 'precommit' },
  { name: 'pre-merge-commit', args: [], runs: 'precommit --merge' },
  {
    name: 'prepare-commit-msg',
    args: ['.git/COMMIT_EDITMSG'],
    runs: 'prepare-commit-msg .git/COMMIT_EDITMSG',
  },
  { name: 'post-commit', args: [], runs: 'fossils record-outcome' },
];

for (const [manager, relativeNode] of MANAGER_NODES) {
  test(`each hook finds node from ${manager} when PATH lacks it`, async () => {
    const sandbox = createSandbox();
    try {
      const node = path.join(sandbox.home, relativeNode);
      mkdirSync(path.dirname(node), { recursive: true });
      symlinkSync(process.execPath, node);
      sandbox.writeExecutable(
        path.join(sandbox.worktree, 'node_modules', '.bin', 'footprint'),
        '#!/bin/sh\necho "$* with $(command -v node)"\n',
      );

      for (const hook of HOOK_RUNS) {
        const result = sandbox.runHook(await sandbox.install(NO_NODE, hook.name), {}, hook.args);

        assert.equal(result.status, 0, `${hook.name}: ${result.stderr}`);
        assert.equal(result.stdout, `${hook.runs} with ${node}\n`, hook.name);
      }
    } finally {
      sandbox.cleanup();
    }
  });
}

/** Writes a stand-in for the installing footprint that prints `baked ARGS` and exits with `code`. */
function writeBakedFootprint(sandbox: ReturnType<typeof createSandbox>, code: number): string {
  const bakedBin = path.join(sandbox.root, 'baked', 'footprint.js');
  sandbox.writeExecutable(
    bakedBin,
    `process.stdout.write('baked ' + process.argv.slice(2).join(' '));\nprocess.exit(${code});\n`,
  );
  return bakedBin;
}

test('hook uses the installing node and footprint when PATH has neither', async () => {
  const sandbox = createSandbox();
  try {
    const bakedBin = writeBakedFootprint(sandbox, 5);
    const hook = await sandbox.install({ footprintBin: bakedBin, node: process.execPath });

    const result = sandbox.runHook(hook);

    assert.equal(result.status, 5);
    assert.equal(result.stdout, 'baked precommit');
  } finally {
    sandbox.cleanup();
  }
});

test('hook prefers the installing footprint to one on PATH', async () => {
  const sandbox = createSandbox();
  try {
    const bakedBin = writeBakedFootprint(sandbox, 0);
    const hook = await sandbox.install({ footprintBin: bakedBin, node: process.execPath });
    sandbox.writeExecutable(
      path.join(sandbox.tools, 'footprint'),
      '#!/bin/sh\necho "path footprint $*"\n',
    );

    const result = sandbox.runHook(hook);

    assert.equal(result.status, 0, result.stderr);
    assert.equal(result.stdout, 'baked precommit');
  } finally {
    sandbox.cleanup();
  }
});

test('hook uses footprint on PATH when the installing one is gone', async () => {
  const sandbox = createSandbox();
  try {
    const hook = await sandbox.install({
      footprintBin: '/nonexistent/footprint.js',
      node: process.execPath,
    });
    sandbox.writeExecutable(
      path.join(sandbox.tools, 'footprint'),
      '#!/bin/sh\necho "path footprint $*"\n',
    );

    const result = sandbox.runHook(hook);

    assert.equal(result.status, 0);
    assert.equal(result.stdout, 'path footprint precommit\n');
  } finally {
    sandbox.cleanup();
  }
});

test('hook without node explains the fix and exits 1', async (t) => {
  if (existsSync('/usr/local/bin/node') || existsSync('/opt/homebrew/bin/node')) {
    t.skip('this machine has node in a place the hook always searches');
    return;
  }
  const sandbox = createSandbox();
  try {
    const hook = await sandbox.install(NO_NODE);

    const result = sandbox.runHook(hook);

    assert.equal(result.status, 1);
    assert.match(result.stderr, /node was not found on PATH/);
    assert.match(result.stderr, /FOOTPRINT=0 git commit/);
    assert.match(result.stderr, /git commit --no-verify/);
  } finally {
    sandbox.cleanup();
  }
});

test('hook without footprint explains the fix and exits 1', async () => {
  const sandbox = createSandbox();
  try {
    const hook = await sandbox.install({
      footprintBin: '/nonexistent/footprint.js',
      node: process.execPath,
    });

    const result = sandbox.runHook(hook);

    assert.equal(result.status, 1);
    assert.match(result.stderr, /the footprint command was not found/);
    assert.match(result.stderr, /Fix: npm install --save-dev footprint-cli && npx footprint init/);
  } finally {
    sandbox.cleanup();
  }
});

test('hook runs the chained hook first', async () => {
  const sandbox = createSandbox();
  try {
    const hook = await sandbox.install({
      footprintBin: '/nonexistent/footprint.js',
      node: process.execPath,
    });
    sandbox.writeExecutable(
      path.join(sandbox.hooks, 'pre-commit.footprint-chained'),
      '#!/bin/sh\necho chained\n',
    );
    sandbox.writeExecutable(path.join(sandbox.tools, 'footprint'), '#!/bin/sh\necho footprint\n');

    const result = sandbox.runHook(hook);

    assert.equal(result.status, 0);
    assert.equal(result.stdout, 'chained\nfootprint\n');
  } finally {
    sandbox.cleanup();
  }
});

test('hook stops when the chained hook fails', async () => {
  const sandbox = createSandbox();
  try {
    const hook = await sandbox.install({
      footprintBin: '/nonexistent/footprint.js',
      node: process.execPath,
    });
    sandbox.writeExecutable(
      path.join(sandbox.hooks, 'pre-commit.footprint-chained'),
      '#!/bin/sh\necho chained\nexit 3\n',
    );
    sandbox.writeExecutable(path.join(sandbox.tools, 'footprint'), '#!/bin/sh\necho footprint\n');

    const result = sandbox.runHook(hook);

    assert.equal(result.status, 3);
    assert.equal(result.stdout, 'chained\n');
  } finally {
    sandbox.cleanup();
  }
});

test('hook runs the chained hook even with FOOTPRINT=0', async () => {
  const sandbox = createSandbox();
  try {
    const hook = await sandbox.install(NO_NODE);
    sandbox.writeExecutable(
      path.join(sandbox.hooks, 'pre-commit.footprint-chained'),
      '#!/bin/sh\necho chained\n',
    );

    const result = sandbox.runHook(hook, { FOOTPRINT: '0' });

    assert.equal(result.status, 0);
    assert.equal(result.stdout, 'chained\n');
  } finally {
    sandbox.cleanup();
  }
});

test('rendered hook quotes baked paths for sh', async () => {
  const script = renderHookScript(await readTemplate('pre-commit'), {
    footprintBin: "/opt/it's here/footprint.js",
    node: '/usr/bin/node',
  });

  assert.match(script, /^installed_footprint='\/opt\/it'\\''s here\/footprint\.js'$/m);
  assert.match(script, /^installed_node='\/usr\/bin\/node'$/m);
});

test('templates name their footprint command', async () => {
  const templates = await readHookTemplates(projectRoot);
  const commands = new Map(templates.map((template) => [template.name, template.command]));

  assert.equal(commands.get('pre-commit'), 'precommit');
  assert.equal(commands.get('pre-merge-commit'), 'precommit --merge');
  assert.equal(commands.get('prepare-commit-msg'), 'prepare-commit-msg "$@"');
});

test('merge hook runs its own chained hook', async () => {
  const sandbox = createSandbox();
  try {
    const hook = await sandbox.install(NO_NODE, 'pre-merge-commit');
    sandbox.writeExecutable(
      path.join(sandbox.hooks, 'pre-commit.footprint-chained'),
      '#!/bin/sh\necho commit-chained\n',
    );
    sandbox.writeExecutable(
      path.join(sandbox.hooks, 'pre-merge-commit.footprint-chained'),
      '#!/bin/sh\necho merge-chained\nexit 4\n',
    );

    const result = sandbox.runHook(hook);

    assert.equal(result.status, 4);
    assert.equal(result.stdout, 'merge-chained\n');
  } finally {
    sandbox.cleanup();
  }
});

test('merge hook without footprint names git merge', async () => {
  const sandbox = createSandbox();
  try {
    const hook = await sandbox.install(
      { footprintBin: '/nonexistent/footprint.js', node: process.execPath },
      'pre-merge-commit',
    );

    const result = sandbox.runHook(hook);
    const skipped = sandbox.runHook(hook, { FOOTPRINT: '0' });

    assert.equal(result.status, 1);
    assert.match(
      result.stderr,
      /Skip once: FOOTPRINT=0 git merge \.\.\. {3}or {3}git merge --no-verify/,
    );
    assert.equal(skipped.status, 0);
    assert.equal(skipped.stderr, '');
  } finally {
    sandbox.cleanup();
  }
});

/** A footprint on PATH that prints its arguments separated by `|` and exits with `code`. */
function argumentEcho(code = 0): string {
  return `#!/bin/sh\nprintf '%s|' "$@"\nexit ${code}\n`;
}

test('message hook passes git arguments to footprint', async () => {
  const sandbox = createSandbox();
  try {
    const hook = await sandbox.install(NO_NODE, 'prepare-commit-msg');
    sandbox.writeExecutable(path.join(sandbox.tools, 'node'), '#!/bin/sh\n');
    sandbox.writeExecutable(path.join(sandbox.tools, 'footprint'), argumentEcho());

    const result = sandbox.runHook(hook, {}, ['.git/COMMIT_EDITMSG', '', '']);

    assert.equal(result.status, 0, result.stderr);
    assert.equal(result.stdout, 'prepare-commit-msg|.git/COMMIT_EDITMSG|||');
  } finally {
    sandbox.cleanup();
  }
});

test('message hook skips messages the user gave', async () => {
  const sandbox = createSandbox();
  try {
    const hook = await sandbox.install(NO_NODE, 'prepare-commit-msg');
    sandbox.writeExecutable(path.join(sandbox.tools, 'node'), '#!/bin/sh\n');
    sandbox.writeExecutable(path.join(sandbox.tools, 'footprint'), argumentEcho());

    for (const source of ['message', 'merge', 'squash', 'commit']) {
      const result = sandbox.runHook(hook, {}, ['.git/COMMIT_EDITMSG', source, 'HEAD']);

      assert.equal(result.status, 0, `${source}: ${result.stderr}`);
      assert.equal(result.stdout, '', `footprint ran for source ${source}`);
    }
  } finally {
    sandbox.cleanup();
  }
});

test('message hook skips when git opens no editor', async () => {
  const sandbox = createSandbox();
  try {
    const hook = await sandbox.install(NO_NODE, 'prepare-commit-msg');
    sandbox.writeExecutable(path.join(sandbox.tools, 'node'), '#!/bin/sh\n');
    sandbox.writeExecutable(path.join(sandbox.tools, 'footprint'), argumentEcho());

    const result = sandbox.runHook(hook, { GIT_EDITOR: ':' }, ['.git/COMMIT_EDITMSG']);

    assert.equal(result.status, 0, result.stderr);
    assert.equal(result.stdout, '');
  } finally {
    sandbox.cleanup();
  }
});

test('message hook exits 0 when footprint fails', async () => {
  const sandbox = createSandbox();
  try {
    const hook = await sandbox.install(NO_NODE, 'prepare-commit-msg');
    sandbox.writeExecutable(path.join(sandbox.tools, 'node'), '#!/bin/sh\n');
    sandbox.writeExecutable(path.join(sandbox.tools, 'footprint'), argumentEcho(3));

    const result = sandbox.runHook(hook, {}, ['.git/COMMIT_EDITMSG']);

    assert.equal(result.status, 0, result.stderr);
    assert.equal(result.stdout, 'prepare-commit-msg|.git/COMMIT_EDITMSG|');
  } finally {
    sandbox.cleanup();
  }
});

test('message hook stops when its chained hook fails', async () => {
  const sandbox = createSandbox();
  try {
    const hook = await sandbox.install(NO_NODE, 'prepare-commit-msg');
    sandbox.writeExecutable(
      path.join(sandbox.hooks, 'prepare-commit-msg.footprint-chained'),
      '#!/bin/sh\necho "chained $1"\nexit 4\n',
    );
    sandbox.writeExecutable(path.join(sandbox.tools, 'footprint'), argumentEcho());

    const result = sandbox.runHook(hook, {}, ['.git/COMMIT_EDITMSG']);

    assert.equal(result.status, 4);
    assert.equal(result.stdout, 'chained .git/COMMIT_EDITMSG\n');
  } finally {
    sandbox.cleanup();
  }
});

test('message hook without node explains the fix and exits 0', async (t) => {
  if (existsSync('/usr/local/bin/node') || existsSync('/opt/homebrew/bin/node')) {
    t.skip('this machine has node in a place the hook always searches');
    return;
  }
  const sandbox = createSandbox();
  try {
    const hook = await sandbox.install(NO_NODE, 'prepare-commit-msg');

    const result = sandbox.runHook(hook, {}, ['.git/COMMIT_EDITMSG']);

    assert.equal(result.status, 0);
    assert.match(result.stderr, /node was not found on PATH/);
    assert.match(result.stderr, /so no message was suggested/);
  } finally {
    sandbox.cleanup();
  }
});

test('outcome hook skips commits a rebase replays', async () => {
  const repo = createTempRepo();
  try {
    const log = path.join(repo.dir, '.git', 'outcome-calls.log');
    const stand = path.join(repo.dir, '.git', 'stand-in-footprint.js');
    writeFileSync(
      stand,
      `require('node:fs').appendFileSync(${JSON.stringify(log)}, process.argv.slice(2).join(' ') + '\\n');\n`,
    );
    const hook = path.join(repo.dir, '.git', 'hooks', 'post-commit');
    writeFileSync(
      hook,
      renderHookScript(await readTemplate('post-commit'), {
        footprintBin: stand,
        node: process.execPath,
      }),
    );
    chmodSync(hook, 0o755);

    repo.write('a.txt', 'a\n');
    repo.git(['add', 'a.txt']);
    repo.git(['commit', '-q', '-m', 'base']);
    repo.git(['checkout', '-q', '-b', 'side']);
    repo.write('side.txt', 'side\n');
    repo.git(['add', 'side.txt']);
    repo.git(['commit', '-q', '-m', 'side']);
    repo.git(['checkout', '-q', '-']);
    for (const name of ['b', 'c', 'd']) {
      repo.write(`${name}.txt`, `${name}\n`);
      repo.git(['add', `${name}.txt`]);
      repo.git(['commit', '-q', '-m', name]);
    }
    assert.equal(readFileSync(log, 'utf8'), 'fossils record-outcome\n'.repeat(5));

    repo.git(['rebase', '-q', 'side']);

    assert.equal(repo.git(['log', '--format=%s']).trim().split('\n').length, 5, 'rebased');
    assert.equal(readFileSync(log, 'utf8'), 'fossils record-outcome\n'.repeat(5));
  } finally {
    repo.cleanup();
  }
});

/**
 * A global hook that prints its arguments and the first line of its stdin, with sh builtins
 * because the sandbox PATH has no `cat`, then exits with `code`.
 */
function globalEcho(code = 0): string {
  return `#!/bin/sh\necho "global $*"\nIFS= read -r line && echo "$line"\nexit ${code}\n`;
}

test('hook runs the global hook with arguments and stdin', async () => {
  const sandbox = createSandbox();
  try {
    const globalHook = path.join(sandbox.home, 'hooks', 'pre-commit');
    sandbox.writeExecutable(globalHook, globalEcho());
    const hook = await sandbox.install({ ...NO_NODE, globalHook });
    sandbox.writeExecutable(
      path.join(sandbox.hooks, 'pre-commit.footprint-chained'),
      '#!/bin/sh\necho chained\n',
    );
    sandbox.writeExecutable(path.join(sandbox.tools, 'node'), '#!/bin/sh\n');
    sandbox.writeExecutable(path.join(sandbox.tools, 'footprint'), argumentEcho());

    const result = sandbox.runHook(hook, {}, ['one', 'two words'], 'from stdin\n');

    assert.equal(result.status, 0, result.stderr);
    assert.equal(result.stdout, 'global one two words\nfrom stdin\nchained\nprecommit|');
  } finally {
    sandbox.cleanup();
  }
});

test('hook stops when the global hook fails', async () => {
  const sandbox = createSandbox();
  try {
    const globalHook = path.join(sandbox.home, 'hooks', 'pre-commit');
    sandbox.writeExecutable(globalHook, globalEcho(5));
    const hook = await sandbox.install({ ...NO_NODE, globalHook });
    sandbox.writeExecutable(path.join(sandbox.tools, 'node'), '#!/bin/sh\n');
    sandbox.writeExecutable(path.join(sandbox.tools, 'footprint'), argumentEcho());

    const result = sandbox.runHook(hook, { FOOTPRINT: '0' });

    assert.equal(result.status, 5);
    assert.equal(result.stdout, 'global \n');
  } finally {
    sandbox.cleanup();
  }
});

test('message hook passes arguments to the global hook', async () => {
  const sandbox = createSandbox();
  try {
    const globalHook = path.join(sandbox.home, 'hooks', 'prepare-commit-msg');
    sandbox.writeExecutable(globalHook, globalEcho(6));
    const hook = await sandbox.install({ ...NO_NODE, globalHook }, 'prepare-commit-msg');
    sandbox.writeExecutable(path.join(sandbox.tools, 'footprint'), argumentEcho());

    const result = sandbox.runHook(hook, {}, ['.git/COMMIT_EDITMSG', 'message']);

    assert.equal(result.status, 6);
    assert.equal(result.stdout, 'global .git/COMMIT_EDITMSG message\n');
  } finally {
    sandbox.cleanup();
  }
});

test('hook skips a global hook that is gone', async () => {
  const sandbox = createSandbox();
  try {
    const globalHook = path.join(sandbox.home, 'hooks', 'post-commit');
    const hook = await sandbox.install({ ...NO_NODE, globalHook }, 'post-commit');
    sandbox.writeExecutable(path.join(sandbox.tools, 'node'), '#!/bin/sh\n');
    sandbox.writeExecutable(path.join(sandbox.tools, 'footprint'), argumentEcho());

    const result = sandbox.runHook(hook);

    assert.equal(result.status, 0, result.stderr);
    assert.equal(result.stdout, 'fossils|record-outcome|');
  } finally {
    sandbox.cleanup();
  }
});

test('rendered hook names the global hook', async () => {
  const script = renderHookScript(await readTemplate('pre-commit'), {
    footprintBin: '/opt/footprint.js',
    node: '/usr/bin/node',
    globalHook: "/home/o'neil/hooks/pre-commit",
  });

  assert.match(script, /^global_hook='\/home\/o'\\''neil\/hooks\/pre-commit'$/m);
});

test('hook explains a crash of footprint', async () => {
  const sandbox = createSandbox();
  try {
    const bakedBin = writeBakedFootprint(sandbox, 134);
    const hook = await sandbox.install({ footprintBin: bakedBin, node: process.execPath });

    const result = sandbox.runHook(hook);

    assert.equal(result.status, 134);
    assert.equal(result.stdout, 'baked precommit');
    assert.match(
      result.stderr,
      /^footprint: stopped with status 134 before it finished, as when node/,
    );
    assert.match(result.stderr, /Skip once: FOOTPRINT=0 git commit \.\.\./);
  } finally {
    sandbox.cleanup();
  }
});

test('hook passes a block on quietly', async () => {
  const sandbox = createSandbox();
  try {
    const bakedBin = writeBakedFootprint(sandbox, 1);
    const hook = await sandbox.install({ footprintBin: bakedBin, node: process.execPath });

    const result = sandbox.runHook(hook);

    assert.equal(result.status, 1);
    assert.equal(result.stderr, '');
  } finally {
    sandbox.cleanup();
  }
});

test('merge hook explains a crash', async () => {
  const sandbox = createSandbox();
  try {
    const bakedBin = writeBakedFootprint(sandbox, 137);
    const baked = { footprintBin: bakedBin, node: process.execPath };
    const hook = await sandbox.install(baked, 'pre-merge-commit');

    const result = sandbox.runHook(hook);

    assert.equal(result.status, 137);
    assert.match(result.stderr, /^footprint: stopped with status 137 /);
    assert.match(result.stderr, /Skip once: FOOTPRINT=0 git merge \.\.\./);
  } finally {
    sandbox.cleanup();
  }
});
