import { describe, expect, it } from "vitest";
import { readFileSync } from "node:fs";
import { appUrl, configProblem, NAMES } from "./config";

describe("configuration", () => {
  it("accepts the embedded default with nothing set, and .env.example's empty values", () => {
    expect(configProblem({})).toBeNull();
    expect(
      configProblem({
        NEXTAUTH_SECRET: "",
        DATABASE_URL: "file:./data/shiftline.db",
        PORT: "3000",
        TRUSTED_PROXY_HOPS: "0",
      }),
    ).toBeNull();
  });

  it("names the first wrong variable and what it expects, in one line, never showing a secret", () => {
    expect(configProblem({ PORT: "eighty" })).toBe('PORT must be a port number from 1 to 65535 (got "eighty").');
    expect(configProblem({ DATABASE_URL: "mysql://x" })).toBe(
      'DATABASE_URL must be a SQLite file ("file:./data/shiftline.db") or a PostgreSQL URL ("postgresql://…") (got "mysql://x").',
    );
    expect(
      configProblem({ TWILIO_ACCOUNT_SID: `AC${"0".repeat(32)}`, TWILIO_AUTH_TOKEN: "t", TWILIO_FROM: "0612345678" }),
    ).toBe('TWILIO_FROM must be a phone number in E.164 form (+15005550006) (got "0612345678").');
    expect(configProblem({ TWILIO_ACCOUNT_SID: `AC${"0".repeat(32)}`, TWILIO_FROM: "+15005550006" })).toBe(
      "TWILIO_AUTH_TOKEN must be Twilio's auth token, with TWILIO_ACCOUNT_SID (it is not set).",
    );
    expect(configProblem({ DATABASE_URL: "postgresql://db/shiftline" })).toMatch(
      /^NEXTAUTH_SECRET must be a secret shared by every instance/,
    );
    const short = configProblem({ NEXTAUTH_SECRET: "hunter2" })!;
    expect(short).toBe("NEXTAUTH_SECRET must be a random secret of at least 16 characters (its value is refused).");
    expect(short).not.toContain("hunter2");
    expect(configProblem({ VAPID_PUBLIC_KEY: "abc" })).toMatch(
      /^VAPID_PRIVATE_KEY must be both VAPID keys, or neither/,
    );
    expect(configProblem({ SHIFTLINE_WORKER: "no" })).toBe('SHIFTLINE_WORKER must be "on" or "off" (got "no").');
  });

  it(".env.example documents every variable the app reads", () => {
    const example = readFileSync(".env.example", "utf8");
    expect(NAMES.filter((n) => !new RegExp(`^#? ?${n}=`, "m").test(example))).toEqual([]);
  });

  it("links follow the public URL, or else the port this server runs on", () => {
    const c = (env: Record<string, unknown>) => ({ ...env }) as never;
    expect(appUrl(c({ PORT: 3210 }))).toBe("http://localhost:3210");
    expect(appUrl(c({}))).toBe("http://localhost:3000");
    expect(appUrl(c({ PORT: 3210, NEXTAUTH_URL: "http://127.0.0.1:3210/" }))).toBe("http://127.0.0.1:3210");
    expect(appUrl(c({ PORT: 3210, APP_URL: "https://shiftline.example.org", NEXTAUTH_URL: "http://x" }))).toBe(
      "https://shiftline.example.org",
    );
  });
});
