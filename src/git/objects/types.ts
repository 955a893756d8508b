export type ObjectType = 'blob' | 'tree' | 'commit' | 'tag';

/** An object's type and its content without git's `<type> <size>\0` header. */
export interface GitObject {
  type: ObjectType;
  content: Buffer;
}

/** The object is in none of the repository's object directories. */
export class MissingObjectError extends Error {
  override readonly name = 'MissingObjectError';

  constructor(readonly oid: string) {
    super(`Object ${oid} was not found in the repository's object store.`);
  }
}

/**
 * An object that the object store has but cannot read, because its file or pack is damaged.
 * `detail` is what failed, such as zlib's `incorrect header check`.
 */
export class CorruptObjectError extends Error {
  override readonly name = 'CorruptObjectError';

  constructor(
    readonly oid: string,
    readonly detail: string,
    options: { cause?: unknown } = {},
  ) {
    super(`Object ${oid} cannot be read: ${detail}`, options);
  }
}

/** An object file or pack is not in a format this reader understands, or is damaged. */
export class ObjectFormatError extends Error {
  override readonly name = 'ObjectFormatError';
}

const OBJECT_TYPES: ReadonlySet<string> = new Set(['blob', 'tree', 'commit', 'tag']);

export function isObjectType(value: string): value is ObjectType {
  return OBJECT_TYPES.has(value);
}
