/**
 * Where an arrow key, Home or End moves the focus in a list of `count` items from item `at`
 * (-1: none has it yet), or null for any other key. The caller wraps or stops at the ends.
 */
export function arrowTarget(key: string, at: number, count: number): number | null {
  if (key === "ArrowDown") return at + 1;
  if (key === "ArrowUp") return at - 1;
  if (key === "Home") return 0;
  if (key === "End") return count - 1;
  return null;
}
