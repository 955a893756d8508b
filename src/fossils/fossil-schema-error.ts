/**
 * A fossil that footprint built fails its own schema: a bug in footprint, never the user's
 * doing. The problems name JSON pointers and rules only, never values, so the message cannot
 * carry file content or a secret.
 */
export class FossilSchemaError extends Error {
  override readonly name = 'FossilSchemaError';
  readonly problems: string[];

  constructor(kind: string, problems: string[]) {
    super(
      `Bug: the ${kind} fossil does not match schemas/fossil-${kind}.schema.json, so it was not written:\n` +
        problems.map((problem) => `  ${problem}`).join('\n'),
    );
    this.problems = problems;
  }
}
