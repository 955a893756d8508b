import { closeSync, fstatSync, openSync, readSync, constants as fs } from 'node:fs';
import { FOSSIL_SCHEMA_VERSION, type FossilRepository } from './types.js';

/**
 * Bytes read from the start of a fossil file to find its envelope. An envelope written by
 * footprint takes about 400 bytes, more only with a very long branch name.
 */
const ENVELOPE_BYTES = 16 * 1024;

/**
 * The `payload` member of the top-level object as serializeFossil and `JSON.stringify(value,
 * null, 2)` write it. JSON strings escape line breaks, so a line break followed by exactly
 * two spaces starts a top-level member.
 */
const PAYLOAD_MEMBER = '\n  "payload":';

/** The members of a fossil that come before its payload. */
export interface FossilEnvelope {
  kind: string;
  repository: FossilRepository;
}

export type EnvelopeReadResult =
  | { status: 'read'; envelope: FossilEnvelope }
  | { status: 'not-regular' }
  /** The start of the file does not parse as an envelope, so the caller reads the whole file. */
  | { status: 'unknown' };

/**
 * Reads a fossil's envelope from the first bytes of its file, without reading or parsing the
 * payload. Throws the file system's error when the file cannot be opened or read.
 */
export function readFossilEnvelope(file: string): EnvelopeReadResult {
  // Non-blocking, so a named pipe in the store cannot stall the open, and no link is followed.
  const descriptor = openSync(file, fs.O_RDONLY | fs.O_NONBLOCK | fs.O_NOFOLLOW);
  let text: string;
  try {
    if (!fstatSync(descriptor).isFile()) return { status: 'not-regular' };
    const buffer = Buffer.alloc(ENVELOPE_BYTES);
    const length = readSync(descriptor, buffer, 0, ENVELOPE_BYTES, 0);
    text = buffer.toString('utf8', 0, length);
  } finally {
    closeSync(descriptor);
  }

  const envelope = parseEnvelope(text);
  return envelope === null ? { status: 'unknown' } : { status: 'read', envelope };
}

/**
 * Parses the members before `payload` as an object of their own. Returns null unless the
 * text is exactly such members with a known schema version, a kind and a repository.
 */
export function parseEnvelope(start: string): FossilEnvelope | null {
  const end = start.indexOf(PAYLOAD_MEMBER);
  if (end === -1) return null;
  const members = start.slice(0, end).trimEnd();
  if (!members.endsWith(',')) return null;

  let value: unknown;
  try {
    // A cut inside a nested object leaves a bracket open, so the parse fails.
    value = JSON.parse(`${members.slice(0, -1)}\n}`);
  } catch {
    return null;
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return null;

  const record = value as Record<string, unknown>;
  const version = record['schemaVersion'];
  const kind = record['kind'];
  const repository = record['repository'];
  if (version !== FOSSIL_SCHEMA_VERSION || typeof kind !== 'string') return null;
  if (!isRepository(repository)) return null;
  return { kind, repository };
}

function isRepository(value: unknown): value is FossilRepository {
  if (typeof value !== 'object' || value === null) return false;
  const record = value as Record<string, unknown>;
  return (
    isTextOrNull(record['head']) &&
    isTextOrNull(record['branch']) &&
    isTextOrNull(record['stagedTree'])
  );
}

function isTextOrNull(value: unknown): boolean {
  return value === null || typeof value === 'string';
}
