import { nowMs } from '../log/clock.js';
import type { OutputStream } from '../output/style.js';

export interface ProgressState {
  done: number;
  total: number;
  elapsedMs: number;
}

/** Cells of the bar itself. */
const BAR_WIDTH = 24;
/** The bar is redrawn at most this often, in milliseconds. */
const REDRAW_INTERVAL_MS = 100;
/** Carriage return, then the sequence that clears to the end of the line. */
const CLEAR_LINE = '\r\x1b[K';

const NUMBER_FORMAT = new Intl.NumberFormat('en-US');

/**
 * Formats one line of learning progress: the bar, commits done of the total, the rate in
 * commits per second and the time left at that rate, e.g.
 * `Learning [######------------------] 600/2,000 commits · 850/s · 2 s left`.
 */
export function formatProgressBar(state: ProgressState, unicode: boolean): string {
  const share = state.total === 0 ? 1 : Math.min(1, state.done / state.total);
  const filled = Math.round(share * BAR_WIDTH);
  const [full, empty] = unicode ? ['█', '░'] : ['#', '-'];
  const bar = full.repeat(filled) + empty.repeat(BAR_WIDTH - filled);
  const counts = `${NUMBER_FORMAT.format(state.done)}/${NUMBER_FORMAT.format(state.total)} commits`;

  const seconds = state.elapsedMs / 1000;
  if (state.done === 0 || seconds <= 0) return `Learning [${bar}] ${counts}`;
  const rate = state.done / seconds;
  const left = Math.ceil((state.total - state.done) / rate);
  return `Learning [${bar}] ${counts} · ${NUMBER_FORMAT.format(Math.round(rate))}/s · ${formatSeconds(left)} left`;
}

function formatSeconds(seconds: number): string {
  if (seconds < 60) return `${seconds} s`;
  const minutes = Math.floor(seconds / 60);
  return `${minutes} min ${seconds % 60} s`;
}

export interface ProgressReporter {
  update(done: number, total: number): void;
  /** Clears the bar, so that the next line starts clean. */
  finish(): void;
}

/**
 * Returns a reporter that draws the bar on `stream` when it is a terminal, redrawing at most
 * every REDRAW_INTERVAL_MS, and that writes nothing at all to a pipe or a file.
 */
export function createProgressReporter(
  stream: OutputStream,
  options: { unicode: boolean; now?: () => number },
): ProgressReporter {
  if (stream.isTTY !== true) return { update: () => {}, finish: () => {} };

  const now = options.now ?? (() => nowMs());
  const startedAt = now();
  let drawnAt = -Infinity;
  let drawn = false;
  return {
    update(done, total) {
      const time = now();
      if (time - drawnAt < REDRAW_INTERVAL_MS && done < total) return;
      drawnAt = time;
      drawn = true;
      const line = formatProgressBar({ done, total, elapsedMs: time - startedAt }, options.unicode);
      stream.write(`${CLEAR_LINE}${line}`);
    },
    finish() {
      if (drawn) stream.write(CLEAR_LINE);
    },
  };
}
