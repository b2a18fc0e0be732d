import { describe, expect, it } from "vitest";
import { signInSchema } from "./schemas";

describe("signInSchema", () => {
  it("normalises the e-mail and keeps an on-site callback", () => {
    expect(signInSchema.parse({ email: "  Maya@Northwind.TEST ", password: "p", callbackUrl: "/inbox/abc" })).toEqual({
      email: "maya@northwind.test",
      password: "p",
      callbackUrl: "/inbox/abc",
    });
  });

  it("drops callbacks that would leave the site, as the browser reads them", () => {
    // "/" TAB "/host" is "//host" once the browser drops the tab; CR and LF would break the header.
    for (const callbackUrl of [
      "https://evil.test",
      "//evil.test",
      "/\\evil.test",
      "inbox",
      "/\t/evil.test",
      "/\n/evil.test",
      "/\r\nSet-Cookie:x=1",
      "/ /evil.test",
      "/\u0000x",
    ]) {
      expect(signInSchema.parse({ email: "a@b.test", password: "p", callbackUrl }).callbackUrl).toBeUndefined();
    }
  });

  it("keeps on-site paths, normalised", () => {
    expect(
      signInSchema.parse({ email: "a@b.test", password: "p", callbackUrl: "/inbox/abc?sort=name#x" }).callbackUrl,
    ).toBe("/inbox/abc?sort=name#x");
    expect(signInSchema.parse({ email: "a@b.test", password: "p", callbackUrl: "/me/../inbox" }).callbackUrl).toBe(
      "/inbox",
    );
    expect(signInSchema.parse({ email: "a@b.test", password: "p", callbackUrl: 42 }).callbackUrl).toBeUndefined();
  });

  it("names each bad field's message by its catalogue key", () => {
    const r = signInSchema.safeParse({ email: "not-an-email", password: "x".repeat(201) });
    expect(r.success).toBe(false);
    const issues = Object.fromEntries(r.error!.issues.map((i) => [i.path[0], i.message]));
    expect(issues).toEqual({ email: "errors.emailInvalid", password: "errors.passwordTooLong" });
  });
});
