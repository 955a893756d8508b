// npm's `prepare` script: activates this repository's own husky hooks after `npm install` or
// `npm ci` in a checkout. It follows husky 9's documented install script: nothing in production
// or CI, and nothing when husky is not installed (`npm install --omit=dev`). It also does
// nothing outside a checkout that has `.husky/`, and it prints only what husky reports.
// npm runs `prepare` for an install from a folder or a git URL, never for one from the
// registry, so projects that install footprint from npm never run it.
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
