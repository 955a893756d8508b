import { readdirSync, existsSync } from 'node:fs';
import path from 'node:path';
import type { TempRepo } from '../helpers/repo.js';

/** Writes a small project and commits it with FOOTPRINT=0, so tests start from a HEAD. */
export function commitStartingProject(repo: TempRepo): void {
  repo.write('package.json', manifest('1.2.0'));
  repo.write('package-lock.json', lockfile('1.2.0'));
  repo.write(
    'src/cart.js',
    'export function total(items) {\n  return items.reduce((sum, item) => sum + item.price, 0);\n}\n',
  );
  repo.write('README.md', '# Shop\n\nA cart library.\n\n## Usage\n\nAdd items.\n');
  repo.git(['add', '-A']);
  repo.git(['commit', '-q', '-m', 'chore: start'], { env: { FOOTPRINT: '0' } });
}

/** Stages a feature module with its test, an unrelated README edit and a dependency bump. */
export function stageTangledChange(repo: TempRepo): void {
  repo.write(
    'src/discount.js',
    "import { total } from './cart.js';\n\nexport function discounted(items, percent) {\n  return total(items) * (1 - percent / 100);\n}\n",
  );
  repo.write(
    'test/discount.test.js',
    "import { test } from 'node:test';\nimport { discounted } from '../src/discount.js';\n\ntest('discount', () => discounted([], 10));\n",
  );
  repo.write(
    'README.md',
    '# Shop\n\nA cart library with discounts.\n\n## Usage\n\nAdd items, then read the total.\n',
  );
  repo.write('package.json', manifest('1.3.0'));
  repo.write('package-lock.json', lockfile('1.3.0'));
  repo.git(['add', '-A']);
}

/** A fake PEM block on line 2; the header is assembled so this file never contains one. */
export function fakePrivateKey(): string {
  const label = ['RSA', 'PRIVATE', 'KEY'].join(' ');
  return `# deploy key\n-----BEGIN ${label}-----\nMIIBOgIBAAJBAKj34GkxFhD90vcNLYLInFEX6Ppy1tPf9Cnzj4p4WGeKLs1Pt8Qu\n-----END ${label}-----\n`;
}

export function listFossils(repo: TempRepo): string[] {
  const dir = path.join(repo.dir, 'fossils');
  if (!existsSync(dir)) return [];
  return readdirSync(dir).filter((name) => name.includes('-analysis-') && name.endsWith('.json'));
}

function manifest(version: string): string {
  return `${JSON.stringify({ name: 'shop', version: '1.0.0', dependencies: { 'left-pad': version } }, null, 2)}\n`;
}

function lockfile(version: string): string {
  const lock = {
    name: 'shop',
    lockfileVersion: 3,
    packages: {
      '': { name: 'shop', dependencies: { 'left-pad': version } },
      'node_modules/left-pad': { version },
    },
  };
  return `${JSON.stringify(lock, null, 2)}\n`;
}
