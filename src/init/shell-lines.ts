/**
 * One line of a husky hook file as footprint reads it. The scan is line based and does not
 * parse sh, so callers use it to find the lines they can trust and reject the rest.
 */
export interface ShellLine {
  text: string;
  /** The line with quoted strings emptied and any `# comment` removed. */
  code: string;
  /** True for a line of a heredoc's body, including its closing word, which sh reads as text. */
  inHeredoc: boolean;
  /** True when the line starts a heredoc (`<<WORD` or `<<-WORD`). */
  startsHeredoc: boolean;
  /** True when the line starts inside a quoted string that an earlier line opened. */
  startsInString: boolean;
  /** True when the line ends inside a quoted string, which the next line continues. */
  endsInString: boolean;
  /** True when the previous line ends in `\`, so this line continues its command. */
  continuesCommand: boolean;
  /** True when the line ends in `\`, so the next line continues its command. */
  endsInContinuation: boolean;
}

/** A heredoc operator and its word, quoted or not: `<<EOF`, `<<-'EOF'`, `<< "END"`. */
const HEREDOC = /<<(-?)\s*(?:'([^']*)'|"([^"]*)"|\\?([\w.-]+))/y;

/** A line that defines a shell function: `name() {`, `name ()`, `function name`. */
const FUNCTION_DEFINITION = /^\s*(?:function\s+[\w.-]+|[\w.-]+\s*\(\s*\))/;

/** Splits the text of a hook file into lines and marks heredoc bodies and continued commands. */
export function scanShellLines(text: string): ShellLine[] {
  const texts = text.split('\n');
  if (texts[texts.length - 1] === '') texts.pop();

  const lines: ShellLine[] = [];
  const pending: { word: string; stripTabs: boolean }[] = [];
  let previousContinues = false;
  let openQuote: string | null = null;
  for (const line of texts) {
    if (pending.length > 0) {
      const closing = pending[0];
      const body = closing?.stripTabs === true ? line.replace(/^\t+/, '') : line;
      if (body === closing?.word) pending.shift();
      lines.push(heredocLine(line));
      continue;
    }

    const startsInString = openQuote !== null;
    const stripped = stripQuotesAndComment(line, openQuote);
    const code = stripped.code;
    openQuote = stripped.quote;
    const words = findHeredocWords(code, line);
    pending.push(...words);
    const endsInContinuation = /(?:^|[^\\])(?:\\\\)*\\$/.test(code);
    lines.push({
      text: line,
      code,
      inHeredoc: false,
      startsHeredoc: words.length > 0,
      startsInString,
      endsInString: openQuote !== null,
      continuesCommand: previousContinues,
      endsInContinuation,
    });
    previousContinues = endsInContinuation;
  }
  return lines;
}

/**
 * Returns true when the line starts a command of its own: it is not text of a heredoc or of a
 * quoted string, and it does not continue the command of the line above.
 */
export function isCommandLine(line: ShellLine): boolean {
  return (
    !line.inHeredoc && !line.startsInString && !line.continuesCommand && line.code.trim() !== ''
  );
}

/** Returns true when the line defines a shell function. */
export function definesFunction(line: ShellLine): boolean {
  return isCommandLine(line) && FUNCTION_DEFINITION.test(line.code);
}

function heredocLine(text: string): ShellLine {
  return {
    text,
    code: '',
    inHeredoc: true,
    startsHeredoc: false,
    startsInString: false,
    endsInString: false,
    continuesCommand: false,
    endsInContinuation: false,
  };
}

/**
 * Finds the words that close the heredocs a line starts, in order. The operator is looked for
 * in `code`, where a `<<` inside quotes is gone, and the word is read from the line itself,
 * since the word may be quoted. `<<<` is a here-string, not a heredoc.
 */
function findHeredocWords(code: string, line: string): { word: string; stripTabs: boolean }[] {
  const words: { word: string; stripTabs: boolean }[] = [];
  for (const match of code.matchAll(/<<(?!<)/g)) {
    if (match.index > 0 && code[match.index - 1] === '<') continue;
    HEREDOC.lastIndex = match.index;
    const operator = HEREDOC.exec(line);
    if (operator === null) continue;
    const word = operator[2] ?? operator[3] ?? operator[4] ?? '';
    words.push({ word, stripTabs: operator[1] === '-' });
  }
  return words;
}

/**
 * Empties single- and double-quoted strings, keeping the quotes, and removes a comment that
 * starts with `#` at the start of a word. Keeps the length of the text before the comment, so
 * an index into the result is an index into the line. `openQuote` is the quote of a string
 * that an earlier line left open, and the result's `quote` is the one this line leaves open.
 */
function stripQuotesAndComment(
  line: string,
  openQuote: string | null,
): { code: string; quote: string | null } {
  let code = '';
  let quote = openQuote;
  for (let i = 0; i < line.length; i++) {
    const char = line[i] ?? '';
    if (quote !== null) {
      if (char === '\\' && quote === '"') {
        code += '  ';
        i++;
        continue;
      }
      if (char === quote) {
        quote = null;
        code += char;
      } else {
        code += ' ';
      }
      continue;
    }
    if (char === '\\') {
      code += line.slice(i, i + 2);
      i++;
      continue;
    }
    if (char === "'" || char === '"') quote = char;
    if (char === '#' && (i === 0 || /\s/.test(line[i - 1] ?? ''))) break;
    code += char;
  }
  return { code, quote };
}
