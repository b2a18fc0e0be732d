import path from "node:path";

/** The SQLite file named by DATABASE_URL ("file:./data/shiftline.db" by default), as an absolute path. */
export function databaseFile(url = process.env.DATABASE_URL ?? "file:./data/shiftline.db"): string {
  if (!url.startsWith("file:")) throw new Error(`DATABASE_URL must be a SQLite "file:" URL, got "${url}"`);
  const raw = url.slice("file:".length).split("?")[0] ?? "";
  return path.resolve(/* turbopackIgnore: true */ raw);
}
