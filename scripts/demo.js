// Shows footprint end to end in a throwaway repository: `footprint init`, a tangled commit
// whose suggested split the hook prints, a commit the hook blocks for a private key, and the
// fossils both runs left. Run it with `npm run demo`, which builds first.
// Exits 1 when a step does not behave as shown, so CI can run it as a smoke test.
import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  realpathSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import chalk from 'chalk';

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const footprintBin = path.join(root, 'bin', 'footprint.js');

if (!existsSync(path.join(root, 'dist', 'main.cjs'))) {
  console.error(
    'dist/main.cjs is missing. Run `npm run build` first, or use `npm run demo`, which builds.',
  );
  process.exit(1);
}

const repo = realpathSync(mkdtempSync(path.join(tmpdir(), 'footprint-demo-')));
const env = demoEnvironment();
const localBin = path.join(repo, 'node_modules', '.bin', 'footprint');

heading(1, 'Make a repository in a temp folder');
console.log(repo);
run('git', ['init', '-q', '--initial-branch=main']);
writeInitialProject();

heading(2, 'Install footprint and its hook with footprint init');
// Stands in for `npm install --save-dev footprint-cli`: the same node_modules/.bin link, to this checkout.
mkdirSync(path.dirname(localBin), { recursive: true });
symlinkSync(footprintBin, localBin);
console.log(chalk.dim(`linked node_modules/.bin/footprint to ${footprintBin}`));
run(localBin, ['init']);

heading(3, 'Make a first commit (FOOTPRINT=0 skips the hook for this setup commit)');
run('git', ['add', '-A']);
run('git', ['commit', '-q', '-m', 'chore: start the shop'], { FOOTPRINT: '0' });

heading(4, 'Stage a tangled change');
writeTangledChange();
run('git', ['add', '-A']);
run('git', ['status', '--short']);

heading(5, 'Commit it: the hook prints the suggested split, and the commit lands');
const tangled = run('git', ['commit', '-m', 'add discounts, docs and a dependency bump'], {}, true);
expect(tangled.status === 0, `the tangled commit should pass, but git exited ${tangled.status}`);
run('git', ['log', '--oneline']);

heading(6, 'Stage a private key: the hook blocks the commit with exit 1');
writeFakePrivateKey();
run('git', ['add', 'deploy/key.pem']);
const blocked = run('git', ['commit', '-m', 'add the deploy key'], {}, true);
expect(
  blocked.status === 1,
  `the commit with a private key should exit 1, but git exited ${blocked.status}`,
);
console.log(
  chalk.dim(
    `git commit exited ${blocked.status}; the key is still staged, so fix it or unstage it.`,
  ),
);

heading(7, 'The fossils both commits left');
const fossilDir = path.join(repo, 'fossils');
const fossils = listFiles(fossilDir).filter((file) => file.endsWith('.json'));
expect(fossils.length >= 2, `expected at least 2 fossils in ${fossilDir}, found ${fossils.length}`);
for (const file of fossils) console.log(file);
console.log(`\nThe demo repository stays at ${repo} for you to explore; remove it with rm -rf.`);

function heading(step, title) {
  console.log(`\n${chalk.bold.cyan(`== ${step}. ${title}`)}`);
}

/** Runs a command in the demo repository, showing it first; `allowFailure` returns the result. */
function run(command, args, extraEnv = {}, allowFailure = false) {
  const name = command === localBin ? 'footprint' : command;
  const shown = [name, ...args].map(quoteForDisplay).join(' ');
  const prefix = Object.entries(extraEnv)
    .map(([key, value]) => `${key}=${value} `)
    .join('');
  console.log(chalk.dim(`$ ${prefix}${shown}`));
  const result = spawnSync(command, args, {
    cwd: repo,
    env: { ...env, ...extraEnv },
    stdio: 'inherit',
  });
  if (result.error) throw result.error;
  if (!allowFailure) expect(result.status === 0, `\`${shown}\` exited ${result.status}`);
  return result;
}

