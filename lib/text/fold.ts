import { rawSql, sql, type Sql } from "@/lib/db/exec";

// Text filters match partially and ignore case and accents ("venis" finds Vénissieux),
// the same on SQLite and PostgreSQL: neither folds accents, SQLite's lower() folds ASCII
// only. The search term is folded here; the column by the same table of replacements in SQL.

const ACCENTS: [string, string][] = [
  ..."àáâãäå".split("").map((c) => [c, "a"] as [string, string]),
  ..."èéêë".split("").map((c) => [c, "e"] as [string, string]),
  ..."ìíîï".split("").map((c) => [c, "i"] as [string, string]),
  ..."òóôõö".split("").map((c) => [c, "o"] as [string, string]),
  ..."ùúûü".split("").map((c) => [c, "u"] as [string, string]),
  ["ç", "c"],
  ["ñ", "n"],
  ["ý", "y"],
  ["ÿ", "y"],
  ["œ", "oe"],
  ["æ", "ae"],
  ["ß", "ss"],
];
// Upper-case letters too: lower() may leave them (SQLite does).
const TABLE: [string, string][] = [
  ...ACCENTS,
  ...ACCENTS.filter(([c]) => c.toUpperCase() !== c).map(([c, to]) => [c.toUpperCase(), to] as [string, string]),
];

/** "Vénissieux" → "venissieux": what both sides of a text filter are compared as. */
function fold(text: string): string {
  let out = text.toLowerCase();
  for (const [from, to] of TABLE) out = out.split(from).join(to);
  return out;
}

/** The SQL of fold(expr). The replacements are constants of this file, never user input. */
export function foldSql(expr: Sql): Sql {
  let out = sql`lower(${expr})`;
  for (const [from, to] of TABLE) out = sql`replace(${out}, ${rawSql(`'${from}'`)}, ${rawSql(`'${to}'`)})`;
  return out;
}

/** A LIKE pattern that finds `term` anywhere, folded, with LIKE's own characters escaped (ESCAPE '\'). */
export function containsPattern(term: string): string {
  return `%${fold(term.trim()).replace(/[\\%_]/g, (ch) => `\\${ch}`)}%`;
}
