import path from 'node:path';

import { createRandom, type Random } from './random.js';
import type { PlannedFile } from './tree-layout.js';
import { VERBS, WORDS } from './vocabulary.js';

/**
 * Generates the text of one planned file: TypeScript or JavaScript modules with imports of
 * other modules of their package, tests that import their subject, JSON data and manifests,
 * and Markdown prose. Text depends only on the file, its package's modules and the seed.
 */
export function generateFileContent(
  file: PlannedFile,
  packageModules: readonly string[],
  seed: number,
): string {
  const random = createRandom(hashSeed(file.path, seed));
  switch (file.kind) {
    case 'module':
      return generateModule(file, packageModules, random, seed);
    case 'test':
      return generateTest(file, random, seed);
    case 'json':
      return path.posix.basename(file.path) === 'package.json'
        ? generateManifest(file, random)
        : generateJsonData(random);
    case 'markdown':
      return generateMarkdown(file, random);
  }
}

/** Returns a 32-bit seed for `text` under `seed` (FNV-1a). */
export function hashSeed(text: string, seed: number): number {
  let hash = (0x811c9dc5 ^ seed) >>> 0;
  for (let index = 0; index < text.length; index++) {
    hash ^= text.charCodeAt(index);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash;
}

/** Returns the function names a generated module exports, which its importers use. */
export function exportedNames(modulePath: string, seed: number): string[] {
  const random = createRandom(hashSeed(modulePath, seed ^ 0x5bd1e995));
  const count = random.integer(3, 9);
  const names = new Set<string>();
  while (names.size < count) {
    names.add(
      `${random.pick(VERBS)}${capitalize(random.pick(WORDS))}${capitalize(random.pick(WORDS))}`,
    );
  }
  return [...names];
}

function generateModule(
  file: PlannedFile,
  packageModules: readonly string[],
  random: Random,
  seed: number,
): string {
  const typed = file.path.endsWith('.ts');
  const lines = [`// ${capitalize(sentence(random, 6, 12))}`, ''];

  const importCount = Math.min(random.integer(0, 3), packageModules.length);
  const targets = new Set<string>();
  for (let index = 0; index < importCount; index++) {
    const target = random.pick(packageModules);
    if (target !== file.path) targets.add(target);
  }
  for (const target of targets) {
    const names = exportedNames(target, seed).slice(0, random.integer(1, 2));
    lines.push(`import { ${names.join(', ')} } from '${importSpecifier(file.path, target)}';`);
  }
  if (random.next() < 0.3) lines.push(`import { readFile } from 'node:fs/promises';`);

  const constant = `DEFAULT_${random.pick(WORDS).toUpperCase()}_LIMIT`;
  lines.push('', `const ${constant} = ${random.integer(2, 500)};`, '');

  for (const name of exportedNames(file.path, seed)) {
    lines.push(...generateFunction(name, constant, typed, random), '');
  }
  return lines.join('\n');
}

function generateFunction(
  name: string,
  constant: string,
  typed: boolean,
  random: Random,
): string[] {
  const subject = random.pick(WORDS);
  const items = `${random.pick(WORDS)}s`;
  const subjectType = typed ? `: ${capitalize(subject)}Options` : '';
  const itemsType = typed ? `: readonly ${capitalize(random.pick(WORDS))}[]` : '';
  const returnType = typed ? `: ${capitalize(random.pick(WORDS))}Result | null` : '';

  const lines = [
    '/**',
    ` * ${capitalize(sentence(random, 8, 16))}.`,
    ' */',
    `export function ${name}(${subject}${subjectType}, ${items}${itemsType})${returnType} {`,
    `  const ${random.pick(WORDS)}Count = ${subject}.${random.pick(WORDS)} ?? ${constant};`,
    `  if (!${subject}.${random.pick(WORDS)}) {`,
    `    return null;`,
    `  }`,
  ];
  for (let step = random.integer(1, 4); step > 0; step--) {
    lines.push(
      `  for (const ${random.pick(WORDS)} of ${items}) {`,
      `    ${subject}.${random.pick(WORDS)}.push(${random.pick(WORDS)}.${random.pick(WORDS)});`,
      `  }`,
    );
  }
  lines.push(`  return { ${random.pick(WORDS)}: ${subject}, size: ${items}.length };`, '}');
  return lines;
}

function generateTest(file: PlannedFile, random: Random, seed: number): string {
  const subject = file.subject ?? file.path;
  const names = exportedNames(subject, seed);
  const lines = [
    `import { test } from 'node:test';`,
    `import assert from 'node:assert/strict';`,
    '',
    `import { ${names.join(', ')} } from '${importSpecifier(file.path, subject)}';`,
    '',
  ];
  for (const name of names) {
    const field = random.pick(WORDS);
    lines.push(
      `test('${name} ${sentence(random, 2, 5)}', () => {`,
      `  const result = ${name}({ ${field}: ${random.integer(1, 99)} }, []);`,
      `  assert.equal(result?.size, 0);`,
      `  assert.deepEqual(result?.${random.pick(WORDS)}, { ${field}: ${random.integer(1, 99)} });`,
      '});',
      '',
    );
  }
  return lines.join('\n');
}

function generateManifest(file: PlannedFile, random: Random): string {
  const name =
    file.packageDir === '' ? 'bench-monorepo' : `@bench/${path.posix.basename(file.packageDir)}`;
  const dependencies: Record<string, string> = {};
  for (let index = random.integer(1, 6); index > 0; index--) {
    dependencies[`${random.pick(WORDS)}-${random.pick(WORDS)}`] =
      `^${random.integer(0, 9)}.${random.integer(0, 20)}.0`;
  }
  const manifest = {
    name,
    version: `${random.integer(0, 4)}.${random.integer(0, 30)}.${random.integer(0, 9)}`,
    type: 'module',
    description: capitalize(sentence(random, 6, 12)),
    scripts: { build: 'tsc -p .', test: 'node --test' },
    dependencies,
  };
  return `${JSON.stringify(manifest, null, 2)}\n`;
}

function generateJsonData(random: Random): string {
  const data: Record<string, Record<string, string | number | boolean>> = {};
  for (let group = random.integer(4, 12); group > 0; group--) {
    const entry: Record<string, string | number | boolean> = {};
    for (let field = random.integer(3, 8); field > 0; field--) {
      const roll = random.next();
      entry[random.pick(WORDS)] =
        roll < 0.5 ? sentence(random, 2, 6) : roll < 0.8 ? random.integer(0, 10_000) : roll < 0.9;
    }
    data[`${random.pick(WORDS)}-${random.integer(1, 999)}`] = entry;
  }
  return `${JSON.stringify(data, null, 2)}\n`;
}

function generateMarkdown(file: PlannedFile, random: Random): string {
  const title = capitalize(path.posix.basename(file.path, '.md').replace(/-/g, ' '));
  const lines = [`# ${title}`, ''];
  for (let section = random.integer(2, 6); section > 0; section--) {
    lines.push(`## ${capitalize(sentence(random, 2, 5))}`, '');
    for (let paragraph = random.integer(1, 3); paragraph > 0; paragraph--) {
      lines.push(...paragraphLines(random), '');
    }
    if (random.next() < 0.4) {
      const name = `${random.pick(VERBS)}${capitalize(random.pick(WORDS))}`;
      lines.push(
        '```js',
        `const ${random.pick(WORDS)} = ${name}({ ${random.pick(WORDS)}: true });`,
        '```',
        '',
      );
    }
  }
  return lines.join('\n');
}

/** Returns a paragraph wrapped at about 80 characters, one line per array element. */
function paragraphLines(random: Random): string[] {
  const words: string[] = [];
  for (let count = random.integer(3, 6); count > 0; count--) {
    words.push(`${capitalize(sentence(random, 6, 18))}.`);
  }
  const lines: string[] = [];
  let line = '';
  for (const word of words.join(' ').split(' ')) {
    if (line.length + word.length > 80) {
      lines.push(line.trimEnd());
      line = '';
    }
    line += `${word} `;
  }
  lines.push(line.trimEnd());
  return lines;
}

function importSpecifier(fromPath: string, toPath: string): string {
  const relative = path.posix
    .relative(path.posix.dirname(fromPath), toPath)
    .replace(/\.ts$/, '.js');
  return relative.startsWith('.') ? relative : `./${relative}`;
}

function sentence(random: Random, minWords: number, maxWords: number): string {
  const words: string[] = [];
  for (let count = random.integer(minWords, maxWords); count > 0; count--) {
    words.push(random.next() < 0.2 ? random.pick(VERBS) : random.pick(WORDS));
  }
  return words.join(' ');
}

function capitalize(word: string): string {
  return word.charAt(0).toUpperCase() + word.slice(1);
}
