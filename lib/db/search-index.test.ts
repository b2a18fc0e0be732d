import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { databaseFile, dialectOf } from "@/lib/db/path";
import { openSqlite } from "@/lib/db/sqlite-file";
import { backfillSqliteSearch } from "@/lib/db/search-index";
import { parseQuery, stemsOf } from "@/lib/db/search-words";
import { snippetOf } from "@/lib/text/snippet";
import { searchInbox } from "@/lib/inbox/search";
import { searchSchema } from "@/lib/inbox/schemas";
import { sendInboxMessage } from "@/lib/inbox/send";
import { cid, makeOrg } from "@/tests/helpers/org";

describe("the search index", () => {
  it("is filled from what was written before it existed, as an upgrade does", async () => {
    const { manager, teammate } = await makeOrg();
    await sendInboxMessage(teammate, {
      conversationId: teammate.threadId,
      body: "Upgrade ferret message",
      clientId: cid(),
    });
    const find = async () =>
      (await searchInbox(manager, searchSchema.parse({ q: "ferrets" }), "Europe/Paris")).results.length;
    expect(await find()).toBe(1);
    // Emptied, then filled the way the migration that creates it fills it.
    if (dialectOf() === "postgres") {
      const migration = readFileSync(
        path.resolve("prisma/postgres/migrations/20261206233000_message_search/migration.sql"),
        "utf8",
      );
      await db.$executeRawUnsafe(`DELETE FROM "SearchDoc"`);
      expect(await find()).toBe(0);
      await db.$executeRawUnsafe(migration.slice(migration.indexOf("INSERT INTO")));
    } else {
      const raw = openSqlite(databaseFile());
      raw.exec(`INSERT INTO "SearchDoc" ("SearchDoc") VALUES ('delete-all'); DELETE FROM "SearchRef"`);
      expect(await find()).toBe(0);
      expect(backfillSqliteSearch(raw)).toBeGreaterThan(0);
      raw.close();
    }
    expect(await find()).toBe(1);
  });

  it("reads a query's words and phrases, and marks the matching words in context", () => {
    expect(parseQuery('remplacé "night shift" Lyon-Part-Dieu')).toEqual([
      { words: ["remplacé"] },
      { words: ["night", "shift"] },
      { words: ["Lyon"] },
      { words: ["Part"] },
      { words: ["Dieu"] },
    ]);
    expect(parseQuery('"unclosed phrase')).toEqual([{ words: ["unclosed", "phrase"] }]);
    expect(parseQuery("a b c d e f g h i j")).toHaveLength(8);
    const long = `${"word ".repeat(60)}Can you REPLACE me on Friday? ${"more ".repeat(60)}`;
    const parts = snippetOf(long, parseQuery("replaced friday"));
    expect(parts.filter((p) => p.hit).map((p) => p.text)).toEqual(["REPLACE", "Friday"]);
    expect(parts[0]!.text).toBe("…");
    expect(parts.at(-1)!.text).toBe("…");
    expect(parts.map((p) => p.text).join("").length).toBeLessThan(200);
  });

  it("stems a word the same every time, kept or not", () => {
    expect(stemsOf("Remplacé")).toEqual({ en: "remplac", fr: "remplac" });
    expect(stemsOf("shifts")).toEqual({ en: "shift", fr: "shift" });
    // More words than are kept: the store starts again, and what it held is stemmed anew.
    for (let i = 0; i < 25_000; i++) stemsOf(`mot${i}s`);
    expect(stemsOf("Remplacé")).toEqual({ en: "remplac", fr: "remplac" });
    expect(stemsOf("remplacer")).toEqual({ en: "remplac", fr: "remplac" });
    expect(stemsOf("mot24999s")).toEqual(stemsOf("mot24999s"));
  });
});
