import { readPackageVersion } from '../cli/package-info.js';
import { createDebug } from '../log/debug.js';
import type { FossilTool } from './types.js';

const debug = createDebug('fossils');

let cachedTool: FossilTool | undefined;

/** Returns the name and version that fossils record as their writer. */
export function footprintTool(): FossilTool {
  if (cachedTool !== undefined) return cachedTool;

  let version = '0.0.0';
  try {
    version = readPackageVersion();
  } catch (error) {
    debug(`cannot read footprint's version, recording ${version}: ${String(error)}`);
  }
  cachedTool = { name: 'footprint', version };
  return cachedTool;
}
