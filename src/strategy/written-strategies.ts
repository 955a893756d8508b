import { createHash } from 'node:crypto';
import { mkdir, readFile } from 'node:fs/promises';
import path from 'node:path';

import { writeFileAtomic } from '../fossils/write-atomic.js';
import type { RepositoryLayout } from '../git/types.js';

/**
 * Digests of the strategy files `footprint strategy --output` wrote, by real path, kept in the
 * git directory next to footprint's other saved state. A later write replaces a strategy file
 * only while its digest is still the one recorded, so edits made by hand are never lost.
 */
const RECORD_FILE = path.join('footprint', 'written-strategies.json');

/** Files remembered at most; the oldest are forgotten first. */
const MAX_RECORDED = 64;

/** Digests by the real path of the file written. */
type WrittenDigests = { [file: string]: string };

/** Returns the SHA-256 of a strategy file's text, as the record keeps it. */
export function digestOfStrategy(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

function recordPath(layout: RepositoryLayout): string {
  return path.join(layout.commonDir, RECORD_FILE);
}

async function readRecord(layout: RepositoryLayout): Promise<WrittenDigests> {
  try {
    const parsed: unknown = JSON.parse(await readFile(recordPath(layout), 'utf8'));
    return typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed)
      ? (parsed as WrittenDigests)
      : {};
  } catch {
    // A missing or damaged record only means that no strategy file counts as unedited.
    return {};
  }
}

/** Returns true when `text` is what footprint last wrote to `file`, unchanged since. */
export async function isUnchangedSinceWritten(
  layout: RepositoryLayout,
  file: string,
  text: string,
): Promise<boolean> {
  const record = await readRecord(layout);
  return record[file] === digestOfStrategy(text);
}

/** Records that footprint wrote `text` to `file`. */
export async function recordWrittenStrategy(
  layout: RepositoryLayout,
  file: string,
  text: string,
): Promise<void> {
  const record = await readRecord(layout);
  delete record[file];
  record[file] = digestOfStrategy(text);

  const newest = Object.entries(record).slice(-MAX_RECORDED);
  await mkdir(path.dirname(recordPath(layout)), { recursive: true });
  await writeFileAtomic(recordPath(layout), `${JSON.stringify(Object.fromEntries(newest))}\n`);
}
