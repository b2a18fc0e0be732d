import { readFileSync } from "node:fs";
import path from "node:path";
import type { Page } from "@playwright/test";

// Finds text of one language's catalogue on a page shown in the other: the check that
// nothing was left untranslated. The demo's texts (demo.*) are an organisation's own
// data, and a text the same in both languages ("Message", "Shiftline") proves nothing.

type Tree = { [key: string]: string | Tree };
const catalogue = (lang: string): Tree =>
  JSON.parse(readFileSync(path.resolve("lib/i18n/messages", `${lang}.json`), "utf8")) as Tree;
const en = catalogue("en");
const fr = catalogue("fr");
const flatten = (tree: Tree, prefix = ""): [string, string][] =>
  Object.entries(tree).flatMap(([k, v]) =>
    typeof v === "string" ? [[`${prefix}${k}`, v] as [string, string]] : flatten(v, `${prefix}${k}.`),
  );

/** The literal pieces of an ICU message: "Processed by {name} on {date}" gives "Processed by", "on". */
function pieces(message: string): string[] {
  return message
    .replace(/\{\w+, (plural|select),/g, "\u0000")
    .replace(/(=\d+|zero|one|two|few|many|other|\w+) \{/g, "\u0000")
    .replace(/\{[^{}]*\}|[{}#]/g, "\u0000")
    .split("\u0000")
    .map((p) => p.trim().replace(/^[\s:;,.·–(]+|[\s:;,.…)]+$/g, ""))
    .filter((p) => /\p{L}{2}/u.test(p));
}

/** The pieces of the other language's texts that the shown language does not use itself. */
function foreignPieces(lang: "en" | "fr"): string[] {
  const shown = new Map(flatten(lang === "fr" ? fr : en));
  const own = new Set([...shown.values()].flatMap(pieces));
  const found = new Set<string>();
  for (const [key, value] of flatten(lang === "fr" ? en : fr)) {
    if (key.startsWith("demo.") || shown.get(key) === value) continue;
    for (const p of pieces(value)) if (!own.has(p)) found.add(p);
  }
  return [...found];
}

/**
 * The texts of `page` (text nodes, labels, placeholders, titles) that belong to the other
 * language's catalogue: a text equal to one of its pieces, or holding one of three words or more.
 */
export async function leftovers(page: Page, lang: "en" | "fr"): Promise<string[]> {
  const foreign = foreignPieces(lang);
  const texts: string[] = await page.evaluate(() => {
    const out = new Set<string>([document.title]);
    for (const el of Array.from(document.querySelectorAll("body *"))) {
      // What people wrote is in their own language (a French teammate's message on an English page).
      if (el.closest("script, style, noscript, [data-user-text]")) continue;
      for (const a of ["placeholder", "aria-label", "title", "alt"]) {
        const v = el.getAttribute(a);
        if (v?.trim()) out.add(v.trim());
      }
      for (const n of Array.from(el.childNodes))
        if (n.nodeType === Node.TEXT_NODE && n.textContent?.trim()) out.add(n.textContent.trim());
    }
    return [...out];
  });
  return texts.filter((text) => foreign.some((p) => text === p || (p.split(" ").length >= 3 && text.includes(p))));
}
