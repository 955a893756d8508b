/** Fragments that start a match in some risk rule, repeated to tempt backtracking. */
const BAIT = [
  'api_key=',
  'ghp_',
  'npm_',
  'SG.',
  'xoxb-',
  'https://user:',
  '-----BEGIN ',
  'secret_access_key=',
  '<<<<<<<',
  'debugger',
  'console.log(',
  '.only(',
  'password: "',
  'ops_ey',
  ':x-oauth-basic@github.com',
  'hf_',
  'sbp_',
  'dapi',
  'pypi-AgE',
  'sk-ant-admin0',
  'T3BlbkFJ',
];

/** Returns one line of at least `length` characters, as minified code, that repeats the bait. */
export function baitLine(length: number): string {
  const unit = `${BAIT.join('a1B2c3')}${'Zz9'.repeat(40)}`;
  return unit.repeat(Math.ceil(length / unit.length));
}
