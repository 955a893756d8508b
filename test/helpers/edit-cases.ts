/** A small seeded random generator (mulberry32), so generated test cases repeat exactly. */
export function createRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

type Edit = (lines: string[], random: () => number) => void;

function pick(random: () => number, below: number): number {
  return Math.floor(random() * below);
}

const FILLER = ['', '}', '  }', '    return;', '  ];', '});', '', '// ---'];

/** Edits of the kinds people make to source files, each applied at a random place. */
const EDITS: Record<string, Edit> = {
  modifyLine(lines, random) {
    const at = pick(random, lines.length);
    lines[at] = `${lines[at] ?? ''} // changed ${pick(random, 1000)}`;
  },
  insertBlock(lines, random) {
    const at = pick(random, lines.length + 1);
    const size = 1 + pick(random, 6);
    const block = Array.from({ length: size }, (_, i) =>
      random() < 0.3 ? (FILLER[pick(random, FILLER.length)] as string) : `  added ${at}-${i}`,
    );
    lines.splice(at, 0, ...block);
  },
  deleteBlock(lines, random) {
    const at = pick(random, lines.length);
    lines.splice(at, 1 + pick(random, 5));
  },
  duplicateLine(lines, random) {
    const at = pick(random, lines.length);
    lines.splice(at, 0, lines[at] ?? '');
  },
  insertFiller(lines, random) {
    lines.splice(pick(random, lines.length + 1), 0, FILLER[pick(random, FILLER.length)] as string);
  },
  moveBlock(lines, random) {
    const from = pick(random, lines.length);
    const block = lines.splice(from, 1 + pick(random, 4));
    lines.splice(pick(random, lines.length + 1), 0, ...block);
  },
  reindentBlock(lines, random) {
    const at = pick(random, lines.length);
    for (let i = at; i < Math.min(lines.length, at + 1 + pick(random, 5)); i++) {
      lines[i] = `  ${lines[i] ?? ''}`;
    }
  },
  wrapInBlock(lines, random) {
    const at = pick(random, lines.length);
    const end = Math.min(lines.length, at + 1 + pick(random, 6));
    for (let i = at; i < end; i++) lines[i] = `  ${lines[i] ?? ''}`;
    lines.splice(end, 0, '}');
    lines.splice(at, 0, 'if (flag) {');
  },
};

export const EDIT_KINDS = Object.keys(EDITS);

/** Applies `count` random edits to the lines of `text` and returns the edited text. */
export function applyRandomEdits(text: string, random: () => number, count: number): string {
  const endsWithNewline = text.endsWith('\n');
  const lines = (endsWithNewline ? text.slice(0, -1) : text).split('\n');

  for (let i = 0; i < count; i++) {
    const kind = EDIT_KINDS[pick(random, EDIT_KINDS.length)] as string;
    (EDITS[kind] as Edit)(lines, random);
  }

  return lines.join('\n') + (endsWithNewline ? '\n' : '');
}

/**
 * Generates a TypeScript-like source file: imports, then functions with nested blocks,
 * blank lines and repeated closing braces, which is where diff alignment is ambiguous.
 */
export function generateSourceText(random: () => number, functionCount: number): string {
  const lines: string[] = [];
  for (let i = 0; i < 1 + pick(random, 4); i++) {
    lines.push(`import { item${i} } from './module${pick(random, 5)}.js';`);
  }
  lines.push('');

  for (let f = 0; f < functionCount; f++) {
    if (random() < 0.4) lines.push(`/** Does step ${f}. */`);
    lines.push(`export function step${f}(value: number): number {`);
    for (let s = 0; s < 1 + pick(random, 5); s++) {
      if (random() < 0.3) {
        lines.push(`  if (value > ${pick(random, 10)}) {`);
        lines.push(`    value = value * ${pick(random, 4)};`);
        lines.push('  }');
      } else if (random() < 0.2) {
        lines.push('');
      } else {
        lines.push(`  value += ${pick(random, 3)};`);
      }
    }
    lines.push('  return value;');
    lines.push('}');
    lines.push('');
  }

  return lines.join('\n');
}
