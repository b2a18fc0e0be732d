import { describe, expect, it } from "vitest";
import { linkify } from "./linkify";

describe("linkify", () => {
  it("splits out http(s) links without trailing punctuation", () => {
    expect(linkify("See https://example.org/a?b=1, then http://x.test.")).toEqual([
      { kind: "text", text: "See " },
      { kind: "link", text: "https://example.org/a?b=1", href: "https://example.org/a?b=1" },
      { kind: "text", text: ", then " },
      { kind: "link", text: "http://x.test", href: "http://x.test" },
      { kind: "text", text: "." },
    ]);
  });

  it("never turns other schemes or markup into links", () => {
    expect(linkify('javascript:alert(1) <a href="x">')).toEqual([
      { kind: "text", text: 'javascript:alert(1) <a href="x">' },
    ]);
  });
});
