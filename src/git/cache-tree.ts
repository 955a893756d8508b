import { copyBytes, hexText, latin1Text } from './buffer-text.js';
import { decodeGitPath } from './path-bytes.js';

/** One directory of the index's cache tree (the `TREE` extension). */
export interface CacheTreeNode {
  /** Directory path relative to the worktree root, without a trailing slash; `''` for the root. */
  readonly path: string;
  /** The directory's own name, the last part of `path`; `''` for the root. */
  readonly name: string;
  /** Index entries this tree covers, or -1 when a change under it invalidated the tree id. */
  readonly entryCount: number;
  readonly subtreeCount: number;
  /** Tree id the directory would have, or null while the node is invalid. */
  readonly oid: string | null;
  /** Subdirectories in the order git stores them. */
  readonly children: readonly CacheTreeNode[];
}

export interface CacheTree {
  readonly root: CacheTreeNode;
  /** Every node by path, `''` for the root; built on first access. */
  readonly byPath: Map<string, CacheTreeNode>;

  /*
   * The same nodes by position in pre-order, the root at ROOT_POSITION, for a reader that
   * visits thousands of them: no node object is made and no id becomes text.
   */

  /** Index entries the node covers, or -1 while it is invalid. */
  entryCountAt(position: number): number;
  /**
   * The position of the node's subfolder whose name has the bytes of `key`, Latin-1 text with
   * one character per byte, or -1 when it has none.
   */
  childNamed(position: number, key: string): number;
  /** The node's tree id as text, or null while it is invalid. */
  oidAt(position: number): string | null;
  /** Copies a valid node's tree id into `target` at `at` and returns its length in bytes. */
  copyOidAt(position: number, target: Buffer, at: number): number;
}

/** Position of the root node in CacheTree's positional methods. */
export const ROOT_POSITION = 0;

/**
 * Parses the data of a `TREE` extension: nodes in pre-order, each followed by its subtrees.
 * The whole extension is checked here, so a corrupt one fails when the index is read. A node's
 * name and id are decoded only when the node is first reached from the root, so a reader that
 * descends into the folders of a small change decodes a few nodes of thousands.
 */
export function parseCacheTree(data: Buffer, hashLength = 20): CacheTree {
  return new LazyCacheTree(data, hashLength, scanNodes(data, hashLength));
}

/** Per node, in pre-order: where its name and id are, its counts and its subtree's size. */
interface NodeTable {
  nameStart: Uint32Array;
  nameEnd: Uint32Array;
  /** Offset of the newline after the counts; the tree id follows it. */
  lineEnd: Uint32Array;
  entryCount: Float64Array;
  subtreeCount: Float64Array;
  /** Nodes in the subtree rooted at each node, itself included. */
  size: Uint32Array;
}

/** Bytes of a small node (a one-byte name, NUL, `1 0\n`, a 20-byte id); sizes the first arrays. */
const SMALL_NODE_BYTES = 26;

/**
 * Walks every node once, recording where each one is. This runs once per process, before the
 * JIT has compiled it, so it is one loop with few calls that reads a Latin-1 copy of the data
 * with string built-ins, which run at full speed from the start. For the 15,000 nodes of a
 * 100,000-file index that took about a third of the time of small helpers reading the Buffer
 * (node 20, 2-core machine, bench/hook repositories).
 */
function scanNodes(data: Buffer, hashLength: number): NodeTable {
  const text = data.toString('latin1');
  let table = allocateTable(Math.ceil(data.length / SMALL_NODE_BYTES) + 1);
  let count = 0;
  // Nodes whose subtrees are being read, and how many children each has left to read.
  const open: number[] = [];
  const remaining: number[] = [];
  let offset = 0;
  do {
    const top = open.length - 1;
    if (top >= 0 && remaining[top] === 0) {
      // Every descendant of this node has been read, so the nodes read since it are its subtree.
      const node = open.pop() as number;
      table.size[node] = count - node;
      remaining.pop();
      continue;
    }
    if (top >= 0) remaining[top] = (remaining[top] as number) - 1;

    const nameEnd = text.indexOf('\0', offset);
    const lineEnd = nameEnd < 0 ? -1 : text.indexOf('\n', nameEnd);
    if (nameEnd < 0 || lineEnd < 0) throw new Error('The index cache tree (TREE) is truncated.');
    readCounts(text, nameEnd + 1, lineEnd);
    const { entryCount, subtreeCount } = counts;

    if (count === table.size.length) table = growTable(table);
    table.nameStart[count] = offset;
    table.nameEnd[count] = nameEnd;
    table.lineEnd[count] = lineEnd;
    table.entryCount[count] = entryCount;
    table.subtreeCount[count] = subtreeCount;
    open.push(count);
    remaining.push(subtreeCount);
    count++;
    offset = lineEnd + 1 + (entryCount >= 0 ? hashLength : 0);
  } while (open.length > 0);
  return table;
}

/** The counts of the line read last; one object, because the scan reads thousands of lines. */
const counts = { entryCount: 0, subtreeCount: 0 };

/**
 * Reads the line `<entry count> <subtree count>` into `counts`. The form git writes (an
 * optional minus sign and digits, a space, digits) is parsed in place. Any other form is read
 * with Number(), as before. Throws for counts that are not integers.
 */
