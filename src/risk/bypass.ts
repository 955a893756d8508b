/** Where a finding sits, which decides the ways past it that can work. */
export interface FindingPlace {
  /** False for a finding about the whole change, such as a commit on a protected branch. */
  hasPath: boolean;
  /** True when the finding has a line that can take a `footprint-allow:` comment. */
  hasLine: boolean;
}

function inlineBypass(rule: string): string {
  return `add \`footprint-allow: ${rule}\` in a comment on that line, `;
}

/**
 * Describes the ways past a finding of `rule` that the user judges a false positive. An inline
 * comment only reaches a finding on a line, and a `risk.allow` entry for a finding about the
 * whole change names the rule without a path, because a path glob must not be empty.
 */
export function describeBypass(rule: string, place: FindingPlace): string {
  const inline = place.hasLine ? inlineBypass(rule) : '';
  const allow = place.hasPath
    ? 'allow it in the `risk.allow` configuration'
    : `allow the rule with \`{ "rule": "${rule}" }\` in the \`risk.allow\` configuration`;
  return (
    `To keep it, ${inline}commit with FOOTPRINT_SKIP=${rule}, ${allow}, ` +
    'or skip every hook with `git commit --no-verify`.'
  );
}

/**
 * Removes the `footprint-allow:` comment from the ways past a finding of `rule` that `fix`
 * lists, for a line where the comment cannot go.
 */
export function dropInlineBypass(fix: string, rule: string): string {
  return fix.replace(inlineBypass(rule), '');
}
