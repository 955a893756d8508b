/** Messages already written, so each one appears once per process however often it loads. */
const written = new Set<string>();

/** Writes a configuration warning to stderr unless this process has written it already. */
export function warnOnce(message: string): void {
  if (written.has(message)) return;
  written.add(message);
  process.stderr.write(message);
}
