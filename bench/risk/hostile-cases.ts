/**
 * The inputs of the hostile-input tests, each beside a plain input for the same function. A
 * plain input is generated source lines (see staged-input.ts) cut to the same length.
 */
import { analyzeBatches } from '../../src/batches/analyze.js';
import { readModuleSyntax } from '../../src/batches/module-syntax.js';
import { createDefaultConfig } from '../../src/config/defaults.js';
import type { Config } from '../../src/config/types.js';
import type { FootprintWithContent } from '../../src/footprint/types.js';
import { redactSecrets } from '../../src/insights/redact.js';
import { assessRisk } from '../../src/risk/assess.js';
import { findCommandLinePasswords } from '../../src/risk/secrets/command-line-passwords.js';
import { findTokenCandidates } from '../../src/risk/secrets/token-candidates.js';
import { lines, makeFootprint, type FileSpec } from '../../test/helpers/footprint-builder.js';
import { baitLine } from '../../test/risk/bait-line.js';
import { fakeGithubToken } from '../../test/risk/secret-parts.js';
import { freshContent } from './in-memory.js';
import { buildFootprintInput, generatedLines } from './staged-input.js';

/** A setup step, untimed, that returns the call the benchmark times. */
export type PrepareCall = () => () => unknown;

/** One hostile input and its plain reference, built only when the case runs. */
export interface HostileCase {
  name: string;
  /** The function timed, as the table names it. */
  unit: string;
  build(): { bytes: number; hostile: PrepareCall; plain: PrepareCall };
}

const MB = 1024 * 1024;
const ANALYSIS = { mode: 'balanced' as const, batches: [], splitSuggested: true };

/** Returns generated source lines, cut to `length` characters. */
function plainText(length: number): string {
  const source = generatedLines();
  const parts: string[] = [];
  let total = 0;
  for (let index = 0; total < length; index++) {
    const line = `${source[index % source.length] ?? ''}\n`;
    parts.push(line);
    total += line.length;
  }
  return parts.join('').slice(0, length);
}

function assessCall(path: string, text: string, config: Config): PrepareCall {
  const body = text.endsWith('\n') ? text.slice(0, -1) : text;
  const input = buildFootprintInput(new Map([[path, body.split('\n')]]));
  return () => {
    const fresh = freshContent(input);
    return () => assessRisk(fresh, ANALYSIS, { mode: 'balanced', config, skip: [] });
  };
}

/** Returns a case that runs `assessRisk` with every built-in rule on one added file. */
function riskCase(name: string, path: string, makeText: () => string, config?: Config) {
  return {
    name,
    unit: 'assessRisk',
    build() {
      const text = makeText();
      const rules = config ?? createDefaultConfig();
      return {
        bytes: text.length,
        hostile: assessCall(path, text, rules),
        plain: assessCall(path, plainText(text.length), rules),
      };
    },
  } satisfies HostileCase;
}

/** Returns a case that runs a function of one text, such as a secret finder. */
function textCase(
  name: string,
  unit: string,
  makeText: () => string,
  run: (text: string) => unknown,
) {
  return {
    name,
    unit,
    build() {
      const text = makeText();
      const plain = plainText(text.length);
      return { bytes: text.length, hostile: () => () => run(text), plain: () => () => run(plain) };
    },
  } satisfies HostileCase;
}

function analyzeCall(specs: FileSpec[]): PrepareCall {
  const input: FootprintWithContent = makeFootprint(specs);
  return () => {
    const fresh = freshContent(input);
    return () => analyzeBatches(fresh, { mode: 'balanced' });
  };
}

/** Returns a case that analyzes a 5 MB script and a file that imports it. */
function bigScriptCase(name: string, makeText: () => string) {
  const specsWith = (text: string): FileSpec[] => [
    { path: 'src/big.ts', old: lines('a'), new: lines(text) },
    { path: 'src/other.ts', old: lines('a'), new: lines("import './big.js';") },
  ];
  return {
    name,
    unit: 'analyzeBatches',
    build() {
      const text = makeText();
      return {
        bytes: text.length,
        hostile: analyzeCall(specsWith(text)),
        plain: analyzeCall(specsWith(plainText(text.length).trimEnd())),
      };
    },
  } satisfies HostileCase;
}

/**
 * 600 edited files in 30 folders, each importing the file 30 places on, so each folder is a
 * ring of 20 imports. The plain reference edits the same files with the same line counts and
 * no imports.
 */
