import { test } from 'node:test';
import assert from 'node:assert/strict';
import { isUnicodeSupported, selectSymbols } from '../../src/output/symbols.js';

const cases: Array<{
  name: string;
  env: NodeJS.ProcessEnv;
  platform: NodeJS.Platform;
  unicode: boolean;
}> = [
  { name: 'UTF-8 LANG', env: { LANG: 'en_US.UTF-8' }, platform: 'linux', unicode: true },
  { name: 'utf8 spelling', env: { LANG: 'C.utf8' }, platform: 'linux', unicode: true },
  { name: 'C locale', env: { LANG: 'C' }, platform: 'linux', unicode: false },
  {
    name: 'LC_ALL wins over LANG',
    env: { LC_ALL: 'C', LANG: 'en_US.UTF-8' },
    platform: 'linux',
    unicode: false,
  },
  {
    name: 'LC_CTYPE wins over LANG',
    env: { LC_CTYPE: 'en_US.UTF-8', LANG: 'C' },
    platform: 'linux',
    unicode: true,
  },
  { name: 'no locale on Linux', env: {}, platform: 'linux', unicode: true },
  {
    name: 'no locale on the Linux console',
    env: { TERM: 'linux' },
    platform: 'linux',
    unicode: false,
  },
  { name: 'no locale in cmd.exe', env: {}, platform: 'win32', unicode: false },
  {
    name: 'no locale in Windows Terminal',
    env: { WT_SESSION: 'x' },
    platform: 'win32',
    unicode: true,
  },
];

for (const { name, env, platform, unicode } of cases) {
  test(`unicode support: ${name}`, () => {
    assert.equal(isUnicodeSupported(env, platform), unicode);
  });
}

test('ASCII symbols contain only ASCII', () => {
  const symbols = Object.values(selectSymbols(false)).join('');

  assert.match(symbols, /^[\x20-\x7e]+$/);
});

test('Unicode symbols per level', () => {
  const symbols = selectSymbols(true);

  assert.equal(symbols.success, '✔');
  assert.equal(symbols.error, '✖');
  assert.equal(symbols.warning, '⚠');
  assert.equal(symbols.info, 'ℹ');
});
