import type { FileChange, FileContent } from '../../footprint/types.js';
import { readAddedText, readLineAt, type AddedLine } from '../added-lines.js';
import { createFinding } from '../finding.js';
import type { Finding, RiskRule, RuleContext } from '../types.js';

/**
 * Git's default markers are seven characters at the start of a line (`conflict-marker-size`
 * changes that, which this rule does not read). Each pattern is anchored and fixed-length, so
 * a line of any length costs constant time.
 */
const START = /^<{7}(?:[ \t]|$)/;
const SEPARATOR = /^={7}[ \t]*$/;
const END = /^>{7}(?:[ \t]|$)/;

const RULE = {
  id: 'conflict-markers',
  fix: 'Resolve the conflict: keep the right lines, delete the marker lines, then `git add` the file.',
};

function finding(file: FileChange, context: RuleContext, line: number, message: string): Finding {
  return createFinding(RULE, context, { path: file.path, line, message });
}

function loneMarker(file: FileChange, context: RuleContext, marker: string, line: number) {
  return finding(file, context, line, `Conflict marker \`${marker}\` with no partner`);
}

function conflictBlock(file: FileChange, context: RuleContext, markers: AddedLine[]): Finding {
  const numbers = markers.map((marker) => marker.line);
  const listed = `${numbers.slice(0, -1).join(', ')} and ${numbers[numbers.length - 1]}`;
  const first = numbers[0] ?? 1;
  const message = `Unresolved merge conflict (markers on lines ${listed})`;
  return finding(file, context, first, message);
}

/**
 * Finds unresolved conflicts among the added lines. A `<<<<<<<` line, an optional `=======`
 * line and a `>>>>>>>` line make one finding at the start marker. A start or end marker with no
 * partner is a finding of its own. A `=======` line outside a start marker never counts,
 * because Markdown and reStructuredText underline headings with it.
 */
function checkConflictMarkers(
  file: FileChange,
  content: FileContent,
  context: RuleContext,
): Finding[] {
  const findings: Finding[] = [];
  let open: AddedLine[] = [];

  const text = readAddedText(file, content);
  for (let index = 0; index < text.starts.length; index++) {
    // Every marker starts with `<`, `=` or `>`; most lines are skipped on their first character.
    const first = text.text.charCodeAt(text.starts[index] ?? 0);
    if (first !== 60 && first !== 61 && first !== 62) continue;
    const added = readLineAt(text, index);
    const [start] = open;
    if (START.test(added.text)) {
      if (start) findings.push(loneMarker(file, context, '<<<<<<<', start.line));
      open = [added];
    } else if (SEPARATOR.test(added.text)) {
      if (open.length === 1) open.push(added);
    } else if (END.test(added.text)) {
      findings.push(
        start
          ? conflictBlock(file, context, [...open, added])
          : loneMarker(file, context, '>>>>>>>', added.line),
      );
      open = [];
    }
  }

  const [unclosed] = open;
  if (unclosed) findings.push(loneMarker(file, context, '<<<<<<<', unclosed.line));
  return findings;
}

export const conflictMarkersRule: RiskRule = {
  ...RULE,
  group: 'conflicts',
  defaultSeverity: 'high',
  description:
    'Finds merge conflict markers on added lines, which mean a conflict was staged unresolved.',
  defaultOptions: {},
  check: checkConflictMarkers,
};
