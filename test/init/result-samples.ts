/** Returns a sample `--json` document of `footprint init`, for the schema tests. */
export function sampleInitDocument(): Record<string, unknown> {
  return {
    schemaVersion: 1,
    command: 'init',
    uninstall: false,
    worktree: '/home/dev/shop',
    target: { kind: 'husky', dir: '.husky', huskyVersion: 'v9', active: false },
    steps: [
      {
        file: '.husky/pre-commit',
        action: 'appended',
        detail: '`footprint precommit` after the line that runs lint-staged',
      },
      { file: 'fossils/.gitignore', action: 'created', detail: 'keeps fossils out of git' },
      { file: 'footprint.config.json', action: 'unchanged', detail: 'configuration kept' },
    ],
    notes: [
      'git does not run .husky hooks yet because core.hooksPath is unset. Run `npx husky` to activate them.',
    ],
    advice: [],
    editedHooks: [],
    changed: true,
  };
}
