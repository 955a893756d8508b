import { CATEGORY_RULES, DATA_LANGUAGES, type CategoryRule } from './category-rules.js';
import { detectLanguage } from './language.js';
import { isPackageName } from './package-folders.js';
import type { FileCategory } from './types.js';

export interface CategorizeOptions {
  /**
   * The `linguist-generated` attribute: true when set, false when unset (which overrides the
   * generated-path patterns), undefined when unspecified.
   */
  linguistGenerated?: boolean;
  /** The start of the file's text, searched for a generated-code header. */
  textStart?: string;
}

interface PathParts {
  path: string;
  name: string;
  folders: string[];
  extension: string;
}

/** Lines at the top of a file searched for a generated-code header. */
const HEADER_LINES = 5;
const GENERATED_HEADER =
  /@generated\b|\bDO NOT EDIT\b|\bauto-?generated\b|\b(file|code) (was |is )?(automatically )?generated\b/i;

/**
 * Categorizes a path with the first matching row of the category table. The
 * `linguist-generated` attribute and a generated-code header ("@generated", "DO NOT EDIT",
 * "auto-generated" in the first lines) make a file generated unless it is a lockfile, ci
 * file or migration. Files no row matches are source when their language is code.
 */
export function categorize(path: string, options: CategorizeOptions = {}): FileCategory {
  const parts = splitPath(path);

  for (const rule of CATEGORY_RULES) {
    if (rule.category === 'generated') {
      if (options.linguistGenerated === true) return 'generated';
      if (options.linguistGenerated === false) continue;
      if (hasGeneratedHeader(options.textStart)) return 'generated';
    }
    if (matchesRule(rule, parts)) return rule.category;
  }

  const language = detectLanguage(path);
  if (language === null) return 'other';
  if (!DATA_LANGUAGES.has(language)) return 'source';
  return parts.folders.length === 0 ? 'config' : 'other';
}

/** Returns true when the first lines of a text carry a generated-code marker. */
export function hasGeneratedHeader(text: string | undefined): boolean {
  if (text === undefined) return false;
  const head = text.split('\n', HEADER_LINES).join('\n');
  // Every marker contains one of these words, and most files have neither, so the pattern is
  // compiled and run only for the few that do.
  const lower = head.toLowerCase();
  if (!lower.includes('generated') && !lower.includes('do not edit')) return false;
  return GENERATED_HEADER.test(head);
}

function splitPath(path: string): PathParts {
  const segments = path.split('/');
  const name = segments.pop() ?? '';
  const dot = name.lastIndexOf('.');
  return {
    path,
    name,
    folders: segments,
    extension: dot > 0 ? name.slice(dot + 1).toLowerCase() : '',
  };
}

function matchesRule(rule: CategoryRule, parts: PathParts): boolean {
  return (
    (rule.names?.includes(parts.name) ?? false) ||
    (rule.namePatterns?.some((pattern) => pattern.test(parts.name)) ?? false) ||
    (rule.folders?.some((folder) => inFolder(rule, parts, folder)) ?? false) ||
    (rule.pathPatterns?.some((pattern) => pattern.test(parts.path)) ?? false) ||
    (rule.extensions?.includes(parts.extension) ?? false)
  );
}

/**
 * Returns true when the path lies in a folder named `folder`. A docs folder that is a package
 * of a monorepo, as `apps/docs` is in Turborepo's starter, contains a site's code, so its name
 * does not make that code documentation.
 */
function inFolder(rule: CategoryRule, parts: PathParts, folder: string): boolean {
  return parts.folders.some(
    (name, index) =>
      name === folder && !(rule.category === 'docs' && isPackageName(parts.folders, index)),
  );
}
