import Database from "better-sqlite3";

/** Opens (creating if needed) a SQLite file with the settings Shiftline relies on. */
export function openSqlite(file: string): Database.Database {
  const db = new Database(file, { timeout: 5000 });
  db.pragma("journal_mode = WAL");
  db.pragma("synchronous = NORMAL");
  db.pragma("foreign_keys = ON");
  return db;
}
