import type { InstallAction } from '../output/messages.js';

/** One file `footprint init` looked at, and what it did to it. */
export interface InstallStep {
  file: string;
  action: InstallAction;
  /** A few words on why, for the printed report. */
  detail: string;
}
