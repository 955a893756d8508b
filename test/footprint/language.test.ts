import assert from 'node:assert/strict';
import { describe, it } from 'node:test';

import { detectLanguage } from '../../src/footprint/language.js';

const CASES: Array<[path: string, language: string | null]> = [
  ['src/index.ts', 'typescript'],
  ['src/view.tsx', 'typescript'],
  ['types/index.d.ts', 'typescript'],
  ['lib/config.mjs', 'javascript'],
  ['lib/config.cjs', 'javascript'],
  ['src/App.jsx', 'javascript'],
  ['package.json', 'json'],
  ['.eslintrc.json', 'json'],
  ['README.md', 'markdown'],
  ['docs/page.mdx', 'mdx'],
  ['styles/app.css', 'css'],
  ['styles/app.scss', 'scss'],
  ['public/index.html', 'html'],
  ['src/App.svelte', 'svelte'],
  ['src/App.vue', 'vue'],
  ['app/main.py', 'python'],
  ['cmd/main.go', 'go'],
  ['src/lib.rs', 'rust'],
  ['src/Main.java', 'java'],
  ['src/main.c', 'c'],
  ['src/main.cpp', 'cpp'],
  ['include/vector.hpp', 'cpp'],
  ['scripts/deploy.sh', 'shell'],
  ['.github/workflows/ci.yml', 'yaml'],
  ['config.yaml', 'yaml'],
  ['Cargo.toml', 'toml'],
  ['db/schema.sql', 'sql'],
  ['Dockerfile', 'dockerfile'],
  ['Dockerfile.prod', 'dockerfile'],
  ['Makefile', 'makefile'],
  ['CMakeLists.txt', 'cmake'],
  ['Gemfile', 'ruby'],
  ['SRC/MAIN.PY', 'python'],
  ['.bashrc', 'shell'],
  ['.gitignore', null],
  ['.env', null],
  ['LICENSE', null],
  ['bin/run', null],
  ['archive.tar.gz', null],
  ['file.constructor', null],
];

describe('detectLanguage', () => {
  for (const [filePath, language] of CASES) {
    it(`${filePath} is ${language ?? 'unknown'}`, () => {
      assert.equal(detectLanguage(filePath), language);
    });
  }
});
