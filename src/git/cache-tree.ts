/** One directory of the index's cache tree (the `TREE` extension). */
export interface CacheTreeNode {
  /** Directory path relative to the worktree root, without a trailing slash; `''` for the root. */
  path: string;
  /** Index entries this tree covers, or -1 when a change under it invalidated the tree id. */
  entryCount: number;
  subtreeCount: number;
  /** Tree id the directory would have, or null while the node is invalid. */
  oid: string | null;
  /** Subdirectories in the order git stores them. */
  children: CacheTreeNode[];
}

export interface CacheTree {
  root: CacheTreeNode;
  /** Every node by path, `''` for the root. */
  byPath: Map<string, CacheTreeNode>;
}

/** Parses the data of a `TREE` extension: nodes in pre-order, each followed by its subtrees. */
export function parseCacheTree(data: Buffer, hashLength = 20): CacheTree {
  const byPath = new Map<string, CacheTreeNode>();
  const state = { offset: 0 };
  const root = parseNode(data, state, '', hashLength, byPath);
  return { root, byPath };
}

function parseNode(
  data: Buffer,
  state: { offset: number },
  parentPath: string,
  hashLength: number,
  byPath: Map<string, CacheTreeNode>,
): CacheTreeNode {
  const nameEnd = data.indexOf(0, state.offset);
  const lineEnd = data.indexOf(0x0a, nameEnd);
  if (nameEnd < 0 || lineEnd < 0) throw new Error('The index cache tree (TREE) is truncated.');

  const name = data.toString('utf8', state.offset, nameEnd);
  const [entryText, subtreeText] = data.toString('latin1', nameEnd + 1, lineEnd).split(' ');
  const entryCount = Number(entryText);
  const subtreeCount = Number(subtreeText);
  if (!Number.isInteger(entryCount) || !Number.isInteger(subtreeCount) || subtreeCount < 0) {
    throw new Error(`The index cache tree (TREE) has a bad count line at offset ${nameEnd + 1}.`);
  }

  state.offset = lineEnd + 1;
  let oid: string | null = null;
  if (entryCount >= 0) {
    oid = data.toString('hex', state.offset, state.offset + hashLength);
    state.offset += hashLength;
  }

  const path = parentPath === '' ? name : `${parentPath}/${name}`;
  const node: CacheTreeNode = { path, entryCount, subtreeCount, oid, children: [] };
  byPath.set(path, node);
  for (let index = 0; index < subtreeCount; index++) {
    node.children.push(parseNode(data, state, path, hashLength, byPath));
  }
  return node;
}
