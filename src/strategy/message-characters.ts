import { escapeControlCharacters } from '../output/quote-path.js';
import type { StrategyShape } from './shape.js';
import type { StrategyProblem } from './types.js';

/**
 * Control characters a batch message may not contain: C0 controls other than the line feed
 * and the tab (which a message body uses), DEL and the C1 controls. A terminal reads ESC and
 * the C1 controls as commands, and git keeps them in the commit message as they are.
 */
// eslint-disable-next-line no-control-regex -- control characters are what it finds
const FORBIDDEN_CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g;

/** Checks that no batch message contains a control character other than a line feed or a tab. */
export function checkMessageCharacters(strategy: StrategyShape): StrategyProblem[] {
  const problems: StrategyProblem[] = [];
  for (const batch of strategy.batches) {
    const found = [...new Set(batch.message.match(FORBIDDEN_CONTROL) ?? [])];
    if (found.length === 0) continue;

    const listed = found.map((character) => escapeControlCharacters(character)).join(', ');
    const message =
      `Batch ${batch.id} has a message with control characters (${listed}), which a terminal ` +
      'reads as commands. Remove them from the message.';
    problems.push({ code: 'message-control-character', batch: batch.id, message });
  }
  return problems;
}
