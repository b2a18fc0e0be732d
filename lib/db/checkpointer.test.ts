import { copyFileSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import { describe, expect, it } from "vitest";
import { until } from "@/tests/helpers/until";
import { openSqlite } from "./sqlite-file";
import { checkpointElsewhere, checkpointerThreads } from "./checkpointer";

// SQLite's checkpoints on a thread of their own (lib/db/checkpointer.ts). The PostgreSQL run has nothing to check.
function scratch() {
  const dir = mkdtempSync(path.join(tmpdir(), "shiftline-checkpoint-"));
  const file = path.join(dir, "db.sqlite");
  const db = openSqlite(file);
  db.exec("CREATE TABLE probe (x TEXT)");
  db.pragma("wal_checkpoint(TRUNCATE)");
  return { dir, file, db };
}

/** What the database file holds without its log: only what a checkpoint copied into it. */
function inFileAlone(dir: string, file: string): string[] {
  const copy = path.join(dir, `alone-${Math.random().toString(36).slice(2)}.sqlite`);
  copyFileSync(file, copy);
  const db = new Database(copy, { readonly: true });
  try {
    return (db.prepare("SELECT x FROM probe").all() as { x: string }[]).map((r) => r.x);
  } finally {
    db.close();
  }
}

describe("the checkpointing thread", () => {
  it("copies a commit into the database file while the connection that wrote it waits for 10,000 pages", async () => {
    const { dir, file, db } = scratch();
    const release = await checkpointElsewhere(file, (pages) => db.pragma(`wal_autocheckpoint = ${pages}`));
    expect(db.pragma("wal_autocheckpoint", { simple: true })).toBe(10_000);
    db.prepare("INSERT INTO probe VALUES (?)").run("first");
    await until(() => inFileAlone(dir, file).includes("first"), 10_000);
    // Its log starts over: a later commit reaches the file too.
    db.prepare("INSERT INTO probe VALUES (?)").run("second");
    await until(() => inFileAlone(dir, file).includes("second"), 10_000);
    await release();
    db.close();
  });

  it("is shared by the connections to one file and ends with the last one", async () => {
    const { file, db } = scratch();
    const other = openSqlite(file);
    const before = checkpointerThreads();
    const one = await checkpointElsewhere(file, (pages) => db.pragma(`wal_autocheckpoint = ${pages}`));
    const two = await checkpointElsewhere(file, (pages) => other.pragma(`wal_autocheckpoint = ${pages}`));
    expect(checkpointerThreads()).toBe(before + 1);
    await one();
    await one(); // letting go twice counts once
    expect(checkpointerThreads()).toBe(before + 1);
    await two();
    expect(checkpointerThreads()).toBe(before);
    db.close();
    other.close();
  });

  it("hands checkpoints back to the connection when the thread cannot open the file", async () => {
    const dir = mkdtempSync(path.join(tmpdir(), "shiftline-checkpoint-"));
    const set: number[] = [];
    let failed!: () => void;
    const fellBack = new Promise<void>((resolve) => (failed = resolve));
    const release = await checkpointElsewhere(path.join(dir, "missing.sqlite"), (pages) => {
      set.push(pages);
      if (pages === 1000) failed();
    });
    await fellBack;
    expect(set).toEqual([10_000, 1000]);
    await release();
  });
});
