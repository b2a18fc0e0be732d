/**
 * Runs a query once per slice of `ids` and joins the answers: Prisma refuses an `IN`
 * list longer than the database's parameter limit (999 on SQLite), and grouped
 * messages and exports reach thousands of people.
 */
export async function inChunks<T>(
  ids: readonly string[],
  query: (slice: string[]) => Promise<T[]>,
  size = 500,
): Promise<T[]> {
  const out: T[] = [];
  for (let i = 0; i < ids.length; i += size) out.push(...(await query(ids.slice(i, i + size))));
  return out;
}
