import { describe, expect, it } from "vitest";
import { escapeLiteral } from "pg";
import { decodeRow, inlineText, json, skipLocked, sql, textOf, typed } from "./exec";

// The executors hand domain code decoded rows whatever the driver gave: these are the forms
// better-sqlite3 and pg return for the same columns.
describe("decoded rows", () => {
  const columns = { n: "int", on: "bool", at: "date", data: "json", note: "text?", seen: "date?" } as const;
  it("reads SQLite's and PostgreSQL's forms of the same row alike", () => {
    const sqlite = decodeRow(
      { n: 3, on: 1, at: "2026-12-06T09:00:00.000+00:00", data: '{"a":1}', note: null },
      columns,
    );
    const postgres = decodeRow(
      { n: "3", on: true, at: new Date("2026-12-06T09:00:00Z"), data: { a: 1 }, note: null, seen: null },
      columns,
    );
    expect(sqlite).toEqual(postgres);
    expect(sqlite).toEqual({
      n: 3,
      on: true,
      at: new Date("2026-12-06T09:00:00Z"),
      data: { a: 1 },
      note: null,
      seen: null,
    });
  });
  it("reads false and zero as themselves, not as missing", () => {
    expect(decodeRow({ n: 0n, on: 0 }, { n: "int", on: "bool" })).toEqual({ n: 0, on: false });
    expect(decodeRow({ on: false }, { on: "bool?" })).toEqual({ on: false });
  });
});

describe("dialect-specific parameters", () => {
  const sqlite = { dialect: "sqlite" } as const;
  const postgres = { dialect: "postgres" } as const;
  it("casts JSON and typed parameters on PostgreSQL only", () => {
    const q = (tx: typeof sqlite | typeof postgres) =>
      sql`INSERT INTO "Job" SELECT ${json(tx, { a: 1 })}, ${typed(tx, 3, "int")} ${skipLocked(tx)}`;
    expect(textOf(q(sqlite), "sqlite")).toBe('INSERT INTO "Job" SELECT ?, ? ');
    expect(textOf(q(postgres), "postgres")).toBe(
      'INSERT INTO "Job" SELECT CAST($1 AS JSONB), CAST($2 AS INTEGER) FOR UPDATE SKIP LOCKED',
    );
    expect(q(sqlite).values).toEqual(['{"a":1}', 3]);
  });
  it("keeps a null JSON value NULL", () => {
    expect(json(postgres, null).values).toEqual([null]);
  });
});

describe("statements with their values written in (PostgreSQL's one-round-trip commit)", () => {
  const quote = (text: string) => escapeLiteral(text);
  it("writes each kind of value as a literal, text through the driver's escaping", () => {
    const at = new Date("2026-12-07T10:00:00.123Z");
    const q = sql`INSERT INTO "T" VALUES (${"it's"}, ${"C:\\new"}, ${3}, ${null}, ${undefined}, ${true}, ${at}, ${json({ dialect: "postgres" }, { a: "b'c" })})`;
    expect(inlineText(q, quote)).toBe(
      `INSERT INTO "T" VALUES ('it''s',  E'C:\\\\new', 3, NULL, NULL, TRUE, '2026-12-07T10:00:00.123Z', CAST('{"a":"b''c"}' AS JSONB))`,
    );
  });
  it("refuses a value it cannot write safely", () => {
    expect(() => inlineText(sql`SELECT ${Number.NaN}`, quote)).toThrow();
    expect(() => inlineText(sql`SELECT ${{ a: 1 }}`, quote)).toThrow();
  });
});
