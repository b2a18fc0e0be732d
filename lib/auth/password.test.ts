import { describe, expect, it } from "vitest";
import { hashPassword, passwordCost, verifyPassword } from "./password";

const cheap = { N: 1024, r: 8, p: 1 };

describe("password hashing", () => {
  it("verifies the right password and refuses a wrong one", async () => {
    const stored = await hashPassword("s3cret pass", cheap);
    expect(stored).toMatch(/^scrypt\$1024\$8\$1\$/);
    expect(await verifyPassword("s3cret pass", stored)).toBe(true);
    expect(await verifyPassword("s3cret pasS", stored)).toBe(false);
  });

  it("salts each hash", async () => {
    expect(await hashPassword("same", cheap)).not.toBe(await hashPassword("same", cheap));
  });

  it("uses a memory-hard cost wherever the app runs; a cheap one only under Vitest", async () => {
    for (const NODE_ENV of ["production", "development", undefined])
      expect(passwordCost({ NODE_ENV })).toEqual({ N: 32768, r: 8, p: 1 });
    expect(await hashPassword("x", passwordCost({ NODE_ENV: "production" }))).toMatch(/^scrypt\$32768\$8\$1\$/);
    expect(await hashPassword("x")).toMatch(/^scrypt\$1024\$8\$1\$/);
  });

  it("refuses malformed stored hashes", async () => {
    expect(await verifyPassword("x", "plain-text")).toBe(false);
    expect(await verifyPassword("x", "bcrypt$1$2$3$a$b")).toBe(false);
  });
});
