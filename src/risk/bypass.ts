/** Describes the ways past a finding of `rule` that the user judges a false positive. */
export function describeBypass(rule: string): string {
  return (
    `To keep it, add \`footprint-allow: ${rule}\` in a comment on that line, ` +
    `commit with FOOTPRINT_SKIP=${rule}, allow it in the \`risk.allow\` configuration, ` +
    'or skip every hook with `git commit --no-verify`.'
  );
}
