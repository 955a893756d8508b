/**
 * Times the first build of each staged file's added text (src/risk/added-lines.ts) in a fresh
 * process, as the first risk rule of a commit pays it, against a reference timed in the same
 * rounds: joining each file's added lines once, the least any build of the text costs.
 *
 *   node --import tsx bench/risk/added-text.ts [--kb 300] [--rounds 21] [--from DIR]
 *
 * Each round runs one process per measure, in turn: `reference` (join), `text` (readAddedText)
 * and `objects` (readAddedLines, one object per line, which some rules still ask for).
 */
import { spawnSync } from 'node:child_process';
import os from 'node:os';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { readAddedLines, readAddedText } from '../../src/risk/added-lines.js';
import { median } from './stats.js';
import { buildFiles, buildFootprintInput, generatedLines, readLinesFrom } from './staged-input.js';

type Measure = 'reference' | 'text' | 'objects';
const MEASURES: readonly Measure[] = ['reference', 'text', 'objects'];

function timeChild(measure: Measure, kb: number, from: string | undefined): number {
  const source = from === undefined ? generatedLines() : readLinesFrom(from);
  const input = buildFootprintInput(buildFiles(source, kb * 1024, 'clean'));

  const started = performance.now();
  let length = 0;
  for (const file of input.footprint.files) {
    const content = input.content.get(file.path);
    if (content === undefined) continue;
    if (measure === 'reference') length += (content.hunks[0]?.added ?? []).join('\n').length;
    if (measure === 'text') length += readAddedText(file, content).text.length;
    if (measure === 'objects') length += readAddedLines(file, content).length;
  }
  const ms = performance.now() - started;
  if (length === 0) throw new Error('no added lines were read');
  return ms;
}

function runChild(measure: Measure, kb: number, from: string | undefined): number {
  const args = ['--import', 'tsx', fileURLToPath(import.meta.url), '--child', measure];
  args.push('--kb', String(kb), ...(from === undefined ? [] : ['--from', from]));
  const result = spawnSync(process.execPath, args, { encoding: 'utf8' });
  if (result.status !== 0) throw new Error(`child ${measure} failed: ${result.stderr}`);
  return Number(result.stdout.trim());
}

function main(): void {
  const { values } = parseArgs({
    options: {
      kb: { type: 'string', default: '300' },
      rounds: { type: 'string', default: '21' },
      from: { type: 'string' },
      child: { type: 'string' },
    },
  });
  const kb = Number(values.kb);
  const rounds = Number(values.rounds);
  if (!Number.isInteger(kb) || kb < 1 || !Number.isInteger(rounds) || rounds < 1) {
    throw new Error('--kb and --rounds take a whole number of at least 1.');
  }

  if (values.child !== undefined) {
    process.stdout.write(`${timeChild(values.child as Measure, kb, values.from)}\n`);
    return;
  }

  const loadBefore = os.loadavg()[0] ?? 0;
  const times = new Map<Measure, number[]>(MEASURES.map((measure) => [measure, []]));
  for (let round = 0; round < rounds; round++) {
    for (const measure of MEASURES) times.get(measure)?.push(runChild(measure, kb, values.from));
  }
  const loadAfter = os.loadavg()[0] ?? 0;

  const reference = median(times.get('reference') ?? []);
  process.stdout.write(
    `Added text of ${kb} KB (${values.from ?? 'generated lines'}), first build in a fresh ` +
      `process, median of ${rounds} rounds; load average ${loadBefore.toFixed(2)} at the start, ` +
      `${loadAfter.toFixed(2)} at the end\n`,
  );
  for (const measure of MEASURES) {
    const ms = median(times.get(measure) ?? []);
    process.stdout.write(`${measure}: ${ms.toFixed(2)} ms (${(ms / reference).toFixed(2)}×)\n`);
  }
}

main();
