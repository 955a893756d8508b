/** The fields of a commit object that footprint writes. */
export interface CommitFields {
  tree: string;
  /** Parent commit ids; empty for a root commit. */
  parents: string[];
  /** `Name <email> 1700000000 +0100`, as `git var GIT_AUTHOR_IDENT` prints it. */
  author: string;
  committer: string;
  /** The cleaned message, ending with a newline. */
  message: string;
}

/**
 * Serializes a commit object's content as git writes it: `tree`, `parent`, `author` and
 * `committer` headers, a blank line, then the message. The message is stored as UTF-8, so no
 * `encoding` header is written. This content, without a signature, is what gets signed.
 */
export function serializeCommit(fields: CommitFields): Buffer {
  if (!fields.message.endsWith('\n')) throw new Error('A commit message must end with a newline.');

  const headers = [
    `tree ${fields.tree}`,
    ...fields.parents.map((parent) => `parent ${parent}`),
    `author ${fields.author}`,
    `committer ${fields.committer}`,
  ];
  return Buffer.from(`${headers.join('\n')}\n\n${fields.message}`, 'utf8');
}

/**
 * Adds a `gpgsig` header to serialized commit content, after its last header as git places
 * it. The signature's lines after the first are indented by one space, an empty line too.
 */
export function addSignatureHeader(content: Buffer, signature: string): Buffer {
  const headerEnd = content.indexOf('\n\n');
  if (headerEnd < 0) throw new Error('Commit content has no blank line after its headers.');

  const lines = signature.replace(/\n$/, '').split('\n');
  const header = `\ngpgsig ${lines.join('\n ')}`;
  return Buffer.concat([
    content.subarray(0, headerEnd),
    Buffer.from(header, 'utf8'),
    content.subarray(headerEnd),
  ]);
}
