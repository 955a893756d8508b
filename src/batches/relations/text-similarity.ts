import { pathWords, splitWords } from '../words.js';
import { weights } from '../weights.js';
import { link, type AnalysisContext, type Link } from './context.js';

/** Share of units past which a word is too common in the change to tie two of them. */
const MAX_SHARE = 0.85;

/**
 * Units past which a word ties none of them, whatever their share. Each word costs the square
 * of its units in dot products, so this cap keeps a change of hundreds of hunks linear in its
 * words. A word that many units share weighs little in their cosine anyway.
 */
const MAX_HOLDERS = 64;

/** Similarities below this link nothing; they are noise. */
const MIN_SIMILARITY = 0.2;

/**
 * Counts the words of a unit: its changed identifiers, whole and split, and its path.
 * `splits` keeps the words of each identifier split so far, because the units of one change,
 * such as the hunks of a lockfile, repeat many identifiers.
 */
function countWords(
  context: AnalysisContext,
  unit: number,
  splits: Map<string, string[]>,
): Map<string, number> {
  const counts = new Map<string, number>();
  const add = (word: string, count: number) => counts.set(word, (counts.get(word) ?? 0) + count);
  context.features[unit]?.identifiers.forEach((identifier) => {
    let words = splits.get(identifier);
    if (words === undefined) {
      words = [identifier.toLowerCase(), ...splitWords(identifier)];
      splits.set(identifier, words);
    }
    for (let index = 0; index < words.length; index += 1) add(words[index] as string, 1);
  });
  const path = context.units[unit]?.path ?? '';
  for (const word of pathWords(path)) add(word, 2);
  return counts;
}

/** Tf-idf vectors of the units over all their words, and the words that may tie two units. */
export interface UnitWords {
  vectors: Array<Map<string, number>>;
  /** Words in at least two units and at most MAX_SHARE of them (and MAX_HOLDERS). */
  distinctive: Set<string>;
}

/** Weighs each unit's words by tf-idf within the change. */
export function weighUnitWords(context: AnalysisContext): UnitWords {
  const splits = new Map<string, string[]>();
  const counts = context.units.map((unit) => countWords(context, unit.index, splits));
  const documents = new Map<string, number>();
  for (const words of counts) {
    words.forEach((_count, word) => documents.set(word, (documents.get(word) ?? 0) + 1));
  }

  const total = counts.length;
  const distinctive = new Set<string>();
  const limit = Math.min(MAX_HOLDERS, Math.max(2, total * MAX_SHARE));
  documents.forEach((frequency, word) => {
    if (frequency >= 2 && frequency <= limit) distinctive.add(word);
  });
  const vectors = counts.map((words) => {
    const vector = new Map<string, number>();
    words.forEach((count, word) => {
      const frequency = documents.get(word) ?? 1;
      vector.set(word, (1 + Math.log(count)) * Math.log(1 + total / frequency));
    });
    return vector;
  });
  return { vectors, distinctive };
}

/** Returns the length of a vector. */
export function vectorLength(vector: ReadonlyMap<string, number>): number {
  let sum = 0;
  for (const weight of vector.values()) sum += weight * weight;
  return Math.sqrt(sum);
}

/** The words of every unit and the dot products of each pair over their distinctive words. */
export interface WordTable {
  vectors: Array<Map<string, number>>;
  lengths: number[];
  /** Row-major n-by-n matrix; only entries with a < b are filled. */
  dots: Float64Array;
}

const tables = new WeakMap<AnalysisContext, WordTable>();

/** Weighs the words of every unit and multiplies each pair's vectors, once per analysis. */
export function compareUnitWords(context: AnalysisContext): WordTable {
  const cached = tables.get(context);
  if (cached) return cached;

  const { vectors, distinctive } = weighUnitWords(context);
  // Each word's holders as flat pairs of unit and weight, and forEach instead of for-of: a
  // hook run reads these loops before V8 compiles them, and there every entry and step of an
  // iterator is an object.
  const holders = new Map<string, number[]>();
  vectors.forEach((vector, unit) => {
    vector.forEach((weight, word) => {
      if (!distinctive.has(word)) return;
      const list = holders.get(word);
      if (list) list.push(unit, weight);
      else holders.set(word, [unit, weight]);
    });
  });

  const count = vectors.length;
  const dots = new Float64Array(count * count);
  holders.forEach((list) => {
    for (let i = 0; i < list.length; i += 2) {
      const a = list[i] as number;
      const weightA = list[i + 1] as number;
      for (let j = i + 2; j < list.length; j += 2) {
        const b = list[j] as number;
        dots[a * count + b] = (dots[a * count + b] ?? 0) + weightA * (list[j + 1] as number);
      }
    }
  });

  const table = { vectors, lengths: vectors.map(vectorLength), dots };
  tables.set(context, table);
  return table;
}

/**
 * Links units whose words are alike: the cosine of their tf-idf vectors over the words of
 * their changed identifiers (whole and split at case changes and underscores) and of their
 * paths. Words in one unit only, or in more than MAX_SHARE (or MAX_HOLDERS) of them, are left
 * out of the sum but not of the lengths, so one shared word among many counts little.
 */
export function findTextSimilarityLinks(context: AnalysisContext): Link[] {
  const { lengths, dots } = compareUnitWords(context);
  const count = lengths.length;
  const links: Link[] = [];
  for (let a = 0; a < count; a += 1) {
    for (let b = a + 1; b < count; b += 1) {
      const dot = dots[a * count + b] ?? 0;
      if (dot === 0) continue;
      const similarity = dot / ((lengths[a] || 1) * (lengths[b] || 1));
      if (similarity >= MIN_SIMILARITY) {
        links.push(link('similar-text', a, b, Math.min(1, similarity) * weights.similarText));
      }
    }
  }
  return links;
}
