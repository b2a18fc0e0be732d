import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { createTranslator } from "use-intl";
import { describe, expect, it } from "vitest";
import en from "./messages/en.json";
import fr from "./messages/fr.json";
import { negotiate } from "./locales";
import { clientMessages, staffClientMessages } from "./client-messages";

type Tree = { [key: string]: string | Tree };
const flatten = (tree: Tree, prefix = ""): string[] =>
  Object.entries(tree).flatMap(([k, v]) => (typeof v === "string" ? [`${prefix}${k}`] : flatten(v, `${prefix}${k}.`)));

// Every key is written out in full where it is used (t("nav.schedule"), no namespaces),
// so a key no source file spells is unused.
function sourceText(dir: string): string {
  return readdirSync(dir)
    .map((name) => path.join(dir, name))
    .map((p) =>
      statSync(p).isDirectory()
        ? p.includes("generated")
          ? ""
          : sourceText(p)
        : /\.(ts|tsx)$/.test(p) && !p.endsWith(".test.ts")
          ? readFileSync(p, "utf8")
          : "",
    )
    .join("\n");
}

describe("catalogues", () => {
  it("English and French have the same keys", () => {
    expect(flatten(fr as Tree).sort()).toEqual(flatten(en as Tree).sort());
  });

  it("every key is used somewhere", () => {
    // The proxy (proxy.ts) answers before any page: its words are the catalogue's too.
    const source = [
      ...["app", "components", "lib"].map((d) => sourceText(path.resolve(d))),
      readFileSync(path.resolve("proxy.ts"), "utf8"),
    ].join("\n");
    const unused = flatten(en as Tree).filter((key) => !source.includes(`"${key}"`));
    expect(unused).toEqual([]);
  });

  it("the browser gets every key a client component spells, the staff's on staff pages only, and not the server's own texts", () => {
    const files = (dir: string): string[] =>
      readdirSync(dir).flatMap((name) => {
        const p = path.join(dir, name);
        return statSync(p).isDirectory()
          ? p.includes("generated")
            ? []
            : files(p)
          : /\.tsx?$/.test(p) && !p.endsWith(".test.ts")
            ? [p]
            : [];
      });
    const client = ["app", "components", "lib"]
      .flatMap((d) => files(path.resolve(d)))
      .map((p) => readFileSync(p, "utf8"))
      .filter((text) => text.startsWith('"use client"'));
    const keys = new Set(flatten(en as Tree));
    const spelled = [
      ...new Set(client.flatMap((text) => [...text.matchAll(/"([a-zA-Z]+(?:\.[a-zA-Z]+)+)"/g)].map((m) => m[1]!))),
    ].filter((k) => keys.has(k));
    const everyPage = new Set(flatten(clientMessages(en) as Tree));
    const staffPages = new Set(flatten(staffClientMessages(en) as Tree));
    expect(spelled.filter((k) => !everyPage.has(k) && !staffPages.has(k))).toEqual([]);
    expect(spelled.length).toBeGreaterThan(50);
    for (const shipped of [everyPage, staffPages])
      expect([...shipped].some((k) => /^(demo|system|email|audit)\./.test(k))).toBe(false);
    // A teammate's page gets none of the staff's texts (a missing one shows in any browser test: fixtures.ts).
    expect([...everyPage].some((k) => k.startsWith("inbox.") || k.startsWith("grouped."))).toBe(false);
    expect(everyPage.has("thread.send") && staffPages.has("inbox.markUnreadFromHere")).toBe(true);
  });

  it("plurals are right in both languages", () => {
    const tEn = createTranslator({ locale: "en", messages: en });
    const tFr = createTranslator({ locale: "fr", messages: fr });
    expect(tEn("nav.unread", { count: 1 })).toBe("1 unread");
    expect(tEn("nav.unread", { count: 3 })).toBe("3 unread");
    expect(tFr("nav.unread", { count: 1 })).toBe("1 non lu");
    expect(tFr("nav.unread", { count: 0 })).toBe("0 non lu"); // French: 0 and 1 are singular
    expect(tFr("nav.unread", { count: 2 })).toBe("2 non lus");
  });
});

describe("language before sign-in", () => {
  it("follows the browser's Accept-Language, English otherwise", () => {
    expect(negotiate("fr-CA,fr;q=0.9,en;q=0.8")).toBe("fr");
    expect(negotiate("de-DE,de;q=0.9,fr;q=0.5")).toBe("fr");
    expect(negotiate("en-GB,fr;q=0.9")).toBe("en");
    expect(negotiate("fr;q=0.2,en;q=0.8")).toBe("en");
    expect(negotiate("es")).toBe("en");
    expect(negotiate(null)).toBe("en");
  });
});
