/**
 * Returns node:child_process, loaded when footprint first starts a program. A hook run on the
 * native reader starts none, and loading the module at start-up cost 1 to 3 ms per commit.
 */
export function childProcess(): typeof import('node:child_process') {
  return process.getBuiltinModule('node:child_process');
}
