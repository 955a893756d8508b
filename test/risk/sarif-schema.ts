import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** The SARIF 2.1.0 schema, trimmed to what footprint writes, that the SARIF tests validate by. */
export const SARIF_SCHEMA = JSON.parse(
  readFileSync(
    path.join(
      path.dirname(fileURLToPath(import.meta.url)),
      'fixtures',
      'sarif-2.1.0.trimmed.schema.json',
    ),
    'utf8',
  ),
) as object;
