import { readdirSync } from 'node:fs';
import path from 'node:path';
import { readRegularFileSync } from './read-regular-file.js';
import { warnOnce } from './warn-once.js';

/**
 * Names that other tools' configuration files take (lint-staged reads `.lintstagedrc.yaml`
 * and `lint-staged.config.js`) and footprint does not read: it reads JSON only, from
 * `footprint.config.json` or the `footprint` key of `package.json`. Editor backups such as
 * `footprint.config.json.bak` do not match.
 */
const IGNORED_NAME =
  /^(?:footprint\.config\.(?:ya?ml|js|cjs|mjs|ts|cts|mts|toml|json5|jsonc)|\.footprintrc(?:\.(?:json|json5|ya?ml|js|cjs|mjs|toml))?)$/;

/**
 * Warns on stderr about configuration files in `dir` that footprint ignores: other names and
 * formats, and a `footprint` key in `package.json` when `used` is `footprint.config.json`.
 * `used` is the file footprint reads there, or null. `label` turns a name into the path that
 * messages show. It costs one directory listing, plus a read of package.json when both files
 * are in the listing.
 */
export function warnAboutIgnoredConfigFiles(
  dir: string,
  label: (name: string) => string,
  used: string | null,
): void {
  const names = listNames(dir);
  const usedName = used === null ? null : path.basename(used);

  for (const name of names.filter((name) => IGNORED_NAME.test(name))) {
    warnOnce(
      `footprint: ${label(name)} is ignored, because ${describeFix(usedName, name, label)}\n`,
    );
  }
  if (usedName === CONFIG_NAME && names.includes(MANIFEST_NAME)) {
    warnAboutManifestKey(dir, label);
  }
}

const CONFIG_NAME = 'footprint.config.json';
const MANIFEST_NAME = 'package.json';

/** Returns where footprint reads its configuration and where the settings of `name` go. */
function describeFix(usedName: string | null, name: string, label: (name: string) => string) {
  if (usedName === null) {
    return (
      `footprint reads only ${label(CONFIG_NAME)} or the "footprint" key of ` +
      `${label(MANIFEST_NAME)}, and neither is there. Write its settings as JSON in ` +
      `${label(CONFIG_NAME)} and delete ${label(name)}.`
    );
  }
  const source =
    usedName === CONFIG_NAME
      ? label(CONFIG_NAME)
      : `the "footprint" key of ${label(MANIFEST_NAME)}`;
  return (
    `footprint reads its configuration only from ${source}. Move its settings there as JSON ` +
    `and delete ${label(name)}.`
  );
}

function warnAboutManifestKey(dir: string, label: (name: string) => string): void {
  const text = readText(path.join(dir, MANIFEST_NAME));
  if (text === null || !text.includes('"footprint"') || !hasFootprintKey(text)) return;

  warnOnce(
    `footprint: the "footprint" key of ${label(MANIFEST_NAME)} is ignored, because ` +
      `${label(CONFIG_NAME)} exists and footprint reads only that file. Move the key's ` +
      `settings to ${label(CONFIG_NAME)} and delete the key.\n`,
  );
}

function listNames(dir: string): string[] {
  try {
    return readdirSync(dir);
  } catch {
    // An unreadable folder has no configuration that footprint could read either.
    return [];
  }
}

function readText(file: string): string | null {
  try {
    return readRegularFileSync(file);
  } catch {
    return null;
  }
}

function hasFootprintKey(text: string): boolean {
  try {
    const manifest: unknown = JSON.parse(text.replace(/^\uFEFF/, ''));
    return (
      typeof manifest === 'object' && manifest !== null && Object.hasOwn(manifest, 'footprint')
    );
  } catch {
    // footprint does not read this package.json, so its syntax is another tool's concern.
    return false;
  }
}
