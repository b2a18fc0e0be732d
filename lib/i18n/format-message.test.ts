import { createTranslator } from "use-intl/core";
import { describe, expect, it } from "vitest";
import { formatMessage, parseMessage, plainNumber, pluralCategory } from "./format-message";
import en from "./messages/en.json";
import fr from "./messages/fr.json";

type Tree = { [key: string]: string | Tree };

function* entries(tree: Tree, prefix = ""): Generator<[string, string]> {
  for (const [k, v] of Object.entries(tree)) {
    if (typeof v === "string") yield [prefix + k, v];
    else yield* entries(v, `${prefix}${k}.`);
  }
}

// Every argument of a message, with whether it is counted (number or plural).
function argumentsOf(nodes: ReturnType<typeof parseMessage>, out = new Map<string, boolean>()) {
  for (const node of nodes) {
    if (typeof node === "string" || node.name === "#") continue;
    out.set(node.name, out.get(node.name) || node.type !== undefined);
    for (const branch of Object.values(node.options ?? {})) argumentsOf(branch, out);
  }
  return out;
}

describe("formatMessage gives what use-intl gives", () => {
  for (const [locale, catalogue] of [
    ["en", en],
    ["fr", fr],
  ] as const) {
    it(`for every message of the ${locale} catalogue, with counts 0, 1, 2, 21 and 1234.5`, () => {
      let checked = 0;
      for (const [key, message] of entries(catalogue as Tree)) {
        const args = argumentsOf(parseMessage(message));
        const reference = createTranslator({ locale, messages: { m: message } });
        for (const n of [0, 1, 2, 21, 1234.5]) {
          const values = Object.fromEntries([...args].map(([name, counted]) => [name, counted ? n : `‹${name}›`]));
          const expected = (reference as unknown as (k: string, v: object) => string)("m", values);
          expect(formatMessage(message, values, locale), key).toBe(expected);
          checked++;
        }
      }
      expect(checked).toBeGreaterThan(2000);
    });
  }
});

describe("formatMessage", () => {
  it("reads ICU quoting, exact plural matches and the two-decimal skeleton", () => {
    expect(
      formatMessage("It''s '{literal}' {n, plural, =0 {none} one {# item} other {# items '#'}}", { n: 3 }, "en"),
    ).toBe("It's {literal} 3 items #");
    expect(formatMessage("{n, plural, =0 {none} other {#}}", { n: 0 }, "en")).toBe("none");
    expect(formatMessage("{p, number, ::.00} $", { p: 1.5 }, "fr")).toBe("1,50 $");
    expect(formatMessage("{n, number}", { n: 12345 }, "fr")).toBe("12\u202f345");
  });

  it("refuses a missing value rather than printing the placeholder", () => {
    expect(() => formatMessage("Hello {name}", {}, "en")).toThrow(/name/);
  });
});

describe("numbers and plural categories without Intl (a browser page's first Intl object is slow to build)", () => {
  const samples = [
    ...Array.from({ length: 2100 }, (_, i) => i),
    999_999,
    1_000_000,
    1_000_001,
    2_000_000,
    3_500_000,
    10_000_000,
    1.5,
    0.5,
    -1,
    -2,
  ];
  for (const locale of ["en", "fr"]) {
    it(`says what Intl says, in ${locale}`, () => {
      const plural = new Intl.PluralRules(locale);
      const number = new Intl.NumberFormat(locale);
      let plain = 0;
      for (const n of samples) {
        expect(pluralCategory(locale, n), `${n}`).toBe(plural.select(n));
        const fast = plainNumber(locale, n);
        if (fast === null) continue;
        plain++;
        expect(fast, `${n}`).toBe(number.format(n));
      }
      // The positive control: the fast path did answer (0 to 999), and not beyond.
      expect(plain).toBe(1000);
    });
  }

  it("leaves styled numbers and other languages to Intl", () => {
    expect(plainNumber("en", 5, "::.00")).toBeNull();
    expect(plainNumber("de", 5)).toBeNull();
    expect(formatMessage("{p, number, ::.00}", { p: 5 }, "en")).toBe("5.00");
    expect(formatMessage("{n, plural, one {# file} other {# files}}", { n: 1 }, "fr")).toBe("1 file");
  });
});
