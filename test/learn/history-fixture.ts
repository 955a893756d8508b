import type { TempRepo } from '../helpers/repo.js';

/** One commit of a generated history: its message and the files it writes or deletes. */
export interface HistoryCommit {
  message: string;
  /** New content per path, or null to delete the path. */
  files: Record<string, string | null>;
  /** Author email, for series of one author; the test identity when absent. */
  author?: string;
}

let clock = Date.parse('2025-01-01T00:00:00Z') / 1000;

/**
 * Makes one commit per entry with the git command line, an hour apart, so commit order and
 * times are fixed. Each file's content gets the commit's number, so every commit changes it.
 */
export function commitHistory(repo: TempRepo, commits: readonly HistoryCommit[]): string[] {
  const oids: string[] = [];
  for (const commit of commits) {
    clock += 3600;
    const removed: string[] = [];
    const written: string[] = [];
    for (const [path, content] of Object.entries(commit.files)) {
      if (content === null) removed.push(path);
      else {
        repo.write(path, `${content}\n// ${clock}\n`);
        written.push(path);
      }
    }
    if (removed.length > 0) repo.git(['rm', '-q', '--', ...removed]);
    if (written.length > 0) repo.git(['add', '--', ...written]);
    const date = `@${clock} +0000`;
    const env: Record<string, string> = { GIT_AUTHOR_DATE: date, GIT_COMMITTER_DATE: date };
    if (commit.author !== undefined) env['GIT_AUTHOR_EMAIL'] = commit.author;
    repo.git(['commit', '-q', '--no-verify', '-m', commit.message], { env });
    oids.push(repo.git(['rev-parse', 'HEAD']).trim());
  }
  return oids;
}

/** Returns `count` copies of a commit that changes the same files. */
export function repeat(count: number, commit: HistoryCommit): HistoryCommit[] {
  return Array.from({ length: count }, () => commit);
}

/**
 * Returns a history of 16 commits with a known structure:
 * - the parser's lexer and its test change together 5 times (`feat(parser)`), the lexer alone
 *   twice more in fixes (`fix(parser)`);
 * - the button and its stylesheet change together 3 times (`feat(ui)`);
 * - `src/util.ts` changes alone 4 times (`refactor`);
 * - the README changes twice (`docs`).
 */
export function knownHistory(): HistoryCommit[] {
  const lexer = 'src/parser/lexer.ts';
  const lexerTest = 'src/parser/lexer.test.ts';
  return [
    ...repeat(5, {
      message: 'feat(parser): add tokens',
      files: { [lexer]: 'lex', [lexerTest]: 'test' },
    }),
    ...repeat(3, {
      message: 'feat(ui): style the button',
      files: { 'src/ui/button.ts': 'button', 'src/ui/button.css': 'css' },
    }),
    ...repeat(4, { message: 'refactor: tidy util', files: { 'src/util.ts': 'util' } }),
    ...repeat(2, { message: 'fix(parser): handle empty input', files: { [lexer]: 'fixed' } }),
    ...repeat(2, { message: 'docs: explain tokens', files: { 'README.md': 'readme' } }),
  ];
}
