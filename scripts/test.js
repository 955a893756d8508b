// Runs every test file under test/ with node's test runner, after a fresh build, because
// end-to-end tests run the built `bin/footprint.js` through real git hooks.
import { spawnSync } from 'node:child_process';
import { readdirSync, statSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import path from 'node:path';

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));

function collectTests(dir) {
  const files = [];
  for (const name of readdirSync(dir).sort()) {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) files.push(...collectTests(full));
    else if (name.endsWith('.test.ts')) files.push(full);
  }
  return files;
}

const filters = process.argv.slice(2);
if (!process.env.FOOTPRINT_SKIP_BUILD) {
  const built = spawnSync(process.execPath, [path.join(root, 'scripts', 'build.js')], {
    stdio: 'inherit',
  });
  if (built.status !== 0) process.exit(built.status ?? 1);
}

const files = collectTests(path.join(root, 'test')).filter(
  (file) => filters.length === 0 || filters.some((filter) => file.includes(filter)),
);
const result = spawnSync(
  process.execPath,
  ['--import', 'tsx', '--test', '--test-concurrency=2', '--test-reporter=spec', ...files],
  { stdio: 'inherit', cwd: root, env: { ...process.env, NO_COLOR: '1', FORCE_COLOR: '0' } },
);
process.exit(result.status ?? 1);
