import { describe, expect, it } from "vitest";
import { cookiesSecure } from "./options";

describe("the session cookie's Secure flag", () => {
  it("is on in production unless told it runs on plain http on this machine", () => {
    expect(cookiesSecure({ NODE_ENV: "production" })).toBe(true);
    expect(cookiesSecure({ NODE_ENV: "production", NEXTAUTH_URL: "http://shiftline.example.org" })).toBe(true);
    expect(cookiesSecure({ NODE_ENV: "production", NEXTAUTH_URL: "http://localhost.example.org" })).toBe(true);
    expect(cookiesSecure({ NODE_ENV: "production", NEXTAUTH_URL: "https://shiftline.example.org" })).toBe(true);
    expect(cookiesSecure({ NODE_ENV: "production", NEXTAUTH_URL: "http://localhost:3000" })).toBe(false);
    expect(cookiesSecure({ NODE_ENV: "production", NEXTAUTH_URL: "http://127.0.0.1:3100/" })).toBe(false);
  });

  it("follows NEXTAUTH_URL in development", () => {
    expect(cookiesSecure({ NODE_ENV: "development" })).toBe(false);
    expect(cookiesSecure({ NODE_ENV: "development", NEXTAUTH_URL: "https://dev.example.org" })).toBe(true);
  });
});
