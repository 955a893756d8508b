import { ObjectFormatError } from './types.js';

/** Reads a delta's little-endian base-128 size at `position`; returns it and the next position. */
export function readDeltaSize(delta: Buffer, position: number): [number, number] {
  let size = 0;
  let shift = 1;
  let byte: number;
  do {
    byte = delta[position++] ?? deltaError('a size runs past the end');
    size += (byte & 0x7f) * shift;
    shift *= 128;
  } while (byte & 0x80);
  return [size, position];
}

/**
 * Applies a git delta to `base`. A delta contains the base size, the result size, then
 * instructions: a byte with the high bit set copies a range of the base (bits 0-3 say which
 * offset bytes follow, bits 4-6 which size bytes; size 0 means 0x10000), and a byte from 1 to
 * 127 inserts that many literal bytes that follow it.
 */
export function applyDelta(base: Buffer, delta: Buffer): Buffer {
  const [baseSize, afterBase] = readDeltaSize(delta, 0);
  if (baseSize !== base.length) {
    deltaError(`it expects a ${baseSize}-byte base but the base has ${base.length} bytes`);
  }
  const [resultSize, start] = readDeltaSize(delta, afterBase);

  const result = Buffer.allocUnsafe(resultSize);
  let written = 0;
  let position = start;
  while (position < delta.length) {
    const command = delta[position++] as number;
    if (command & 0x80) {
      const copy = readCopy(delta, position, command);
      position = copy.next;
      if (copy.offset + copy.size > base.length || written + copy.size > resultSize) {
        deltaError('a copy runs past the base or the result');
      }
      copyBytes(base, copy.offset, copy.size, result, written);
      written += copy.size;
    } else if (command !== 0) {
      if (position + command > delta.length || written + command > resultSize) {
        deltaError('an insert runs past the delta or the result');
      }
      copyBytes(delta, position, command, result, written);
      written += command;
      position += command;
    } else {
      deltaError('it contains the reserved instruction 0');
    }
  }

  if (written !== resultSize) deltaError(`it produced ${written} of ${resultSize} bytes`);
  return result;
}

/**
 * Copies `length` bytes from `source` at `start` into `target` at `at`. A delta can contain
 * thousands of copies, and Buffer's `copy` checks its arguments in JavaScript on each, which
 * is slow before the JIT has compiled it. A Uint8Array view and `set` are built-ins.
 */
function copyBytes(source: Buffer, start: number, length: number, target: Buffer, at: number) {
  target.set(new Uint8Array(source.buffer, source.byteOffset + start, length), at);
}

function readCopy(delta: Buffer, start: number, command: number) {
  let position = start;
  let offset = 0;
  let size = 0;
  for (let bit = 0; bit < 4; bit++) {
    if (command & (1 << bit)) offset += (delta[position++] ?? 0) * 2 ** (8 * bit);
  }
  for (let bit = 0; bit < 3; bit++) {
    if (command & (0x10 << bit)) size += (delta[position++] ?? 0) << (8 * bit);
  }
  if (position > delta.length) deltaError('a copy instruction is truncated');
  return { offset, size: size === 0 ? 0x10000 : size, next: position };
}

function deltaError(reason: string): never {
  throw new ObjectFormatError(`Invalid delta in a pack: ${reason}.`);
}
