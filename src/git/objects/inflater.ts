import { constants, Inflate, inflateSync } from 'node:zlib';

/**
 * The parts of a node:zlib stream this module drives directly. They are not documented, but
 * node's own synchronous zlib functions have used them in this form since node 10:
 * `_handle.writeSync(flush, input, inputOffset, inputLength, output, outputOffset,
 * outputLength)` runs zlib once and leaves the unused output and input lengths in
 * `_writeState`.
 */
interface ZlibInternals {
  _handle?: {
    writeSync?: (
      flush: number,
      input: Uint8Array,
      inputOffset: number,
      inputLength: number,
      output: Uint8Array,
      outputOffset: number,
      outputLength: number,
    ) => void;
  };
  _writeState?: unknown;
}

/** Deflate compresses at most about 1032 to 1, so no stream inflates to more times its length. */
const MAX_DEFLATE_RATIO = 1032;

/**
 * Inflates zlib streams with one zlib context that is reset between streams.
 * `zlib.inflateSync` builds a stream object and a zlib context for every call, which costs
 * about 20 µs, and reading a packed object through a delta chain of depth 50 takes 51 of
 * them. Reusing the context costs about 2 µs a stream. Whenever the context reports an
 * error, or node's internals do not look as expected, the stream is inflated again with
 * `inflateSync`, so errors and results are exactly `inflateSync`'s.
 */
export class Inflater {
  private stream: (Inflate & ZlibInternals) | null = null;
  private supported = true;

  /**
   * Inflates one zlib stream that must produce exactly `size` bytes; bytes after the end of
   * the stream are ignored. Returns what `inflateSync(input)` returns, of any length, when the
   * stream does not produce `size` bytes, and throws what it throws.
   */
  inflate(input: Buffer, size: number): Buffer {
    // A size no stream of this length can reach comes from a damaged header.
    if (size > input.length * MAX_DEFLATE_RATIO + 1024) return inflateSync(input);

    // One byte more than expected separates a longer stream from an exact one.
    const output = Buffer.allocUnsafe(size + 1);
    const produced = this.run(input, output, constants.Z_FINISH);
    if (produced === size) return output.subarray(0, size);
    return inflateSync(input);
  }

  /**
   * Returns the first bytes a zlib stream inflates to, at most `length` of them, without
   * inflating the rest. The input may be cut short anywhere after those bytes.
   */
  inflatePrefix(input: Buffer, length: number): Buffer {
    const output = Buffer.allocUnsafe(length);
    const produced = this.run(input, output, constants.Z_SYNC_FLUSH);
    if (produced !== null) return output.subarray(0, produced);

    const prefix = inflateSync(input, { finishFlush: constants.Z_SYNC_FLUSH });
    return prefix.subarray(0, length);
  }

  /** Runs zlib once over `input` into `output`. Returns the bytes produced, or null on an error. */
  private run(input: Buffer, output: Buffer, flush: number): number | null {
    const stream = this.acquire();
    if (stream === null) return null;

    const state = stream._writeState as Uint32Array;
    stream._handle?.writeSync?.(flush, input, 0, input.length, output, 0, output.length);
    // A zlib error destroys the stream inside writeSync; it cannot be reused.
    if (stream.destroyed) {
      this.stream = null;
      return null;
    }
    stream.reset();
    return output.length - (state[0] as number);
  }

  private acquire(): (Inflate & ZlibInternals) | null {
    if (!this.supported) return null;
    if (this.stream !== null) return this.stream;

    const stream = new Inflate() as Inflate & ZlibInternals;
    // The stream reports a zlib error as an 'error' event, and run() checks `destroyed` instead.
    stream.on('error', () => {});
    const usable =
      typeof stream._handle?.writeSync === 'function' &&
      stream._writeState instanceof Uint32Array &&
      stream._writeState.length >= 2;
    if (!usable) {
      this.supported = false;
      return null;
    }
    this.stream = stream;
    return stream;
  }
}
