import type { Style } from '../output/style.js';
import { escapeHiddenCharacters } from '../output/terminal-text.js';
import type { FossilStats } from './fossil-stats.js';
import { formatLocalTime } from './format-time.js';

function percent(value: number | null): string {
  return value === null ? '-' : `${Math.round(value * 1000) / 10}%`;
}

/** Formats `footprint fossils stats` for people. */
export function formatFossilStats(stats: FossilStats, style: Style): string {
  if (stats.from === null || stats.to === null) return 'No fossils match.\n';
  const { hook, suggestions } = stats;
  // Fossil kinds and rule ids come from files anyone can edit.
  const types = escapeHiddenCharacters(
    stats.types.map(({ type, count }) => `${count} ${type}`).join(', '),
  );
  const lines = [
    style.colors.bold(
      `Fossils from ${formatLocalTime(stats.from)} to ${formatLocalTime(stats.to)}: ${types}`,
    ),
    '',
    `Hook runs: ${hook.runs}, median ${hook.medianMs ?? '-'} ms of stage time (node's start not included)`,
    `Blocked:   ${hook.blocked} (${percent(hook.blockedShare)} of runs)`,
  ];
  if (hook.blockingRules.length > 0) {
    const rules = hook.blockingRules.map(({ rule, runs }) => `${rule} ${runs}`).join(', ');
    lines.push(`  by rule: ${escapeHiddenCharacters(rules)}`);
  }
  lines.push(
    '',
    `Commits compared with a suggestion: ${suggestions.outcomes}`,
    `  followed ${suggestions.followed} (${percent(suggestions.followedShare)}), partly ${suggestions.partial}, ignored ${suggestions.ignored}`,
    `footprint commit runs that stand: ${suggestions.commitRuns} (undone and interrupted runs not counted)`,
  );
  return `${lines.join('\n')}\n`;
}
