/**
 * Cleans a commit message as `git commit -m` does (`--cleanup=whitespace`): trailing
 * whitespace is removed from every line, blank lines at the start and end are dropped, runs of
 * blank lines become one, and the message ends with a newline. Returns '' for a message with
 * no text, which git refuses to commit.
 */
export function cleanupMessage(text: string): string {
  // git's whitespace is ASCII only: a trailing no-break space stays.
  const lines = text.split('\n').map((line) => line.replace(/[ \t\r]+$/, ''));
  const kept: string[] = [];
  for (const line of lines) {
    const previousBlank = kept.length === 0 || kept[kept.length - 1] === '';
    if (line === '' && previousBlank) continue;
    kept.push(line);
  }
  while (kept.length > 0 && kept[kept.length - 1] === '') kept.pop();
  return kept.length === 0 ? '' : `${kept.join('\n')}\n`;
}

/** Returns a message's first line, as `git log --oneline` shows it. */
export function messageSubject(message: string): string {
  return message.split('\n', 1)[0] ?? '';
}
