import { closeSync, openSync, readFileSync, readSync } from 'node:fs';
import path from 'node:path';
import { inflateSync } from 'node:zlib';

import type { Inflater } from './inflater.js';
import { isObjectType, ObjectFormatError, type GitObject, type ObjectType } from './types.js';

/** Compressed bytes read first to find the header; enough in practice for `<type> <size>\0`. */
const HEADER_PROBE_LENGTH = 512;
/** Inflated bytes that hold any valid header: `commit`, a space, 20 digits and a NUL. */
const HEADER_LENGTH = 64;

/** Returns the path of a loose object: `objects/<first two hex digits>/<the other 38>`. */
export function looseObjectPath(objectsDir: string, oid: string): string {
  return path.join(objectsDir, oid.slice(0, 2), oid.slice(2));
}

/**
 * Reads and inflates a loose object; returns null when there is no such file. The header is
 * inflated first, so the whole object inflates into a buffer of its known size.
 */
export function readLooseObject(
  objectsDir: string,
  oid: string,
  inflater: Inflater,
): GitObject | null {
  const file = looseObjectPath(objectsDir, oid);
  const compressed = readIfExists(file);
  if (compressed === null) return null;

  const prefix = inflater.inflatePrefix(compressed, HEADER_LENGTH);
  let raw: Buffer;
  if (prefix.indexOf(0) < 0) {
    raw = inflateSync(compressed);
  } else {
    const { size, contentStart } = parseHeader(prefix, file);
    raw = inflater.inflate(compressed, contentStart + size);
  }
  const header = parseHeader(raw, file);
  const content = raw.subarray(header.contentStart);
  if (content.length !== header.size) {
    throw new ObjectFormatError(
      `${file} is corrupt: ${content.length} bytes of content, but its header expects ${header.size}.`,
    );
  }
  return { type: header.type, content };
}

/** Returns a loose object's type and size by inflating only its first bytes, or null when absent. */
export function readLooseObjectHeader(
  objectsDir: string,
  oid: string,
  inflater: Inflater,
): { type: ObjectType; size: number } | null {
  const file = looseObjectPath(objectsDir, oid);
  const probe = readPrefixIfExists(file, HEADER_PROBE_LENGTH);
  if (probe === null) return null;

  const raw = inflater.inflatePrefix(probe, HEADER_LENGTH);
  if (raw.indexOf(0) < 0) {
    const whole = readLooseObject(objectsDir, oid, inflater);
    return whole && { type: whole.type, size: whole.content.length };
  }
  const { type, size } = parseHeader(raw, file);
  return { type, size };
}

function parseHeader(raw: Buffer, file: string) {
  const nul = raw.indexOf(0);
  const match = nul < 0 ? null : /^([a-z]+) (\d+)$/.exec(raw.toString('latin1', 0, nul));
  const type = match?.[1];
  if (!match || type === undefined || !isObjectType(type)) {
    throw new ObjectFormatError(`${file} is not a loose git object: its header is invalid.`);
  }
  return { type, size: Number(match[2]), contentStart: nul + 1 };
}

function readIfExists(file: string): Buffer | null {
  try {
    return readFileSync(file);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
}

function readPrefixIfExists(file: string, length: number): Buffer | null {
  let fd: number;
  try {
    fd = openSync(file, 'r');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
  try {
    const buffer = Buffer.allocUnsafe(length);
    const read = readSync(fd, buffer, 0, length, 0);
    return buffer.subarray(0, read);
  } finally {
    closeSync(fd);
  }
}
