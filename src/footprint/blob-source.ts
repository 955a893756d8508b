import type { GitReader } from '../git/types.js';

/** The `.gitattributes` names the footprint reads for each path. */
export const FOOTPRINT_ATTRIBUTES = ['binary', 'diff', 'linguist-generated'] as const;

/**
 * Reads blobs, sizes and attributes through a GitReader, once per object id: a rename or copy
 * with unchanged content, or one blob staged at several paths, is read once.
 */
export class BlobSource {
  private readonly blobs = new Map<string, Promise<Buffer>>();
  private readonly sizes = new Map<string, Promise<number>>();
  /** Blobs actually read, for debug output. */
  blobReads = 0;

  constructor(private readonly reader: GitReader) {}

  readBlob(oid: string): Promise<Buffer> {
    let blob = this.blobs.get(oid);
    if (blob === undefined) {
      this.blobReads++;
      blob = this.reader.readBlob(oid);
      this.blobs.set(oid, blob);
    }
    return blob;
  }

  readSize(oid: string): Promise<number> {
    let size = this.sizes.get(oid);
    if (size === undefined) {
      size = this.reader.readObjectSize(oid);
      this.sizes.set(oid, size);
    }
    return size;
  }

  readAttributes(path: string): Promise<Record<string, string>> {
    return this.reader.readAttributes(path, FOOTPRINT_ATTRIBUTES);
  }
}
