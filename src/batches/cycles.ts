/**
 * Returns the strongly connected components with more than one node of a directed graph with
 * nodes `0..count-1`, by Tarjan's algorithm run with an explicit stack so a long chain of
 * batches cannot overflow the call stack.
 */
export function findCycles(count: number, edges: ReadonlyArray<readonly number[]>): number[][] {
  const order = new Array<number>(count).fill(-1);
  const low = new Array<number>(count).fill(0);
  const onStack = new Array<boolean>(count).fill(false);
  const stack: number[] = [];
  const cycles: number[][] = [];
  let nextOrder = 0;

  const visit = (node: number): void => {
    order[node] = nextOrder;
    low[node] = nextOrder;
    nextOrder += 1;
    stack.push(node);
    onStack[node] = true;
  };

  for (let root = 0; root < count; root += 1) {
    if (order[root] !== -1) continue;
    visit(root);
    const frames: Array<{ node: number; next: number }> = [{ node: root, next: 0 }];

    while (frames.length > 0) {
      const frame = frames[frames.length - 1] as { node: number; next: number };
      const targets = edges[frame.node] ?? [];
      if (frame.next < targets.length) {
        const target = targets[frame.next] as number;
        frame.next += 1;
        if (order[target] === -1) {
          visit(target);
          frames.push({ node: target, next: 0 });
        } else if (onStack[target]) {
          low[frame.node] = Math.min(low[frame.node] ?? 0, order[target] ?? 0);
        }
        continue;
      }

      frames.pop();
      const parent = frames[frames.length - 1];
      if (parent) low[parent.node] = Math.min(low[parent.node] ?? 0, low[frame.node] ?? 0);
      if (low[frame.node] !== order[frame.node]) continue;

      const component: number[] = [];
      let member: number | undefined;
      do {
        member = stack.pop() as number;
        onStack[member] = false;
        component.push(member);
      } while (member !== frame.node);
      if (component.length > 1) cycles.push(component);
    }
  }
  return cycles;
}
