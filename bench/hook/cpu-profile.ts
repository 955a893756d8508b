import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** The parts of a V8 `.cpuprofile` document that the summary reads. */
export interface CpuProfile {
  nodes: Array<{
    id: number;
    callFrame: { functionName: string; url: string; lineNumber: number };
  }>;
  samples: number[];
  timeDeltas: number[];
}

/** Self time of one function or one source file in a profile. */
export interface HotSpot {
  name: string;
  selfMs: number;
}

export interface ProfileSummary {
  totalMs: number;
  functions: HotSpot[];
  files: HotSpot[];
}

/**
 * Sums self time per function and per source file. A sample's time is the delta to the next
 * sample. Frames in an esbuild bundle are named by the `// src/...` or `// node_modules/...`
 * comment that esbuild writes above each bundled module, so hot spots point at source files.
 */
export function summarizeProfile(profile: CpuProfile, limit: number): ProfileSummary {
  const frames = new Map(profile.nodes.map((node) => [node.id, node.callFrame]));
  const byFunction = new Map<string, number>();
  const byFile = new Map<string, number>();
  const bundleMaps = new Map<string, BundleModuleMap>();
  let totalUs = 0;

  for (let index = 0; index < profile.samples.length; index++) {
    const frame = frames.get(profile.samples[index] as number);
    const durationUs = profile.timeDeltas[index + 1] ?? 0;
    if (!frame) continue;
    totalUs += durationUs;

    const file = sourceFileOf(frame.url, frame.lineNumber, bundleMaps);
    const name = `${frame.functionName || '(anonymous)'} ${file}`;
    byFunction.set(name, (byFunction.get(name) ?? 0) + durationUs);
    byFile.set(file, (byFile.get(file) ?? 0) + durationUs);
  }

  return {
    totalMs: totalUs / 1000,
    functions: topEntries(byFunction, limit),
    files: topEntries(byFile, limit),
  };
}

/** Line numbers (0-based) where esbuild's `// path` comments start a bundled module. */
type BundleModuleMap = Array<{ line: number; source: string }>;

function sourceFileOf(
  url: string,
  lineNumber: number,
  bundleMaps: Map<string, BundleModuleMap>,
): string {
  if (url === '') return '(native)';
  if (url.startsWith('node:')) return url;
  const filePath = url.startsWith('file://') ? fileURLToPath(url) : url;

  const packageMatch = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(filePath);
  if (!/\/dist\/[^/]+\.c?js$/.test(filePath)) {
    return packageMatch ? `node_modules/${packageMatch[1]}` : filePath;
  }

  let map = bundleMaps.get(filePath);
  if (map === undefined) {
    map = readBundleModuleMap(filePath);
    bundleMaps.set(filePath, map);
  }
  let source = filePath.replace(/^.*\/dist\//, 'dist/');
  for (const entry of map) {
    if (entry.line > lineNumber) break;
    source = entry.source;
  }
  return source;
}

function readBundleModuleMap(filePath: string): BundleModuleMap {
  let text: string;
  try {
    text = readFileSync(filePath, 'utf8');
  } catch {
    return [];
  }
  const map: BundleModuleMap = [];
  const lines = text.split('\n');
  for (const [line, content] of lines.entries()) {
    const match = /^\/\/ ((?:src|node_modules)\/\S+)$/.exec(content);
    if (!match?.[1]) continue;
    const packageMatch = /^node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(match[1]);
    map.push({ line, source: packageMatch ? `node_modules/${packageMatch[1]}` : match[1] });
  }
  return map;
}

function topEntries(totals: Map<string, number>, limit: number): HotSpot[] {
  return [...totals.entries()]
    .map(([name, us]) => ({ name, selfMs: Math.round(us / 100) / 10 }))
    .sort((a, b) => b.selfMs - a.selfMs)
    .slice(0, limit);
}
