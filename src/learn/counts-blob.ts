import { gunzipSync, gzipSync } from 'node:zlib';
import { validateDocument } from '../schemas-runtime/validators.js';
import type { CountsDocument } from './counts-document.js';

/**
 * Packs exact counts for the model fossil: JSON, gzip, base64. Packed, the counts cost the
 * hook almost nothing to parse, because JSON.parse only copies one string. gzip output is the
 * same for the same input, so equal counts pack to equal text.
 */
export function packCounts(document: CountsDocument): string {
  return gzipSync(JSON.stringify(document)).toString('base64');
}

/**
 * Unpacks counts and validates them against `schemas/model-counts.schema.json`. Throws an
 * Error naming the first problem when the text is not packed counts.
 */
export function unpackCounts(packed: string): CountsDocument {
  const document = JSON.parse(
    gunzipSync(Buffer.from(packed, 'base64')).toString('utf8'),
  ) as unknown;
  const problems = validateDocument('model-counts', document);
  if (problems.length > 0) {
    throw new Error(
      `the packed counts do not match schemas/model-counts.schema.json: ${problems[0]}`,
    );
  }
  return document as CountsDocument;
}
