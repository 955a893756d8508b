// Builds the runtime: compiled schema validators, then the CLI as one CommonJS bundle
// (dist/footprint.cjs) and the small launcher that runs it with V8's code cache
// (dist/main.cjs, see src/cli/launch.ts). Heavy packages that only some commands need stay
// external and are loaded on first use.
import { build } from 'esbuild';
import { existsSync, mkdirSync, readdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
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
  // Every hook run reads the whole bundle and loads its compiled code. Without whitespace and
  // with shorter syntax it is 30% smaller, which took 3 ms off a hook run (svelte, 21 files
  // staged). Names stay, so the functions in a crash report's stack keep theirs.
  minifyWhitespace: true,
  minifySyntax: true,
  metafile: true,
  plugins: [stubPresetDynamicImports()],
});
// The launcher is CommonJS too: node starts a CommonJS entry about 15 ms sooner than an ES
// module, whose loader it then never sets up unless a command imports an external package.
const launcher = await build({
  ...common,
  entryPoints: ['src/cli/launch.ts'],
  outfile: 'dist/main.cjs',
  format: 'cjs',
  define: { 'import.meta.url': '__footprintLauncherUrl' },
  banner: {
    js: "const __footprintLauncherUrl = require('node:url').pathToFileURL(__filename).href;",
  },
});

const outputs = [
  ...cli.outputFiles.map((file) => ({
    file: file.path,
    text: file.path.endsWith('.cjs')
      ? wrapForLauncher(rewriteExternalImports(file.text, cli.metafile))
      : file.text,
  })),
  ...launcher.outputFiles.map((file) => ({ file: file.path, text: file.text })),
];

// Written once everything above succeeded, so a failed build leaves the last one in place.
// Each file is replaced by a rename, so a footprint process started meanwhile (another
// checkout's tests, a hook) reads either the old file or the new one, never a missing or
// half-written one. Outputs and code caches of earlier builds are removed after.
const dist = path.join(root, 'dist');
mkdirSync(dist, { recursive: true });
for (const { file, text } of outputs) {
  mkdirSync(path.dirname(file), { recursive: true });
  const temporary = `${file}.${process.pid}.tmp`;
  writeFileSync(temporary, text);
  renameSync(temporary, file);
}
const written = new Set(outputs.map(({ file }) => path.resolve(file)));
for (const name of readdirSync(dist)) {
  const entry = path.join(dist, name);
  if (!written.has(entry)) rmSync(entry, { recursive: true, force: true });
}

/**
 * Wraps the bundle in the function expression that the launcher runs (WRAPPER_START in
 * src/cli/launch.ts, which a test compares with the built bundle). Written here, the launcher
 * compiles the file's text as it is instead of copying 2 MB into a wrapped string on every run.
 * The source map comment stays last, and the wrapper adds no line before the code, so the
 * map still fits.
 */
function wrapForLauncher(text) {
  const start = '(function (exports, require, module, __filename, __dirname, __footprintImport) { ';
  const mapComment = text.lastIndexOf('\n//# sourceMappingURL=');
  const body = mapComment < 0 ? text : text.slice(0, mapComment);
  const tail = mapComment < 0 ? '' : text.slice(mapComment);
  return `${start}${body}\n})${tail}`;
}

/**
 * secretlint's recommended preset is bundled, so its first scan needs no module resolution.
 * Its one dynamic import path reads a `.p12` file from disk and parses it with node-forge
 * (900 KB). footprint never gives the rules a `.p12` path (see createSource in
 * src/risk/secrets/secretlint-scan.ts). So each `import()` in the preset resolves to a module
 * that throws when it is evaluated, inside the preset's own `try`.
 */
function stubPresetDynamicImports() {
  const preset = `${path.sep}@secretlint${path.sep}secretlint-rule-preset-recommend${path.sep}`;
  return {
    name: 'stub-preset-dynamic-imports',
    setup(esbuild) {
      esbuild.onResolve({ filter: /.*/ }, (args) =>
        args.kind === 'dynamic-import' && args.importer.includes(preset)
          ? { path: args.path, namespace: 'preset-stub' }
          : undefined,
      );
      esbuild.onLoad({ filter: /.*/, namespace: 'preset-stub' }, (args) => ({
        contents: `throw new Error('footprint does not bundle ${args.path} for secretlint.');`,
        loader: 'js',
      }));
    },
  };
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
