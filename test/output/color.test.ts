import { test } from 'node:test';
import assert from 'node:assert/strict';
import { resolveColorLevel, type ColorChoice } from '../../src/output/color.js';

const cases: Array<{
  name: string;
  choice: ColorChoice;
  env: NodeJS.ProcessEnv;
  isTTY: boolean;
  level: number;
}> = [
  { name: 'auto on a terminal', choice: 'auto', env: {}, isTTY: true, level: 1 },
  { name: 'auto off a terminal', choice: 'auto', env: {}, isTTY: false, level: 0 },
  {
    name: 'auto with 256-colour TERM',
    choice: 'auto',
    env: { TERM: 'xterm-256color' },
    isTTY: true,
    level: 2,
  },
  {
    name: 'auto with truecolor',
    choice: 'auto',
    env: { COLORTERM: 'truecolor' },
    isTTY: true,
    level: 3,
  },
  { name: 'auto with TERM=dumb', choice: 'auto', env: { TERM: 'dumb' }, isTTY: true, level: 0 },
  { name: 'NO_COLOR on a terminal', choice: 'auto', env: { NO_COLOR: '1' }, isTTY: true, level: 0 },
  {
    name: 'empty NO_COLOR is ignored',
    choice: 'auto',
    env: { NO_COLOR: '' },
    isTTY: true,
    level: 1,
  },
  {
    name: 'FORCE_COLOR off a terminal',
    choice: 'auto',
    env: { FORCE_COLOR: '1' },
    isTTY: false,
    level: 1,
  },
  { name: 'FORCE_COLOR=3', choice: 'auto', env: { FORCE_COLOR: '3' }, isTTY: false, level: 3 },
  {
    name: 'FORCE_COLOR=0 on a terminal',
    choice: 'auto',
    env: { FORCE_COLOR: '0' },
    isTTY: true,
    level: 0,
  },
  {
    name: 'FORCE_COLOR beats NO_COLOR',
    choice: 'auto',
    env: { FORCE_COLOR: '1', NO_COLOR: '1' },
    isTTY: false,
    level: 1,
  },
  { name: 'CI=true on a terminal', choice: 'auto', env: { CI: 'true' }, isTTY: true, level: 0 },
  { name: 'CI=false on a terminal', choice: 'auto', env: { CI: 'false' }, isTTY: true, level: 1 },
  {
    name: 'FORCE_COLOR beats CI',
    choice: 'auto',
    env: { CI: 'true', FORCE_COLOR: '2' },
    isTTY: false,
    level: 2,
  },
  { name: 'always off a terminal', choice: 'always', env: {}, isTTY: false, level: 1 },
  {
    name: 'always beats NO_COLOR',
    choice: 'always',
    env: { NO_COLOR: '1', CI: 'true' },
    isTTY: false,
    level: 1,
  },
  {
    name: 'always beats FORCE_COLOR=0',
    choice: 'always',
    env: { FORCE_COLOR: '0' },
    isTTY: false,
    level: 1,
  },
  {
    name: 'always keeps FORCE_COLOR depth',
    choice: 'always',
    env: { FORCE_COLOR: '3' },
    isTTY: false,
    level: 3,
  },
  { name: 'never on a terminal', choice: 'never', env: {}, isTTY: true, level: 0 },
  {
    name: 'never beats FORCE_COLOR',
    choice: 'never',
    env: { FORCE_COLOR: '3' },
    isTTY: true,
    level: 0,
  },
];

for (const { name, choice, env, isTTY, level } of cases) {
  test(`colour level: ${name}`, () => {
    assert.equal(resolveColorLevel(choice, env, isTTY), level);
  });
}
