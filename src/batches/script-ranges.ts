/** Components whose script is in `<script>` elements among markup: Svelte and Vue files. */
export const COMPONENT_PATH = /\.(?:svelte|vue)$/;
/** Outside a script: the start of an HTML comment or an opening `<script ...>` tag, in any case. */
const MARKUP_TOKEN = /<!--|<script\b[^>]{0,500}>/gi;
const SCRIPT_END = /<\/script\s*>/gi;

/**
 * Returns the ranges of a component's `<script>` elements, between their tags, as an HTML
 * parser finds them: a tag inside a comment opens nothing, and a script ends at the first
 * closing tag. Markup is not JavaScript: lexed with the scripts, its tags, braces and
 * apostrophes made the lexer fail, which lost imports below them and cost up to
 * 32 lexer runs per file.
 */
export function scriptRanges(text: string): Array<[number, number]> {
  const ranges: Array<[number, number]> = [];
  let at = 0;
  for (;;) {
    MARKUP_TOKEN.lastIndex = at;
    const token = MARKUP_TOKEN.exec(text);
    if (token === null) return ranges;

    if (token[0] === '<!--') {
      const commentEnd = text.indexOf('-->', token.index + 4);
      if (commentEnd === -1) return ranges;
      at = commentEnd + 3;
      continue;
    }
    const start = token.index + token[0].length;
    at = start;
    if (token[0].endsWith('/>')) continue;

    SCRIPT_END.lastIndex = start;
    const end = SCRIPT_END.exec(text);
    ranges.push([start, end === null ? text.length : end.index]);
    if (end === null) return ranges;
    at = end.index + end[0].length;
  }
}
