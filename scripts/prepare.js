// npm's `preprepare` script: activates this repository's own husky hooks after `npm install` or
// `npm ci` in a checkout. It follows husky 9's documented install script: nothing in production
// or CI, and nothing when husky is not installed (`npm install --omit=dev`). It also does
// nothing outside a checkout that has `.husky/`, and it prints only what husky reports.
// It is `preprepare` rather than `prepare` because npm lists `prepare` as an install script of
// a packed tarball, a folder or a git URL and warns about it on every install of footprint.
// npm runs `preprepare` only in the project it installs, never for a dependency.
import { existsSync } from 'node:fs';

const skip =
  process.env.NODE_ENV === 'production' ||
  process.env.CI === 'true' ||
  !existsSync('.git') ||
  !existsSync('.husky');

if (!skip) {
  const husky = await import('husky').catch(() => null);
  const message = husky === null ? '' : husky.default();
  if (message !== '') console.log(message);
}
