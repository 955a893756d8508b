// Builds the runtime bundle: compiled schema validators, then one ESM bundle of the CLI.
// Heavy modules that only some commands need stay external and are loaded on first use.
import { build } from 'esbuild';
import { existsSync, rmSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import path from 'node:path';

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));

const compileSchemas = path.join(root, 'scripts', 'compile-schemas.js');
if (existsSync(compileSchemas)) {
  const result = spawnSync(process.execPath, [compileSchemas], { stdio: 'inherit' });
  if (result.status !== 0) process.exit(result.status ?? 1);
}

// Old chunks from earlier builds would pile up beside the new ones.
rmSync(path.join(root, 'dist'), { recursive: true, force: true });

await build({
  absWorkingDir: root,
  entryPoints: ['src/cli/main.ts'],
  outdir: 'dist',
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  sourcemap: 'linked',
  external: ['isomorphic-git', '@anthropic-ai/sdk', 'lint-staged'],
  banner: {
    // Bundled CommonJS dependencies call require(); give them one in the ESM bundle.
    js: "import { createRequire as __footprintRequire } from 'node:module'; const require = __footprintRequire(import.meta.url);",
  },
  logLevel: 'warning',
});
