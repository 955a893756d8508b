/** footprint's exit codes; README.md lists them for users. */
export const EXIT_OK = 0;
/** A blocked commit or an invalid strategy. */
export const EXIT_BLOCKED = 1;
/** A usage or configuration error; UserError carries it. */
export const EXIT_USAGE = 2;
/** An internal error outside `precommit`, which lets the commit through instead. */
export const EXIT_INTERNAL = 3;
/** Ctrl-C, as shells report a SIGINT death (128 + 2). */
export const EXIT_INTERRUPTED = 130;