function readCounts(text: string, start: number, end: number): void {
  const negative = text.charCodeAt(start) === 0x2d;
  let position = negative ? start + 1 : start;
  let entryCount = 0;
  let code = text.charCodeAt(position);
  while (code >= 0x30 && code <= 0x39) {
    entryCount = entryCount * 10 + code - 0x30;
    code = text.charCodeAt(++position);
  }
  const entryDigits = position - start - (negative ? 1 : 0);

  const subtreeStart = position + 1;
  let subtreeCount = 0;
  position = subtreeStart;
  code = text.charCodeAt(position);
  while (code >= 0x30 && code <= 0x39) {
    subtreeCount = subtreeCount * 10 + code - 0x30;
    code = text.charCodeAt(++position);
  }
  const subtreeDigits = position - subtreeStart;

  // Up to 9 digits always fit a double exactly, so they read the same as with Number().
  const isPlain =
    entryDigits > 0 &&
    entryDigits <= 9 &&
    text.charCodeAt(subtreeStart - 1) === 0x20 &&
    subtreeDigits > 0 &&
    subtreeDigits <= 9 &&
    position === end;
  if (isPlain) {
    counts.entryCount = negative ? -entryCount : entryCount;
    counts.subtreeCount = subtreeCount;
    return;
  }

  const [entryText, subtreeText] = text.slice(start, end).split(' ');
  counts.entryCount = Number(entryText);
  counts.subtreeCount = Number(subtreeText);
  const valid = Number.isInteger(counts.entryCount) && Number.isInteger(counts.subtreeCount);
  if (!valid || counts.subtreeCount < 0) {
    throw new Error(`The index cache tree (TREE) has a bad count line at offset ${start}.`);
  }
}

function allocateTable(capacity: number): NodeTable {
  return {
    nameStart: new Uint32Array(capacity),
    nameEnd: new Uint32Array(capacity),
    lineEnd: new Uint32Array(capacity),
    entryCount: new Float64Array(capacity),
    subtreeCount: new Float64Array(capacity),
    size: new Uint32Array(capacity),
  };
}

function growTable(table: NodeTable): NodeTable {
  const grown = allocateTable(table.size.length * 2);
  grown.nameStart.set(table.nameStart);
  grown.nameEnd.set(table.nameEnd);
  grown.lineEnd.set(table.lineEnd);
  grown.entryCount.set(table.entryCount);
  grown.subtreeCount.set(table.subtreeCount);
  grown.size.set(table.size);
  return grown;
}

/** A cache tree whose nodes are made on first access, from the table the scan recorded. */
class LazyCacheTree implements CacheTree {
  private rootNode: CacheTreeNode | undefined;
  private nodesByPath: Map<string, CacheTreeNode> | undefined;
  /** Positions of each node's children by name key, made on the first childNamed call for the node. */
  private readonly childPositions = new Map<number, Map<string, number>>();

  constructor(
    private readonly data: Buffer,
    private readonly hashLength: number,
    private readonly table: NodeTable,
  ) {}

  get root(): CacheTreeNode {
    this.rootNode ??= this.node(0, '');
    return this.rootNode;
  }

  get byPath(): Map<string, CacheTreeNode> {
    if (this.nodesByPath === undefined) {
      const byPath = new Map<string, CacheTreeNode>();
      const visit = (node: CacheTreeNode): void => {
        byPath.set(node.path, node);
        node.children.forEach(visit);
      };
      visit(this.root);
      this.nodesByPath = byPath;
    }
    return this.nodesByPath;
  }

  entryCountAt(position: number): number {
    return this.table.entryCount[position] as number;
  }

  childNamed(position: number, key: string): number {
    let byName = this.childPositions.get(position);
    if (byName === undefined) {
      byName = new Map();
      const { table, data } = this;
      const count = table.subtreeCount[position] as number;
      let child = position + 1;
      for (let made = 0; made < count; made++) {
        byName.set(
          latin1Text(data, table.nameStart[child] as number, table.nameEnd[child] as number),
          child,
        );
        child += table.size[child] as number;
      }
      this.childPositions.set(position, byName);
    }
    return byName.get(key) ?? -1;
  }

  oidAt(position: number): string | null {
    if ((this.table.entryCount[position] as number) < 0) return null;
    const oidStart = (this.table.lineEnd[position] as number) + 1;
    return hexText(this.data, oidStart, oidStart + this.hashLength);
  }

  copyOidAt(position: number, target: Buffer, at: number): number {
    const oidStart = (this.table.lineEnd[position] as number) + 1;
    return copyBytes(this.data, oidStart, oidStart + this.hashLength, target, at);
  }

  /** Makes the node at pre-order position `index` under the folder `parentPath`. */
  node(index: number, parentPath: string): CacheTreeNode {
    const { data, table } = this;
    const nameEnd = table.nameEnd[index] as number;
    const name = decodeGitPath(data, table.nameStart[index], nameEnd);
    const entryCount = table.entryCount[index] as number;
    const oid = this.oidAt(index);
    const path = parentPath === '' ? name : `${parentPath}/${name}`;
    return new LazyCacheTreeNode(
      this,
      index,
      path,
      name,
      entryCount,
      table.subtreeCount[index] as number,
      oid,
    );
  }

  /**
   * Makes the children of the node at `index`. The first one follows the node, and each next
   * one follows the subtree of the one before.
   */
  childrenOf(index: number, path: string): CacheTreeNode[] {
    const children: CacheTreeNode[] = [];
    const count = this.table.subtreeCount[index] as number;
    let child = index + 1;
    for (let made = 0; made < count; made++) {
      children.push(this.node(child, path));
      child += this.table.size[child] as number;
    }
    return children;
  }
}

class LazyCacheTreeNode implements CacheTreeNode {
  private childNodes: CacheTreeNode[] | undefined;

  constructor(
    private readonly tree: LazyCacheTree,
    private readonly index: number,
    readonly path: string,
    readonly name: string,
    readonly entryCount: number,
    readonly subtreeCount: number,
    readonly oid: string | null,
  ) {}

  get children(): CacheTreeNode[] {
    this.childNodes ??= this.tree.childrenOf(this.index, this.path);
    return this.childNodes;
  }
}
