/** An organization and every organization under it (workstations under a center, courts under a high court). */
export function subtreeOf(nodes: readonly { id: string; parentId: string | null }[], root: string): string[] {
  const ids = [root];
  for (let i = 0; i < ids.length; i++)
    for (const n of nodes) if (n.parentId === ids[i] && !ids.includes(n.id)) ids.push(n.id);
  return ids;
}