const manyFilesCase: HostileCase = {
  name: '600 files in import rings',
  unit: 'analyzeBatches',
  build() {
    const ring: FileSpec[] = [];
    const plain: FileSpec[] = [];
    for (let index = 0; index < 600; index += 1) {
      const path = `src/module-${index % 30}/file-${index}.ts`;
      ring.push({
        path,
        old: lines('a'),
        new: lines(`import './file-${(index + 30) % 600}.js';`, 'b'),
      });
      plain.push({ path, old: lines('a'), new: lines(`export const value = ${index};`, 'b') });
    }
    const bytes = ring.reduce((sum, spec) => sum + (spec.new?.length ?? 0), 0);
    return { bytes, hostile: analyzeCall(ring), plain: analyzeCall(plain) };
  },
};

function customRuleConfig(): Config {
  const config = createDefaultConfig();
  config.risk.custom = [{ id: 'nested-quantifier', pattern: '^(a+)+$', severity: 'low' }];
  return config;
}

/** The cases, in the order of the table. */
export const HOSTILE_CASES: readonly HostileCase[] = [
  riskCase('5 MB minified line of bait', 'dist/app.min.js', () => `${baitLine(5 * MB)}\n`),
  riskCase('secret inside a 10 MB line', 'dist/app.min.js', () => {
    const filler = 'var a=1;'.repeat(650_000);
    return `${filler}const t='${fakeGithubToken()}';${filler}\n`;
  }),
  riskCase('50 MB staged file', 'src/huge.js', () => {
    const line = 'const value = compute(alpha, beta) + gamma; // plain code line here\n';
    return line.repeat(Math.ceil((50 * MB) / line.length));
  }),
  riskCase('runs of one character', 'src/runs.js', () => {
    const characters = ['a', ' ', '=', ':', '/', '-', '_', '.', '"', '\\', '<', '@'];
    return `${characters.map((character) => character.repeat(200_000)).join('\n')}\n`;
  }),
  riskCase('many key assignments', 'config/app.ini', () => {
    return `${'key=key='.repeat(500_000)}\n${'password = "'.repeat(300_000)}\n`;
  }),
  riskCase('1 MB line of 80,000 passwords', 'big.txt', () => {
    return `${['--pass', 'word=a '].join('').repeat(80_000)}\n`;
  }),
  riskCase(
    'custom rule ^(a+)+$ on 50,000 a',
    'src/a.js',
    () => `${'a'.repeat(50_000)}!\n`,
    customRuleConfig(),
  ),
  ...[
    'mysql '.repeat(200_000),
    '--password='.repeat(100_000),
    '--password '.repeat(100_000),
    'curl -u a:b '.repeat(50_000),
    '--a-b-c-d-e-'.repeat(100_000),
    `--password=${'a'.repeat(2_000_000)}`,
  ].map((text) =>
    textCase(
      `"${text.slice(0, 12)}..." line`,
      'findCommandLinePasswords',
      () => text,
      (value) => findCommandLinePasswords(value),
    ),
  ),
  textCase(
    'AWS names before space runs',
    'findTokenCandidates',
    () => `SECRET_ACCESS_KEY${' '.repeat(10_000)}`.repeat(500),
    (text) => findTokenCandidates(text, 500),
  ),
  ...['password'.repeat(100_000), 'ab1_'.repeat(250_000), 'a: '.repeat(300_000)].map((text) =>
    textCase(
      `"${text.slice(0, 8)}..." line`,
      'redactSecrets',
      () => text,
      (value) => redactSecrets(value),
    ),
  ),
  textCase(
    'import and 4 MB of spaces',
    'readModuleSyntax',
    () => `import ${' '.repeat(2_000_000)}x from${' '.repeat(2_000_000)};{`,
    (text) => readModuleSyntax(text, 'src/file.ts'),
  ),
  textCase(
    '20,000 parse errors',
    'readModuleSyntax',
    () => "import a from './a';\n" + '<div>{</div>\n'.repeat(20_000),
    (text) => readModuleSyntax(text, 'src/file.ts'),
  ),
  bigScriptCase('5 MB of spaces in a script', () => ' '.repeat(5 * MB)),
  bigScriptCase('5 MB of import words', () => 'import '.repeat(750_000)),
  manyFilesCase,
];
