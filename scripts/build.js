// Builds the runtime: compiled schema validators, then the CLI as one CommonJS bundle
// (dist/footprint.cjs) and the small ES module that runs it with V8's code cache
// (dist/main.js, see src/cli/launch.ts). Heavy packages that only some commands need stay
// external and are loaded on first use.
import { build } from 'esbuild';
import { existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import path from 'node:path';

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const EXTERNAL = ['isomorphic-git', '@anthropic-ai/sdk', 'lint-staged'];

const compileSchemas = path.join(root, 'scripts', 'compile-schemas.js');
if (existsSync(compileSchemas)) {
  const result = spawnSync(process.execPath, [compileSchemas], { stdio: 'inherit' });
  if (result.status !== 0) process.exit(result.status ?? 1);
}

const common = {
  absWorkingDir: root,
  bundle: true,
  platform: 'node',
  target: 'node20',
  sourcemap: 'linked',
  logLevel: 'warning',
  write: false,
};

const cli = await build({
  ...common,
  entryPoints: ['src/cli/main.ts'],
  outfile: 'dist/footprint.cjs',
  format: 'cjs',
  external: EXTERNAL,
  // Modules find files next to themselves through import.meta.url, which CommonJS lacks.
  define: { 'import.meta.url': '__footprintModuleUrl' },
  banner: {
    js: "const __footprintModuleUrl = require('node:url').pathToFileURL(__filename).href;",
  },
  metafile: true,
});
const launcher = await build({
  ...common,
  entryPoints: ['src/cli/launch.ts'],
  outfile: 'dist/main.js',
  format: 'esm',
});

const outputs = [...cli.outputFiles, ...launcher.outputFiles].map((file) => ({
  file: file.path,
  text: file.path.endsWith('.cjs') ? rewriteExternalImports(file.text, cli.metafile) : file.text,
}));

// Written once everything above succeeded, so a failed build leaves the last one in place.
// Old outputs and code caches of earlier builds would pile up beside the new ones.
rmSync(path.join(root, 'dist'), { recursive: true, force: true });
for (const { file, text } of outputs) {
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, text);
}

/**
 * Replaces `import("<external package>")` with `__footprintImport("<package>")`: the launcher
 * runs the bundle with vm.Script, where node 20 rejects `import()`, and passes a function that
 * imports from its own ES module. Fails the build when an external import is left over.
 */
function rewriteExternalImports(text, metafile) {
  const names = EXTERNAL.map((name) => name.replace(/[/@.-]/g, '\\$&')).join('|');
  const pattern = new RegExp(`\\bimport\\((["'])(${names})\\1\\)`, 'g');
  const rewritten = text.replace(
    pattern,
    (_match, quote, name) => `__footprintImport(${quote}${name}${quote})`,
  );

  const dynamic = Object.values(metafile.outputs).flatMap((output) =>
    output.imports.filter((entry) => entry.external && entry.kind === 'dynamic-import'),
  );
  const left = rewritten.match(/\bimport\((["'])[^"']*\1\)/g) ?? [];
  const unknown = dynamic.filter((entry) => !EXTERNAL.includes(entry.path));
  if (left.length > 0 || unknown.length > 0) {
    const found = [...left, ...unknown.map((entry) => entry.path)].join(', ');
    throw new Error(`dist/footprint.cjs still imports ${found}; add the package to EXTERNAL.`);
  }
  return rewritten;
}