function quoteForDisplay(arg) {
  return /^[\w./=:@-]+$/.test(arg) ? arg : `'${arg.replace(/'/g, `'\\''`)}'`;
}

function expect(condition, message) {
  if (condition) return;
  console.error(chalk.red(`\ndemo failed: ${message}. The repository is at ${repo}.`));
  process.exit(1);
}

/** Returns the caller's environment without git's and footprint's variables, and a fixed identity. */
function demoEnvironment() {
  const clean = {};
  for (const [key, value] of Object.entries(process.env)) {
    if (!key.startsWith('GIT_') && !key.startsWith('FOOTPRINT')) clean[key] = value;
  }
  return {
    ...clean,
    GIT_CONFIG_NOSYSTEM: '1',
    GIT_CONFIG_GLOBAL: '/dev/null',
    GIT_AUTHOR_NAME: 'Demo Author',
    GIT_AUTHOR_EMAIL: 'demo@example.com',
    GIT_COMMITTER_NAME: 'Demo Author',
    GIT_COMMITTER_EMAIL: 'demo@example.com',
  };
}

function write(relativePath, text) {
  const file = path.join(repo, relativePath);
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, text);
}

function manifest(leftPadVersion) {
  const pkg = {
    name: 'demo-shop',
    version: '1.0.0',
    type: 'module',
    dependencies: { 'left-pad': leftPadVersion },
  };
  return `${JSON.stringify(pkg, null, 2)}\n`;
}

function lockfile(leftPadVersion) {
  const lock = {
    name: 'demo-shop',
    version: '1.0.0',
    lockfileVersion: 3,
    requires: true,
    packages: {
      '': { name: 'demo-shop', version: '1.0.0', dependencies: { 'left-pad': leftPadVersion } },
      'node_modules/left-pad': {
        version: leftPadVersion,
        resolved: `https://registry.npmjs.org/left-pad/-/left-pad-${leftPadVersion}.tgz`,
      },
    },
  };
  return `${JSON.stringify(lock, null, 2)}\n`;
}

function writeInitialProject() {
  write('package.json', manifest('1.2.0'));
  write('package-lock.json', lockfile('1.2.0'));
  write(
    'src/cart.js',
    [
      'export function createCart() {',
      '  return { items: [] };',
      '}',
      '',
      'export function addItem(cart, item) {',
      '  cart.items.push(item);',
      '  return cart;',
      '}',
      '',
      'export function total(cart) {',
      '  return cart.items.reduce((sum, item) => sum + item.price, 0);',
      '}',
      '',
    ].join('\n'),
  );
  write(
    'README.md',
    '# Demo shop\n\nA small cart library.\n\n## Usage\n\nCreate a cart and add items.\n',
  );
  write('.gitignore', 'node_modules/\n');
}

function writeTangledChange() {
  write(
    'src/discount.js',
    [
      "import { total } from './cart.js';",
      '',
      '/** Applies a percentage discount to the cart total. */',
      'export function discountedTotal(cart, percent) {',
      '  return total(cart) * (1 - percent / 100);',
      '}',
      '',
    ].join('\n'),
  );
  write(
    'test/discount.test.js',
    [
      "import assert from 'node:assert/strict';",
      "import { test } from 'node:test';",
      "import { addItem, createCart } from '../src/cart.js';",
      "import { discountedTotal } from '../src/discount.js';",
      '',
      "test('discount of 10 percent', () => {",
      '  const cart = addItem(createCart(), { price: 50 });',
      '  assert.equal(discountedTotal(cart, 10), 45);',
      '});',
      '',
    ].join('\n'),
  );
  write(
    'README.md',
    '# Demo shop\n\nA small cart library with discounts.\n\n## Usage\n\nCreate a cart, add items, and read its total.\n',
  );
  write('package.json', manifest('1.3.0'));
  write('package-lock.json', lockfile('1.3.0'));
}

/**
 * Writes a fake key: a PEM header and random bytes, not a key of any kind. The header is
 * assembled here so that this script's own text never contains one.
 */
function writeFakePrivateKey() {
  const label = ['RSA', 'PRIVATE', 'KEY'].join(' ');
  const body = randomBytes(96)
    .toString('base64')
    .match(/.{1,64}/g)
    .join('\n');
  write(
    'deploy/key.pem',
    `# staging deploy key\n-----BEGIN ${label}-----\n${body}\n-----END ${label}-----\n`,
  );
}

function listFiles(dir) {
  if (!existsSync(dir)) return [];
  const files = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) files.push(...listFiles(full));
    else files.push(full);
  }
  return files.sort();
}
